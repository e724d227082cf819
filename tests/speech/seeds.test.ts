import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findProblemStatements, loadLexicon, outline, parseSpeech, type OutlineNode } from '../../src/speech/index.js';
import { CORPUS } from '../helpers/cli.js';

/** The expected structure of each seed, written from reading the speeches (see shared/domain.md §1). */
const load = (name: string) => outline(parseSpeech(readFileSync(`${CORPUS}${name}`, 'utf8')));
const kinds = (nodes: OutlineNode[]) => nodes.map((n) => n.kind);
const series = (nodes: OutlineNode[]) => nodes.filter((n) => n.numbering).map((n) => `${n.numbering!.series}${n.numbering!.index}`);
const byKind = (nodes: OutlineNode[], kind: string) => nodes.filter((n) => n.kind === kind);
/** The problem statements of a seed that stand on lines [from, to], as text. */
const statementsOn = (name: string, from: number, to = from) => {
  const speech = parseSpeech(readFileSync(`${CORPUS}${name}`, 'utf8'));
  return findProblemStatements(speech, loadLexicon())
    .filter((s) => speech.position(s.start).line >= from && speech.position(s.start).line <= to)
    .map((s) => s.text);
};

describe('000: 县 summary speech, headings inside paragraphs', () => {
  const o = load('000_66e418bd75077703.txt');
  it('has opening, achievements, problems, opinions and closing, in that order', () => {
    expect(o.kind).toBe('summary-speech');
    expect(kinds(o.sections)).toEqual(['opening', 'achievements', 'problems', 'opinions', 'closing']);
  });
  it('splits achievements from problems inside line 3 at 在肯定成绩的同时', () => {
    const [, ach, prob] = o.sections;
    expect([ach!.line, ach!.endLine, prob!.line, prob!.endLine]).toEqual([3, 3, 3, 3]);
    expect(prob!.heading).toBe('在肯定成绩的同时');
  });
  it('has four 一、 opinions on lines 5–8, each with three points', () => {
    const opinions = o.sections[3]!;
    expect(opinions.heading).toBe('下面，我强调四点意见');
    const numbered = opinions.children.filter((c) => c.numbering);
    expect(series(numbered)).toEqual(['一、1', '一、2', '一、3', '一、4']);
    expect(numbered.map((n) => n.line)).toEqual([5, 6, 7, 8]);
    expect(numbered[0]!.heading).toBe('一、突出政治建设，在深学细照笃行上走前头、做表率');
    for (const n of numbered) expect(n.children.filter((c) => c.numbering)).toHaveLength(3);
  });
  it('records the mixed series of opinion 三 as written (一要, 二是, 三是)', () => {
    const third = o.sections[3]!.children.filter((c) => c.numbering)[2]!;
    expect(series(third.children)).toEqual(['一要1', '一是2', '一是3']);
  });
  it('states 总体上还不够成规模 as a problem inside opinion 三, which is no problems part', () => {
    const firstPoint = o.sections[3]!.children.filter((c) => c.numbering)[2]!.children[0]!;
    expect(byKind(firstPoint.children, 'problems')).toHaveLength(0);
    expect(statementsOn('000_66e418bd75077703.txt', firstPoint.line, firstPoint.endLine).some((t) => t.startsWith('总体上还不够成规模'))).toBe(true);
  });
  it('ends with the 同志们， closing on line 9', () => {
    expect(o.sections[4]).toMatchObject({ kind: 'closing', line: 9, endLine: 9 });
  });
});

describe('001: 区 host script with five 点评 and the host closing speech', () => {
  const o = load('001_ee2f5de62b8467af.txt');
  it('is a host script: opening, then four agenda items 第一…第四', () => {
    expect(o.kind).toBe('host-script');
    expect(kinds(o.sections)).toEqual(['opening', 'agenda', 'agenda', 'agenda', 'agenda']);
    expect(series(o.sections)).toEqual(['第一1', '第一2', '第一3', '第一4']);
    expect(o.sections.slice(1).map((s) => s.line)).toEqual([5, 31, 33, 36]);
  });
  it('has five reviews in agenda 一, each with praise, 存在的主要问题是 and 希望', () => {
    const reviews = o.sections[1]!.children;
    expect(kinds(reviews)).toEqual(['review', 'review', 'review', 'review', 'review']);
    expect(reviews.map((r) => r.line)).toEqual([6, 11, 16, 21, 26]);
    for (const r of reviews) expect(kinds(r.children)).toEqual(['achievements', 'problems', 'opinions']);
    expect(reviews.map((r) => r.children[1]!.line)).toEqual([9, 14, 19, 24, 29]);
  });
  it('holds the host closing speech in agenda 四: opening, four 一、 opinions, closing', () => {
    const speech = o.sections[4]!.children;
    expect(kinds(speech)).toEqual(['opening', 'opinions', 'closing']);
    expect(speech[0]!.line).toBe(37);
    const opinions = speech[1]!.children;
    expect(series(opinions)).toEqual(['一、1', '一、2', '一、3', '一、4']);
    expect(opinions.map((n) => n.line)).toEqual([39, 41, 43, 45]);
    expect(series(opinions[2]!.children)).toEqual(['一要1', '一要2', '一是3']);
    expect(speech[2]).toMatchObject({ line: 47, endLine: 48 });
  });
});

describe('002: 县 summary speech with top-level 一要…四要 and NBSP indentation', () => {
  const o = load('002_480a84ef259773d5.txt');
  it('has its five parts', () => {
    expect(kinds(o.sections)).toEqual(['opening', 'achievements', 'problems', 'opinions', 'closing']);
    expect(o.sections[0]).toMatchObject({ line: 1, endLine: 3 });
  });
  it('numbers achievements 一是…四是 as paragraphs and problems 一是…四是 within line 9', () => {
    const [, ach, prob] = o.sections;
    expect(series(ach!.children)).toEqual(['一是1', '一是2', '一是3', '一是4']);
    expect(ach!.children.map((c) => c.line)).toEqual([5, 6, 7, 8]);
    expect(series(prob!.children)).toEqual(['一是1', '一是2', '一是3', '一是4']);
    expect(prob!.children.every((c) => c.line === 9)).toBe(true);
  });
  it('takes 一要…四要 paragraphs as the opinions, without 一、 headings', () => {
    const opinions = o.sections[3]!;
    expect(series(opinions.children)).toEqual(['一要1', '一要2', '一要3', '一要4']);
    expect(opinions.children.map((c) => c.line)).toEqual([11, 12, 13, 14]);
  });
  it('closes with 我就讲这些，散会', () => {
    expect(o.sections[4]).toMatchObject({ kind: 'closing', line: 15 });
  });
});

describe('003: 镇 summary speech with a title and headings on their own lines', () => {
  const o = load('003_2f38f797e70dc8f3.txt');
  it('has a title and the parts, with the 岁末年初 reminder as other', () => {
    expect(o.title).toBe('在全镇2022年度党支部书记抓党建工作述职评议考核大会上的讲话');
    expect(kinds(o.sections)).toEqual(['opening', 'achievements', 'problems', 'opinions', 'other', 'closing']);
    expect(o.sections[4]).toMatchObject({ line: 24, endLine: 24 });
    expect(o.sections[5]).toMatchObject({ line: 25, endLine: 26 });
  });
  it('numbers achievements and problems 一是…三是', () => {
    expect(series(o.sections[1]!.children)).toEqual(['一是1', '一是2', '一是3']);
    expect(series(o.sections[2]!.children)).toEqual(['一是1', '一是2', '一是3']);
  });
  it('has three 一、 opinions with 一要…三要 paragraphs each', () => {
    const numbered = o.sections[3]!.children.filter((c) => c.numbering);
    expect(series(numbered)).toEqual(['一、1', '一、2', '一、3']);
    expect(numbered.map((n) => [n.line, n.endLine])).toEqual([
      [9, 13],
      [14, 18],
      [19, 23],
    ]);
    for (const n of numbered) expect(series(n.children.filter((c) => c.numbering))).toEqual(['一要1', '一要2', '一要3']);
    expect(numbered[0]!.heading).toBe('一、强化政治建设，筑牢党建工作基础');
  });
});

describe('004: 推进会讲话 with its problems inside opinion 一', () => {
  const o = load('004_4ec0006700eed63b.txt');
  it('is a progress meeting: opening, four opinions, closing; no top-level problems', () => {
    expect(o.kind).toBe('progress-meeting');
    expect(kinds(o.sections)).toEqual(['opening', 'opinions', 'closing']);
    expect(o.sections[1]!.heading).toBe('下面，我讲四点意见');
    expect(series(o.sections[1]!.children)).toEqual(['一、1', '一、2', '一、3', '一、4']);
  });
  it('finds the achievement clause and the 一是…三是 problems inside opinion 一', () => {
    const first = o.sections[1]!.children[0]!;
    expect(kinds(first.children)).toEqual(['achievements', 'problems']);
    const problems = first.children[1]!;
    expect(problems.heading).toMatch(/^但也要清醒地看到/);
    expect(series(problems.children)).toEqual(['一是1', '一是2', '一是3']);
    expect(problems.children[0]!.heading).toBe('一是责任意识不强');
  });
  it('states problems inside the other opinions, but not their directives', () => {
    const [, second, third, fourth] = o.sections[1]!.children;
    const inSecond = statementsOn('004_4ec0006700eed63b.txt', second!.line, second!.endLine);
    expect(inSecond).toContain('机关党建弱化虚化');
    expect(inSecond.some((t) => t.includes('着力解决'))).toBe(false);
    expect(statementsOn('004_4ec0006700eed63b.txt', third!.line, third!.endLine).length).toBeGreaterThanOrEqual(3);
    expect(series(fourth!.children.filter((c) => c.numbering))).toEqual(['一要1', '一要2', '一要3', '一要4']);
  });
});

describe('every seed', () => {
  it.each(['000_66e418bd75077703.txt', '001_ee2f5de62b8467af.txt', '002_480a84ef259773d5.txt', '003_2f38f797e70dc8f3.txt', '004_4ec0006700eed63b.txt'])(
    '%s: sections nest inside their parents and do not overlap their siblings',
    (name) => {
      const o = load(name);
      const check = (nodes: OutlineNode[], parent?: OutlineNode) => {
        nodes.forEach((n, i) => {
          expect(n.line).toBeLessThanOrEqual(n.endLine);
          if (parent) expect(n.line >= parent.line && n.endLine <= parent.endLine).toBe(true);
          const next = nodes[i + 1];
          if (next) expect(next.line).toBeGreaterThanOrEqual(n.endLine);
          check(n.children, n);
        });
      };
      check(o.sections);
    },
  );
});
