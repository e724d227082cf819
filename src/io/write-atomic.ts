import type { Stats } from 'node:fs';
import { link, open, rename, unlink, stat, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { JianghuaError } from '../errors.js';
import { ScratchFile } from './temp-file.js';

export interface WriteOptions {
  /** Replace an existing file; without it, an existing target is refused and left untouched. */
  force?: boolean;
  /**
   * The content the caller read and edited (lint --fix): if the file on disk differs now,
   * someone changed it meanwhile and the write is refused ('changed'), whatever `force` says.
   */
  original?: string | Uint8Array;
  /** Files the command reads (draft's facts and template): the output may not be one of them, even with force. */
  inputs?: readonly string[];
  /** Give the replacement the owner and group of the file it replaces (lint --fix run as root on a user's file). */
  keepOwner?: boolean;
}

/** A set that says when it changes: the CLI arms its signal handlers only while it is non-empty. */
class PendingFiles extends Set<string> {
  onChange: ((size: number) => void) | undefined;
  override add(file: string): this {
    super.add(file);
    this.onChange?.(this.size);
    return this;
  }
  override delete(file: string): boolean {
    const had = super.delete(file);
    if (had) this.onChange?.(this.size);
    return had;
  }
}

/**
 * Temp files currently being written, so a signal handler can remove them. Only named files are
 * here, and only while they are written (async I/O, so a handler can run): everything else a run
 * keeps on disk is a ScratchFile, which has no name to leave behind.
 */
export const pendingTempFiles = new PendingFiles();

const EXISTS_MESSAGE = '文件已存在，未覆盖（如需覆盖请加 --force）';

function writeError(error: unknown, target: string): unknown {
  if (error instanceof JianghuaError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const place = { file: target };
  if (code === 'EEXIST') return new JianghuaError('exists', EXISTS_MESSAGE, place, { cause: error });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new JianghuaError('usage', `没有写入权限：${path.dirname(target)}`, place, { cause: error });
  if (code === 'EISDIR') return new JianghuaError('usage', '输出路径是一个目录，请给出文件名', place, { cause: error });
  if (code === 'ENOSPC' || code === 'EDQUOT') return new JianghuaError('usage', '磁盘空间不足，未写出文件', place, { cause: error });
  if (code === 'ENOENT' || code === 'ENOTDIR') return new JianghuaError('not-found', `输出目录不存在：${path.dirname(target)}`, place, { cause: error });
  return new JianghuaError('usage', `无法写出文件（${code ?? String(error)}）`, place, { cause: error });
}

const sameBytes = (a: Uint8Array, b: string | Uint8Array) => Buffer.from(a).equals(typeof b === 'string' ? Buffer.from(b, 'utf8') : Buffer.from(b));

/** Throws 'changed' when the file no longer holds `original` (edited, replaced or deleted since it was read). */
async function checkUnchanged(target: string, original: string | Uint8Array): Promise<void> {
  const now = await readFile(target).catch(() => undefined);
  if (!now || !sameBytes(now, original)) {
    throw new JianghuaError('changed', '文件在读取之后已被修改，未写入（请重新运行）', { file: target });
  }
}

/**
 * Put the finished temp file in place. Without force the target must not exist: a hard link
 * fails atomically if it does (two processes racing for one name: exactly one wins), where
 * a stat-then-rename would let both pass the check. File systems without hard links fall back to that.
 */
async function place(temp: string, target: string, force: boolean): Promise<void> {
  if (force) return rename(temp, target);
  try {
    await link(temp, target);
    await unlink(temp);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new JianghuaError('exists', EXISTS_MESSAGE, { file: target }, { cause: error });
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'].includes(code ?? '')) throw error;
  }
  if (await stat(target).then(() => true, () => false)) throw new JianghuaError('exists', EXISTS_MESSAGE, { file: target });
  await rename(temp, target);
}

interface Prepared {
  temp: string;
  /** Permissions of the file being replaced, kept by its replacement. */
  mode: number;
  existing: Stats | undefined;
}

/**
 * The checks a write makes before it starts; callers with a long run ahead (analyze -o) make them
 * up front too, so a missing folder or an existing file fails before the work, not after it.
 */
export async function checkOutput(target: string, options: WriteOptions = {}): Promise<Stats | undefined> {
  const dir = path.dirname(path.resolve(target));
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new JianghuaError('not-found', `输出目录不存在：${path.dirname(target)}`, { file: target });
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw new JianghuaError('usage', '输出路径是一个目录，请给出文件名', { file: target });
  // renaming onto /dev/null (as root) would replace the device node with a regular file
  if (existing && !existing.isFile()) throw new JianghuaError('usage', '输出路径是设备、管道或套接字，不是普通文件，未写入（要输出到终端或管道请不用 -o）', { file: target });
  for (const input of existing ? (options.inputs ?? []) : []) {
    const info = await stat(input).catch(() => undefined);
    if (info && existing && info.dev === existing.dev && info.ino === existing.ino) {
      throw new JianghuaError('usage', `输出文件就是输入文件 ${input}，不会覆盖它（请换一个输出文件名）`, { file: target });
    }
  }
  if (options.original !== undefined) await checkUnchanged(target, options.original);
  else if (existing && !options.force) throw new JianghuaError('exists', EXISTS_MESSAGE, { file: target });
  return existing;
}

/** Longest file name most file systems take (NAME_MAX, in bytes). */
const NAME_MAX = 255;

/** `.name.pid.rand.tmp` beside the target; a long name (80 Han characters are 240 bytes) is shortened to fit NAME_MAX. */
export function tempName(target: string): string {
  const suffix = `.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  let base = path.basename(target);
  const room = NAME_MAX - 1 - Buffer.byteLength(suffix);
  if (Buffer.byteLength(base) > room) {
    const chars = [...base];
    while (Buffer.byteLength(chars.join('')) > room) chars.pop();
    base = chars.join('');
  }
  return path.join(path.dirname(path.resolve(target)), `.${base}${suffix}`);
}

/** The checks every write makes before it starts, and a fresh temp name in the target's folder. */
async function prepare(target: string, options: WriteOptions): Promise<Prepared> {
  const existing = await checkOutput(target, options);
  const temp = tempName(target);
  pendingTempFiles.add(temp);
  return { temp, mode: existing ? existing.mode & 0o7777 : 0o666, existing };
}

/** Swap the finished temp file in: after re-checking an edited file, or without clobbering unless forced. */
async function finish(temp: string, target: string, options: WriteOptions): Promise<void> {
  if (options.original !== undefined) {
    // re-check just before the swap: an editor may have saved while we were fixing
    await checkUnchanged(target, options.original);
    await rename(temp, target);
  } else {
    await place(temp, target, Boolean(options.force));
  }
}

/**
 * Write a file atomically: a temp file in the same folder, fsync, then rename (or link) onto the target.
 * An interrupted run leaves either the old file or the new one, never half of one, and no temp file.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  await writeAtomicWith(target, options, (handle) => handle.writeFile(data));
}

async function writeAtomicWith(target: string, options: WriteOptions, body: (handle: FileHandle) => Promise<void>): Promise<void> {
  const { temp, mode, existing } = await prepare(target, options);
  try {
    // 'wx': never reuse a temp file another process might be writing
    const handle = await open(temp, 'wx', mode);
    try {
      await body(handle);
      if (existing) {
        // open() applied the umask: the replacement gets exactly the old bits (and owner, if asked)
        await handle.chmod(mode);
        if (options.keepOwner && (existing.uid !== process.getuid?.() || existing.gid !== process.getgid?.())) await handle.chown(existing.uid, existing.gid);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await finish(temp, target, options);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw writeError(error, target);
  } finally {
    pendingTempFiles.delete(temp);
  }
}

/** Output written piece by piece (a streamed report): nothing reaches the target before `commit`. */
export interface AtomicWriter {
  write(chunk: string | Uint8Array): void;
  commit(): Promise<void>;
  /** Remove the temp file; the target is left as it was. Safe to call after a failed commit. */
  abort(): Promise<void>;
}

/**
 * Like writeFileAtomic, for output produced in pieces by synchronous code. The pieces go to a
 * ScratchFile (no name, so an interrupted run leaves nothing); `commit` copies them into place
 * atomically. The target is checked when the writer opens, so a bad -o fails before the work.
 */
export async function openAtomicWriter(target: string, options: WriteOptions = {}): Promise<AtomicWriter> {
  await checkOutput(target, options);
  let scratch: ScratchFile | undefined = new ScratchFile('.jianghua-out-', path.dirname(path.resolve(target)));
  const discard = () => {
    scratch?.close();
    scratch = undefined;
    return Promise.resolve();
  };
  return {
    write(chunk) {
      if (!scratch) throw new JianghuaError('usage', '输出已结束，不能再写入', { file: target });
      try {
        scratch.append(chunk);
      } catch (error) {
        throw writeError(error, target);
      }
    },
    async commit() {
      const from = scratch;
      if (!from) throw new JianghuaError('usage', '输出已结束，不能再写入', { file: target });
      try {
        await writeAtomicWith(target, options, async (handle) => {
          for (const chunk of from.chunks()) await handle.write(chunk);
        });
      } finally {
        await discard();
      }
    },
    abort: discard,
  };
}
