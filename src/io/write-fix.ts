import { constants } from 'node:fs';
import { access, lstat, open, realpath } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { JianghuaError } from '../errors.js';
import type { DecodedText } from './read-text.js';
import { writeFileAtomic } from './write-atomic.js';

/**
 * `lint --fix` writing back: the bytes of the file it was given, changed only where a fix changed
 * the text. Line ends (LF, CRLF, CR-only, mixed), BOM or none, the encoding and bytes the decoder
 * could not read (damaged UTF-8 shown as U+FFFD) are copied, never re-encoded; what cannot be kept
 * is refused with the reason, and the file is left as it was.
 */

const refuse = (file: string, message: string, line?: number) => new JianghuaError('usage', `${message}，未修复`, line === undefined ? { file } : { file, line });

function encoder(encoding: string): (text: string) => Buffer {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') return (text) => Buffer.from(text, 'utf8');
  // iconv-lite's utf-16le/be and GB18030 (Big5 …) encoders write no BOM: the original's bytes keep it
  return (text) => iconv.encode(text, encoding);
}

const BOM_BYTES: Record<string, number> = { 'utf-8-bom': 3, 'utf-16le': 2, 'utf-16be': 2 };

/** Byte ranges of the lines of `body` (each without its line end) and the line ends themselves. */
function byteLines(body: Uint8Array, encoding: string): Array<{ start: number; end: number; eol: Uint8Array }> {
  const unit = encoding.startsWith('utf-16') ? 2 : 1;
  const low = encoding === 'utf-16be' ? 1 : 0;
  const at = (i: number) => (unit === 1 ? body[i] : body[i + 1 - low] === 0 ? body[i + low] : -1);
  const lines: Array<{ start: number; end: number; eol: Uint8Array }> = [];
  let start = 0;
  for (let i = 0; i + unit <= body.length; i += unit) {
    const c = at(i);
    if (c !== 0x0a && c !== 0x0d) continue;
    const crlf = c === 0x0d && i + 2 * unit <= body.length && at(i + unit) === 0x0a;
    const eolEnd = i + (crlf ? 2 : 1) * unit;
    lines.push({ start, end: i, eol: body.subarray(i, eolEnd) });
    start = eolEnd;
    i = eolEnd - unit;
  }
  lines.push({ start, end: body.length, eol: new Uint8Array(0) });
  return lines;
}

/**
 * The bytes of `text.slice(from, to)` inside `bytes` (one line of the file), or undefined when
 * they cannot be told apart exactly. Outside the span anything may stand (damaged UTF-8 is
 * found by decoding, not by encoding); the span itself must round-trip, since it is re-encoded.
 */
function changedSpan(bytes: Uint8Array, text: string, from: number, to: number, encoding: string, encode: (s: string) => Buffer): [number, number] | undefined {
  let start: number | undefined;
  let end: number | undefined;
  if (encoding.startsWith('utf-8')) {
    const decode = (a: number, b: number) => new TextDecoder('utf-8').decode(bytes.subarray(a, b));
    // a character boundary at or after k: not a continuation byte
    const boundary = (k: number) => {
      while (k < bytes.length && ((bytes[k] as number) & 0xc0) === 0x80) k++;
      return k;
    };
    // smallest boundary whose prefix decodes to `from` characters (decoded length grows with k)
    let lo = 0;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (decode(0, boundary(mid)).length >= from) hi = mid;
      else lo = mid + 1;
    }
    start = boundary(lo);
    if (decode(0, start) !== text.slice(0, from)) return undefined;
    // largest boundary whose suffix decodes to the last characters after `to`
    lo = start;
    hi = bytes.length;
    const want = text.length - to;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (decode(boundary(mid), bytes.length).length >= want) lo = mid;
      else hi = mid - 1;
    }
    end = boundary(lo);
    if (decode(end, bytes.length) !== text.slice(to)) return undefined;
  } else {
    const head = encode(text.slice(0, from));
    const tail = encode(text.slice(to));
    if (!head.equals(bytes.subarray(0, head.length)) || !tail.equals(bytes.subarray(bytes.length - tail.length))) return undefined;
    start = head.length;
    end = bytes.length - tail.length;
  }
  if (end < start || !encode(text.slice(from, to)).equals(bytes.subarray(start, end))) return undefined;
  return [start, end];
}

const splitLines = (text: string) => text.split(/\r\n|\r|\n/u);

/**
 * The original bytes with the fixed text spliced in. `decoded` is what the reader made of
 * `original`; `fixed` is the linted text after the fixes, with any line ends (only the lines count).
 * Lines the fixes did not touch are copied byte for byte; in a changed line only the span from
 * the first to the last changed character is encoded, and only if those original bytes
 * round-trip (else the fix would alter bytes it had no reason to touch: refused).
 */
export function encodeFix(original: Uint8Array, decoded: DecodedText, fixed: string, file: string): Buffer {
  const encode = encoder(decoded.encoding);
  const body = original.subarray(BOM_BYTES[decoded.encoding] ?? 0);
  const byLine = byteLines(body, decoded.encoding);
  // the linter drops a leading U+FEFF left in the text (a second BOM); put it back on line 1
  const lead = decoded.text.startsWith('\ufeff') ? '\ufeff' : '';
  const before = splitLines(decoded.text.slice(lead.length));
  const after = splitLines(fixed);
  if (before.length !== byLine.length) throw refuse(file, '无法把文字对应回文件的字节（换行符与编码不一致）');
  if (after.length !== before.length) throw refuse(file, '修复改变了行数，原有的换行符无法逐行保留');
  const out: Uint8Array[] = [original.subarray(0, original.length - body.length)];
  for (const [i, line] of byLine.entries()) {
    const was = (i === 0 ? lead : '') + (before[i] as string);
    const now = (i === 0 ? lead : '') + (after[i] as string);
    const bytes = body.subarray(line.start, line.end);
    if (was === now) {
      out.push(bytes, line.eol);
      continue;
    }
    let p = 0;
    while (p < was.length && p < now.length && was[p] === now[p]) p++;
    let s = 0;
    while (s < was.length - p && s < now.length - p && was[was.length - 1 - s] === now[now.length - 1 - s]) s++;
    // never cut a surrogate pair
    if (p > 0 && /[\ud800-\udbff]/u.test(was[p - 1] as string)) p--;
    if (s > 0 && /[\udc00-\udfff]/u.test(was[was.length - s] as string)) s--;
    const span = changedSpan(bytes, was, p, was.length - s, decoded.encoding, encode);
    if (!span) throw refuse(file, `第 ${i + 1} 行含有无法原样写回的字节（损坏的字节或编码外的字符）`, i + 1);
    out.push(bytes.subarray(0, span[0]), encode(now.slice(p, now.length - s)), bytes.subarray(span[1]), line.eol);
  }
  return Buffer.concat(out);
}

/** Owner and permission bits as they are: a replacement must end with the same. */
async function writableTarget(file: string): Promise<{ real: string; inPlace: boolean }> {
  // a symlink is followed: the file it points to gets the fix, the link stays a link
  const real = await realpath(file).catch(() => file);
  const info = await lstat(real).catch(() => undefined);
  if (!info) throw new JianghuaError('changed', '文件在读取之后已被修改，未写入（请重新运行）', { file });
  if (!info.isFile()) throw refuse(file, '不是普通文件');
  if ((info.mode & 0o222) === 0) throw refuse(file, `文件是只读的（权限 ${(info.mode & 0o777).toString(8).padStart(4, '0')}）`);
  const root = process.getuid?.() === 0;
  if (!root && (await access(real, constants.W_OK).then(() => false, () => true))) throw refuse(file, '没有写入权限');
  // replacing the file would split hard links or (for a run by another user) change its owner:
  // those are edited in place instead; root can hand the replacement back to the owner
  const otherOwner = process.getuid !== undefined && info.uid !== process.getuid();
  return { real, inPlace: info.nlink > 1 || (otherOwner && !root) };
}

/** Rewrite the bytes of the file itself (hard links keep seeing it), after checking it still holds `original`. */
async function rewriteInPlace(file: string, real: string, original: Uint8Array, fixed: Uint8Array): Promise<void> {
  const handle = await open(real, 'r+');
  try {
    const now = await handle.readFile();
    if (!now.equals(Buffer.from(original))) throw new JianghuaError('changed', '文件在读取之后已被修改，未写入（请重新运行）', { file });
    await handle.write(fixed, 0, fixed.length, 0);
    await handle.truncate(fixed.length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Write fixed bytes back to `file`, unless it no longer holds what was linted. Atomic (temp file
 * and rename, owner and mode kept) where that keeps the file what it was; in place for a file
 * with hard links or another owner; refused for a read-only file.
 */
export async function writeFix(file: string, original: Uint8Array, fixed: Uint8Array): Promise<void> {
  const { real, inPlace } = await writableTarget(file);
  if (inPlace) return rewriteInPlace(file, real, original, fixed);
  // writeFileAtomic re-checks just before the swap, so an edit made meanwhile is never overwritten
  await writeFileAtomic(real, fixed, { force: true, original, keepOwner: true }).catch((error: unknown) => {
    throw error instanceof JianghuaError && error.place.file === real && real !== file ? new JianghuaError(error.code, error.message, { ...error.place, file }, { cause: error }) : error;
  });
}
