import { SPEECH_KINDS } from '../../data/schemas.js';
import { z } from 'zod';
import { compilePattern } from '../../data/regex.js';
import { dateFactSchema } from '../../data/schemas.js';
import type { Rule } from '../types.js';
import { firstIndex } from '../../sorted.js';

const DIGIT: Record<string, number> = { '〇': 0, '○': 0, '◯': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9 };
/** 2022年, 二〇二二年. */
const YEAR = /(?<![\d０-９])(?:(?<a>(?:19|20)\d{2})|(?<c>[一二][〇○◯零一二三四五六七八九]{3}))(?=年)/gu;

interface Year {
  year: number;
  start: number;
  end: number;
}

function yearsIn(text: string): Year[] {
  return [...text.matchAll(YEAR)].map((m) => {
    const year = m.groups?.a ? Number(m.groups.a) : Number([...(m.groups?.c ?? '')].map((d) => DIGIT[d] ?? 0).join(''));
    return { year, start: m.index, end: m.index + m[0].length + 1 };
  });
}

/**
 * The year a phrase [start, end) is bound to: one right after it (党的二十大于2022年), else the nearest one
 * before it (2022年召开的党的二十大), else the nearest after. Binary searches: a one-line text of
 * thousands of years and phrases was quadratic.
 */
function boundYear(years: readonly Year[], start: number, end: number): Year | undefined {
  const after = years[firstIndex(years, (y) => y.start >= end)];
  if (after?.start === end) return after;
  return years[firstIndex(years, (y) => y.end > start) - 1] ?? after;
}

const options = z
  .object({ facts: z.array(dateFactSchema).default([]).describe('额外的日期事实，格式同 data/date-facts.yaml 的 facts（name、pattern、year 或 base）') })
  .strict();

const rule: Rule<typeof options> = {
  id: 'date-fact',
  meta: {
    description: '与年份绑定的提法写错了年份（“十四五”规划开局之年是2021年，党的二十大召开于2022年……）',
    defaultSeverity: 'error',
    kinds: SPEECH_KINDS,
    messages: { wrongYear: '{{year}}年不是{{name}}：{{name}}是{{right}}年' },
    options,
    fixable: false,
  },
  check(speech, context) {
    const facts = [...context.data('date-facts.yaml').facts, ...context.options.facts].map((f) => ({ ...f, re: compilePattern(f.pattern, 'gu', 'date-fact 的 pattern ') }));
    for (const sentence of speech.sentences) {
      if (!/\d{4}年|[〇○◯零]/u.test(sentence.text)) continue;
      const years = yearsIn(sentence.text);
      if (years.length === 0) continue;
      for (const fact of facts) {
        for (const m of sentence.text.matchAll(fact.re)) {
          const n = m.groups?.n;
          const right = fact.base !== undefined && n !== undefined ? fact.base + Number(n) : fact.year;
          if (right === undefined) continue;
          const name = fact.name.replace(/\{\{\s*n\s*\}\}/gu, n ?? '');
          const bound = boundYear(years, m.index, m.index + m[0].length);
          if (!bound || bound.year === right) continue;
          context.report({
            messageId: 'wrongYear',
            data: { year: bound.year, name, right },
            node: sentence,
            range: [bound.start, bound.end],
          });
        }
      }
    }
  },
};

export default rule;
