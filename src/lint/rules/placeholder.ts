import { z } from 'zod';
import { compile, isObject, lintData } from '../data.js';
import { pattern } from '../options.js';
import type { Rule } from '../types.js';

interface PlaceholderData {
  patterns: Array<{ pattern: string; label: string }>;
}

let compiled: RegExp | undefined;

/** One alternation with a named group per data entry would be faster, but the list is short. */
function patterns(extra: readonly string[]): RegExp[] {
  const data = lintData<PlaceholderData>('placeholders.yaml', (raw) => isObject(raw) && Array.isArray(raw.patterns));
  compiled ??= compile(data.patterns.map((p) => `(?:${p.pattern})`).join('|'), 'gu', 'placeholders.yaml');
  return [compiled, ...extra.map((p) => compile(p, 'gu', '配置 placeholder.patterns '))];
}

/** Markdown markup that looks like a placeholder: **粗体**, *斜体*, and "* " list bullets. */
const MARKDOWN = [/\*\*(?=\S)[^*\n]+?(?<=\S)\*\*/gu, /(?<![*\p{L}\p{N}])\*(?=[^\s*])[^*\n]+?(?<=[^\s*])\*(?![*\p{L}\p{N}])/gu, /^[ \t]*\*(?=[ \t])/gmu];

const options = z.object({ patterns: z.array(pattern()).default([]).describe('额外的占位符正则表达式（字符串数组）') }).strict();

const rule: Rule<typeof options> = {
  id: 'placeholder',
  meta: {
    description: '未填写的占位符：*、**、xx、××、某某、○○、【待补】、TODO、{{…}} 等',
    defaultSeverity: 'error',
    kinds: ['summary-speech', 'host-script', 'progress-meeting'],
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
    for (const re of patterns(context.options.patterns)) {
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
