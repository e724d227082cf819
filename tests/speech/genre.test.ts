import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/eval/index.js';
import { findProblemStatements, loadLexicon, outline, parseSpeech, walkSections } from '../../src/speech/index.js';
import { ROOT } from '../helpers/cli.js';

/**
 * The genre model on text it was not written from: twelve speeches of every kind, written for
 * these tests by two hands who did not see the model (tests/fixtures/genre/), and short
 * passages, one per family of pivot, lead-in, problem shape and trap.
 */
const lexicon = loadLexicon();
const statements = (text: string) => findProblemStatements(parseSpeech(text), lexicon).map((s) => s.text);
const kindsOf = (text: string) => [...walkSections(parseSpeech(text).sections)].map((e) => e.section.kind);

describe('twelve speeches of every kind (tests/fixtures/genre, hand-labelled)', async () => {
  const result = await evaluate(`${ROOT}tests/fixtures/genre`, `${ROOT}tests/fixtures/genre/gold.yaml`);
  const m = result.measures;
  console.log(`[genre] precision ${m.precision?.toFixed(3)}, clause recall ${m.clauseRecall?.toFixed(3)}, category recall ${m.categoryRecall?.toFixed(3)}, outline ${result.outline.passed}/${result.outline.total}`);
  it('reads every file’s kind, opinions, reviews and problems part as labelled', () => {
    expect(result.outline.failed).toEqual([]);
  });
  it('finds the problem statements (clause recall ≥ 0.85) and few else (precision ≥ 0.85)', () => {
    expect(m.clauseRecall).toBeGreaterThanOrEqual(0.85);
    expect(m.precision).toBeGreaterThanOrEqual(0.85);
  });
  it('gives most of them an accepted category (≥ 0.7)', () => {
    expect(m.categoryRecall).toBeGreaterThanOrEqual(0.7);
  });
  it('covers every kind the model names', () => {
    expect(new Set(result.files.map((f) => f.kind.found))).toEqual(new Set(['summary-speech', 'host-script', 'review', 'report', 'progress-meeting', 'work-meeting', 'self-inspection']));
  });
});

const summary = (pivot: string, problems: string) =>
  ['同志们：', '今天召开全区述职评议会。', '一年来，全区各级党组织扎实工作，取得了新成效。', `${pivot}${problems}`, '下面，我讲两点意见。', '一、压实责任。要把责任扛起来。', '二、夯实基础。要把基础打牢。', '同志们，让我们共同努力！'].join('\n');

describe('pivot families: the problems part is found after each, and read whole', () => {
  const problems = '有的单位研究党建少、研究业务多，支部活动“一阵风”，党员干部学习浮在面上。';
  it.each([
    ['成绩来之不易，但问题也不容忽视。'],
    ['成绩值得肯定，但我们也要清醒看到，'],
    ['同时也要看到，'],
    ['在看到成绩的同时，我们也要正视短板。'],
    ['对照上级要求，我们的工作还有不小差距。'],
    ['但问题依然不少。'],
  ])('%s', (pivot) => {
    expect(kindsOf(summary(pivot, problems))).toContain('problems');
    expect(statements(summary(pivot, problems))).toEqual(['有的单位研究党建少、研究业务多', '支部活动“一阵风”', '党员干部学习浮在面上']);
  });
  it('with no pivot at all, a paragraph of shortcomings after the achievements is the problems part', () => {
    const text = ['同志们：', '一年来，我们取得了新进展。一是组织覆盖扩大。二是队伍更加年轻。', '一是有的支部书记抓党建办法不多，工作还停留在开会发文上。二是部分党员参加活动不积极，活动室经常锁着门。', '下面，我讲两点意见。', '一、压实责任。', '二、夯实基础。'].join('\n');
    const o = outline(parseSpeech(text));
    expect(o.sections.map((s) => s.kind)).toEqual(['opening', 'achievements', 'problems', 'opinions']);
  });
});

describe('点评 lead-in families: each turns the review to its problems', () => {
  const review = (lead: string) =>
    ['同志们：', '会议共有两项议程：一是现场述职，二是民主测评。', '首先，进行第一项议程。', '现在，请城关镇党委书记刘建华同志述职。', '……（述职毕）', '刘建华同志抓党建思路清晰，成效明显。', `${lead}镇党委对村级党组织指导偏少，有的村书记后备人选只有一人。`, '希望刘建华同志把基础工作抓实。', '下面，进行第二项议程：民主测评。'].join('\n');
  it.each(['存在的不足是：', '需要改进的是：', '不足之处在于，', '问题主要是：', '但也要看到，', '从述职情况看，', ''])('“%s”', (lead) => {
    const s = parseSpeech(review(lead));
    const reviews = [...walkSections(s.sections)].filter((e) => e.section.kind === 'review');
    expect(reviews).toHaveLength(1);
    expect(reviews[0]!.section.children.map((c) => c.kind)).toEqual(['achievements', 'problems', 'opinions']);
    expect(statements(review(lead))).toEqual(['镇党委对村级党组织指导偏少', '有的村书记后备人选只有一人']);
  });
  it('a 书记点评 alone: blocks opened by ××同志： are reviews', () => {
    const text = ['东关街道党工委书记马林同志：你街道网格治理走在前面。但是，小区党支部作用发挥不明显，党员报到后服务少。希望马林同志把小区抓实。', '西关街道党工委书记陶然同志：你街道“红色物业”有成效。不足是，物业企业党组织覆盖率仅为40％。希望陶然同志加大覆盖力度。'].join('\n');
    const s = parseSpeech(text);
    expect(s.kind).toBe('review');
    expect(s.sections.map((x) => x.kind)).toEqual(['review', 'review']);
    expect(statements(text)).toEqual(['小区党支部作用发挥不明显', '党员报到后服务少', '物业企业党组织覆盖率仅为40％']);
  });
});

describe('problem shapes outside any problems part (inside an opinion)', () => {
  const inOpinion = (sentence: string) => ['同志们：', '下面，我讲两点意见。', `一、抓好队伍建设。${sentence}要加强培训。`, '二、压实责任。要层层传导压力。'].join('\n');
  it.each([
    ['有的…有的… series', '目前，有的村书记年龄偏大，有的村班子不团结。', ['有的村书记年龄偏大', '有的村班子不团结']],
    ['…多、…少 contrast', '当前一些党员干部开会讲得多、下去调研少。', ['当前一些党员干部开会讲得多、下去调研少']],
    ['重…轻…', '部分支部还存在重活动、轻实效的倾向。', ['部分支部还存在重活动、轻实效的倾向']],
    ['numbers below a mark', '全县村书记中大专以上学历的仅占18％。', ['全县村书记中大专以上学历的仅占18％']],
    ['an idiom', '个别村的监督委员会形同虚设。', ['个别村的监督委员会形同虚设']],
    ['colloquial speech', '有的干部干一天算一天。', ['有的干部干一天算一天']],
    ['a scope word after the defect', '机关作风松散、“门难进”的现象还没有根本扭转。', ['机关作风松散', '“门难进”的现象还没有根本扭转']],
  ])('%s', (_family, sentence, expected) => {
    expect(statements(inOpinion(sentence))).toEqual(expected);
  });
  it('names the problem a directive aims at with 针对……的问题', () => {
    expect(statements(inOpinion('针对部分村后备力量不足的问题，实施“育苗计划”。'))).toEqual(['部分村后备力量不足']);
  });
});

describe('traps: same words, no problem', () => {
  const inOpinion = (sentence: string) => ['同志们：', '下面，我讲两点意见。', `一、抓好队伍建设。${sentence}`, '二、压实责任。要层层传导压力。'].join('\n');
  it.each([
    ['a directive', '要着力解决部分党员作用发挥不明显的问题。'],
    ['坚决防止', '坚决防止整改工作走过场、搞形式。'],
    ['切实克服', '切实克服“两张皮”现象。'],
    ['the past, before 现在', '过去有的村开会叫不齐人，现在每月都能按时开。'],
    ['a matter settled', '去年排查的问题已全部整改到位。'],
    ['a concession', '虽然覆盖率不高，但今年新建了12个支部。'],
    ['nothing happened', '全年没有发生一起群体性事件。'],
    ['rhetoric', '没有过硬的队伍，就没有过硬的战斗力，我们要不断提升本领。'],
    ['a question', '要想一想哪些事还没有落实。'],
    ['talk about the meeting', '今天的会议就是要检视存在的差距和不足。'],
  ])('%s', (_family, sentence) => {
    expect(statements(inOpinion(sentence))).toEqual([]);
  });
  it('inside a problems part, the lead-in, the frames and the close are left out', () => {
    const text = summary('同时也要看到，', '从调研情况看，主要存在以下问题：全县农村党员中，60岁以上的超过四成；有的村三年没有发展党员。这些问题，必须引起高度重视。');
    expect(statements(text)).toEqual(['60岁以上的超过四成', '有的村三年没有发展党员']);
  });
});

describe('kinds from the title and the opening', () => {
  it.each([
    ['在全县抓党建促乡村振兴推进会上的讲话', 'progress-meeting'],
    ['在全市组织工作会议上的讲话', 'work-meeting'],
    ['2024年度抓基层党建工作述职报告', 'report'],
    ['专题民主生活会个人对照检查材料', 'self-inspection'],
    ['在全区2024年度党组织书记述职评议会上的讲话', 'summary-speech'],
  ])('%s → %s', (title, kind) => {
    expect(parseSpeech(`${title}\n\n同志们：\n下面，我讲两点意见。\n一、压实责任。\n二、夯实基础。`).kind).toBe(kind);
  });
  it('the opening names the meeting when there is no title', () => {
    expect(parseSpeech('同志们：\n今天召开全镇村级集体经济发展推进会。\n下面，我讲两点意见。\n一、压实责任。\n二、夯实基础。').kind).toBe('progress-meeting');
  });
});
