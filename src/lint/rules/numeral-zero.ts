import { SPEECH_KINDS } from '../../data/schemas.js';
import { NO_OPTIONS, type NoOptions } from '../options.js';
import type { Rule } from '../types.js';

/**
 * A year written in Chinese digits (二〇〇八年) whose zero is a look-alike: ○ (U+25CB, a circle),
 * ◯ (U+25EF) or 零. GB/T 15835 writes the digit zero 〇 (U+3007).
 */
const YEAR = /(?<![〇○◯零一二三四五六七八九十])[一二][〇○◯零一二三四五六七八九]{3}(?=年)/gu;
const LOOKALIKE = /[○◯零]/gu;

const rule: Rule<NoOptions> = {
  id: 'numeral-zero',
  meta: {
    description: '汉字年份里的“零”写成了圆圈“○”或“零”（二○○八年），应为数字“〇”（二〇〇八年，GB/T 15835）',
    defaultSeverity: 'warn',
    kinds: SPEECH_KINDS,
    messages: { zero: '年份“{{year}}年”中的“{{char}}”应为数字“〇”：{{fixed}}年' },
    options: NO_OPTIONS,
    fixable: true,
  },
  check(speech, context) {
    for (const m of speech.text.matchAll(YEAR)) {
      if (!/[○◯零]/u.test(m[0])) continue;
      const fixed = m[0].replace(LOOKALIKE, '〇');
      const char = (/[○◯零]/u.exec(m[0]) as RegExpExecArray)[0];
      const range: [number, number] = [m.index, m.index + m[0].length];
      context.report({ messageId: 'zero', data: { year: m[0], char, fixed }, range, fix: { range, text: fixed } });
    }
  },
};

export default rule;
