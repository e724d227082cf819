import { createRequire } from 'node:module';
import type * as Chardet from 'chardet';
import iconv from 'iconv-lite';
import { JianghuaError } from '../errors.js';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface DecodedText {
  text: string;
  encoding: Encoding;
  /** UTF-8 text with a few broken bytes (a bad paste, a cut-off download): how many became U+FFFD. */
  invalidBytes?: number;
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

/** Characters a speech is made of: Han, CJK and full-width punctuation, ASCII, Latin-1, general punctuation. */
const PLAUSIBLE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2000-\u206f\u00a0-\u00ff\u0020-\u007e\t\n\r]/gu;

function plausibleShare(buf: Uint8Array, n: number, encoding: 'utf-16le' | 'utf-16be'): number {
  const sample = iconv.decode(Buffer.from(buf.subarray(0, n)), encoding);
  return sample.length === 0 ? 0 : (sample.match(PLAUSIBLE)?.length ?? 0) / sample.length;
}

/** UTF-16 without a BOM: NULs in the high-byte lane only (ASCII, line ends), and text that decodes to plausible characters. */
function sniffUtf16(buf: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(buf.length, 8192) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  if (evenNul === 0 && oddNul === 0) {
    // pure CJK without a single line end: decoding must give almost only Han and CJK punctuation
    for (const enc of ['utf-16le', 'utf-16be'] as const) {
      const sample = iconv.decode(Buffer.from(buf.subarray(0, n)), enc);
      const cjk = sample.match(/[\p{Script=Han}\u3000-\u303f\uff00-\uffef\n]/gu)?.length ?? 0;
      if (cjk > sample.length * 0.9) return enc;
    }
    return undefined;
  }
  // NULs come from ASCII (high byte) and from Han such as 一 U+4E00 (low byte), so both lanes have some:
  // let the decoding decide, the right byte order gives text, the wrong one gives noise
  const le = plausibleShare(buf, n, 'utf-16le');
  const be = plausibleShare(buf, n, 'utf-16be');
  if (le >= 0.9 && le - be >= 0.2) return 'utf-16le';
  if (be >= 0.9 && be - le >= 0.2) return 'utf-16be';
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
 * Valid multi-byte UTF-8 sequences and invalid bytes. Mostly valid with a few bad bytes is
 * damaged UTF-8; GBK/GB18030 text, read as UTF-8, has far more bad bytes than valid sequences.
 */
function utf8Damage(buf: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < buf.length; ) {
    const b = buf[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need === 0) {
      i++;
      continue;
    }
    let ok = need > 0 && i + need < buf.length;
    for (let k = 1; ok && k <= need; k++) ok = ((buf[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

function tryUtf8(buf: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return undefined;
  }
}

/**
 * Decode a text file's bytes: BOMs first, then strict UTF-8, then UTF-16 without BOM, then
 * GB18030 (a superset of GBK and GB2312) or Big5. Binary data is an error naming the file.
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
  // the common case first: without NUL bytes, text that is valid UTF-8 is UTF-8 (UTF-16 CJK never is, past a few characters)
  const strictUtf8 = buf.includes(0) ? undefined : tryUtf8(buf);
  if (strictUtf8 !== undefined) {
    if (controlShare(strictUtf8) > 0.01) throw new JianghuaError('binary', '不是文本文件（控制字符过多），无法读取', { file });
    return { text: strictUtf8, encoding: 'utf-8' };
  }
  const utf16 = sniffUtf16(buf);
  if (utf16) {
    const text = iconv.decode(Buffer.from(buf), utf16);
    if (controlShare(text) > 0.01) throw new JianghuaError('binary', '不是文本文件（控制字符过多），无法读取', { file });
    return { text, encoding: utf16 };
  }
  if (buf.includes(0)) throw new JianghuaError('binary', '不是文本文件（含有 NUL 字节），无法读取', { file });
  const damage = utf8Damage(buf);
  if (damage.valid >= 20 && damage.invalid * 50 <= damage.valid) {
    const text = new TextDecoder('utf-8').decode(buf);
    if (controlShare(text) <= 0.01) return { text, encoding: 'utf-8', invalidBytes: damage.invalid };
  }
  const encoding = legacyChinese(buf);
  const text = iconv.decode(Buffer.from(buf), encoding);
  if (controlShare(text) > 0.01) {
    throw new JianghuaError('binary', '无法识别文件编码（既不是 UTF-8，也不是 GBK/GB18030 或 Big5），或不是文本文件', { file });
  }
  return { text, encoding };
}

/** Enough of a file to tell its encoding: the detector's cost grows with the sample, its verdict does not. */
const DETECT_SAMPLE = 64 * 1024;

/**
 * GB18030 or Big5 for double-byte Chinese. Big5 bytes nearly always decode as GBK too (into
 * nonsense), so the choice is chardet's character-frequency verdict, not whether decoding fails.
 * Short or ambiguous text stays GB18030, the mainland default.
 */
function legacyChinese(buf: Uint8Array): 'gb18030' | 'big5' {
  // loaded only for a file that is neither UTF-8 nor UTF-16
  const { analyse } = createRequire(import.meta.url)('chardet') as typeof Chardet;
  const scores = new Map(analyse(buf.subarray(0, DETECT_SAMPLE)).map((m) => [m.name, m.confidence]));
  const big5 = scores.get('Big5') ?? 0;
  return big5 >= 50 && big5 > (scores.get('GB18030') ?? 0) ? 'big5' : 'gb18030';
}
