import { open, stat } from 'node:fs/promises';
import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { JianghuaError } from '../errors.js';

/**
 * The one guarded way to read a file the tool was given: speeches, and every auxiliary input
 * (templates, taxonomies, configs, dictionaries, corpus.yaml, facts, merge parts). Regular files
 * only (a FIFO would block, a device never end), of a bounded size, with one Chinese message per failure.
 */
export interface ReadOptions {
  /** Refuse larger files without reading them (default MAX_TEXT_BYTES). */
  maxBytes?: number;
  /** What the file is, for messages: “配置文件”, “分类文件”…; speeches need none. */
  what?: string;
}

/** The largest file read as a speech: far beyond any speech, small enough to parse in a second or two. */
export const MAX_TEXT_BYTES = 16 * 1024 * 1024;
/** Auxiliary YAML (config, taxonomy, corpus.yaml, facts, templates): hand-written files, far smaller than a speech corpus. */
export const MAX_AUX_BYTES = 4 * 1024 * 1024;

const MB = 1024 * 1024;
export const formatSize = (n: number) => (n < MB ? `${Math.ceil(n / 1024)} KB` : `${(n / MB).toFixed(n < 10 * MB ? 1 : 0)} MB`);

const prefix = (what: string | undefined) => (what ? `${what}：` : '');

export function readError(error: unknown, file: string, what?: string): JianghuaError {
  const code = (error as NodeJS.ErrnoException).code;
  const p = prefix(what);
  if (code === 'ENOENT') return new JianghuaError('not-found', what ? `${what}不存在` : '文件不存在（可能已被删除或移走）', { file }, { cause: error });
  if (code === 'ENOTDIR') return new JianghuaError('not-found', `${p}路径中有一段不是目录，文件不存在`, { file }, { cause: error });
  if (code === 'EISDIR') return new JianghuaError('usage', `${p}这是一个目录，不是文件`, { file }, { cause: error });
  if (code === 'EACCES' || code === 'EPERM') return new JianghuaError('unreadable', `${p}没有读取权限`, { file }, { cause: error });
  if (code === 'ELOOP') return new JianghuaError('unreadable', `${p}符号链接循环，无法读取`, { file }, { cause: error });
  if (code === 'ENAMETOOLONG') return new JianghuaError('unreadable', `${p}文件名过长，无法读取`, { file }, { cause: error });
  return new JianghuaError('unreadable', `${p}无法读取（${code ?? String(error)}）`, { file }, { cause: error });
}

/** Why a path that is not a regular file cannot be read, in the words of the thing it is. */
function notRegular(info: Stats): string {
  if (info.isFIFO()) return '这是一个命名管道（FIFO），不是普通文件，未读取';
  if (info.isCharacterDevice() || info.isBlockDevice()) return '这是一个设备文件，不是普通文件，未读取';
  if (info.isSocket()) return '这是一个套接字，不是普通文件，未读取';
  return '不是普通文件（设备、管道或套接字），无法读取';
}

/** Only regular files of sane size. */
export function checkFile(info: Stats, file: string, options: ReadOptions = {}): void {
  const maxBytes = options.maxBytes ?? MAX_TEXT_BYTES;
  const p = prefix(options.what);
  if (info.isDirectory()) throw new JianghuaError('usage', `${p}这是一个目录，不是文件`, { file });
  if (!info.isFile()) throw new JianghuaError('unreadable', `${p}${notRegular(info)}`, { file });
  if (info.size > maxBytes) {
    throw new JianghuaError('unreadable', `${p}文件过大（${formatSize(info.size)}，上限 ${formatSize(maxBytes)}），${options.what ? '' : '不像是讲话稿，'}未读取`, { file });
  }
}

/** Stat and check a file that is streamed rather than read whole (analyze merge parts): regular, readable, no size cap. */
export async function checkStreamable(file: string, what?: string): Promise<void> {
  try {
    checkFile(await stat(file), file, { ...(what !== undefined ? { what } : {}), maxBytes: Number.MAX_SAFE_INTEGER });
  } catch (error) {
    throw error instanceof JianghuaError ? error : readError(error, file, what);
  }
}

function tooLarge(file: string, options: ReadOptions): JianghuaError {
  return new JianghuaError('unreadable', `${prefix(options.what)}文件过大（读取时超过 ${formatSize(options.maxBytes ?? MAX_TEXT_BYTES)} 上限），未读取`, { file });
}

/** The bytes of a file, checked before opening (opening a FIFO blocks) and again on the open handle (it may have been replaced). */
export async function readFileBytes(file: string, options: ReadOptions = {}): Promise<Buffer> {
  let buf: Buffer;
  try {
    checkFile(await stat(file), file, options);
    const handle = await open(file, 'r');
    try {
      checkFile(await handle.stat(), file, options);
      buf = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw error instanceof JianghuaError ? error : readError(error, file, options.what);
  }
  if (buf.length > (options.maxBytes ?? MAX_TEXT_BYTES)) throw tooLarge(file, options);
  return buf;
}

/** readFileBytes for synchronous callers (config, taxonomy, templates are read while setting up). */
export function readFileBytesSync(file: string, options: ReadOptions = {}): Buffer {
  const maxBytes = options.maxBytes ?? MAX_TEXT_BYTES;
  try {
    checkFile(statSync(file), file, options);
    const fd = openSync(file, 'r');
    try {
      const info = fstatSync(fd);
      checkFile(info, file, options);
      // one byte more than allowed tells a file that grew since the stat
      const buf = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
      let got = 0;
      for (let n = -1; n !== 0 && got < buf.length; got += n) n = readSync(fd, buf, got, buf.length - got, null);
      if (got > maxBytes) throw tooLarge(file, options);
      return buf.subarray(0, got);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw error instanceof JianghuaError ? error : readError(error, file, options.what);
  }
}
