import { open, rename, unlink, stat } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { JianghuaError } from '../errors.js';

export interface WriteOptions {
  /** Replace an existing file; without it, an existing target is refused and left untouched. */
  force?: boolean;
}

/** Temp files currently being written, so a signal handler can remove them. */
export const pendingTempFiles = new Set<string>();

/**
 * Write a file atomically: a temp file in the same folder, fsync, then rename over the target.
 * An interrupted run leaves either the old file or the new one, never half of one.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new Error('not a directory');
  } catch {
    throw new JianghuaError('not-found', `输出目录不存在：${path.dirname(target)}`, { file: target });
  }
  if (!options.force) {
    const exists = await stat(target).then(
      () => true,
      () => false,
    );
    if (exists) throw new JianghuaError('exists', '文件已存在，未覆盖（如需覆盖请加 --force）', { file: target });
  }
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  pendingTempFiles.add(temp);
  try {
    // 'wx': never reuse a temp file another process might be writing
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (!options.force) {
      // re-check just before the rename: another process may have created the target meanwhile
      const exists = await stat(target).then(
        () => true,
        () => false,
      );
      if (exists) throw new JianghuaError('exists', '文件已存在，未覆盖（如需覆盖请加 --force）', { file: target });
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  } finally {
    pendingTempFiles.delete(temp);
  }
}
