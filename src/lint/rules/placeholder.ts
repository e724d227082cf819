import { SPEECH_KINDS } from '../../data/schemas.js';
import { z } from 'zod';
import { anyOf, compilePattern } from '../../data/regex.js';
import { pattern } from '../options.js';
import type { Rule, RuleContext } from '../types.js';

/** The shipped patterns as one alternation, then the user's own. */
function patterns(context: RuleContext<{ patterns: string[] }>): RegExp[] {
  const shipped = anyOf(context.data('placeholders.yaml').patterns.map((p) => p.pattern), 'gu', 'placeholders.yaml');
  return [shipped, ...context.options.patterns.map((p) => compilePattern(p, 'gu', '配置 placeholder.patterns '))];
}

/** Markdown markup that looks like a placeholder: **粗体**, *斜体*, and "* " list bullets. */
const MARKDOWN = [/\*\*(?=\S)[^*\n]+?(?<=\S)\*\*/gu, /(?<![*\p{L}\p{N}])\*(?=[^\s*])[^*\n]+?(?<=[^\s*])\*(?![*\p{L}\p{N}])/gu, /^[ \t]*\*(?=[ \t])/gmu];

const options = z.object({ patterns: z.array(pattern()).default([]).describe('额外的占位符正则表达式（字符串数组）') }).strict();

const rule: Rule<typeof options> = {
  id: 'placeholder',
  meta: {
    description: '未填写的占位符：*、**、xx、××、某某、○○、【待补】、TODO、{{…}} 等',
    defaultSeverity: 'error',
    kinds: SPEECH_KINDS,
    messages: { unfilled: '未填写的占位符“{{text}}”，定稿前请替换为实际内容' },
    options,
    fixable: false,
  },
  check(speech, context) {
    const text = speech.text;
    const markup: Array<[number, number]> = [];
    if (context.markdown) {
      for (const re of MARKDOWN) for (const m of text.matchAll(re)) markup.push([m.index, m.index + m[0].length]);
    }
    // 粗体标记两端的星号才算标记，中间的文字照常检查
    const inMarkup = (s: number, e: number) => markup.some(([ms, me]) => (s >= ms && e <= ms + 2) || (s >= me - 2 && e <= me));
    const taken: Array<[number, number]> = [];
    for (const re of patterns(context)) {
      for (const m of text.matchAll(re)) {
        const start = m.index;
        const end = start + m[0].length;
        if (m[0].length === 0 || inMarkup(start, end)) continue;
        if (taken.some(([s, e]) => start < e && end > s)) continue;
        taken.push([start, end]);
        context.report({ messageId: 'unfilled', data: { text: m[0] }, range: [start, end] });
      }
    }
  },
};

export default rule;
