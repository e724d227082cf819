import { inflateRawSync } from 'node:zlib';
import { JianghuaError } from '../errors.js';
import { formatSize } from './read-file.js';

/**
 * Reading entries of a ZIP archive (a .docx) within a budget. Hand-written on purpose: jszip and
 * fflate inflate whole entries and trust the sizes the archive declares (jszip checks them only
 * after inflating everything; fflate silently truncates), so neither can stop a zip bomb early.
 * Here the declared sizes and ratios are checked from the central directory before anything is
 * inflated, and zlib stops at the declared size, so a lying entry costs no more than an honest one.
 */
export interface ZipBudget {
  /** The largest inflated size of one entry. */
  maxEntryBytes: number;
  /** The largest inflated size of all entries read. */
  maxTotalBytes: number;
  /** The largest inflated ÷ compressed ratio for an entry over 1 MB (text XML deflates 5–20:1). */
  maxRatio: number;
}

export const DOCX_BUDGET: ZipBudget = { maxEntryBytes: 32 * 1024 * 1024, maxTotalBytes: 48 * 1024 * 1024, maxRatio: 200 };

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const damaged = (file: string, why: string) => new JianghuaError('unreadable', `Word 文件已损坏（${why}），无法读取`, { file });

/** The central directory: every entry's name, method, sizes and where its local header is. */
function entries(buf: Buffer, file: string): Map<string, Entry> {
  // the end-of-central-directory record is in the last 22 + 65,535 bytes
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged(file, '找不到 ZIP 目录');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw new JianghuaError('unreadable', 'Word 文件使用 ZIP64 格式（讲话稿不需要），未读取', { file });
  const out = new Map<string, Entry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw damaged(file, 'ZIP 目录不完整');
    const nameLength = buf.readUInt16LE(at + 28);
    const entry: Entry = {
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
    };
    out.set(entry.name, entry);
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return out;
}

/**
 * The named entries that exist, inflated, as UTF-8 text. A missing entry is left out; one beyond
 * the budget is refused with its declared size and ratio, before anything is inflated.
 */
export function readZipEntries(buf: Buffer, names: readonly string[], file: string, budget: ZipBudget = DOCX_BUDGET): Map<string, string> {
  const all = entries(buf, file);
  const wanted = names.flatMap((n) => (all.has(n) ? [all.get(n) as Entry] : []));
  let total = 0;
  for (const e of wanted) {
    const ratio = e.size / Math.max(1, e.compressedSize);
    const bomb = `解压后 ${formatSize(e.size)}（压缩比 ${Math.round(ratio)}:1）`;
    if (e.size > budget.maxEntryBytes) throw new JianghuaError('unreadable', `Word 文件中的 ${e.name} ${bomb}，超过上限 ${formatSize(budget.maxEntryBytes)}，疑似压缩炸弹，未读取`, { file });
    if (e.size > 1024 * 1024 && ratio > budget.maxRatio) throw new JianghuaError('unreadable', `Word 文件中的 ${e.name} ${bomb}，压缩比超过 ${budget.maxRatio}:1，疑似压缩炸弹，未读取`, { file });
    total += e.size;
  }
  if (total > budget.maxTotalBytes) throw new JianghuaError('unreadable', `Word 文件的正文部分解压后共 ${formatSize(total)}，超过上限 ${formatSize(budget.maxTotalBytes)}，疑似压缩炸弹，未读取`, { file });
  const out = new Map<string, string>();
  for (const e of wanted) {
    if (e.localOffset + 30 > buf.length || buf.readUInt32LE(e.localOffset) !== 0x04034b50) throw damaged(file, `${e.name} 的位置不对`);
    const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
    const data = buf.subarray(start, start + e.compressedSize);
    if (data.length < e.compressedSize) throw damaged(file, `${e.name} 被截断`);
    let bytes: Buffer;
    if (e.method === 0) bytes = data;
    else if (e.method === 8) {
      try {
        // one byte over the declared size means the entry lied about it: stop there
        bytes = inflateRawSync(data, { maxOutputLength: e.size + 1 });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ERR_BUFFER_TOO_LARGE') throw new JianghuaError('unreadable', `Word 文件中的 ${e.name} 解压后超过它声明的 ${formatSize(e.size)}，疑似压缩炸弹，未读取`, { file }, { cause: error });
        throw damaged(file, `${e.name} 无法解压`);
      }
    } else throw new JianghuaError('unreadable', `Word 文件中的 ${e.name} 使用了不支持的压缩方式（${e.method}），未读取`, { file });
    if (bytes.length !== e.size) throw damaged(file, `${e.name} 的大小与声明不符`);
    out.set(e.name, bytes.toString('utf8'));
  }
  return out;
}

/** True when the archive holds the entry (a ZIP that is no Word document has no word/document.xml). */
export function zipHas(buf: Buffer, name: string, file: string): boolean {
  return entries(buf, file).has(name);
}
