import { SPEECH_KINDS } from '../../data/schemas.js';
import { z } from 'zod';
import { compilePattern, wordsSource } from '../../data/regex.js';
import type { Rule } from '../types.js';

const options = z
  .object({
    modifiers: z.array(z.string().min(1)).default([]).describe('额外的状语修饰词（字符串数组），加在 data/adverbial-de.yaml 的 modifiers 之后'),
    verbs: z.array(z.string().min(1)).default([]).describe('额外的动词（字符串数组），加在 data/adverbial-de.yaml 的 verbs 之后'),
  })
  .strict();

const rule: Rule<typeof options> = {
  id: 'adverbial-de',
  meta: {
    description: '状语后误用“的”，应为“地”（严肃的查处 → 严肃地查处）',
    defaultSeverity: 'warn',
    kinds: SPEECH_KINDS,
    messages: { de: '“{{text}}”中状语后应用“地”：{{modifier}}地{{verb}}' },
    options,
    fixable: true,
  },
  check(speech, context) {
    const data = context.data('adverbial-de.yaml');
    const modifiers = [...data.modifiers, ...context.options.modifiers];
    const verbs = [...data.verbs, ...context.options.verbs];
    const re = compilePattern(`(?<m>${wordsSource(modifiers)})的(?<v>${wordsSource(verbs)})`, 'gu', 'adverbial-de');
    const text = speech.text;
    for (const m of text.matchAll(re)) {
      const modifier = m.groups?.m as string;
      const verb = m.groups?.v as string;
      const end = m.index + m[0].length;
      // 进行认真的学习、实现全面的提升: the verb after 的 is used as a noun
      const lead = text.slice(Math.max(0, m.index - 4), m.index);
      if (data.nominalizers.some((w) => lead.endsWith(w) || lead.slice(0, -1).endsWith(w))) continue;
      if (data.nounsAfter.some((w) => text.startsWith(w, end))) continue;
      // the list-based match is strict enough that 的 → 地 is certain
      const de = m.index + modifier.length;
      context.report({ messageId: 'de', data: { text: m[0], modifier, verb }, range: [m.index, end], fix: { range: [de, de + 1], text: '地' } });
    }
  },
};

export default rule;
