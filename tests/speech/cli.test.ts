import { mkdtempSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CORPUS, SEEDS, runCli } from '../helpers/cli.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'jianghua-'));
const seed = (name: string) => readFileSync(`${CORPUS}${name}`);

describe('outline', () => {
  it.each(SEEDS)('prints %s as JSON in the contract shape', async (name) => {
    const { code, stdout, stderr } = await runCli(['outline', `${CORPUS}${name}`, '--format', 'json']);
    expect([code, stderr]).toEqual([0, '']);
    const o = JSON.parse(stdout);
    expect(Array.isArray(o.sections)).toBe(true);
    const check = (n: Record<string, unknown>) => {
      expect(Object.keys(n).sort()).toEqual(expect.arrayContaining(['kind', 'line', 'endLine', 'chars', 'children']));
      expect(['opening', 'achievements', 'problems', 'opinions', 'closing', 'agenda', 'review', 'other']).toContain(n.kind);
      if (n.numbering) expect(['一、', '（一）', '1.', '（1）', '一是', '一要', '第一', '其一', '首先']).toContain((n.numbering as { series: string }).series);
      (n.children as Array<Record<string, unknown>>).forEach(check);
    };
    o.sections.forEach(check);
  });

  it('prints a readable indented tree', async () => {
    const { code, stdout } = await runCli(['outline', `${CORPUS}003_2f38f797e70dc8f3.txt`]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('标题：在全镇2022年度党支部书记抓党建工作述职评议考核大会上的讲话');
    expect(lines).toContain('  【意见】 一、强化政治建设，筑牢党建工作基础  第9–13行，809字');
    expect(lines).toContain('    【意见】 一要坚定政治方向  第11行，231字');
    expect(stdout).not.toMatch(/\x1b\[/u); // no colour off a terminal
  });

  it('colours on a terminal, and not with NO_COLOR', async () => {
    const file = `${CORPUS}000_66e418bd75077703.txt`;
    expect((await runCli(['outline', file], { tty: true })).stdout).toMatch(/\x1b\[/u);
    expect((await runCli(['outline', file], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\x1b\[/u);
  });
});

describe('reading files in the encodings offices use', () => {
  const name = '002_480a84ef259773d5.txt';
  const utf8 = seed(name).toString('utf8');
  const variants: Array<[string, Buffer]> = [
    ['GB18030', iconv.encode(utf8, 'gb18030')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(utf8)])],
    ['CRLF line ends', Buffer.from(utf8.replace(/\n/g, '\r\n'))],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(utf8, 'utf-16le')])],
  ];
  it.each(variants)('%s gives the same outline as the UTF-8 original', async (_label, bytes) => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'copy.txt'), bytes);
    const original = await runCli(['outline', `${CORPUS}${name}`, '--format', 'json']);
    const copy = await runCli(['outline', path.join(dir, 'copy.txt'), '--format', 'json']);
    expect(copy.code).toBe(0);
    expect(JSON.parse(copy.stdout)).toEqual(JSON.parse(original.stdout));
  });
});

describe('stats', () => {
  it('reports every corpus file in JSON, with speaking time at the given rate', async () => {
    const { code, stdout } = await runCli(['stats', CORPUS, '--format', 'json', '--rate', '200']);
    expect(code).toBe(0);
    const { documents, rate } = JSON.parse(stdout);
    expect(rate).toBe(200);
    expect(documents).toHaveLength(5);
    const d002 = documents.find((d: { file: string }) => d.file.endsWith('002_480a84ef259773d5.txt'));
    expect(d002).toMatchObject({ chars: 2685, paragraphs: 15, encoding: 'utf-8', kind: 'summary-speech' });
    // domain.md §9: 002 takes about 12–13 minutes at 200–220 characters a minute
    expect(d002.minutes).toBeGreaterThan(12);
    expect(d002.minutes).toBeLessThan(14);
    for (const d of documents) {
      const { achievements, problems, opinions } = d.shares;
      expect(achievements + problems + opinions).toBeLessThanOrEqual(1);
      expect(opinions).toBeGreaterThan(0.3);
    }
  });

  it('prints a table with Chinese headers', async () => {
    const { code, stdout } = await runCli(['stats', `${CORPUS}003_2f38f797e70dc8f3.txt`]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/字数.*句数.*段数.*时长/u);
    expect(stdout).toContain('4353');
  });

  it('rejects a rate that is not a positive number (exit 2)', async () => {
    const { code, stderr } = await runCli(['stats', CORPUS, '--rate', 'fast']);
    expect(code).toBe(2);
    expect(stderr).toContain('应为正数');
  });
});

describe('bad input: a clear Chinese message naming the path, exit 2, no stack trace', () => {
  const cases: Array<[string, () => string[], RegExp]> = [
    ['an empty file', () => { const d = tmp(); writeFileSync(path.join(d, 'empty.txt'), ''); return ['outline', path.join(d, 'empty.txt')]; }, /empty\.txt: 文件是空的/u],
    ['a binary file', () => { const d = tmp(); writeFileSync(path.join(d, 'scan.txt'), Buffer.from('%PDF-1.7\n\x00\x01binary')); return ['outline', path.join(d, 'scan.txt')]; }, /scan\.txt: 不是文本文件（看起来是 PDF 文件）/u],
    ['a directory without speeches', () => { const d = tmp(); mkdirSync(path.join(d, 'sub')); writeFileSync(path.join(d, 'sub', 'a.pdf'), 'x'); return ['stats', d]; }, /没有找到讲话稿/u],
    ['a missing path', () => ['stats', '/nonexistent/speeches'], /找不到文件或目录：\/nonexistent\/speeches/u],
    ['a missing file for outline', () => ['outline', '/nonexistent/a.txt'], /\/nonexistent\/a\.txt: 文件不存在/u],
  ];
  it.each(cases)('%s', async (_label, args, message) => {
    const { code, stderr, stdout } = await runCli(args());
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /u);
    expect(stdout).toBe('');
  });

  it('skips an unreadable file inside a folder with a warning and reports the rest', async () => {
    const d = tmp();
    writeFileSync(path.join(d, 'good.txt'), seed('000_66e418bd75077703.txt'));
    writeFileSync(path.join(d, 'bad.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    const { code, stdout, stderr } = await runCli(['stats', d, '--format', 'json']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/警告：已跳过 .*bad\.txt: 不是文本文件（看起来是 PNG 文件）/u);
    const out = JSON.parse(stdout);
    expect(out.documents).toHaveLength(1);
    expect(out.skipped).toEqual([{ file: path.join(d, 'bad.txt'), reason: '不是文本文件（看起来是 PNG 文件），无法读取' }]);
  });
});

describe('the program', () => {
  it('answers --version and --help', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(await runCli(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['outline', 'stats', 'draft', 'lint', 'analyze']) expect(help.stdout).toContain(command);
    const sub = await runCli(['outline', '--help']);
    expect(sub.stdout).toContain('--format');
  });

  it('exits 2 on a usage error, explained in Chinese', async () => {
    const cases: Array<[string[], string]> = [
      [['frobnicate'], '错误：未知命令 frobnicate'],
      [['outline', '--bogus', 'x.txt'], '错误：未知选项 --bogus'],
      [['outline'], '错误：缺少参数 <file>'],
      [['outline', 'x.txt', '--format', 'xml'], '错误：选项 -f, --format <format> 的取值 xml 无效，可选：text, json'],
      [['stats', '--formt', 'json', 'x'], '错误：未知选项 --formt（是不是 --format？）'],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await runCli(args);
      expect(code).toBe(2);
      expect(stderr.split('\n')[0]).toBe(message);
    }
  });
});
