import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, ROOT, runBin, runCli, SEEDS } from '../helpers/cli.js';
import { tmp } from './tmp.js';
import { writeCsv } from '../../src/analyze/formatters/csv.js';

const NO_STACK = /\n\s+at |内部错误|Maximum call stack|Cannot use 'in'|FATAL|DictTrie/u;
const speech = readFileSync(`${CORPUS}${SEEDS[0]}`, 'utf8');

describe('auxiliary YAML: bombs and deep nesting named with the file, in Chinese', () => {
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`)].join('\n');
  const deep = (key: string) => `${key}: ${'['.repeat(20000)}${']'.repeat(20000)}\n`;

  it('a config alias bomb: file:1:1, exit 2', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, '.jianghuarc.yaml'), bomb);
    writeFileSync(path.join(dir, 'a.txt'), speech);
    const { code, stderr } = await runCli(['lint', path.join(dir, 'a.txt')]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${path.join(dir, '.jianghuarc.yaml')}:1:1: 配置文件格式错误：YAML 别名（*）展开过多，已拒绝读取`);
  });

  it.each([
    ['draft facts', (f: string) => ['draft', f], 'meeting', 'YAML 格式错误：YAML 嵌套过深'],
    ['lint --config', (f: string) => ['lint', `${CORPUS}${SEEDS[0]}`, '--config', f], 'rules', '配置文件格式错误：YAML 嵌套过深'],
    ['analyze --taxonomy', (f: string) => ['analyze', `${CORPUS}${SEEDS[0]}`, '--taxonomy', f], 'categories', '分类文件格式错误：YAML 嵌套过深'],
  ])('%s nested 20 000 deep: a Chinese message with file:line, no stack', async (_label, args, key, message) => {
    const file = path.join(tmp(), 'deep.yaml');
    writeFileSync(file, deep(key));
    const { code, stderr } = await runCli(args(file));
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`deep\\.yaml:\\d+:\\d+: ${message}`, 'u'));
    expect(stderr).not.toMatch(NO_STACK);
  });
});

describe('lint on a folder with an unreadable file', () => {
  it('skips and counts it, lints the rest; the exit code is the findings\'', async () => {
    const dir = tmp();
    copyFileSync(`${CORPUS}${SEEDS[0]}`, path.join(dir, 'a.txt'));
    writeFileSync(path.join(dir, 'scan.txt'), Buffer.from('%PDF-1.4\n'));
    const alone = await runCli(['lint', path.join(dir, 'a.txt'), '--format', 'json']);
    const { code, stdout, stderr } = await runCli(['lint', dir, '--format', 'json']);
    expect(code).toBe(alone.code);
    expect(JSON.parse(stdout)).toHaveLength(1);
    expect(stderr).toContain(`警告：已跳过 ${path.join(dir, 'scan.txt')}: 不是文本文件`);
    expect(stderr).toContain('跳过 1 个无法读取的文件');
  });

  it('every file unreadable: exit 2', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'scan.txt'), Buffer.from('%PDF-1.4\n'));
    expect((await runCli(['lint', dir])).code).toBe(2);
  });
});

describe('the jieba user dictionary is checked before cppjieba sees it (it would abort natively)', () => {
  it.each([
    ['a path with |', (dir: string) => {
      mkdirSync(path.join(dir, 'a|b'));
      writeFileSync(path.join(dir, 'a|b', 'x.dict'), '党建 5 n\n');
      return path.join(dir, 'a|b', 'x.dict');
    }, '分词词典的路径不能含有“|”'],
    ['a folder', (dir: string) => dir, '分词词典：这是一个目录'],
    ['a device', () => '/dev/null', '分词词典：这是一个设备文件'],
    ['a missing file', (dir: string) => path.join(dir, 'none.dict'), '找不到分词词典文件'],
  ])('%s: Chinese message, exit 2', (_label, make, message) => {
    const dict = make(tmp());
    const { code, stderr } = runBin(['analyze', `${CORPUS}${SEEDS[0]}`, '--dict', dict, '--format', 'json']);
    expect(code).toBe(2);
    expect(stderr).toContain(`${dict}: ${message}`);
    expect(stderr).not.toMatch(NO_STACK);
  });
});

describe('output', () => {
  it('stdout that cannot be written (/dev/full): one Chinese line, exit 2, no stack', () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [['lint', `${CORPUS}${SEEDS[0]}`], ['analyze', `${CORPUS}${SEEDS[0]}`, '--format', 'json']]) {
        const result = spawnSync(process.execPath, [`${ROOT}bin/jianghua.js`, ...args], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
        expect(result.status).toBe(2);
        expect(result.stderr.trim()).toBe('jianghua: 无法写出到标准输出（磁盘空间不足），输出不完整');
      }
    } finally {
      closeSync(full);
    }
  });

  it('-o onto a device with --force is refused, the device untouched', async () => {
    const before = statSync('/dev/null');
    const { code, stderr } = await runCli(['analyze', `${CORPUS}${SEEDS[0]}`, '-o', '/dev/null', '--force']);
    expect(code).toBe(2);
    expect(stderr).toContain('/dev/null: 输出路径是设备、管道或套接字');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(statSync('/dev/null').ino).toBe(before.ino);
  });

  it('-o into a missing folder fails before the analysis (no skipped-file warning yet)', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'empty.txt'), '');
    copyFileSync(`${CORPUS}${SEEDS[0]}`, path.join(dir, 'a.txt'));
    const { code, stderr } = await runCli(['analyze', dir, '--format', 'md', '-o', path.join(dir, 'missing', 'x.md')]);
    expect(code).toBe(2);
    expect(stderr).toContain('输出目录不存在');
    expect(stderr).not.toContain('已跳过');
  });

  it('draft f -o f --force refuses to overwrite its input', async () => {
    const dir = tmp();
    const facts = path.join(dir, 'f.md');
    writeFileSync(facts, readFileSync(`${ROOT}templates/examples/summary-speech.yaml`));
    const before = readFileSync(facts);
    // named .md so the format is accepted: the output path is the facts file itself
    const { code, stderr } = await runCli(['draft', facts, '-o', facts, '--force']);
    expect(code).toBe(2);
    expect(stderr).toContain('输出文件就是输入文件');
    expect(readFileSync(facts).equals(before)).toBe(true);
  });

  it('a Markdown report saved into the analysed folder is not counted as a speech next time', async () => {
    const dir = tmp();
    for (const seed of SEEDS.slice(0, 2)) copyFileSync(`${CORPUS}${seed}`, path.join(dir, seed));
    expect((await runCli(['analyze', dir, '--format', 'md', '-o', path.join(dir, '报告.md')])).code).toBe(0);
    const { stdout, stderr } = await runCli(['analyze', dir, '--format', 'json']);
    expect(JSON.parse(stdout).documents.filter((d: { error?: string }) => !d.error)).toHaveLength(2);
    expect(stderr).toContain('报告.md：这是 jianghua analyze 生成的分析报告，不是讲话稿');
  });

  it('an 80-character Chinese file name can be written (the temp name stays within NAME_MAX)', async () => {
    const dir = tmp();
    const name = `${'党'.repeat(80)}.md`;
    const { code } = await runCli(['analyze', `${CORPUS}${SEEDS[0]}`, '--format', 'md', '-o', path.join(dir, name)]);
    expect(code).toBe(0);
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('--jobs is clamped to the documents and the cores, and says so', async () => {
    const { code, stderr } = await runCli(['analyze', `${CORPUS}${SEEDS[0]}`, '--jobs', '1000', '--format', 'json']);
    expect(code).toBe(0);
    expect(stderr).toContain('--jobs 1000：只有 1 篇文档');
  });
});

describe('report cells from file names and text', () => {
  it('CSV: cells starting with = + - @ cannot become formulas; Markdown: file names are not HTML', async () => {
    const dir = tmp();
    const odd = path.join(dir, '<img src=x onerror=alert(1)>.txt');
    copyFileSync(`${CORPUS}${SEEDS[0]}`, odd);
    const md = (await runCli(['analyze', dir, '--format', 'md'])).stdout;
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // a clause or a file name that starts like a formula
    const category = { id: 'x', label: '=1+1', mentions: 1, documents: 1, share: 1, example: { text: '+SUM(A1)', file: '@x.txt', line: 1, column: 1 } };
    let csv = '';
    await writeCsv({ categories: [category], documents: [], findings: [], stockPhrases: [], keywords: [] }, 'categories', [], (chunk) => void (csv += chunk));
    const row = csv.replace(/^\uFEFF/u, '').split('\r\n')[1] ?? '';
    expect(row).toContain("'=1+1");
    expect(row).toContain("'+SUM(A1)");
    for (const cell of row.split(',')) expect(cell.replace(/^"/u, '')).not.toMatch(/^[=+\-@]/u);
  });

  it('stylish: an ANSI escape in a file name is shown escaped, never sent to the terminal', async () => {
    const dir = tmp();
    const file = path.join(dir, '\u001b[2J\u001b[31m红.txt');
    writeFileSync(file, '会上“强调\n');
    const { stdout } = await runCli(['lint', file]);
    expect(stdout).not.toContain('\u001b');
    expect(stdout).toContain('\\x1b[2J\\x1b[31m红.txt');
  });
});

