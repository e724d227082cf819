import { describe, expect, it } from 'vitest';
import { failure } from '../helpers/errors.js';
import { parseGold } from '../../src/index.js';

const HEAD = 'a.txt:\n  kind: other\n  sections: []\n  opinions: null\n  reviews: 0\n';

describe('parseGold', () => {
  it('reads entries with defaults and the place of each text', () => {
    const gold = parseGold(`${HEAD}  problems:\n    - {line: 2, text: 不够, categories: [responsibility, other]}\nb.txt:\n  kind: report\n  title: null\n  sections: [achievements, opinions]\n  opinions: {count: 5, series: "1."}\n  reviews: 0\n`, 'g.yaml', { categories: ['responsibility'] });
    expect(gold.entries.map((e) => e.file)).toEqual(['a.txt', 'b.txt']);
    expect(gold.entries[0]!.problems[0]).toEqual({ line: 2, text: '不够', categories: ['responsibility', 'other'], at: { line: 7, column: 23 } });
    expect(gold.entries[1]).toMatchObject({ kind: 'report', title: null, opinions: { count: 5, series: '1.' }, problems: [], notProblems: [], at: { line: 8, column: 1 } });
  });

  it('lists several problems at once, each with line:col and the expected shape', () => {
    const e = failure(() => parseGold('a.txt:\n  kind: other\n  sections: [problems, opening]\n  opinions: {count: 3}\n  reviews: -1\n', 'g.yaml'));
    expect(e.format()).toMatch(/^g\.yaml:3:24: 标注文件不符合要求：“a\.txt” sections\[1\]：应为列表，取值 achievements、problems、opinions/u);
    expect(e.message).toContain('\n  4:13: 缺少必填字段 “a.txt” opinions.series：应为第一条意见的编号体例');
    expect(e.message).toContain('\n  5:12: “a.txt” reviews：应为点评块的个数');
  });

  it('rejects an unknown key at the key, and a root that is not a map', () => {
    expect(failure(() => parseGold(`${HEAD}  problem: []\n`, 'g.yaml')).format()).toMatch(/^g\.yaml:6:3: .*“a\.txt” problem：没有这个字段/u);
    expect(failure(() => parseGold('- a.txt\n', 'g.yaml')).format()).toMatch(/^g\.yaml:1:1: .*以讲话稿文件名为键的映射/u);
    expect(failure(() => parseGold('', 'g.yaml')).code).toBe('empty');
  });

  it('checks category ids against the taxonomy, other always allowed', () => {
    const source = `${HEAD}  problems:\n    - {line: 2, text: 不够, categories: [other, dues]}\n`;
    expect(failure(() => parseGold(source, 'g.yaml', { categories: ['party-dues'] })).format()).toMatch(/^g\.yaml:7:47: .*categories\[1\]：没有这个类别 id “dues”/u);
    expect(parseGold(source, 'g.yaml').entries).toHaveLength(1);
  });
});
