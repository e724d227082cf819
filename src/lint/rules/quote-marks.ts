import { SPEECH_KINDS } from '../../data/schemas.js';
import { NO_OPTIONS, type NoOptions } from '../options.js';
import type { Rule } from '../types.js';

/** Corner brackets (Taiwan, Hong Kong, Japanese usage) and the marks GB/T 15834 uses instead. */
const MAINLAND: Record<string, string> = { '「': '“', '」': '”', '『': '‘', '』': '’' };
const CORNER = /[「」『』]/gu;

const rule: Rule<NoOptions> = {
  id: 'quote-marks',
  meta: {
    description: '用了直角引号「」『』，按 GB/T 15834 应使用“”‘’',
    defaultSeverity: 'warn',
    kinds: SPEECH_KINDS,
    messages: { corner: '直角引号{{char}}应改为{{mainland}}' },
    options: NO_OPTIONS,
    fixable: true,
  },
  check(speech, context) {
    for (const m of speech.text.matchAll(CORNER)) {
      const mainland = MAINLAND[m[0]] as string;
      const range: [number, number] = [m.index, m.index + 1];
      context.report({ messageId: 'corner', data: { char: m[0], mainland }, range, fix: { range, text: mainland } });
    }
  },
};

export default rule;
