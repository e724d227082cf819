import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/analyze/taxonomy.js';
import { DATA_DIR, DATA_SCHEMAS, loadData, type DataName } from '../../src/data/index.js';
import { loadLexicon } from '../../src/speech/index.js';
import { CORPUS, runCli } from '../helpers/cli.js';
import { failure } from '../helpers/errors.js';

const dir = mkdtempSync(path.join(tmpdir(), 'jianghua-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of data/ with one file's text changed. */
function dataWith(name: DataName, change: (text: string) => string): string {
  const copy = mkdtempSync(path.join(dir, 'data-'));
  cpSync(DATA_DIR, copy, { recursive: true });
  writeFileSync(path.join(copy, name), change(readFileSync(path.join(DATA_DIR, name), 'utf8')));
  return copy;
}

describe('the data layer', () => {
  it('reads and validates every shipped data file', () => {
    for (const name of Object.keys(DATA_SCHEMAS) as DataName[]) expect(loadData(name)).toBeTypeOf('object');
  });

  it('caches: the same file gives the same object', () => {
    expect(loadData('cues.yaml')).toBe(loadData('cues.yaml'));
    expect(loadLexicon()).toBe(loadLexicon());
  });

  it('a broken pattern in a data file is an error at its line and column', () => {
    const copy = dataWith('numbering.yaml', (t) => t.replace("pattern: '^(?<n>[一二三四五六七八九十]{1,3})、'", "pattern: '^(?<n>[一二三'"));
    const error = failure(() => loadLexicon(copy));
    expect(error.code).toBe('schema');
    expect(error.place).toEqual({ file: path.join(copy, 'numbering.yaml'), line: 9, column: 14 });
    expect(error.message).toContain('series[0].pattern：“^(?<n>[一二三”不是有效的正则表达式');
  });

  it('a misspelled key is named at the key', () => {
    const copy = dataWith('kinds.yaml', (t) => t.replace('    sections: [problems, opinions]', '    section: [problems, opinions]'));
    const error = failure(() => loadLexicon(copy));
    expect(error.format()).toMatch(/kinds\.yaml:12:5: 数据文件 kinds\.yaml不符合要求：kinds\[0\]\.section：没有这个字段/u);
  });

  it('a missing cue is named', () => {
    const copy = dataWith('cues.yaml', (t) => t.replace(/^salutation: .*$/mu, ''));
    expect(failure(() => loadLexicon(copy)).message).toContain('缺少必填字段 salutation');
  });

  it('a user taxonomy goes through the same validation', () => {
    const file = path.join(dir, 'bad-taxonomy.yaml');
    writeFileSync(file, 'categories:\n  - id: dues\n    label: 党费\n    patterns: ["党费(收缴"]\n  - id: Bad_Id\n    label: 坏\n');
    const error = failure(() => loadTaxonomy(file));
    expect(error.place).toEqual({ file, line: 4, column: 16 });
    expect(error.message).toContain('categories[0].patterns[0]：“党费(收缴”不是有效的正则表达式');
    expect(error.message).toMatch(/5:9: categories\[1\]\.id：应为小写英文 id/u);
  });

  it('analyze --taxonomy with a bad entry: exit 2, file:line:col on stderr, nothing on stdout', async () => {
    const file = path.join(dir, 'cli-taxonomy.yaml');
    writeFileSync(file, 'categories:\n  - id: dues\n    label: 党费\n    terms: 党费\n');
    const r = await runCli(['analyze', CORPUS, '--taxonomy', file, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}:4:12: 分类文件不符合要求：categories[0].terms：`);
  });
});
