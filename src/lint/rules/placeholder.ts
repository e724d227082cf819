import { SPEECH_KINDS } from '../../data/schemas.js';
import { z } from 'zod';
import { anyOf, compilePattern } from '../../data/regex.js';
import { pattern } from '../options.js';
import type { Rule, RuleContext } from '../types.js';
import { firstIndex } from '../../sorted.js';

/** The shipped patterns as one alternation, then the user's own. */
function patterns(context: RuleContext<{ patterns: string[] }>): RegExp[] {
  const shipped = anyOf(context.data('placeholders.yaml').patterns.map((p) => p.pattern), 'gu', 'placeholders.yaml');
  return [shipped, ...context.options.patterns.map((p) => compilePattern(p, 'gu', '配置 placeholder.patterns '))];
}

/** Markdown markup that looks like a placeholder: **粗体**, *斜体*, and "* " list bullets. */
const MARKDOWN = [/\*\*(?=\S)[^*\n]+?(?<=\S)\*\*/gu, /(?<![*\p{L}\p{N}])\*(?=[^\s*])[^*\n]+?(?<=[^\s*])\*(?![*\p{L}\p{N}])/gu, /^[ \t]*\*(?=[ \t])/gmu];

const options = z.object({ patterns: z.array(pattern()).default([]).describe('额外的占位符正则表达式（字符串数组）') }).strict();

/** Does [start, end) overlap one of `ranges` (sorted, disjoint)? */
function overlaps(ranges: ReadonlyArray<[number, number]>, start: number, end: number): boolean {
  const before = ranges[firstIndex(ranges, (r) => r[0] >= end) - 1]; // the last range starting before `end`
  return before !== undefined && before[1] > start;
}

/** Two sorted lists of disjoint ranges as one. */
function merged(a: Array<[number, number]>, b: Array<[number, number]>): Array<[number, number]> {
  if (a.length === 0 || b.length === 0) return a.length ? a : b;
  const out: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && (a[i] as [number, number])[0] < (b[j] as [number, number])[0]) ? (a[i++] as [number, number]) : (b[j++] as [number, number]));
  return out;
}

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
    // 粗体标记两端的星号才算标记，中间的文字照常检查: a match inside the first or last two characters of
    // some markup, kept as the starts of those two-character edges (a lookup, not a scan of every markup)
    const edges = new Set<number>();
    if (context.markdown) {
      for (const re of MARKDOWN) for (const m of text.matchAll(re)) edges.add(m.index).add(m.index + m[0].length - 2);
    }
    const inMarkup = (s: number, e: number) => (edges.has(s) && e <= s + 2) || (edges.has(s - 1) && e <= s + 1);
    // ranges already reported, in text order and disjoint: an overlap is found by binary search
    let taken: Array<[number, number]> = [];
    for (const re of patterns(context)) {
      const added: Array<[number, number]> = [];
      for (const m of text.matchAll(re)) {
        const start = m.index;
        const end = start + m[0].length;
        if (m[0].length === 0 || inMarkup(start, end) || overlaps(taken, start, end)) continue;
        added.push([start, end]);
        context.report({ messageId: 'unfilled', data: { text: m[0] }, range: [start, end] });
      }
      taken = merged(taken, added);
    }
  },
};

export default rule;
