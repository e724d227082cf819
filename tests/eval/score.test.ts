import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatEvalText, parseGold, placeEntry, scoreEvaluation, type OutlineShape, type ScoredFinding } from '../../src/index.js';
import { opinionItems, outlineChecks } from '../../src/eval/index.js';

// Hand-written lines; every position below is counted by hand (0-based code points in comments).
const SPEECH = [
  '在全镇党建工作会议上的讲话',
  '同志们：',
  '一是党费收缴不够及时，会议记录不全，资料归档也比较混乱。', // 党费收缴不够及时 [2,10) 会议记录不全 [11,17)
  '二是过去党员活动阵地不足，现在已经全部建成，有的党员不够积极，有的党员不够积极。', // 过去…不足 [2,12) 有的党员不够积极 [22,30) [31,39)
  '有的支部书记履职能力偏弱。', // 支部书记履职能力偏弱 [2,12)
  '党员发展程序不规范。', // [0,9)
  '组织生活会质量不高问题突出。', // 组织生活会质量不高 [0,9)
].join('\n');

const GOLD = `
s.txt:
  kind: summary-speech
  title: 在全镇党建工作会议上的讲话
  sections: [problems]
  opinions: null
  reviews: 0
  problems:
    - {line: 3, text: 党费收缴不够及时, categories: [party-dues]}
    - {line: 3, text: 会议记录不全, categories: [organizational-life]}
    - {line: 4, text: 有的党员不够积极, categories: [member-role]}
    - {line: 4, text: 有的党员不够积极, categories: [member-role, work-style]}
    - {line: 5, text: 支部书记履职能力偏弱, categories: [talent-cadres]}
    - {line: 6, text: 党员发展程序不规范, categories: [member-recruitment]}
    - {line: 7, text: 组织生活会质量不高, categories: [organizational-life]}
  notProblems:
    - {line: 4, text: 过去党员活动阵地不足}
`;

const f = (line: number, column: number, text: string, ...categories: string[]): ScoredFinding => ({ line, column, text, categories });
const FINDINGS = [
  f(3, 3, '党费收缴', 'party-dues'), // 4 of 8 gold characters: found (exactly half); wholly inside: right
  f(3, 14, '记录不全，资料归档也比较混乱', 'party-affairs-staff'), // 4 of its 14 inside: a false alarm; still covers 4/6 of 会议记录不全
  f(4, 5, '党员活动阵地不足', 'other'), // covers 8 of the 10 of a notProblems text: a trap
  f(4, 1, '二是过去', 'other'), // covers 2 of 10: a false alarm, not a trap
  f(5, 1, '有的支部书记', 'talent-cadres'), // 4 of 6 inside: right; covers only 4/10 of the clause: a miss
  f(4, 32, '有的党员不够积极', 'work-style'), // the second occurrence only
  f(6, 1, '党员发展程序不规范', 'organizational-life'), // found, wrong category
  f(7, 6, '质量不高问题突出', 'organizational-life'), // 4 of 8 inside: right (exactly half); covers 4/9: a miss
];

const OUTLINE: OutlineShape = { kind: 'summary-speech', sections: [{ kind: 'problems', children: [] }] };

function scored(findings = FINDINGS, outline = OUTLINE) {
  const gold = parseGold(GOLD, 'gold.yaml');
  const entry = placeEntry(gold.entries[0]!, SPEECH, { gold: 'gold.yaml', speech: 's.txt' });
  return scoreEvaluation([{ file: 's.txt', gold: entry, findings, outline }], { labelOf: (id) => `标签${id}` });
}

describe('placeEntry', () => {
  it('places gold texts in code points and successive occurrences of a repeated text', () => {
    const gold = parseGold(GOLD, 'gold.yaml');
    const entry = placeEntry(gold.entries[0]!, SPEECH, { gold: 'gold.yaml', speech: 's.txt' });
    expect(entry.problems.map((p) => [p.start, p.end])).toEqual([[2, 10], [11, 17], [22, 30], [31, 39], [2, 12], [0, 9], [0, 9]]);
    expect(entry.notProblems.map((p) => [p.start, p.end])).toEqual([[2, 12]]);
  });

  it('counts an astral character as one column', () => {
    const gold = parseGold('a.txt:\n  kind: other\n  sections: []\n  opinions: null\n  reviews: 0\n  problems: [{line: 1, text: 不够, categories: [other]}]\n');
    const entry = placeEntry(gold.entries[0]!, '𠀀甲不够', { gold: 'g', speech: 'a.txt' });
    expect([entry.problems[0]!.start, entry.problems[0]!.end]).toEqual([2, 4]);
  });
});

describe('scoreEvaluation on synthetic findings', () => {
  const r = scored();

  it('computes the totals by hand', () => {
    expect(r.measures).toEqual({
      precision: 5 / 8,
      clauseRecall: 4 / 7,
      categoryRecall: 4 / 7,
      findings: 8,
      gold: 7,
      found: 4,
      categoryRight: 4,
      right: 5,
      traps: 1,
      falseAlarms: 2,
    });
    expect(r.files).toHaveLength(1);
    expect(r.files[0]!.measures).toEqual(r.measures);
  });

  it('lists misses at the gold position, the first repeated occurrence included', () => {
    expect(r.misses.map((m) => [m.line, m.column, m.text])).toEqual([
      [4, 23, '有的党员不够积极'],
      [5, 3, '支部书记履职能力偏弱'],
      [7, 1, '组织生活会质量不高'],
    ]);
    expect(r.misses[0]!.categories).toEqual(['member-role']);
  });

  it('lists wrong categories with the finding and the accepted ids', () => {
    expect(r.wrongCategories.map((w) => [w.line, w.column, w.text, w.categories, w.gold.categories])).toEqual([
      [3, 14, '记录不全，资料归档也比较混乱', ['party-affairs-staff'], ['organizational-life']],
      [6, 1, '党员发展程序不规范', ['organizational-life'], ['member-recruitment']],
    ]);
  });

  it('tells traps from false alarms', () => {
    expect(r.traps.map((t) => [t.line, t.column, t.text, t.notProblem.text])).toEqual([[4, 5, '党员活动阵地不足', '过去党员活动阵地不足']]);
    expect(r.falseAlarms.map((a) => [a.line, a.column])).toEqual([
      [3, 14],
      [4, 1],
    ]);
  });

  it('scores each category', () => {
    const c = (id: string) => r.categories.find((x) => x.id === id);
    expect(c('organizational-life')).toEqual({ id: 'organizational-life', label: '标签organizational-life', precision: 1 / 2, recall: 1 / 2, findings: 2, predicted: 2, correct: 1, gold: 2, recalled: 1 });
    expect(c('party-affairs-staff')).toMatchObject({ precision: null, recall: null, findings: 1, predicted: 0, gold: 0 });
    expect(c('member-role')).toMatchObject({ precision: null, recall: 0, gold: 2, recalled: 0 });
    expect(c('work-style')).toMatchObject({ precision: 1, recall: 1 });
    expect(c('other')).toMatchObject({ findings: 2, predicted: 0 });
    expect(r.categories.at(-1)!.id).toBe('other');
  });

  it('builds the confusion table from the best-overlapping finding', () => {
    const cell = (row: string, column: string) => r.confusion.counts[r.confusion.rows.indexOf(row)]?.[r.confusion.columns.indexOf(column)];
    expect(cell('party-dues', 'party-dues')).toBe(1);
    expect(cell('organizational-life', 'party-affairs-staff')).toBe(1);
    expect(cell('organizational-life', 'organizational-life')).toBe(1);
    expect(cell('member-role', '(missed)')).toBe(1);
    // the accepted id that was predicted names the row
    expect(cell('work-style', 'work-style')).toBe(1);
    expect(cell('member-recruitment', 'organizational-life')).toBe(1);
    expect(r.confusion.counts.flat().reduce((a, b) => a + b, 0)).toBe(7);
    expect(r.confusion.columns.at(-1)).toBe('(missed)');
  });

  it('treats a finding covering less than half of a clause as a miss, and exactly half as found', () => {
    const half = scored([f(3, 3, '党费收缴', 'party-dues')]);
    const less = scored([f(3, 3, '党费收', 'party-dues')]);
    expect(half.misses.some((m) => m.text === '党费收缴不够及时')).toBe(false);
    expect(less.misses.some((m) => m.text === '党费收缴不够及时')).toBe(true);
    // still overlapping: its category counts
    expect(less.measures.categoryRight).toBe(1);
  });

  it('joins findings on a line to cover a clause', () => {
    const r2 = scored([f(5, 3, '支部', 'talent-cadres'), f(5, 5, '书记履', 'talent-cadres')]);
    expect(r2.misses.some((m) => m.text === '支部书记履职能力偏弱')).toBe(false);
    expect(r2.measures.right).toBe(2);
  });

  it('has null ratios without findings and is zero-safe', () => {
    const none = scored([]);
    expect(none.measures).toMatchObject({ precision: null, clauseRecall: 0, categoryRecall: 0, findings: 0 });
    expect(none.confusion.columns).toEqual(['(missed)']);
  });

  it('writes a text report that ends with the summary', () => {
    const text = formatEvalText(r, { width: 100 });
    const last = text.trimEnd().split('\n').slice(-8).join('\n');
    expect(last).toContain('准确率      0.625  正确 5 / 输出 8（误报 2，陷阱 1）');
    expect(last).toContain('条目召回率  0.571  找到 4 / 标注 7');
    expect(last).toContain('类别召回率  0.571');
    expect(last).toContain('结构检查    3/3 通过');
    expect(text).toContain('s.txt:4  有的党员不够积极  [member-role]');
    expect(text).toContain('s.txt:4:5  党员活动阵地不足  [other]');
    expect(text).not.toMatch(/\u001b\[/u);
  });

  it('fits long list lines to a narrow terminal', () => {
    const text = formatEvalText(r, { width: 80 });
    const lines = text.split('\n').filter((l) => l.startsWith('s.txt:'));
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(lines.some((l) => l.includes('…'))).toBe(true);
    expect(formatEvalText(r, { width: 200 })).not.toContain('…');
  });
});

describe('outline checks', () => {
  const gold = (extra: string) => {
    const g = parseGold(`a.txt:\n  kind: summary-speech\n  sections: [achievements, problems, opinions]\n  opinions: {count: 2, series: "一、"}\n  reviews: 0\n${extra}`);
    return placeEntry(g.entries[0]!, '', { gold: 'g', speech: 'a.txt' });
  };
  const node = (kind: string, children: OutlineShape['sections'] = [], series?: string) => ({ kind, children, ...(series ? { numbering: { series, index: 1 } } : {}) });

  it('takes the numbered opinions children of the first opinions node outside reviews', () => {
    const outline: OutlineShape = {
      kind: 'host-script',
      sections: [
        node('agenda', [node('review', [node('opinions', [node('opinions', [], '一是')])]), node('opinions', [node('opinions', [], '一、'), node('opinions', [], '二、'), node('other')])]),
      ],
    };
    expect(opinionItems(outline).map((n) => n.numbering?.series)).toEqual(['一、', '二、']);
  });

  it('falls back to the numbered opinions nodes beside it', () => {
    const outline: OutlineShape = { kind: 'summary-speech', sections: [node('opening'), node('opinions', [], '（一）'), node('opinions', [], '（二）'), node('opinions', [], '（三）')] };
    const items = opinionItems(outline);
    expect(items).toHaveLength(3);
    const checks = outlineChecks(gold(''), outline);
    expect(checks.find((c) => c.check === 'opinions.count')).toMatchObject({ expected: 2, found: 3, passed: false });
    expect(checks.find((c) => c.check === 'opinions.series')).toMatchObject({ expected: '一、', found: '（一）', passed: false });
    expect(checks.find((c) => c.check === 'problems')).toMatchObject({ expected: true, found: false, passed: false });
    expect(checks.find((c) => c.check === 'kind')).toMatchObject({ passed: true });
  });

  it('counts reviews anywhere and checks the problems part both ways', () => {
    const outline: OutlineShape = { kind: 'host-script', sections: [node('agenda', [node('review', [node('problems')]), node('review')])] };
    const g = parseGold('a.txt:\n  kind: host-script\n  sections: [achievements]\n  opinions: null\n  reviews: 2\n');
    const checks = outlineChecks(placeEntry(g.entries[0]!, '', { gold: 'g', speech: 'a.txt' }), outline);
    expect(checks.map((c) => c.check)).toEqual(['kind', 'reviews', 'problems']);
    expect(checks.map((c) => c.passed)).toEqual([true, true, false]);
  });

  it('satisfies gold kind other by any kind outside the six named ones', () => {
    const g = placeEntry(parseGold('a.txt:\n  kind: other\n  sections: []\n  opinions: null\n  reviews: 0\n').entries[0]!, '', { gold: 'g', speech: 'a.txt' });
    expect(outlineChecks(g, { kind: 'democratic-life', sections: [] })[0]!.passed).toBe(true);
    expect(outlineChecks(g, { kind: 'report', sections: [] })[0]!.passed).toBe(false);
    expect(outlineChecks(g, { kind: 'summary-speech', sections: [] })[0]!.passed).toBe(false);
  });

  it('adds the checks up over files and lists the failed ones', () => {
    const r = scoreEvaluation([
      { file: 'a.txt', gold: gold(''), findings: [], outline: { kind: 'summary-speech', sections: [node('problems'), node('opinions', [node('opinions', [], '一、'), node('opinions', [], '二、')])] } },
      { file: 'b.txt', gold: gold(''), findings: [], outline: { kind: 'report', sections: [] } },
    ]);
    expect(r.outline).toMatchObject({ passed: 5 + 1, total: 10 });
    expect(r.outline.failed.map((c) => [c.file, c.check])).toEqual([
      ['b.txt', 'kind'],
      ['b.txt', 'opinions.count'],
      ['b.txt', 'opinions.series'],
      ['b.txt', 'problems'],
    ]);
  });
});
