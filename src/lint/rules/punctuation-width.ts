import { SPEECH_KINDS } from '../../data/schemas.js';
import { NO_OPTIONS, type NoOptions } from '../options.js';
import type { Rule } from '../types.js';

/** Half-width → full-width (GB/T 15834). Quotes alternate, so they are settled per paragraph. */
const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const CJK = /[\p{Script=Han}\u3000-\u303f\uff01-\uff5e\u2018-\u201d\u2026\u2014]/u;
const HALF = /[,;:?!()"']|\.+/gu;
/** What may stand before a full stop: Han or closing CJK punctuation. */
const BEFORE_STOP = /[\p{Script=Han}”’）》」』]/u;

const rule: Rule<NoOptions> = {
  id: 'punctuation-width',
  meta: {
    description: '汉字旁边用了半角标点（, . ; : ? ! ( ) " \'），应使用全角标点（GB/T 15834）',
    defaultSeverity: 'warn',
    kinds: SPEECH_KINDS,
    messages: { halfWidth: '汉字旁边用了半角标点“{{char}}”，应为全角“{{full}}”' },
    options: NO_OPTIONS,
    fixable: true,
  },
  check(speech, context) {
    for (const paragraph of speech.paragraphs) {
      const text = paragraph.text;
      const open = { '"': false, "'": false };
      for (const m of text.matchAll(HALF)) {
        const char = m[0];
        const before = text[m.index - 1] ?? '';
        const after = text[m.index + 1] ?? '';
        const chinese = CJK.test(before) || CJK.test(after);
        if (char === '"' || char === "'") {
          // a quote opens when nothing word-like precedes it, or when the previous one closed
          const opening = !open[char];
          open[char] = opening;
          if (!chinese) continue;
          const full = char === '"' ? (opening ? '“' : '”') : opening ? '‘' : '’';
          report(m.index, char, full);
          continue;
        }
        if (char.startsWith('.')) {
          // a sentence-final . after Han (not 1. or 3.5); a run of dots is an ellipsis
          if (!BEFORE_STOP.test(before) || /[A-Za-z0-9]/u.test(after)) continue;
          report(m.index, char, char.length > 1 ? '……' : '。');
          continue;
        }
        if (!chinese) continue;
        // 9:30、3:2 between digits are not prose punctuation
        if (char === ':' && /\d/u.test(before) && /\d/u.test(after)) continue;
        report(m.index, char, FULL[char] as string);
      }
      function report(index: number, char: string, full: string) {
        const start = paragraph.start + index;
        const end = start + char.length;
        context.report({ messageId: 'halfWidth', data: { char, full }, range: [start, end], fix: { range: [start, end], text: full } });
      }
    }
  },
};

export default rule;
