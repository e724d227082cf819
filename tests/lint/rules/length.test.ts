import { expect, it } from 'vitest';
import { lintText } from '../../../src/lint/linter.js';
import { ruleTester } from '../tester.js';

const long = '加强党的建设。'.repeat(50); // 300 Han characters, about 1.4 minutes at 210 a minute

ruleTester('length', {
  valid: [
    { name: 'under the limit', text: long, options: { maxMinutes: 2 } },
  ],
  invalid: [
    { name: 'over the limit', text: long, options: { maxMinutes: 1 }, errors: [{ messageId: 'tooLong', data: { minutes: '1.4', max: 1, rate: 210, chars: 300 }, line: 1, column: 1 }] },
    { name: 'slower rate', text: long, options: { maxMinutes: 1.4, rate: 150 }, errors: [{ messageId: 'tooLong', data: { minutes: '2.0', max: 1.4, rate: 150, chars: 300 }, line: 1, column: 1 }] },
  ],
});

it('length switched on without maxMinutes is a config error, not a rule that checks nothing', () => {
  expect(() => lintText(long, { rules: { length: 'warn' } })).toThrow('规则 length 的选项 maxMinutes 缺少必填的值');
  expect(lintText(long).messages.filter((m) => m.ruleId === 'length')).toEqual([]); // off by default: nothing asked, nothing said
});
