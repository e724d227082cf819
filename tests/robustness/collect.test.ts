import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFiles } from '../../src/io/collect.js';
import { tmp } from './tmp.js';

describe('walking folders from shared drives', () => {
  it('follows a directory loop through symlinks once, lists each file once, and reports the loop', async () => {
    const root = tmp();
    mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
    writeFileSync(path.join(root, 'a', 'one.txt'), '一');
    writeFileSync(path.join(root, 'a', 'b', 'two.txt'), '二');
    symlinkSync('../..', path.join(root, 'a', 'b', 'up')); // a/b/up -> root
    symlinkSync(path.join(root, 'a'), path.join(root, 'again')); // a second way into a/
    const { files, missing, skipped } = await collectFiles([root]);
    expect(files.map((f) => path.relative(root, f))).toEqual([path.join('a', 'b', 'two.txt'), path.join('a', 'one.txt')]);
    expect(missing).toEqual([]);
    expect(skipped.map((s) => path.relative(root, s.path)).sort()).toEqual([path.join('a', 'b', 'up'), 'again'].sort());
    expect(skipped[0]?.reason).toBe('符号链接指向已检查过的目录（循环或重复），未再进入');
  });

  it('takes symlinked files, upper-case extensions, and lists broken links so the reader can name them', async () => {
    const root = tmp();
    writeFileSync(path.join(root, 'real.md'), '一');
    mkdirSync(path.join(root, 'in'));
    symlinkSync(path.join(root, 'real.md'), path.join(root, 'in', 'link.txt'));
    writeFileSync(path.join(root, 'in', 'WORD.TXT'), '二');
    symlinkSync(path.join(root, 'nowhere.txt'), path.join(root, 'in', 'broken.txt'));
    writeFileSync(path.join(root, 'in', '.hidden.txt'), '三');
    writeFileSync(path.join(root, 'in', 'scan.pdf'), '%PDF');
    const { files } = await collectFiles([path.join(root, 'in')]);
    expect(files.map((f) => path.basename(f))).toEqual(['WORD.TXT', 'broken.txt', 'link.txt']);
  });

  it('passes a named self-referencing link on to the reader instead of calling it missing', async () => {
    const root = tmp();
    symlinkSync(path.join(root, 'loop.txt'), path.join(root, 'loop.txt'));
    expect(await collectFiles([path.join(root, 'loop.txt'), path.join(root, 'absent.txt')])).toEqual({
      files: [path.join(root, 'loop.txt')],
      missing: [path.join(root, 'absent.txt')],
      skipped: [],
    });
  });
});
