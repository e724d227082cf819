import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outline, parseSpeech, type OutlineNode } from '../../src/speech/index.js';
import { ROOT } from '../helpers/cli.js';

/** Speeches written for the tests in shapes the seeds do not have, to keep the model general. */
const load = (name: string) => outline(parseSpeech(readFileSync(`${ROOT}tests/fixtures/speeches/${name}`, 'utf8')));
const brief = (nodes: OutlineNode[]): unknown[] =>
  nodes.map((n) => [n.kind, n.numbering ? `${n.numbering.series}${n.numbering.index}` : '', n.line, ...(n.children.length ? [brief(n.children)] : [])]);

describe('a speech whose 一、 headings name its parts (成效 / 存在的问题 / 重点任务)', () => {
  const o = load('heading-parts.txt');
  it('classifies each headed part by its heading', () => {
    expect(brief(o.sections)).toEqual([
      ['opening', '', 1],
      ['achievements', '一、1', 3, [['achievements', '（一）1', 5], ['achievements', '（一）2', 6], ['achievements', '（一）3', 7]]],
      ['problems', '一、2', 8, [['problems', '（一）1', 9], ['problems', '（一）2', 10], ['problems', '（一）3', 11]]],
      ['opinions', '一、3', 12, [['opinions', '（一）1', 13], ['opinions', '（一）2', 14], ['opinions', '（一）3', 15]]],
      ['closing', '', 16],
    ]);
    // 这次全市机关党建工作会议: a 工作会议 speech, whose parts are 成效 / 问题 / 任务
    expect(o.kind).toBe('work-meeting');
  });
});

describe('a 推进会 speech with 第一/第二 opinions and 我再强调三点', () => {
  const o = load('first-second.txt');
  it('finds praise, the pivot with its 一是…三是, the transition without 意见, and 第一…第三', () => {
    expect(brief(o.sections)).toEqual([
      ['opening', '', 1],
      ['achievements', '', 3],
      ['problems', '', 3, [['problems', '一是1', 3], ['problems', '一是2', 3], ['problems', '一是3', 3]]],
      ['opinions', '', 4, [['opinions', '第一1', 5], ['opinions', '第一2', 6], ['opinions', '第一3', 7]]],
      ['closing', '', 8],
    ]);
    expect(o.sections[3]!.heading).toBe('下面，就做好下一阶段工作，我再强调三点');
  });
});

describe('a host script in another office’s wording', () => {
  const o = load('host-variant.txt');
  it('finds three agenda items, two reviews with 不足之处 / 存在的问题 and 希望, and the closing', () => {
    expect(o.kind).toBe('host-script');
    expect(brief(o.sections)).toEqual([
      ['opening', '', 1],
      [
        'agenda',
        '第一1',
        4,
        [
          ['review', '', 5, [['achievements', '', 7], ['problems', '', 8], ['opinions', '', 9]]],
          ['review', '', 10, [['achievements', '', 12], ['problems', '', 13, [['problems', '一是1', 13], ['problems', '一是2', 13]]], ['opinions', '', 14]]],
        ],
      ],
      ['agenda', '第一2', 15],
      ['agenda', '第一3', 16],
      ['closing', '', 18],
    ]);
  });
});

describe('a summary whose praise opens with 一年来 and whose opinions are 一是…三是 in one paragraph', () => {
  const o = load('plain-summary.txt');
  it('finds every part', () => {
    expect(brief(o.sections)).toEqual([
      ['opening', '', 1],
      ['achievements', '', 3],
      ['problems', '', 4],
      ['opinions', '', 5, [['opinions', '一是1', 6], ['opinions', '一是2', 6], ['opinions', '一是3', 6]]],
      ['closing', '', 7],
    ]);
  });
});

describe('details other offices write', () => {
  it('finds 同志们： after a date line under the title', () => {
    const s = parseSpeech('在全县述职评议会上的讲话\n（2024年1月18日）\n\n同志们：\n今天我们召开述职评议会。\n');
    expect(s.title?.text).toBe('在全县述职评议会上的讲话');
    expect(s.salutation?.text).toBe('同志们：');
  });

  it('reads 下面，我讲十一点意见 as the transition', () => {
    const s = parseSpeech('同志们：\n下面，我讲十一点意见。\n一、抓学习\n二、抓落实');
    expect(s.sections.map((x) => x.kind)).toEqual(['opening', 'opinions']);
    expect(s.sections[1]!.heading).toBe('下面，我讲十一点意见');
  });

  it('keeps praise that names a fixed defect as praise inside an opinion', () => {
    const s = parseSpeech('同志们：\n下面，我讲两点意见。\n一、巩固成果。去年全县取得了新进展新成效：软弱涣散村党组织整顿转化全部完成。要持续巩固。\n二、抓好落实。要压实责任。');
    const first = s.sections[1]!.children[0]!;
    expect(first.children.map((c) => c.kind)).toEqual(['achievements']);
  });
});

describe('a 点评 written as one paragraph', () => {
  it('splits praise, 存在的主要问题是 and 希望 by sentence', () => {
    const s = parseSpeech(
      [
        '同志们：',
        '下面进行第一项议程，请两位书记述职。',
        '现在，请东村党支部书记李明同志述职。',
        '（述职毕）',
        '李明同志抓班子带队伍成效明显。存在的主要问题是：“三会一课”记录不够规范，发展党员工作滞后。希望李明同志加强支部规范化建设。',
        '现在，请西村党支部书记赵强同志述职。',
        '（述职毕）',
        '赵强同志注重为民办实事。存在的主要问题是：党员教育管理不够经常。希望赵强同志再接再厉。',
        '下面进行第二项议程，进行民主评议。',
      ].join('\n'),
    );
    const reviews = s.sections[1]!.children;
    expect(reviews.map((r) => r.children.map((c) => c.kind))).toEqual([
      ['achievements', 'problems', 'opinions'],
      ['achievements', 'problems', 'opinions'],
    ]);
  });
});
