import type { Rule } from '../types.js';

const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '（': '）', '《': '》', '【': '】' };
const CLOSERS: Record<string, string> = Object.fromEntries(Object.entries(PAIRS).map(([o, c]) => [c, o]));
const ANY = /[“”‘’（）《》【】]/gu;

const rule: Rule<Record<string, never>> = {
  id: 'paired-punctuation',
  meta: {
    description: '成对标点（“” ‘’ （） 《》 【】）在同一段内不配对',
    defaultSeverity: 'error',
    kinds: ['summary-speech', 'host-script', 'progress-meeting'],
    messages: {
      unclosed: '“{{open}}”没有配对的“{{close}}”',
      unopened: '“{{close}}”前面没有配对的“{{open}}”',
    },
    defaults: {},
    schema: {},
    fixable: false,
  },
  check(speech, context) {
    for (const paragraph of speech.paragraphs) {
      const stack: Array<{ char: string; at: number }> = [];
      for (const m of paragraph.text.matchAll(ANY)) {
        const char = m[0];
        const at = paragraph.start + m.index;
        const close = PAIRS[char];
        if (close !== undefined) {
          stack.push({ char, at });
          continue;
        }
        const open = CLOSERS[char] as string;
        const depth = stack.map((s) => s.char).lastIndexOf(open);
        if (depth === -1) {
          context.report({ messageId: 'unopened', data: { open, close: char }, range: [at, at + 1] });
          continue;
        }
        // everything opened after the matching opener was never closed
        for (const left of stack.splice(depth)) {
          if (left.char !== open) context.report({ messageId: 'unclosed', data: { open: left.char, close: PAIRS[left.char] as string }, range: [left.at, left.at + 1] });
        }
      }
      for (const left of stack) {
        context.report({ messageId: 'unclosed', data: { open: left.char, close: PAIRS[left.char] as string }, range: [left.at, left.at + 1] });
      }
    }
  },
};

export default rule;
