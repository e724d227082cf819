import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAtomicWriter, writeFileAtomic } from '../../src/io/write-atomic.js';
import { ROOT } from '../helpers/cli.js';
import { tmp } from './tmp.js';

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; place: { file?: string } };
  }
  throw new Error('the write did not fail');
}

/** Nothing but the named files in the folder: no temp file left behind. */
const listing = (dir: string) => readdirSync(dir).sort();

describe('writing files without losing any', () => {
  it('refuses to replace a file without force and leaves it untouched; force replaces it', async () => {
    const dir = tmp();
    const target = path.join(dir, '讲话稿.txt');
    writeFileSync(target, '原稿');
    expect(await failure(writeFileAtomic(target, '新稿'))).toMatchObject({ code: 'exists', message: '文件已存在，未覆盖（如需覆盖请加 --force）', place: { file: target } });
    expect(readFileSync(target, 'utf8')).toBe('原稿');
    await writeFileAtomic(target, '新稿', { force: true });
    expect(readFileSync(target, 'utf8')).toBe('新稿');
    expect(listing(dir)).toEqual(['讲话稿.txt']);
  });

  it('says so when the output folder is missing, or the output path is a folder', async () => {
    const dir = tmp();
    const missing = path.join(dir, 'no', 'such', 'out.docx');
    expect(await failure(writeFileAtomic(missing, 'x'))).toMatchObject({ code: 'not-found', message: `输出目录不存在：${path.join(dir, 'no', 'such')}` });
    mkdirSync(path.join(dir, 'out.txt'));
    expect(await failure(writeFileAtomic(path.join(dir, 'out.txt'), 'x', { force: true }))).toMatchObject({ message: '输出路径是一个目录，请给出文件名' });
    expect(listing(dir)).toEqual(['out.txt']);
  });

  it('refuses an in-place edit when the file changed since it was read (lint --fix)', async () => {
    const dir = tmp();
    const target = path.join(dir, 'a.txt');
    writeFileSync(target, '严肃的查处');
    await writeFileAtomic(target, '严肃地查处', { original: '严肃的查处' });
    expect(readFileSync(target, 'utf8')).toBe('严肃地查处');
    writeFileSync(target, '同事刚刚保存的版本');
    expect(await failure(writeFileAtomic(target, '严肃地查处', { original: '严肃的查处' }))).toMatchObject({ code: 'changed', message: '文件在读取之后已被修改，未写入（请重新运行）' });
    expect(readFileSync(target, 'utf8')).toBe('同事刚刚保存的版本');
    expect(listing(dir)).toEqual(['a.txt']);
  });

  it('keeps the mode of a file it replaces', async () => {
    const dir = tmp();
    const target = path.join(dir, 'script.txt');
    writeFileSync(target, 'old', { mode: 0o640 });
    await writeFileAtomic(target, 'new', { force: true });
    expect((await import('node:fs')).statSync(target).mode & 0o777).toBe(0o640);
  });
});

/** Child processes that each write `copies` of their own 2 MB pattern to one target. */
function race(target: string, writers: number, force: boolean): Promise<Array<{ code: number | null; out: string }>> {
  const script = `
    const { writeFileAtomic } = await import(${JSON.stringify(`${ROOT}dist/io/write-atomic.js`)});
    const id = process.argv[1];
    try {
      await writeFileAtomic(${JSON.stringify(target)}, Buffer.alloc(2 * 1024 * 1024, id), { force: ${force} });
      process.stdout.write('ok');
    } catch (error) {
      process.stdout.write(error.code ?? String(error));
    }`;
  return Promise.all(
    Array.from({ length: writers }, (_, i) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script, String.fromCharCode(65 + i)]);
        let out = '';
        child.stdout.on('data', (d) => (out += String(d)));
        child.on('close', (code) => resolve({ code, out }));
      }),
    ),
  );
}

describe('two processes writing the same output (needs npm run build)', () => {
  it('without force exactly one wins, the others fail cleanly with exists, and the file is one complete version', async () => {
    for (let round = 0; round < 3; round++) {
      const dir = tmp();
      const target = path.join(dir, 'out.txt');
      const results = await race(target, 4, false);
      expect(results.map((r) => r.out).sort()).toEqual(['exists', 'exists', 'exists', 'ok']);
      const content = readFileSync(target);
      expect(content.length).toBe(2 * 1024 * 1024);
      expect(new Set(content).size).toBe(1);
      expect(listing(dir)).toEqual(['out.txt']);
    }
  });

  it('with force all succeed and the file is always one complete version', async () => {
    const dir = tmp();
    const target = path.join(dir, 'out.txt');
    const results = await race(target, 4, true);
    expect(results.map((r) => r.out)).toEqual(['ok', 'ok', 'ok', 'ok']);
    const content = readFileSync(target);
    expect(content.length).toBe(2 * 1024 * 1024);
    expect(new Set(content).size).toBe(1);
    expect(listing(dir)).toEqual(['out.txt']);
  });
});

describe('openAtomicWriter (streamed output, e.g. analyze -o)', () => {
  it('shows nothing at the target until commit, then the whole output', async () => {
    const dir = tmp();
    const target = path.join(dir, 'report.json');
    const writer = await openAtomicWriter(target);
    writer.write('{"a":');
    writer.write(Buffer.from('"讲话"}'));
    expect(readdirSync(dir).filter((f) => !f.endsWith('.tmp'))).toEqual([]);
    await writer.commit();
    expect(readFileSync(target, 'utf8')).toBe('{"a":"讲话"}');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('refuses at commit a file that appeared during the run, keeps it, and leaves no temp file', async () => {
    const dir = tmp();
    const target = path.join(dir, 'report.json');
    const writer = await openAtomicWriter(target);
    writer.write('mine');
    writeFileSync(target, 'theirs');
    const error = await failure(writer.commit());
    expect(error.code).toBe('exists');
    expect(readFileSync(target, 'utf8')).toBe('theirs');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('abort removes the temp file and leaves the target untouched', async () => {
    const dir = tmp();
    const target = path.join(dir, 'report.json');
    writeFileSync(target, 'old');
    const writer = await openAtomicWriter(target, { force: true });
    writer.write('half');
    await writer.abort();
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });
});
