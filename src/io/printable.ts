/**
 * Text from outside (a file name, a quoted snippet) made safe to print on a terminal: C0/C1
 * control characters, DEL and bidi overrides become visible escapes (\x1b, \u202e), so a name
 * such as `\x1b[2J.txt` cannot clear the screen or recolour the report.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
