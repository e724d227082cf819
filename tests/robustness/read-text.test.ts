import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, readTextFile, readTextFileSync } from '../../src/io/read-text.js';
import { SEEDS } from '../helpers/cli.js';
import { isRoot, seed, tmp } from './tmp.js';

const SPEECH = seed('002_480a84ef259773d5.txt').toString('utf8');

async function failure(file: string, options = {}) {
  try {
    await readTextFile(file, options);
  } catch (error) {
    return error as { code: string; message: string; place: { file?: string } };
  }
  throw new Error(`reading ${file} did not fail`);
}

describe('reading hostile files', () => {
  it.each([
    ['UTF-16LE without BOM', iconv.encode(SPEECH, 'utf-16le'), 'utf-16le'],
    ['UTF-16BE without BOM', iconv.encode(SPEECH, 'utf-16be'), 'utf-16be'],
    ['GB18030', iconv.encode(SPEECH, 'gb18030'), 'gb18030'],
  ])('decodes %s to the original text', (_label, bytes, encoding) => {
    expect(decodeText(bytes)).toEqual({ text: SPEECH, encoding });
  });

  it('decodes every seed saved as UTF-16 (either byte order) without a BOM', () => {
    for (const name of SEEDS) {
      const text = seed(name).toString('utf8');
      expect(decodeText(iconv.encode(text, 'utf-16le')).text).toBe(text);
      expect(decodeText(iconv.encode(text, 'utf-16be')).text).toBe(text);
    }
  });

  it('does not take ASCII or UTF-8 text for UTF-16', () => {
    for (const text of ['hello world, this is plain text\n', 'zzzz yyyy xxxx\n', `${SPEECH.slice(0, 500)}abc`]) expect(decodeText(Buffer.from(text)).encoding).toBe('utf-8');
  });

  it('reads UTF-8 with a few broken bytes as UTF-8, marking them U+FFFD and counting them', () => {
    const good = Buffer.from(SPEECH);
    // a stray byte in the middle and a character cut off at the end (a truncated download)
    const at = Buffer.byteLength(SPEECH.slice(0, 100));
    const bytes = Buffer.concat([good.subarray(0, at), Buffer.from([0xff]), good.subarray(at), Buffer.from('党建', 'utf8').subarray(0, 4)]);
    const { text, encoding, invalidBytes } = decodeText(bytes);
    expect(encoding).toBe('utf-8');
    expect(invalidBytes).toBe(2);
    expect(text.startsWith(SPEECH.slice(0, 100))).toBe(true);
    expect(text).toContain('党\ufffd');
    expect(text.match(/\ufffd/gu)).toHaveLength(2);
  });

  it('still reads GBK text as GBK, not as damaged UTF-8', () => {
    expect(decodeText(iconv.encode('同志们：今年以来，全县基层党建工作取得了新成效。', 'gbk')).encoding).toBe('gb18030');
  });

  it.each([
    ['PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'latin1'), /PDF/u],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /PNG/u],
    ['a .docx (zip)', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), /ZIP/u],
    ['random bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), /不是文本文件|无法识别文件编码/u],
  ])('refuses %s as binary, naming the file', async (_label, bytes, kind) => {
    const file = path.join(tmp(), 'speech.txt');
    writeFileSync(file, bytes);
    const error = await failure(file);
    expect(error.code).toBe('binary');
    expect(error.message).toMatch(kind);
    expect(error.place.file).toBe(file);
  });

  it('refuses a 100 MB single line without reading it, and says how big it is', async () => {
    const file = path.join(tmp(), 'huge.txt');
    writeFileSync(file, Buffer.alloc(100 * 1024 * 1024, 'a'));
    const error = await failure(file);
    expect(error).toMatchObject({ code: 'unreadable', message: '文件过大（100 MB，上限 16 MB），不像是讲话稿，未读取', place: { file } });
    expect(() => readTextFileSync(file)).toThrow('文件过大');
  });

  it('honours a smaller maxBytes', async () => {
    const file = path.join(tmp(), 'a.txt');
    writeFileSync(file, SPEECH);
    expect((await failure(file, { maxBytes: 1000 })).message).toMatch(/^文件过大（\d+ KB，上限 1 KB）/u);
    expect((await readTextFile(file)).text).toBe(SPEECH);
  });

  it('refuses a named pipe instead of blocking on it', async () => {
    const fifo = path.join(tmp(), 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    expect(await failure(fifo)).toMatchObject({ code: 'unreadable', message: '这是一个命名管道（FIFO），不是普通文件，未读取' });
  });

  it('names a directory, a deleted file, a symlink loop and a broken link', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'sub.txt'));
    symlinkSync(path.join(dir, 'b.txt'), path.join(dir, 'a.txt'));
    symlinkSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
    symlinkSync(path.join(dir, 'gone.txt'), path.join(dir, 'broken.txt'));
    expect((await failure(path.join(dir, 'sub.txt'))).message).toBe('这是一个目录，不是文件');
    expect((await failure(path.join(dir, 'gone.txt'))).message).toBe('文件不存在（可能已被删除或移走）');
    expect((await failure(path.join(dir, 'a.txt'))).message).toBe('符号链接循环，无法读取');
    expect((await failure(path.join(dir, 'broken.txt'))).code).toBe('not-found');
  });

  it.skipIf(isRoot)('says a chmod 000 file is not readable (skipped as root, who reads it anyway)', async () => {
    const file = path.join(tmp(), 'secret.txt');
    writeFileSync(file, SPEECH);
    chmodSync(file, 0);
    expect(await failure(file)).toMatchObject({ code: 'unreadable', message: '没有读取权限' });
  });
});
