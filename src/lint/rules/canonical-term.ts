import { SPEECH_KINDS } from '../../data/schemas.js';
import { z } from 'zod';
import { compilePattern } from '../../data/regex.js';
import { termSchema } from '../../data/schemas.js';
import type { Rule } from '../types.js';

const OPEN_QUOTES = '“"「『‘';
const CLOSE_QUOTES = '”"」』’';

const options = z
  .object({
    terms: z.array(termSchema).default([]).describe('额外的规范提法，格式同 data/canonical-terms.yaml 的 terms（find、write、before、after、quoted、first、mixed、note）'),
    consistency: z.boolean().default(false).describe('是否检查引号用法前后不一（mixed 项，如“两新”组织与两新组织混用）'),
  })
  .strict();

const rule: Rule<typeof options> = {
  id: 'canonical-term',
  meta: {
    description: '不规范的提法：习总书记、缺“思想”的理论名称、首次提及缺“党的”、简称缺引号等',
    defaultSeverity: 'warn',
    kinds: SPEECH_KINDS,
    messages: {
      wrong: '“{{text}}”不规范，应写作：{{write}}（{{note}}）',
      unquoted: '{{text}}应加引号，写作{{write}}（{{note}}）',
    },
    options,
    fixable: true,
  },
  check(speech, context) {
    const text = speech.text;
    for (const term of [...context.data('canonical-terms.yaml').terms, ...context.options.terms]) {
      // consistency checks are opt-in: both spellings are common in published speeches
      if (term.mixed && !context.options.consistency) continue;
      const re = compilePattern(term.find, 'gu', 'canonical-term 的 find ');
      const followedBy = term.followedBy ? compilePattern(`^(?:${term.followedBy})`, 'u', 'canonical-term 的 followedBy ') : undefined;
      const hits = [...text.matchAll(re)].flatMap((m) => {
        const start = m.index;
        const end = start + m[0].length;
        if (followedBy && !followedBy.test(text.slice(end, end + 16))) return [];
        const opened = OPEN_QUOTES.includes(text[start - 1] ?? 'x');
        const closed = CLOSE_QUOTES.includes(text[end] ?? 'x');
        // a quote on one side only is an unmatched quote: paired-punctuation reports it, once
        if (term.quoted && opened !== closed) return [];
        let ok = Boolean(term.before || term.after || term.quoted);
        if (term.before && !compilePattern(`(?:${term.before})$`, 'u', 'canonical-term 的 before ').test(text.slice(Math.max(0, start - 16), start))) ok = false;
        if (term.after && !compilePattern(`^(?:${term.after})`, 'u', 'canonical-term 的 after ').test(text.slice(end, end + 16))) ok = false;
        if (term.quoted && !(opened && closed)) ok = false;
        return [{ text: m[0], start, end, ok }];
      });
      let bad = hits.filter((h) => !h.ok);
      // first mention of each congress or plenum: 党的十九大 first does not excuse a bare 二十大
      if (term.first) {
        const seen = new Set<string>(); // a set, not a findIndex per hit: many distinct mentions stay linear
        bad = hits.filter((h) => {
          const first = !seen.has(h.text);
          seen.add(h.text);
          return first && !h.ok;
        });
      }
      if (term.mixed && !hits.some((h) => h.ok)) bad = [];
      for (const h of bad) {
        const write = term.write.replace(/\{\{\s*term\s*\}\}/gu, h.text);
        const range: [number, number] = [h.start, h.end];
        // which quoting a document should settle on (mixed) is the author's choice, not a certain fix
        const certain = term.fix !== false && !term.mixed;
        context.report({
          messageId: term.quoted ? 'unquoted' : 'wrong',
          data: { text: h.text, write, note: term.note ?? '规范提法' },
          range,
          ...(certain ? { fix: { range, text: write } } : {}),
        });
      }
    }
  },
};

export default rule;
