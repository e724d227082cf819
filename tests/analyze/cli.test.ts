import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalyzeResult } from '../../src/analyze/index.js';
import { CORPUS, ROOT, SEEDS, requireBuild, runBin, runCli } from '../helpers/cli.js';

const FIXTURES = `${ROOT}tests/fixtures/analyze/`;
const TAXONOMY_IDS = [
  'responsibility', 'party-affairs-staff', 'organizational-life', 'member-recruitment', 'party-dues', 'member-education',
  'member-structure', 'member-role', 'org-function', 'integration', 'emerging-sectors', 'grassroots-governance',
  'rural-revitalization', 'talent-cadres', 'work-style', 'theory-study', 'innovation-brand', 'imbalance', 'support', 'rectification',
];

const tmp = () => mkdtempSync(path.join(tmpdir(), 'jianghua-analyze-'));
const json = async (args: string[]) => {
  const r = await runCli(['analyze', ...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as AnalyzeResult;
};

describe('analyze corpus --format json', async () => {
  const result = await json([CORPUS]);

  it('has exactly the contract keys', () => {
    expect(Object.keys(result).sort()).toEqual(['categories', 'documents', 'findings', 'keywords', 'stockPhrases']);
  });
  it('lists the 20 taxonomy ids plus other, each with label, mentions and documents', () => {
    expect(result.categories.map((c) => c.id).sort()).toEqual([...TAXONOMY_IDS, 'other'].sort());
    for (const c of result.categories) {
      expect(typeof c.label).toBe('string');
      expect(c.documents).toBeLessThanOrEqual(c.mentions);
    }
    expect(result.categories.find((c) => c.id === 'party-dues')).toMatchObject({ label: '党费收缴', documents: 1, mentions: 3 });
  });
  it('reports findings with exact positions and the contract fields', () => {
    const f = result.findings.find((x) => x.text === '党务力量薄弱');
    expect(f).toEqual({ file: `${CORPUS}${SEEDS[4]}`, line: 3, column: 321, sentence: '二是党务力量薄弱。', text: '党务力量薄弱', categories: ['party-affairs-staff'], cue: '薄弱', evidence: [{ source: 'text', term: '党务' }] });
    const line = readFileSync(`${CORPUS}${SEEDS[4]}`, 'utf8').split('\n')[2] ?? '';
    expect([...line].slice(320, 326).join('')).toBe('党务力量薄弱');
    // 002 is indented with NBSP: columns count code points from the real line start
    const dues = result.findings.find((x) => x.file.endsWith(SEEDS[2]) && x.text === '理论学习存在差距');
    expect(dues).toMatchObject({ line: 9, column: 49, categories: ['theory-study'] });
  });
  it('never counts a directive or talk about the meeting', () => {
    const texts = result.findings.map((f) => f.text);
    expect(texts.some((t) => t.includes('着力解决'))).toBe(false);
    expect(texts.some((t) => t.includes('存在的主要问题'))).toBe(false);
    expect(texts.some((t) => t.includes('检视存在的差距'))).toBe(false);
  });
  it('finds stock phrases across documents, kept whole, with an example', () => {
    const p = result.stockPhrases.find((x) => x.phrase === '习近平新时代中国特色社会主义思想');
    expect(p).toMatchObject({ documents: 4, family: 'formula' });
    expect(p?.example?.context).toContain('习近平新时代中国特色社会主义思想');
    for (const x of result.stockPhrases) expect(x.documents).toBeGreaterThanOrEqual(2);
    // no phrase reported inside a longer reported one
    for (const x of result.stockPhrases) expect(result.stockPhrases.some((y) => y !== x && y.phrase.includes(x.phrase))).toBe(false);
  });
  it('gives each document a density and keywords', () => {
    expect(result.documents).toHaveLength(5);
    for (const d of result.documents) {
      expect(d.density).toBeGreaterThan(0);
      expect(d.density).toBeLessThan(1);
    }
    expect(result.keywords).toHaveLength(5);
    for (const k of result.keywords) expect(k.terms.length).toBeGreaterThan(0);
    const common = new Set(['工作', '党建', '我们']);
    for (const k of result.keywords) for (const t of k.terms) expect(common.has(t.term)).toBe(false);
  });
});

describe('analyze on a speech it has never seen', () => {
  it('finds the problems of a new town speech, by category, and no directive', async () => {
    const r = await json([`${FIXTURES}town-2024.txt`]);
    const byText = Object.fromEntries(r.findings.map((f) => [f.text, f.categories]));
    expect(byText['个别村党组织软弱涣散']).toEqual(['org-function']);
    // its own words say 组织生活; its item's heading (一是党员宗旨意识淡薄) adds the heading's topic
    expect(byText['参加组织生活不积极']).toEqual(['organizational-life', 'work-style']);
    const evidence = r.findings.find((f) => f.text === '参加组织生活不积极')?.evidence;
    expect(evidence).toEqual([{ source: 'text', term: '组织生活' }, { source: 'heading', term: '宗旨意识' }]);
    expect(byText['“三会一课”流于形式']).toEqual(['organizational-life', 'work-style']);
    expect(byText['村集体经济增收渠道单一']).toEqual(['rural-revitalization']);
    // two defects joined by 、 are two statements; the second shares the first's topic
    expect(byText['部分农村党员年龄偏大']).toEqual(['member-structure']);
    expect(byText['文化程度偏低']).toEqual(['member-structure']);
    expect(r.findings.every((f) => f.line === 6)).toBe(true);
    expect(r.documents[0]).toMatchObject({ year: '2024', level: 'township' });
  });
});

describe('analyze on a 点评 host script it has never seen', () => {
  it('takes each reporter\'s 存在的主要问题是, not the hopes that repeat a problem as a directive', async () => {
    const r = await json([`${FIXTURES}host-review.txt`]);
    const byText = Object.fromEntries(r.findings.map((f) => [f.text, f.categories]));
    expect(byText).toEqual({
      理论学习流于表面: ['theory-study'],
      学用结合不紧密: ['theory-study'],
      '党建与业务“两张皮”现象依然存在': ['integration'],
      党建经费保障不足: ['support'],
      问题整改不彻底: ['rectification'],
      整改成效不明显: ['rectification'],
      非公企业党组织覆盖面不广: ['emerging-sectors'],
      党员发展质量不高: ['member-recruitment'],
      入党积极分子培养考察不扎实: ['member-recruitment'],
      部分党员先锋模范作用发挥意识不强: ['member-role'],
      基层党组织书记抓党建的能力和水平参差不齐: ['talent-cadres', 'imbalance'],
    });
  });
});

describe('analyze output formats', () => {
  it('table: categories with labels, counts and an example, then stock phrases', async () => {
    const r = await runCli(['analyze', CORPUS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│ 党费收缴\s+│ party-dues\s+│\s+3 │\s+1 │\s+20\.0% │ [^│]*党费收缴[^│]*不规范/u);
    expect(r.stdout).toContain('反复出现的套话');
    expect(r.stdout).toContain('共分析 5 篇讲话稿');
    expect(r.stdout).not.toContain('\u001b['); // no colour off a terminal
  });
  it('csv: UTF-8 with BOM, one row per category', async () => {
    const r = await runCli(['analyze', CORPUS, '--format', 'csv']);
    expect(r.stdout.startsWith('\uFEFFid,类别,提及次数,文档数,文档占比,典型表述,位置\r\n')).toBe(true);
    const rows = r.stdout.trim().split('\r\n');
    expect(rows).toHaveLength(22);
    expect(rows.find((x) => x.startsWith('party-dues,'))).toMatch(/^party-dues,党费收缴,3,1,0\.2,/u);
  });
  it('md: a Markdown report with the category table', async () => {
    const r = await runCli(['analyze', CORPUS, '--format', 'md']);
    expect(r.stdout).toContain('| 党费收缴 | `party-dues` | 3 | 1 | 20.0% |');
    expect(r.stdout).toContain('## 反复出现的套话');
  });
  it('html: self-contained page with a bar chart and a heat map linking to example clauses', async () => {
    const dir = tmp();
    const out = path.join(dir, 'report.html');
    const r = await runCli(['analyze', CORPUS, '--format', 'html', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/u);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/(?:src|href)="https?:/u);
    expect(html).not.toContain('<script');
    const links = [...html.matchAll(/href="#(f-[a-z-]+-\d+)"/gu)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(20);
    for (const id of links) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('个别学校党费收缴不规范');
  });
  it('-o refuses an existing file without --force', async () => {
    const dir = tmp();
    const out = path.join(dir, 'r.json');
    writeFileSync(out, 'keep');
    const r = await runCli(['analyze', CORPUS, '--format', 'json', '-o', out]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('keep');
    expect((await runCli(['analyze', CORPUS, '--format', 'json', '-o', out, '--force'])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).documents).toHaveLength(5);
  });
});

describe('analyze input handling', () => {
  it('skips unreadable files with a warning and counts them, never fatal', async () => {
    const dir = tmp();
    copyFileSync(`${CORPUS}${SEEDS[0]}`, path.join(dir, 'a.txt'));
    writeFileSync(path.join(dir, 'picture.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    writeFileSync(path.join(dir, 'empty.md'), '');
    const r = await runCli(['analyze', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('警告：已跳过');
    expect(r.stderr).toContain('picture.txt');
    expect(r.stdout).toContain('跳过 2 个无法读取的文件');
    const j = JSON.parse((await runCli(['analyze', dir, '--format', 'json'])).stdout) as AnalyzeResult;
    expect(j.documents.filter((d) => d.error).map((d) => path.basename(d.file)).sort()).toEqual(['empty.md', 'picture.txt']);
  });
  it('reads GB18030 files like UTF-8 ones', async () => {
    const dir = tmp();
    const iconv = (await import('iconv-lite')).default;
    writeFileSync(path.join(dir, 'gbk.txt'), iconv.encode(readFileSync(`${FIXTURES}town-2024.txt`, 'utf8'), 'gb18030'));
    const r = JSON.parse((await runCli(['analyze', dir, '--format', 'json'])).stdout) as AnalyzeResult;
    expect(r.findings.map((f) => f.text)).toContain('村集体经济增收渠道单一');
  });
  it('reads .docx (src/io/docx.ts); a broken .docx is skipped', async () => {
    const dir = tmp();
    const { Document, Packer, Paragraph } = await import('docx');
    const lines = readFileSync(`${FIXTURES}town-2024.txt`, 'utf8').split('\n').filter((l) => l.trim() !== '');
    const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] });
    writeFileSync(path.join(dir, 'town.docx'), await Packer.toBuffer(doc));
    writeFileSync(path.join(dir, 'broken.docx'), 'not a zip');
    const r = await runCli(['analyze', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('broken.docx');
    const j = JSON.parse(r.stdout) as AnalyzeResult;
    expect(j.findings.map((f) => f.text)).toContain('村集体经济增收渠道单一');
    expect(j.documents.find((d) => d.file.endsWith('broken.docx'))?.error).toBeDefined();
  });
  it('a missing input, a missing dictionary or taxonomy is a usage error (exit 2)', async () => {
    const missing = await runCli(['analyze', 'no/such/dir']);
    expect(missing.code).toBe(2);
    const dict = await runCli(['analyze', CORPUS, '--dict', 'no-such.dict']);
    expect(dict.code).toBe(2);
    expect(dict.stderr).toContain('找不到分词词典文件');
    const tax = await runCli(['analyze', CORPUS, '--taxonomy', 'no-such.yaml']);
    expect(tax.code).toBe(2);
    expect(tax.stderr).toContain('分类文件不存在');
  });
  it('--taxonomy replaces the categories; clauses that fit none become other', async () => {
    const r = await json([CORPUS, '--taxonomy', `${FIXTURES}only-dues.yaml`]);
    expect(r.categories.map((c) => c.id).sort()).toEqual(['dues', 'other']);
    const dues = r.findings.filter((f) => f.categories.includes('dues')).map((f) => f.text);
    expect(dues).toEqual(expect.arrayContaining(['个别党支部党费收缴记录不规范', '个别学校党费收缴不规范', '党费收缴记录不够规范']));
    expect(r.findings.filter((f) => f.categories.includes('other')).length).toBeGreaterThan(100);
    // generic statements (理论学习存在差距) need a category to count, so a little fewer findings here
    expect(r.findings.length).toBeGreaterThan(150);
  });
  it('--by reads corpus.yaml, else the file name', async () => {
    const dir = tmp();
    copyFileSync(`${CORPUS}${SEEDS[1]}`, path.join(dir, 'a.txt'));
    copyFileSync(`${CORPUS}${SEEDS[4]}`, path.join(dir, 'b.txt'));
    copyFileSync(`${CORPUS}${SEEDS[2]}`, path.join(dir, '2021_某县述职评议.txt'));
    writeFileSync(path.join(dir, 'corpus.yaml'), 'documents:\n  a.txt: { year: 2022, level: 区级 }\n  b.txt: { year: 2023 }\n');
    const r = await json([dir, '--by', 'year']);
    const staff = r.categories.find((c) => c.id === 'party-affairs-staff');
    expect(Object.keys(staff?.groups ?? {}).sort()).toEqual(['2022', '2023']);
    const a = r.documents.find((d) => d.file.endsWith('a.txt'));
    expect(a).toMatchObject({ year: '2022', level: 'county' });
    expect(staff?.groups?.['2022']).toEqual({ mentions: a?.categories?.['party-affairs-staff'], documents: 1 });
    expect(staff?.groups?.['2022']?.mentions).toBeGreaterThan(0);
    const theory = r.categories.find((c) => c.id === 'theory-study');
    expect(theory?.groups?.['2021']?.documents).toBe(1);
  });
});

describe('analyze progress bar', () => {
  it('shows on a terminal stderr only, never with --no-progress or in CI', async () => {
    const tty = await runCli(['analyze', CORPUS, '--format', 'json'], { tty: true });
    expect(tty.stderr).toContain('5/5 篇');
    expect(JSON.parse(tty.stdout).documents).toHaveLength(5);
    expect((await runCli(['analyze', CORPUS, '--format', 'json', '--no-progress'], { tty: true })).stderr).toBe('');
    expect((await runCli(['analyze', CORPUS, '--format', 'json'], { tty: true, env: { CI: 'true' } })).stderr).toBe('');
  });
});

describe('analyze --jsonl and analyze merge', () => {
  it('merging parts gives exactly the result of one run', async () => {
    const dir = tmp();
    const part1 = path.join(dir, 'part1.jsonl');
    const part2 = path.join(dir, 'part2.jsonl');
    expect((await runCli(['analyze', `${CORPUS}${SEEDS[0]}`, `${CORPUS}${SEEDS[1]}`, '--jsonl', '-o', part1])).code).toBe(0);
    const second = await runCli(['analyze', `${CORPUS}${SEEDS[2]}`, `${CORPUS}${SEEDS[3]}`, `${CORPUS}${SEEDS[4]}`, '--jsonl']);
    writeFileSync(part2, second.stdout);
    expect(readFileSync(part1, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(second.stdout.trim().split('\n')).toHaveLength(3);
    const merged = await json(['merge', part1, part2]);
    const whole = await json(SEEDS.map((s) => `${CORPUS}${s}`));
    expect(merged).toEqual(whole);
  });
  it('a broken part is an error naming file and line', async () => {
    const dir = tmp();
    const part = path.join(dir, 'bad.jsonl');
    writeFileSync(part, '{"file":"x"}\n');
    const r = await runCli(['analyze', 'merge', part]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${part}:1`);
  });
});

describe('analyze with worker threads (built binary)', () => {
  it('--jobs 2 writes the same bytes as --jobs 1 (workers take the second look), also with --by and a skipped file', () => {
    requireBuild('analyze/worker.js');
    const dir = tmp();
    // 20 documents: enough that --jobs 2 is not clamped to one thread
    for (let i = 0; i < 4; i++) for (const s of SEEDS) copyFileSync(`${CORPUS}${s}`, path.join(dir, `${i}-${s}`));
    writeFileSync(path.join(dir, '2-empty.txt'), '\n');
    for (const extra of [[], ['--by', 'year']]) {
      const one = runBin(['analyze', dir, '--format', 'json', '--jobs', '1', ...extra]);
      const two = runBin(['analyze', dir, '--format', 'json', '--jobs', '2', ...extra]);
      expect(two.code).toBe(0);
      expect(two.stderr).toBe(one.stderr); // the skipped file's warning, nothing else
      expect(two.stdout).toBe(one.stdout);
      const result = JSON.parse(two.stdout) as AnalyzeResult;
      expect(result.documents).toHaveLength(21);
      expect(result.documents.filter((d) => d.error)).toHaveLength(1);
      expect(result.keywords).toHaveLength(20);
      expect(result.documents.filter((d) => d.density !== undefined)).toHaveLength(20);
      expect(result.stockPhrases.some((p) => p.example)).toBe(true);
    }
  });
  it('--jsonl records from workers carry the text, as from one thread', () => {
    requireBuild('analyze/worker.js');
    const dir = tmp();
    for (let i = 0; i < 4; i++) for (const s of SEEDS) copyFileSync(`${CORPUS}${s}`, path.join(dir, `${i}-${s}`)); // 8 a worker at least
    const one = runBin(['analyze', dir, '--jsonl', '--jobs', '1']);
    const two = runBin(['analyze', dir, '--jsonl', '--jobs', '2']);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect((JSON.parse(two.stdout.split('\n')[0] as string) as { text: string }).text.length).toBeGreaterThan(1000);
  });
});
