import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { exampleFacts, parseFacts, renderDraft, renderDraftDocx, type Facts } from '../../src/draft/index.js';
import { lintText } from '../../src/lint/index.js';
import { parseSpeech, type Section, type Speech } from '../../src/speech/index.js';

const KINDS = ['summary-speech', 'host-script', 'progress-meeting'] as const;
const FORMATS = ['txt', 'md', 'docx'] as const;

/** The facts `jianghua init --kind K` writes, loaded as draft would. */
const initFacts = (kind: (typeof KINDS)[number]): Facts => parseFacts(exampleFacts(kind), `${kind}.yaml`).facts;

async function draftText(facts: Facts, format: (typeof FORMATS)[number]): Promise<string> {
  if (format === 'txt') return renderDraft(facts, { format: 'txt' });
  // the Markdown as written: the speech model reads its # headings as layout, as `jianghua lint 讲话.md` does
  if (format === 'md') return renderDraft(facts, { format: 'md' });
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await renderDraftDocx(facts)) });
  return value;
}

const kinds = (sections: readonly Section[]) => sections.map((s) => s.kind);
const numbered = (s: Section | undefined) => (s?.children ?? []).filter((c) => c.marker?.series === '一、');

function opinionsOf(speech: Speech): Section | undefined {
  const walk = (list: readonly Section[]): Section | undefined => {
    for (const s of list) {
      if (s.kind === 'opinions' && s.children.some((c) => c.marker?.series === '一、')) return s;
      const inner = walk(s.children);
      if (inner) return inner;
    }
    return undefined;
  };
  return walk(speech.sections);
}

describe.each(KINDS)('round trip: %s', (kind) => {
  const facts = initFacts(kind);

  it.each(FORMATS)('%s parses back into the sections it was made from and lints clean', async (format) => {
    const text = await draftText(facts, format);
    const speech = parseSpeech(text);
    expect(speech.kind).toBe(kind);
    expect(speech.title?.text).toMatch(/^在.+上的(讲话|主持词)$/u);
    expect(speech.salutation?.text).toBe('同志们：');

    // the numbered opinions: one 一、 child per opinion, each with its 一要 points
    const opinions = opinionsOf(speech);
    const heads = numbered(opinions);
    expect(heads.map((h) => h.marker?.index)).toEqual(facts.opinions.map((_, i) => i + 1));
    heads.forEach((h, i) => {
      expect(h.heading).toContain(facts.opinions[i]!.title);
      const points = h.children.filter((c) => c.marker?.series === '一要');
      if (kind !== 'progress-meeting' || i > 0) expect(points).toHaveLength(facts.opinions[i]!.points.length);
    });

    if (kind === 'summary-speech') {
      expect(kinds(speech.sections)).toEqual(['opening', 'achievements', 'problems', 'opinions', 'closing']);
      const [, ach, prob] = speech.sections;
      expect(ach!.children.filter((c) => c.marker?.series === '一是')).toHaveLength(facts.achievements.length);
      expect(prob!.children.filter((c) => c.marker?.series === '一是')).toHaveLength(facts.problems.length);
    }
    if (kind === 'host-script') {
      expect(speech.sections[0]!.kind).toBe('opening');
      const agenda = speech.sections.filter((s) => s.kind === 'agenda');
      expect(agenda).toHaveLength(facts.guests.length > 0 ? 4 : 3);
      const reviews = agenda[0]!.children.filter((c) => c.kind === 'review');
      const oral = facts.reporters.filter((r) => r.mode === 'oral');
      expect(reviews).toHaveLength(oral.length);
      for (const review of reviews) expect(kinds(review.children)).toEqual(['achievements', 'problems', 'opinions']);
      expect(kinds(agenda[agenda.length - 1]!.children)).toContain('closing');
    }
    if (kind === 'progress-meeting') {
      expect(kinds(speech.sections)).toEqual(['opening', 'opinions', 'closing']);
      const first = heads[0]!;
      expect(kinds(first.children)).toEqual(['achievements', 'problems']);
      expect(first.children[1]!.children.filter((c) => c.marker?.series === '一是')).toHaveLength(facts.problems.length);
    }

    // nothing unrendered, and the lint command finds no errors
    expect(text).not.toMatch(/\{\{|\}\}|\*\*|【】|[xX×]{2}|undefined|null|\[object/u);
    const lint = lintText(text);
    expect(lint.messages.filter((m) => m.severity === 2)).toEqual([]);
  });
});

describe('txt layout', () => {
  it('indents paragraphs with two 全角 spaces, leaves title and salutation flush, uses full-width punctuation', () => {
    const text = renderDraft(initFacts('summary-speech'));
    const lines = text.split('\n');
    expect(lines[0]).toBe('在全县2023年度基层党组织书记抓基层党建工作述职评议会上的讲话');
    expect(lines[1]).toBe('');
    expect(lines[2]).toBe('同志们：');
    expect(lines[3]).toMatch(/^\u3000\u3000经县委研究决定，今天（2024年1月18日）我们在这里召开全县2023年度/u);
    for (const line of lines.slice(3).filter((l) => l !== '')) expect(line).toMatch(/^\u3000\u3000\S/u);
    expect(text).toContain('下面，我讲三点意见。');
    expect(text).toContain('\u3000\u3000一、突出政治引领，在理论武装上下功夫\n');
    expect(text.trimEnd().endsWith('谢谢大家！')).toBe(true);
  });

  it('turns ASCII punctuation typed in the facts into full-width', () => {
    const facts = initFacts('summary-speech');
    facts.problems[0] = { title: '责任落实不到位', detail: '有的书记重业务,轻党建;研究不多' };
    const text = renderDraft(facts);
    expect(text).toContain('一是责任落实不到位。有的书记重业务，轻党建；研究不多。');
  });

  it('drops numbering the writer typed into titles, since the template numbers them', () => {
    const facts = initFacts('summary-speech');
    facts.achievements = [{ title: '一是组织建设全面加强' }, { title: '2. 党员队伍持续优化' }];
    facts.opinions = [{ title: '一、强化政治建设', points: [{ title: '一要抓实理论学习' }, { title: '（二）严格组织生活' }] }, { title: '第二，夯实基层基础', points: [] }];
    const text = renderDraft(facts);
    expect(text).toContain('\u3000\u3000一是组织建设全面加强。\n\u3000\u3000二是党员队伍持续优化。\n');
    expect(text).toContain('\u3000\u3000一、强化政治建设\n\u3000\u3000一要抓实理论学习。\n\u3000\u3000二要严格组织生活。\n\u3000\u3000二、夯实基层基础\n');
    // look-alikes stay: 第一责任人, 一体推进
    facts.opinions = [{ title: '第一责任人责任要压实', points: [{ title: '一体推进学查改' }] }];
    expect(renderDraft(facts)).toContain('\u3000\u3000一、第一责任人责任要压实\n\u3000\u3000一要一体推进学查改。\n');
  });

  it('does not repeat the frames around purpose, situation and closing', () => {
    const facts = initFacts('summary-speech');
    facts.purpose = '这次会议的主要目的是听取述职';
    facts.situation = '今年任务很重。下面，我讲几点意见。';
    facts.closing = '同志们，让我们共同努力！';
    const text = renderDraft(facts);
    expect(text).toContain('这次会议的主要目的是听取述职。');
    expect(text).toContain('\u3000\u3000今年任务很重。下面，我讲三点意见。\n');
    expect(text).toContain('\u3000\u3000同志们，让我们共同努力！\n');
  });

  it('counts the opinions in words and numbers them past ten', () => {
    const facts = initFacts('summary-speech');
    facts.opinions = Array.from({ length: 11 }, (_, i) => ({ title: `第${i + 1}个方面的工作要抓实`, points: [] }));
    const text = renderDraft(facts);
    expect(text).toContain('下面，我讲十一点意见。');
    expect(text).toContain('\u3000\u3000十一、第11个方面的工作要抓实\n');
    facts.opinions = facts.opinions.slice(0, 2);
    expect(renderDraft(facts)).toContain('下面，我讲两点意见。');
  });
});

describe('host-script layout', () => {
  it('gives the guests’ welcome, the agenda and each 点评 their own paragraphs', () => {
    const lines = renderDraft(initFacts('host-script')).split('\n');
    expect(lines[3]).toMatch(/^\u3000\u3000经区委研究决定，今天（2024年1月25日）我们在这里召开.+，主要任务是：/u);
    expect(lines[4]).toBe('\u3000\u3000市委组织部组织二科科长周海燕同志专程到会指导，让我们以热烈的掌声对领导的到来表示欢迎和衷心的感谢！');
    expect(lines[5]).toBe(
      '\u3000\u3000今天的会议共有四项议程：一是三个单位的党组织书记依次述职；二是开展民主评议；三是市委组织部组织二科科长周海燕同志讲话；四是由我作总结讲话。下面逐项进行。',
    );
    expect(lines[6]).toMatch(/^\u3000\u3000首先，进行第一项议程：请城南街道党工委、区教育工委、区城投集团党委等三个单位的党组织书记依次进行现场述职/u);
    expect(lines.slice(7, 12)).toEqual([
      '\u3000\u3000现在，请城南街道党工委刘卫东同志述职。',
      '\u3000\u3000……（述职毕）',
      expect.stringMatching(/^\u3000\u3000刘卫东同志坚持党建引领基层治理/u),
      expect.stringMatching(/^\u3000\u3000存在的主要问题是：党建工作责任传导不够到位/u),
      expect.stringMatching(/^\u3000\u3000希望刘卫东同志进一步压实党建工作责任/u),
    ]);
  });

  it('does not repeat words of the 点评 frame that the writer typed', () => {
    const facts = initFacts('host-script');
    facts.reporters = [{ org: '城关镇党委', name: '王建国', mode: 'oral', comment: { achievements: '王建国同志抓党建有思路', problems: '存在的主要问题是：党费收缴记录不规范', hopes: '希望王建国同志压实责任' } }];
    const text = renderDraft(facts);
    expect(text).toContain('\u3000\u3000王建国同志抓党建有思路。\n\u3000\u3000存在的主要问题是：党费收缴记录不规范。\n\u3000\u3000希望王建国同志压实责任。\n');
  });

  it('leaves out agenda items it has nothing for and renumbers the rest', () => {
    const facts = initFacts('host-script');
    facts.guests = [];
    const text = renderDraft(facts);
    expect(text).toContain('今天的会议共有三项议程：一是三个单位的党组织书记依次述职；二是开展民主评议；三是由我作总结讲话。');
    expect(text).toContain('下面，进行第三项议程，由我作总结讲话。');
    expect(text).not.toContain('讲话毕');
  });
});

describe('--allow-missing drafts', () => {
  it.each(KINDS)('%s with no lists still reads as a speech, with no 零 counts', (kind) => {
    const text = renderDraft(parseFacts(`kind: ${kind}\nmeeting:\n  name: 全县党建工作会议\n  date: 2024-01-18\n`).facts);
    expect(text).not.toMatch(/零|undefined|\{\{/u);
    expect(text).toContain('同志们：');
    expect(text.trimEnd().endsWith('谢谢大家！')).toBe(true);
    expect(lintText(text).messages.filter((m) => m.severity === 2 && m.ruleId !== 'required-sections')).toEqual([]);
  });
});

describe('md layout', () => {
  it('makes the title and 一、 lines headings, everything else paragraphs', () => {
    const md = renderDraft(initFacts('progress-meeting'), { format: 'md' });
    expect(md.startsWith('# 在全县基层党建重点任务推进会上的讲话\n\n')).toBe(true);
    expect(md).toContain('\n\n## 二、聚焦重点难点，深化细化举措\n\n');
    expect(md).not.toContain('\u3000');
    expect(md.match(/^## /gmu)).toHaveLength(3);
  });
});
