import { SPEECH_KINDS } from '../../data/schemas.js';
import { NO_OPTIONS, type NoOptions } from '../options.js';
import type { Rule } from '../types.js';

/** A run of full-width digits and Latin letters (U+FF10–FF19, FF21–FF3A, FF41–FF5A), with full-width . between digits. */
const FULL_WIDTH = /[０-９Ａ-Ｚａ-ｚ]+(?:[．][０-９]+)*/gu;
const toHalf = (s: string) => s.replace(/[０-９Ａ-Ｚａ-ｚ．]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

const rule: Rule<NoOptions> = {
  id: 'alphanumeric-width',
  meta: {
    description: '正文里用了全角数字或全角拉丁字母（１３１２万、Ｍ２），应使用半角（GB/T 15835）',
    defaultSeverity: 'warn',
    kinds: SPEECH_KINDS,
    messages: { fullWidth: '全角字符“{{text}}”应写作半角“{{half}}”' },
    options: NO_OPTIONS,
    fixable: true,
  },
  check(speech, context) {
    for (const m of speech.text.matchAll(FULL_WIDTH)) {
      const half = toHalf(m[0]);
      const range: [number, number] = [m.index, m.index + m[0].length];
      context.report({ messageId: 'fullWidth', data: { text: m[0], half }, range, fix: { range, text: half } });
    }
  },
};

export default rule;
