import { SPEECH_KINDS } from '../../data/schemas.js';
import { NO_OPTIONS, type NoOptions } from '../options.js';
import type { Rule } from '../types.js';

const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '（': '）', '《': '》', '【': '】' };
const CLOSERS: Record<string, string> = Object.fromEntries(Object.entries(PAIRS).map(([o, c]) => [c, o]));
const ANY = /[“”‘’（）《》【】]/gu;
const NAMES: Record<string, string> = { '“': '前引号', '”': '后引号', '‘': '前单引号', '’': '后单引号', '（': '左括号', '）': '右括号', '《': '前书名号', '》': '后书名号', '【': '左方头括号', '】': '右方头括号' };
const named = (open: string, close: string) => ({ open, close, openName: NAMES[open] as string, closeName: NAMES[close] as string });

const rule: Rule<NoOptions> = {
  id: 'paired-punctuation',
  meta: {
    description: '成对标点（“” ‘’ （） 《》 【】）在同一段内不配对',
    defaultSeverity: 'error',
    kinds: SPEECH_KINDS,
    messages: {
      unclosed: '{{open}}（{{openName}}）没有配对的{{close}}（{{closeName}}）',
      unopened: '{{close}}（{{closeName}}）前面没有配对的{{open}}（{{openName}}）',
    },
    options: NO_OPTIONS,
    fixable: false,
  },
  check(speech, context) {
    for (const paragraph of speech.paragraphs) {
      const stack: Array<{ char: string; at: number }> = [];
      // where each opener stands in the stack, topmost last: finding the match is O(1), and every
      // entry is removed once, so a paragraph nested any depth stays linear
      const places = new Map<string, number[]>();
      for (const m of paragraph.text.matchAll(ANY)) {
        const char = m[0];
        const at = paragraph.start + m.index;
        const close = PAIRS[char];
        if (close !== undefined) {
          const list = places.get(char) ?? [];
          list.push(stack.length);
          places.set(char, list);
          stack.push({ char, at });
          continue;
        }
        const open = CLOSERS[char] as string;
        const depth = places.get(open)?.at(-1);
        if (depth === undefined) {
          context.report({ messageId: 'unopened', data: named(open, char), range: [at, at + 1] });
          continue;
        }
        // everything opened after the matching opener was never closed
        for (const left of stack.splice(depth)) {
          places.get(left.char)?.pop();
          if (left.char !== open) context.report({ messageId: 'unclosed', data: named(left.char, PAIRS[left.char] as string), range: [left.at, left.at + 1] });
        }
      }
      for (const left of stack) {
        context.report({ messageId: 'unclosed', data: named(left.char, PAIRS[left.char] as string), range: [left.at, left.at + 1] });
      }
    }
  },
};

export default rule;
