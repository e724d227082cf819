import { readFileSync, writeFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tmp } from './tmp.js';

/** Called after a file has been read: lets a test play the colleague who saves the file meanwhile. */
const afterRead = vi.hoisted(() => ({ hook: undefined as ((file: string) => void) | undefined }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>();
  const readFile = (async (...args: Parameters<typeof fs.readFile>) => {
    const data = await fs.readFile(...args);
    const [file] = args;
    afterRead.hook?.(typeof file === 'string' || file instanceof URL || Buffer.isBuffer(file) ? file.toString() : '');
    return data;
  }) as typeof fs.readFile;
  return { ...fs, default: { ...fs, readFile }, readFile };
});

describe('lint --fix on a file that changed since it was read', () => {
  it('refuses to write, keeps the other edit, names the file, exit 2', async () => {
    const dir = tmp();
    const file = path.join(dir, '讲话.txt');
    writeFileSync(file, '同志们：\n今年以来,全县基层党建工作取得了新成效.\n');
    const theirs = '同志们：\n今年以来，全县基层党建工作取得了新成效。同事刚补了一句。\n';
    afterRead.hook = (read) => {
      if (read === file) {
        afterRead.hook = undefined;
        writeFileSync(file, theirs);
      }
    };
    const { code, stderr } = await runCli(['lint', file, '--fix']);
    expect(afterRead.hook).toBeUndefined();
    expect(code).toBe(2);
    expect(stderr).toContain(`jianghua: ${file}: 文件在读取之后已被修改，未写入（请重新运行）`);
    expect(readFileSync(file, 'utf8')).toBe(theirs);
  });
});
