import { SPEECH_KINDS } from '../../data/schemas.js';
import { z } from 'zod';
import { codePointLength, excerpt } from '../../speech/text.js';
import type { Rule } from '../types.js';

/** Compare sentences without white space and punctuation. */
const key = (text: string) => text.replace(/[\s\p{P}\p{S}]/gu, '');

const MIN_LENGTH = 12;
const options = z.object({ minLength: z.number().int().positive().default(MIN_LENGTH).describe('最短句长（字数，不含标点）') }).strict();

const rule: Rule<typeof options> = {
  id: 'duplicate-sentence',
  meta: {
    description: `同一篇中出现两次相同的句子（默认 ${MIN_LENGTH} 字及以上），多半是复制粘贴留下的`,
    defaultSeverity: 'warn',
    kinds: SPEECH_KINDS,
    messages: { duplicate: '这句话与第{{line}}行的句子重复：“{{excerpt}}”' },
    options,
    fixable: false,
  },
  check(speech, context) {
    const min = context.options.minLength;
    const seen = new Map<string, number>();
    for (const sentence of speech.sentences) {
      const k = key(sentence.text);
      if (codePointLength(k) < min) continue;
      const first = seen.get(k);
      if (first === undefined) {
        seen.set(k, sentence.start);
        continue;
      }
      context.report({ messageId: 'duplicate', data: { line: speech.position(first).line, excerpt: excerpt(sentence.text, 20, '……') }, node: sentence });
    }
  },
};

export default rule;
