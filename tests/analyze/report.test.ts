import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { AnalyzeResult } from '../../src/analyze/index.js';
import { CORPUS, ROOT, SEEDS, runCli } from '../helpers/cli.js';

const GENRE = `${ROOT}tests/fixtures/genre/`;
const tmp = () => mkdtempSync(path.join(tmpdir(), 'jianghua-report-'));
const json = async (args: string[], env: Record<string, string> = {}) => {
  const r = await runCli(['analyze', ...args, '--format', 'json'], { env });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as AnalyzeResult;
};
const summaryOf = (text: string) => /共分析 (\d+) 篇讲话稿，找到问题表述 (\d+) 条(?:；跳过 (\d+) 个无法读取的文件)?。/u.exec(text)?.slice(1).map((n) => Number(n ?? 0));
const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));

describe('counts from one source', async () => {
  const dir = tmp();
  for (const s of SEEDS) copyFileSync(`${CORPUS}${s}`, path.join(dir, s));
  writeFileSync(path.join(dir, 'empty.txt'), '');
  const result = await json([dir]);
  const expected = [result.documents.filter((d) => !d.error).length, result.findings.length, result.documents.filter((d) => d.error).length];

  it('the JSON has findings, documents and one skipped file', () => {
    expect(expected[1]).toBeGreaterThan(100);
    expect(expected).toEqual([5, result.findings.length, 1]);
  });
  for (const format of ['table', 'md', 'html'] as const) {
    it(`${format}: the summary line says what the JSON holds`, async () => {
      const r = await runCli(['analyze', dir, '--format', format]);
      expect(summaryOf(r.stdout)).toEqual(expected);
    });
  }
  it('analyze merge says the same', async () => {
    const part = path.join(tmp(), 'all.jsonl');
    expect((await runCli(['analyze', dir, '--jsonl', '-o', part])).code).toBe(0);
    expect(summaryOf((await runCli(['analyze', 'merge', part])).stdout)).toEqual(expected);
    expect(summaryOf((await runCli(['analyze', 'merge', part, '--format', 'md'])).stdout)).toEqual(expected);
  });
});

describe('analyze merge: a document seen twice counts once', () => {
  it('the same part twice gives the result of one, with a warning naming the document', async () => {
    const part = path.join(tmp(), 'p.jsonl');
    expect((await runCli(['analyze', `${CORPUS}${SEEDS[0]}`, `${CORPUS}${SEEDS[3]}`, '--jsonl', '-o', part])).code).toBe(0);
    const once = await runCli(['analyze', 'merge', part, '--format', 'json']);
    const twice = await runCli(['analyze', 'merge', part, part, '--format', 'json']);
    expect(twice.code).toBe(0);
    expect(JSON.parse(twice.stdout)).toEqual(JSON.parse(once.stdout));
    expect(twice.stderr).toContain(`警告：${part}:1: ${CORPUS}${SEEDS[0]} 与 ${part}:1 是同一篇文档`);
    expect(twice.stderr).toContain(`${part}:2: ${CORPUS}${SEEDS[3]}`);
  });
  it('the same path with other text is two documents', async () => {
    const dir = tmp();
    const file = path.join(dir, 'a.txt');
    copyFileSync(`${CORPUS}${SEEDS[0]}`, file);
    const p1 = path.join(dir, '1.jsonl');
    const p2 = path.join(dir, '2.jsonl');
    await runCli(['analyze', file, '--jsonl', '-o', p1]);
    copyFileSync(`${CORPUS}${SEEDS[2]}`, file);
    await runCli(['analyze', file, '--jsonl', '-o', p2]);
    const r = await runCli(['analyze', 'merge', p1, p2, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as AnalyzeResult).documents).toHaveLength(2);
  });
  it('options may stand before or after merge', async () => {
    const part = path.join(tmp(), 'p.jsonl');
    await runCli(['analyze', `${CORPUS}${SEEDS[1]}`, '--jsonl', '-o', part]);
    const before = await runCli(['analyze', '--format', 'md', 'merge', part]);
    const after = await runCli(['analyze', 'merge', part, '--format', 'md']);
    expect(after.stdout).toMatch(/^<!-- jianghua analyze .*-->\n# 讲话稿问题分析/u);
    expect(before.stdout).toBe(after.stdout);
  });
});

describe('套话', async () => {
  const seeds = await json([CORPUS, '--top', '40']);
  const phrases = seeds.stockPhrases.map((p) => p.phrase);

  it('the top N is the prefix of the top 2N', async () => {
    for (const n of [3, 10, 20]) {
      const r = await json([CORPUS, '--top', String(n)]);
      expect(r.stockPhrases.map((p) => p.phrase)).toEqual(phrases.slice(0, n));
    }
  });
  it('ranks by score, then documents', () => {
    for (let i = 1; i < seeds.stockPhrases.length; i++) {
      const [a, b] = [seeds.stockPhrases[i - 1], seeds.stockPhrases[i]];
      expect(a!.score).toBeGreaterThanOrEqual(b!.score);
      if (a!.score === b!.score) expect(a!.documents).toBeGreaterThanOrEqual(b!.documents);
    }
  });
  it('the formulas an analyst expects, quotes kept; no topic word, no fragment', () => {
    expect(phrases).toEqual(expect.arrayContaining(['习近平新时代中国特色社会主义思想', '党的二十大精神', '做到“两个维护”', '增强“四个意识”', '两个确立']));
    for (const topic of ['发展党员', '基层组织', '服务群众', '社会主义', '学习贯彻习近平', '用习近平新时代中国特色社会主义']) expect(phrases).not.toContain(topic);
    // a reported phrase is never inside a longer reported one that carries most of its occurrences
    for (const p of seeds.stockPhrases) for (const q of seeds.stockPhrases) if (q !== p && q.phrase.includes(p.phrase)) expect(q.occurrences * 2).toBeLessThanOrEqual(p.occurrences);
    for (const p of seeds.stockPhrases) expect(p.example?.context.replace(/\s/gu, '')).toContain(p.family === 'parallel' ? '' : p.phrase);
  });
  it('a dictionary word every document repeats is a word, not a 套话, on any corpus', async () => {
    const dir = tmp();
    const body = (i: number) => `同志们：\n今年以来，我们坚持社会主义方向，推动经济发展，经济发展质量第${i}次提升。社会主义事业和国民经济持续向好，人民群众满意，经济发展再上台阶。\n我们要以习近平新时代中国特色社会主义思想为指导，坚持稳中求进工作总基调。\n`;
    for (let i = 1; i <= 4; i++) writeFileSync(path.join(dir, `${i}.txt`), body(i));
    const r = await json([dir]);
    const found = r.stockPhrases.map((p) => p.phrase);
    for (const word of ['社会主义', '经济发展', '国民经济', '人民群众']) expect(found).not.toContain(word);
    expect(found.some((p) => p.includes('习近平新时代中国特色社会主义思想'))).toBe(true);
    expect(found.some((p) => p.includes('稳中求进工作总基调'))).toBe(true);
  });
  it('on speeches that are not the seeds, the top ten are formulas', async () => {
    const r = await json([GENRE, '--top', '10']);
    const top = r.stockPhrases.map((p) => p.phrase);
    expect(top).toHaveLength(10);
    for (const p of r.stockPhrases) expect(p.documents).toBeGreaterThanOrEqual(4);
    for (const topic of ['党支部书记', '党组织书记', '基层党组织', '党员干部']) expect(top).not.toContain(topic);
  });
});

describe('keywords by keyness', async () => {
  const r = await json([CORPUS]);
  const FUNCTION_WORDS = ['现在', '甚至', '真正', '出现', '完成', '更加', '上来', '我们', '工作'];

  it('content words only, each with its log-likelihood, best first', () => {
    for (const k of r.keywords) {
      expect(k.terms.length).toBeGreaterThan(5);
      for (const t of k.terms) {
        expect(FUNCTION_WORDS).not.toContain(t.term);
        expect(t.count).toBeGreaterThanOrEqual(2);
        expect(t.score).toBeGreaterThan(0);
      }
      for (let i = 1; i < k.terms.length; i++) expect(k.terms[i - 1]!.score).toBeGreaterThanOrEqual(k.terms[i]!.score);
    }
    const progress = r.keywords.find((k) => k.file.endsWith(SEEDS[4]))?.terms.map((t) => t.term) ?? [];
    expect(progress).toContain('党务干部');
  });
  it('each --by group against the rest, with documents and mentions per document', async () => {
    const g = await json([CORPUS, '--by', 'kind']);
    expect(g.groups?.map((x) => x.value)).toEqual(['host-script', 'progress-meeting', 'summary-speech']);
    const summary = g.groups?.find((x) => x.value === 'summary-speech');
    expect(summary).toMatchObject({ field: 'kind', documents: 3 });
    const inGroup = g.documents.filter((d) => d.kind === 'summary-speech');
    expect(summary?.mentions).toBe(inGroup.reduce((s, d) => s + (d.findings ?? 0), 0));
    expect(summary?.perDocument).toBeCloseTo((summary?.mentions ?? 0) / 3, 2);
    expect(summary?.keywords.length).toBeGreaterThan(0);
    const table = await runCli(['analyze', CORPUS, '--by', 'kind']);
    expect(table.stdout).toMatch(/│ 总结讲话\s+│\s+3 │/u);
    expect(table.stdout).not.toContain('summary-speech');
  });
});

describe('ids in data, labels on screen', () => {
  it('kind and level are ids however they were learned', async () => {
    const dir = tmp();
    copyFileSync(`${CORPUS}${SEEDS[0]}`, path.join(dir, 'a.txt'));
    copyFileSync(`${CORPUS}${SEEDS[2]}`, path.join(dir, 'b.txt'));
    copyFileSync(`${CORPUS}${SEEDS[3]}`, path.join(dir, '2023_某县述职评议总结讲话.txt'));
    writeFileSync(path.join(dir, 'corpus.yaml'), 'documents:\n  a.txt: { level: 县, kind: summary-speech }\n  b.txt: { level: 县级, kind: 总结讲话 }\n');
    const r = await json([dir, '--by', 'level']);
    expect(r.documents.map((d) => [d.level, d.kind])).toEqual([
      ['county', 'summary-speech'],
      ['county', 'summary-speech'],
      ['county', 'summary-speech'],
    ]);
    expect(r.groups?.map((g) => [g.value, g.documents])).toEqual([['county', 3]]);
    const md = (await runCli(['analyze', dir, '--by', 'level', '--format', 'md'])).stdout;
    expect(md).toContain('| 县级 | 3 |');
  });
});

describe('tables that fit the terminal', () => {
  for (const columns of [80, 100]) {
    it(`at ${columns} columns no line is wider, and no file:line:col is split`, async () => {
      // the corpus named as a user names it (README: `jianghua analyze corpus`), so the width does not
      // depend on where the checkout is: a path longer than the table's room is never split, so it may overflow
      const opts = { env: { COLUMNS: String(columns) }, cwd: ROOT };
      const analyze = await runCli(['analyze', 'corpus', '--by', 'year'], opts);
      const stats = await runCli(['stats', 'corpus'], opts);
      const templates = await runCli(['templates'], opts);
      for (const out of [analyze.stdout, stats.stdout, templates.stdout]) expect(widest(out)).toBeLessThanOrEqual(columns);
      const result = (await runCli(['analyze', 'corpus', '--format', 'json'], { cwd: ROOT })).stdout;
      const parsed = JSON.parse(result) as AnalyzeResult;
      for (const c of parsed.categories) if (c.example) expect(analyze.stdout).toContain(`${c.example.file}:${c.example.line}:${c.example.column}`);
    });
  }
  it('piped output is not wrapped', async () => {
    const r = await runCli(['analyze', CORPUS]);
    const result = await json([CORPUS]);
    for (const c of result.categories) if (c.example) expect(r.stdout).toContain(c.example.text);
  });
  it('in a real terminal of 80 columns: fitted, coloured, escapes whole', () => {
    if (!existsSync('/usr/bin/script')) throw new Error('util-linux script(1) is needed for the terminal test');
    const out = execFileSync('/usr/bin/script', ['-qec', `stty cols 80 rows 50; ${process.execPath} ${ROOT}bin/jianghua.js analyze corpus --no-progress`, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TERM: 'xterm' } });
    expect(out).toContain('\u001b[1m问题类别');
    for (const line of out.replace(/\r/gu, '').split('\n')) {
      // every escape is whole: ESC [ digits m, nothing cut
      expect(line.replace(/\u001b\[[0-9;]*m/gu, '')).not.toContain('\u001b');
      expect(stringWidth(line)).toBeLessThanOrEqual(80);
    }
    expect(out).toMatch(/corpus\/003_2f38f797e70dc8f3\.txt:7:47/u);
  });
});

describe('CSV per table', () => {
  it('--table findings has one row per finding; -o folder/ writes every table with a BOM', async () => {
    const result = await json([CORPUS, '--by', 'year']);
    const findings = await runCli(['analyze', CORPUS, '--format', 'csv', '--table', 'findings']);
    const rows = findings.stdout.split('\r\n').filter((l) => l !== '');
    expect(rows[0]).toBe('\uFEFF文件,行,列,问题表述,类别,类别 id,缺陷信号,所在句');
    // one line per finding: no field holds a line break
    expect(rows).toHaveLength(result.findings.length + 1);
    const dir = path.join(tmp(), 'tables/');
    expect((await runCli(['analyze', CORPUS, '--by', 'year', '--format', 'csv', '-o', dir])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['categories.csv', 'documents.csv', 'findings.csv', 'groups.csv', 'phrases.csv']);
    for (const f of readdirSync(dir)) expect(readFileSync(path.join(dir, f), 'utf8').startsWith('\uFEFF')).toBe(true);
    const phrases = readFileSync(path.join(dir, 'phrases.csv'), 'utf8').split('\r\n').filter((l) => l !== '');
    expect(phrases).toHaveLength(result.stockPhrases.length + 1);
    expect(readFileSync(path.join(dir, 'documents.csv'), 'utf8')).toContain(',县级,2023,总结讲话,');
    expect((await runCli(['analyze', CORPUS, '--format', 'md', '--table', 'findings'])).code).toBe(2);
  });
});

describe('progress', () => {
  it('on a terminal: both passes, an ETA, and a skip warning printed whole above the bar', async () => {
    const dir = tmp();
    for (const s of SEEDS) copyFileSync(`${CORPUS}${s}`, path.join(dir, s));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    const r = await runCli(['analyze', dir, '--format', 'json'], { tty: true });
    expect(r.stderr).toContain('剩余');
    expect(r.stderr).toContain('第二遍');
    expect(r.stderr).toContain(`警告：已跳过 ${path.join(dir, 'empty.txt')}：`);
    // what the terminal shows: each line as left after the last return to column 1
    const screen = r.stderr.split('\n').map((l) => (l.split(/\u001b\[1G|\r/u).at(-1) ?? '').replace(/\u001b\[[?0-9;]*[A-Za-z]/gu, ''));
    expect(screen).toContain(`警告：已跳过 ${path.join(dir, 'empty.txt')}：文件是空的，没有可分析的内容`);
    expect(screen.at(-1)).toBe(''); // the bar is cleared at the end, none left behind
  });
});
