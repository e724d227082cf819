import { JianghuaError } from '../../errors.js';
import { DEFAULT_RATE, speechStats } from '../../speech/stats.js';
import type { Rule } from '../types.js';

const rule: Rule<{ maxMinutes?: number; rate: number }> = {
  id: 'length',
  meta: {
    description: '预计讲话时长超过配置的上限（默认关闭，配置 maxMinutes 后生效）',
    defaultSeverity: 'off',
    kinds: ['summary-speech', 'host-script', 'progress-meeting'],
    messages: { tooLong: '预计讲话约 {{minutes}} 分钟，超过上限 {{max}} 分钟（按每分钟 {{rate}} 字估算，共 {{chars}} 字）' },
    defaults: { rate: DEFAULT_RATE },
    schema: { maxMinutes: '时长上限（分钟）；不设则不检查', rate: `语速（每分钟字数），默认 ${DEFAULT_RATE}` },
    fixable: false,
  },
  check(speech, context) {
    const max = context.options.maxMinutes;
    if (max === undefined) return;
    const rate = context.options.rate ?? DEFAULT_RATE;
    if (typeof max !== 'number' || !(max > 0) || !(rate > 0)) throw new JianghuaError('config', '规则 length 的 maxMinutes 和 rate 应为正数');
    const stats = speechStats(speech, rate);
    if (stats.minutes <= max) return;
    context.report({ messageId: 'tooLong', data: { minutes: stats.minutes.toFixed(1), max, rate, chars: stats.chars }, range: [0, 0] });
  },
};

export default rule;
