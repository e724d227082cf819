import { mkdirSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { seed, tmp } from './tmp.js';

const SPEECH = seed('002_480a84ef259773d5.txt');
const TEXT = SPEECH.toString('utf8');

/**
 * A shared drive after a bad week: five readable speeches in odd encodings and six files
 * that are not speeches at all. Every command must report the five and name the six.
 */
let drive: string;
const READABLE = ['good.txt', 'gb18030.txt', 'utf16le-nobom.txt', 'utf16be-nobom.txt', 'broken-utf8.txt'];
const SKIPPED: Record<string, RegExp> = {
  'empty.txt': /文件是空的/u,
  'scan.txt': /不是文本文件（看起来是 PDF 文件）/u,
  'photo.txt': /不是文本文件（看起来是 PNG 文件）/u,
  'huge.txt': /文件过大（100 MB，上限 16 MB）/u,
  'dangling.txt': /文件不存在/u,
  'noise.md': /不是文本文件|无法识别文件编码/u,
};

beforeAll(() => {
  drive = tmp();
  const at = Buffer.byteLength(TEXT.slice(0, 200));
  const files: Record<string, Buffer> = {
    'good.txt': SPEECH,
    'gb18030.txt': iconv.encode(TEXT, 'gb18030'),
    'utf16le-nobom.txt': iconv.encode(TEXT, 'utf-16le'),
    'utf16be-nobom.txt': iconv.encode(TEXT, 'utf-16be'),
    'broken-utf8.txt': Buffer.concat([SPEECH.subarray(0, at), Buffer.from([0xc0, 0xff]), SPEECH.subarray(at)]),
    'empty.txt': Buffer.alloc(0),
    'scan.txt': Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\x00', 'latin1'),
    'photo.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    'huge.txt': Buffer.alloc(100 * 1024 * 1024, '党'.charCodeAt(0) & 0x7f),
    'noise.md': Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 131 + 7) % 256)),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(drive, name), bytes);
  symlinkSync(path.join(drive, 'deleted-long-ago.txt'), path.join(drive, 'dangling.txt'));
  mkdirSync(path.join(drive, 'sub'));
  symlinkSync('..', path.join(drive, 'sub', 'back-up')); // a directory loop
});

afterAll(() => {
  unlinkSync(path.join(drive, 'huge.txt'));
});

const base = (f: string) => path.basename(f);

describe('a folder of hostile files', () => {
  it('stats reports the readable speeches, names and counts every skipped file, exit 0', async () => {
    const { code, stdout, stderr } = await runCli(['stats', drive, '--format', 'json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { documents: Array<{ file: string; chars: number; encoding: string }>; skipped: Array<{ file: string; reason: string }> };
    expect(out.documents.map((d) => base(d.file)).sort()).toEqual([...READABLE].sort());
    const chars = out.documents.find((d) => base(d.file) === 'good.txt')?.chars;
    for (const d of out.documents) expect(Math.abs(d.chars - (chars ?? 0))).toBeLessThanOrEqual(1);
    expect(out.skipped.map((s) => base(s.file)).sort()).toEqual(Object.keys(SKIPPED).sort());
    for (const s of out.skipped) {
      expect(s.reason).toMatch(SKIPPED[base(s.file)] as RegExp);
      expect(stderr).toContain(`警告：已跳过 ${s.file}: ${s.reason}`);
    }
    expect(stderr).not.toMatch(/\n\s+at /u);
  });

  it('the stats table says how many files were skipped', async () => {
    const { code, stdout } = await runCli(['stats', drive]);
    expect(code).toBe(0);
    expect(stdout).toContain(`跳过 ${Object.keys(SKIPPED).length} 个文件。`);
  });

  it('lint checks every readable speech and names every file it could not read', async () => {
    // huge.txt left out: see the skipped test below
    const named = [...READABLE, ...Object.keys(SKIPPED)].filter((n) => n !== 'huge.txt').map((n) => path.join(drive, n));
    const { stdout, stderr } = await runCli(['lint', ...named, '--format', 'json']);
    const results = JSON.parse(stdout) as Array<{ filePath: string }>;
    expect(results.map((r) => base(r.filePath)).sort()).toEqual([...READABLE, 'empty.txt'].sort());
    for (const name of Object.keys(SKIPPED).filter((n) => n !== 'empty.txt' && n !== 'huge.txt')) expect(stderr).toContain(path.join(drive, name));
    expect(stderr).not.toMatch(/\n\s+at /u);
  });

  it('analyze reports the readable speeches and lists every skipped file with its reason, exit 0', async () => {
    const { code, stdout, stderr } = await runCli(['analyze', drive, '--format', 'json', '--no-progress', '--jobs', '1']);
    expect(code).toBe(0);
    const documents = JSON.parse(stdout).documents as Array<{ file: string; error?: string; chars?: number }>;
    expect(documents.filter((d) => !d.error).map((d) => base(d.file)).sort()).toEqual([...READABLE].sort());
    const skipped = documents.filter((d) => d.error);
    expect(skipped.map((d) => base(d.file)).sort()).toEqual(Object.keys(SKIPPED).sort());
    for (const d of skipped) {
      expect(d.error).toMatch(SKIPPED[base(d.file)] as RegExp);
      expect(stderr).toContain(d.file);
    }
    expect(stderr).not.toMatch(/\n\s+at /u);
  });

  it.each(Object.keys(SKIPPED))('outline on %s alone cannot be done: exit 2, path and reason, no stack', async (name) => {
    const { code, stdout, stderr } = await runCli(['outline', path.join(drive, name)]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^jianghua: ${path.join(drive, name).replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}: `, 'u'));
    expect(stderr).toMatch(SKIPPED[name] as RegExp);
    expect(stderr).not.toMatch(/\n\s+at /u);
  });

  it.each(READABLE)('outline reads %s like the UTF-8 original', async (name) => {
    const original = await runCli(['outline', path.join(drive, 'good.txt'), '--format', 'json']);
    const copy = await runCli(['outline', path.join(drive, name), '--format', 'json']);
    expect(copy.code).toBe(0);
    expect(JSON.parse(copy.stdout).sections.length).toBe(JSON.parse(original.stdout).sections.length);
  });

  // lint reads through readSpeechBytes, so the size cap applies to it as to every other command
  it('lint skips a 100 MB file with its path, without reading it', async () => {
    const { stdout, stderr } = await runCli(['lint', path.join(drive, 'huge.txt'), path.join(drive, 'good.txt'), '--format', 'json']);
    expect(JSON.parse(stdout).map((r: { filePath: string }) => base(r.filePath))).toEqual(['good.txt']);
    expect(stderr).toMatch(/huge\.txt: 文件过大/u);
  });

  // every file named was skipped: the request itself cannot be met
  it.each(['stats', 'analyze'])('%s on a single unreadable file exits 2', async (command) => {
    const { code } = await runCli([command, path.join(drive, 'scan.txt')]);
    expect(code).toBe(2);
  });
});

describe('stack traces only with --debug', () => {
  it('a missing file: message without a stack; with --debug the stack of the cause follows', async () => {
    const plain = await runCli(['outline', '/nonexistent/讲话.txt']);
    expect(plain.stderr).toBe('jianghua: /nonexistent/讲话.txt: 文件不存在（可能已被删除或移走）\n');
    const debug = await runCli(['outline', '/nonexistent/讲话.txt', '--debug']);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^jianghua: \/nonexistent\/讲话\.txt: 文件不存在.*\nError: ENOENT.*\n\s+at /su);
  });
});
