import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRequired, renderDraft, validateFacts, type FactsInput } from '../../src/draft/index.js';
import { lintText } from '../../src/lint/index.js';
import { parseSpeech, type Section } from '../../src/speech/index.js';

// Facts a writer might give, not the shipped examples: drafts must keep their shape for any of them.
// Up to ten opinions: the speech model's transition cue reads one numeral before 点 (十一点意见 is missed).
const ACHIEVEMENTS = ['组织体系更加健全', '党员队伍建设持续加强', '抓党建促乡村振兴成效明显', '城市基层党建扎实推进', '“两新”组织党建覆盖面不断扩大', '党建品牌创建亮点纷呈'];
const PROBLEMS = ['责任落实还不够到位', '组织生活质量还不够高', '党员队伍结构不优', '党务力量相对薄弱', '发展不平衡的问题依然存在', '村集体经济发展后劲不足'];
const DETAILS = ['有的党组织书记重业务、轻党建，研究部署不多', '部分党支部“三会一课”记录不规范，存在重形式、轻实效的现象', '35岁以下党员占比偏低，后备力量储备不足', '全年新建党群服务中心23个，覆盖率达到100％', '推行村党组织领办合作社，村集体经济收入稳步增长'];
const OPINIONS = ['突出政治引领，筑牢思想根基', '夯实基层基础，提升组织力', '聚焦中心大局，推动融合发展', '压实工作责任，狠抓工作落实', '加强队伍建设，激发干事活力', '深化改革创新，打造党建品牌', '强化作风建设，树立良好形象'];
const POINTS = ['抓实理论学习', '严格组织生活', '扩大组织覆盖', '建强带头人队伍', '发展壮大村级集体经济', '强化书记责任', '抓好问题整改'];
const ORGS = ['城关镇党委', '河西乡党委', '县教育工委', '县卫健局党组', '城南街道党工委', '县国资委党委'];
const NAMES = ['王建国', '李红梅', '赵志强', '孙丽华', '周海燕', '陈立新'];

const pick = (list: readonly string[]) => fc.constantFrom(...list);
const item = (titles: readonly string[]) => fc.record({ title: pick(titles), detail: fc.option(pick(DETAILS), { nil: undefined }) }, { requiredKeys: ['title'] });

function facts(kind: FactsInput['kind']): fc.Arbitrary<FactsInput> {
  return fc.record({
    kind: fc.constant(kind),
    meeting: fc.record({
      // the meeting a kind is given at: the model reads the kind from the meeting's name too
      name: pick(kind === 'progress-meeting' ? ['全区基层党建工作推进会', '全县抓党建促乡村振兴工作推进会议'] : ['全县2023年度基层党组织书记抓基层党建工作述职评议会', '城关镇2023年度党支部书记述职评议会']),
      date: pick(['2024-01-18', '2024-03-02', '2023-12-28']),
      region: fc.option(pick(['清河县', '东湖区', '城关镇']), { nil: undefined }),
      organizer: fc.option(pick(['县委', '区委', '镇党委']), { nil: undefined }),
    }),
    guests: fc.array(fc.record({ org: pick(['市委组织部', '市委两新工委']), title: pick(['副部长', '科长']), name: fc.option(pick(NAMES), { nil: undefined }) }, { requiredKeys: ['org', 'title'] }), { maxLength: 3 }),
    reporters: fc.array(
      fc.record(
        {
          org: pick(ORGS),
          name: fc.option(pick(NAMES), { nil: undefined }),
          mode: fc.constantFrom('oral' as const, 'oral' as const, 'written' as const),
          comment: fc.record({ achievements: pick(DETAILS), problems: pick(['党建工作责任传导不够到位，党务工作者业务不够熟悉', '“三会一课”记录不够规范，发展党员程序不规范']), hopes: pick(['进一步压实党建工作责任，不断提升党建工作质量']) }),
        },
        { requiredKeys: ['org', 'mode'] },
      ),
      { minLength: 1, maxLength: 6 },
    ).filter((list) => list.some((r) => r.mode === 'oral')),
    achievements: fc.array(item(ACHIEVEMENTS), { minLength: 1, maxLength: 5 }),
    problems: fc.array(item(PROBLEMS), { minLength: 1, maxLength: 5 }),
    opinions: fc.array(fc.record({ title: pick(OPINIONS), intro: fc.option(pick(DETAILS), { nil: undefined }), points: fc.array(fc.record({ title: pick(POINTS), detail: fc.option(pick(DETAILS), { nil: undefined }) }, { requiredKeys: ['title'] }), { maxLength: 4 }) }, { requiredKeys: ['title', 'points'] }), { minLength: 1, maxLength: 10 }),
  }, { requiredKeys: ['kind', 'meeting', 'guests', 'reporters', 'achievements', 'problems', 'opinions'] });
}

const numberedOpinions = (sections: readonly Section[]): Section[] => {
  for (const s of sections) {
    const heads = s.children.filter((c) => c.marker?.series === '一、');
    if (s.kind === 'opinions' && heads.length > 0) return heads;
    const inner = numberedOpinions(s.children);
    if (inner.length > 0) return inner;
  }
  return [];
};

describe.each(['summary-speech', 'host-script', 'progress-meeting'] as const)('generated facts: %s', (kind) => {
  it('always drafts a speech that parses back with every opinion and lints without errors', () => {
    fc.assert(
      fc.property(facts(kind), (input) => {
        const f = validateFacts(input);
        checkRequired(f);
        const text = renderDraft(f);
        const speech = parseSpeech(text);
        expect(speech.kind).toBe(kind);
        expect(numberedOpinions(speech.sections).map((s) => s.marker?.index)).toEqual(f.opinions.map((_, i) => i + 1));
        if (kind === 'summary-speech') expect(speech.sections.map((s) => s.kind)).toEqual(['opening', 'achievements', 'problems', 'opinions', 'closing']);
        if (kind === 'host-script') {
          const reviews = speech.sections.flatMap((s) => s.children).filter((c) => c.kind === 'review');
          expect(reviews).toHaveLength(f.reporters.filter((r) => r.mode === 'oral').length);
          // 述职, 民主评议, the guests' speech when there are guests, 总结讲话
          const agenda = speech.sections.filter((s) => s.kind === 'agenda');
          expect(agenda).toHaveLength(f.guests.length > 0 ? 4 : 3);
          expect(text).toContain(`今天的会议共有${f.guests.length > 0 ? '四' : '三'}项议程：`);
        }
        if (kind === 'progress-meeting') expect(speech.sections.map((s) => s.kind)).toEqual(['opening', 'opinions', 'closing']);
        expect(text).not.toMatch(/\{\{|undefined|\[object/u);
        expect(lintText(text).messages.filter((m) => m.severity === 2)).toEqual([]);
      }),
      { numRuns: 40, seed: 20240118 },
    );
  });
});
