import { describe, expect, it } from 'vitest';
import { LineIndex, parseSpeech } from '../../src/speech/index.js';

const markers = (text: string) => parseSpeech(text).markers.map((m) => `${m.text}:${m.series}:${m.index}`);

describe('numbering', () => {
  it.each([
    ['把发展作为第一要务，坚持以人民为中心。', '第一要务'],
    ['各级书记要当好第一责任人，把责任扛起来。', '第一责任人'],
    ['人才是第一资源，创新是第一动力。', '第一资源 / 第一动力'],
    ['这是我们党一以贯之的政治优势。', '一以贯之'],
    ['一把手要带头，推动一体推进。', '一把手'],
    ['全面执行“第一议题”制度。', '第一议题'],
    ['自己首先要做到。最后，让我们以热烈的掌声表示感谢！', 'a lone 首先 and 最后'],
    ['抓好党建是第一主业，要放在第一位。', '第一主业 / 第一位'],
    ['打通服务群众“最后一公里”。', '最后一公里'],
  ])('does not read %s as numbering (%s)', (text) => {
    expect(markers(text)).toEqual([]);
  });

  it('finds the official hierarchy on its own lines', () => {
    const text = ['一、加强政治建设', '（一）提高站位', '1.学习理论', '（1）原原本本学', '（2）联系实际学', '2.指导实践', '（二）压实责任', '二、夯实基础'].join('\n');
    expect(markers(text)).toEqual(['一、:一、:1', '（一）:（一）:1', '1.:1.:1', '（1）:（1）:1', '（2）:（1）:2', '2.:1.:2', '（二）:（一）:2', '二、:一、:2']);
  });

  it('finds speech series wherever they open a sentence, including after a colon', () => {
    expect(markers('存在一些不足：一是学习不够深入。二是作用发挥不够。三是机制不健全。')).toEqual(['一是:一是:1', '二是:一是:2', '三是:一是:3']);
    expect(markers('第一，要强化责任。第二，要完善机制。')).toEqual(['第一:第一:1', '第二:第一:2']);
    expect(markers('首先，统一思想。其次，明确任务。最后，狠抓落实。')).toEqual(['首先:首先:1', '其次:首先:2', '最后:首先:3']);
    expect(markers('其一，抓学习。其二，抓落实。')).toEqual(['其一:其一:1', '其二:其一:2']);
  });

  it('records mixed series in one paragraph as they are written', () => {
    expect(markers('一要深化改革。二是强化治理。三是优化服务。')).toEqual(['一要:一要:1', '二是:一是:2', '三是:一是:3']);
  });

  it('keeps a gap visible instead of dropping the item after it', () => {
    expect(markers('一、学习\n二、落实\n四、总结')).toEqual(['一、:一、:1', '二、:一、:2', '四、:一、:4']);
  });
});

describe('sentences and clauses', () => {
  it('splits on 。！？；… and keeps closing quotes with their sentence', () => {
    const s = parseSpeech('大家要认真学习。“两个维护”要做到！能做到吗？一是学习；二是落实……好的。');
    expect(s.sentences.map((x) => x.text)).toEqual(['大家要认真学习。', '“两个维护”要做到！', '能做到吗？', '一是学习；', '二是落实……', '好的。']);
  });

  it('does not break a sentence at a 。 inside quotes or brackets', () => {
    const s = parseSpeech('他强调：“抓好党建是本职。不抓党建是失职。”我们要牢记（这一点。很重要）并落实。');
    expect(s.sentences.map((x) => x.text)).toEqual(['他强调：“抓好党建是本职。不抓党建是失职。”', '我们要牢记（这一点。很重要）并落实。']);
  });

  it('splits clauses at ，、： outside quotes only', () => {
    const s = parseSpeech('坚持“不跑偏、不走样”，做到学思用贯通、知信行统一。');
    expect(s.sentences[0]!.clauses.map((c) => c.text)).toEqual(['坚持“不跑偏、不走样”', '做到学思用贯通', '知信行统一']);
  });

  it('keeps line and code-point column of every sentence, with CRLF, NBSP and astral characters', () => {
    const s = parseSpeech('同志们：\r\n\u00a0\u00a0𠮷祥如意。好。\r\n\u3000\u3000第二段。');
    const at = s.sentences.map((x) => ({ text: x.text, ...s.position(x.start) }));
    expect(at).toEqual([
      { text: '同志们：', line: 1, column: 1 },
      { text: '𠮷祥如意。', line: 2, column: 3 },
      { text: '好。', line: 2, column: 8 },
      { text: '第二段。', line: 3, column: 3 },
    ]);
  });
});

describe('sections from cues, on text the seeds do not contain', () => {
  it('reads a short summary speech written from scratch', () => {
    const text = [
      '同志们：',
      '今天召开全区机关党建工作会议，主要任务是总结工作、部署任务。',
      '过去一年，全区机关党建工作取得了明显成效。一是理论武装更加扎实。二是组织建设更加规范。',
      '在肯定成绩的同时，我们也要清醒地看到存在的不足：一是个别支部组织生活不够规范。二是部分党员作用发挥不明显。这些问题，必须高度重视。',
      '下面，我讲三点意见。',
      '一、提高政治站位',
      '要坚持以习近平新时代中国特色社会主义思想为指导。',
      '二、夯实基层基础',
      '要加强支部标准化规范化建设。',
      '三、改进工作作风',
      '要力戒形式主义、官僚主义。',
      '同志们，让我们团结一心，开拓进取！',
      '谢谢大家！',
    ].join('\n');
    const s = parseSpeech(text);
    expect(s.sections.map((x) => x.kind)).toEqual(['opening', 'achievements', 'problems', 'opinions', 'closing']);
    const [, ach, prob, op] = s.sections;
    expect(ach!.children.map((c) => c.numbering?.index)).toEqual([1, 2]);
    expect(prob!.children.map((c) => c.numbering?.index)).toEqual([1, 2]);
    expect(op!.children.map((c) => c.heading)).toEqual(['一、提高政治站位', '二、夯实基层基础', '三、改进工作作风']);
  });

  it('does not take a directive about problems for a problems section', () => {
    const s = parseSpeech('同志们：\n今天我们开会，目的就是检视存在的差距和不足。\n下面，我讲两点意见。\n一、要着力解决组织生活不规范的问题。\n二、要补齐短板弱项。');
    expect(s.sections.map((x) => x.kind)).toEqual(['opening', 'opinions']);
    expect(s.sections[1]!.children.flatMap((c) => c.children)).toEqual([]);
  });

  it('returns an empty model for empty or blank text', () => {
    for (const text of ['', '\n\n', '   \u3000 ']) {
      const s = parseSpeech(text);
      expect([s.paragraphs.length, s.sentences.length, s.sections.length]).toEqual([0, 0, 0]);
    }
  });
});

describe('Markdown and comment lines', () => {
  it('reads ## headings and > quotes as layout, keeping numbering and positions', () => {
    const s = parseSpeech('# 在全区党建工作会议上的讲话\n\n同志们：\n\n## 一、提高政治站位\n\n> 引文。\n');
    expect(s.title?.text).toBe('在全区党建工作会议上的讲话');
    expect(s.markers.map((m) => m.text)).toEqual(['一、']);
    expect(s.position(s.markers[0]!.start)).toEqual({ line: 5, column: 4 });
    expect(s.paragraphs.map((p) => p.text)).toEqual(['在全区党建工作会议上的讲话', '同志们：', '一、提高政治站位', '引文。']);
  });

  it('skips lines that are only an HTML comment', () => {
    const s = parseSpeech('<!-- jianghua-disable placeholder -->\n同志们：\n今天开会。');
    expect(s.paragraphs.map((p) => p.text)).toEqual(['同志们：', '今天开会。']);
    expect(s.salutation?.text).toBe('同志们：');
  });
});

describe('positions on one very long line', () => {
  it('answers forward, backward and repeated queries as a fresh index would', () => {
    const text = `同志们：\n${'𠮷党建'.repeat(5000)}\n尾行`;
    const shared = new LineIndex(text);
    const offsets = [5, 9, 9, 13, 20001, 13, 0, 20005, 40000, 6, 17];
    for (const o of offsets) expect(shared.position(o)).toEqual(new LineIndex(text).position(o));
    expect(shared.position(13)).toEqual({ line: 2, column: 7 });
    expect(shared.position(5 + 4 * 5000)).toEqual({ line: 2, column: 15001 });
  });
});

describe('items after a comma', () => {
  it('records 一要…，二要… and 一是…，二是… as mid-sentence markers that open no section', () => {
    const s = parseSpeech('同志们：\n下面，我讲一点意见。\n一、抓落实。要做到一要加强学习，二要强化落实，三要注重实效。会议共有两项内容：一是述职，二是评议。');
    expect(s.markers.map((m) => `${m.text}${m.midSentence ? '*' : ''}`)).toEqual(['一、', '一要*', '二要*', '三要*', '一是', '二是*']);
    // only 一是, which opens a sentence after the colon, opens an item
    expect(s.sections[1]!.children[0]!.children.filter((c) => c.numbering).map((c) => c.marker?.text)).toEqual(['一是']);
  });

  it('does not read a 1. or 一、 after a comma as an item', () => {
    expect(parseSpeech('数量增加，1.5倍以上，一、二级单位全覆盖。').markers).toEqual([]);
  });
});
