import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { JianghuaError } from '../errors.js';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: Encoding;
}

const MAGIC: Array<[string, number[]]> = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP/Office', [0x50, 0x4b, 0x03, 0x04]],
  ['OLE2 (.doc/.xls)', [0xd0, 0xcf, 0x11, 0xe0]],
  ['ELF', [0x7f, 0x45, 0x4c, 0x46]],
  ['gzip', [0x1f, 0x8b]],
];

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return bytes.length <= buf.length && bytes.every((b, i) => buf[i] === b);
}

/** NULs in one byte lane and not the other: UTF-16 text without a BOM. */
function sniffUtf16(buf: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  // ASCII-heavy UTF-16 has NULs in the high byte; CJK-heavy has almost none, so look for lone-lane NULs
  if (oddNul > pairs * 0.2 && evenNul < pairs * 0.02) return 'utf-16le';
  if (evenNul > pairs * 0.2 && oddNul < pairs * 0.02) return 'utf-16be';
  // CJK UTF-16 without BOM: no NULs, but decoding as UTF-16 yields mostly Han/CJK punctuation
  if (evenNul === 0 && oddNul === 0) {
    for (const enc of ['utf-16le', 'utf-16be'] as const) {
      const sample = iconv.decode(Buffer.from(buf.subarray(0, n)), enc);
      const cjk = sample.match(/[\p{Script=Han}\u3000-\u303f\uff00-\uffef\n]/gu)?.length ?? 0;
      if (cjk > sample.length * 0.9) return enc;
    }
  }
  return undefined;
}

/** Share of C0 control characters other than tab and line ends: high in binary data. */
function controlShare(text: string): number {
  const sample = text.slice(0, 8192);
  if (!sample) return 0;
  const controls = sample.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return controls / sample.length;
}

/**
 * Decode a speech file: BOMs first, then strict UTF-8, then UTF-16 without BOM,
 * then GB18030 (a superset of GBK and GB2312). Binary data is an error naming the file.
 */
export function decodeText(buf: Uint8Array, file = '<输入>'): DecodedText {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: iconv.decode(Buffer.from(buf.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: iconv.decode(Buffer.from(buf.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  }
  for (const [kind, bytes] of MAGIC) {
    if (startsWith(buf, bytes)) throw new JianghuaError('binary', `不是文本文件（看起来是 ${kind} 文件），无法读取`, { file });
  }
  const utf16 = sniffUtf16(buf);
  if (utf16) return { text: iconv.decode(Buffer.from(buf), utf16), encoding: utf16 };
  if (buf.includes(0)) throw new JianghuaError('binary', '不是文本文件（含有 NUL 字节），无法读取', { file });
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    if (controlShare(text) > 0.01) throw new JianghuaError('binary', '不是文本文件（控制字符过多），无法读取', { file });
    return { text, encoding: 'utf-8' };
  } catch (error) {
    if (error instanceof JianghuaError) throw error;
  }
  const text = iconv.decode(Buffer.from(buf), 'gb18030');
  if (controlShare(text) > 0.01) {
    throw new JianghuaError('binary', '无法识别文件编码（既不是 UTF-8，也不是 GBK/GB18030），或不是文本文件', { file });
  }
  return { text, encoding: 'gb18030' };
}

function readError(error: unknown, file: string): JianghuaError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new JianghuaError('not-found', '文件不存在', { file }, { cause: error });
  if (code === 'EISDIR') return new JianghuaError('usage', '这是一个目录，不是文件', { file }, { cause: error });
  if (code === 'EACCES' || code === 'EPERM') return new JianghuaError('unreadable', '没有读取权限', { file }, { cause: error });
  return new JianghuaError('unreadable', `无法读取（${code ?? String(error)}）`, { file }, { cause: error });
}

export async function readTextFile(file: string): Promise<DecodedText> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (error) {
    throw readError(error, file);
  }
  return decodeText(buf, file);
}

export function readTextFileSync(file: string): DecodedText {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (error) {
    throw readError(error, file);
  }
  return decodeText(buf, file);
}
