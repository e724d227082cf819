import { SPEECH_KINDS } from '../../data/schemas.js';
import { DEFAULT_RATE, speechStats } from '../../speech/stats.js';
import { z } from 'zod';
import type { Rule } from '../types.js';

const options = z
  .object({
    maxMinutes: z.number().positive().describe('时长上限（分钟）；打开本规则时必须设置'),
    rate: z.number().positive().default(DEFAULT_RATE).describe('语速（每分钟字数）'),
  })
  .strict();

const rule: Rule<typeof options> = {
  id: 'length',
  meta: {
    description: '预计讲话时长超过配置的上限（默认关闭；打开时须设置 maxMinutes）',
    defaultSeverity: 'off',
    kinds: SPEECH_KINDS,
    messages: { tooLong: '预计讲话约 {{minutes}} 分钟，超过上限 {{max}} 分钟（按每分钟 {{rate}} 字估算，共 {{chars}} 字）' },
    options,
    fixable: false,
  },
  check(speech, context) {
    const { maxMinutes: max, rate } = context.options;
    const stats = speechStats(speech, rate);
    if (stats.minutes <= max) return;
    context.report({ messageId: 'tooLong', data: { minutes: stats.minutes.toFixed(1), max, rate, chars: stats.chars }, range: [0, 0] });
  },
};

export default rule;
