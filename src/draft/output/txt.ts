import type { Block } from './blocks.js';

const INDENT = '\u3000\u3000';

/** Plain text as offices exchange it: title and salutation flush left, every paragraph indented two 全角 spaces. */
export function formatText(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === 'title') out.push(b.text);
    else if (b.type === 'date') out.push(b.text, '');
    else if (b.type === 'salutation') {
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
      out.push(b.text);
    } else out.push(`${INDENT}${b.text}`);
  }
  return `${out.join('\n')}\n`;
}
