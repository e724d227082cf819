import { unlinkSync, writeFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { seed, tmp } from './tmp.js';

/** Called when the reader looks at a file: lets a test delete another file in the middle of a run. */
const onStat = vi.hoisted(() => ({ hook: undefined as ((file: string) => void) | undefined }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>();
  const stat = ((file: Parameters<typeof fs.stat>[0], ...rest: unknown[]) => {
    onStat.hook?.(String(file));
    return (fs.stat as (...a: unknown[]) => unknown)(file, ...rest);
  }) as typeof fs.stat;
  return { ...fs, default: { ...fs, stat }, stat };
});

describe('a file deleted while the run goes on', () => {
  it('is reported with its path and counted as skipped; the other files are reported', async () => {
    const dir = tmp();
    for (const name of ['a.txt', 'b.txt', 'c.txt']) writeFileSync(path.join(dir, name), seed('001_ee2f5de62b8467af.txt'));
    // collected all three; while reading a.txt, someone removes c.txt
    onStat.hook = (file) => {
      if (file.endsWith('a.txt')) {
        onStat.hook = undefined;
        unlinkSync(path.join(dir, 'c.txt'));
      }
    };
    const { code, stdout, stderr } = await runCli(['stats', dir, '--format', 'json']);
    expect(onStat.hook).toBeUndefined();
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { documents: Array<{ file: string }>; skipped: Array<{ file: string; reason: string }> };
    expect(out.documents.map((d) => path.basename(d.file))).toEqual(['a.txt', 'b.txt']);
    expect(out.skipped).toEqual([{ file: path.join(dir, 'c.txt'), reason: '文件不存在（可能已被删除或移走）' }]);
    expect(stderr).toContain(`警告：已跳过 ${path.join(dir, 'c.txt')}: 文件不存在（可能已被删除或移走）`);
  });
});
