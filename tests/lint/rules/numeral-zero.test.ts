import { describe, expect, it } from 'vitest';
import { lintText } from '../../../src/lint/linter.js';
import { ruleTester } from '../tester.js';

ruleTester('numeral-zero', {
  valid: ['二〇一九年以来，全镇党建工作稳步推进。', { name: 'Arabic years', text: '2019年以来稳步推进。' }, { name: 'a circle that is no year', text: '○○村党支部书记' }],
  invalid: [
    {
      name: 'circles in a year',
      text: '二○○八年，我县成立了党建办。',
      errors: [{ messageId: 'zero', data: { year: '二○○八', char: '○', fixed: '二〇〇八' }, line: 1, column: 1, endColumn: 5 }],
      output: '二〇〇八年，我县成立了党建办。',
    },
    {
      name: '零 and a large circle',
      text: '自二零一◯年起',
      errors: [{ messageId: 'zero', data: { year: '二零一◯', char: '零', fixed: '二〇一〇' }, line: 1, column: 2 }],
      output: '自二〇一〇年起',
    },
  ],
});

describe('a year with ○ is no placeholder', () => {
  it('placeholder stays silent on 二○○八年 but still reports ○○ standing for a name', () => {
    const ids = (text: string) => lintText(text, { rules: { 'required-sections': 'off' } }).messages.map((m) => `${m.ruleId} ${m.column}`);
    expect(ids('二○○八年，全县召开推进会。')).toEqual(['numeral-zero 1']);
    expect(ids('请○○同志发言。')).toEqual(['placeholder 2']);
  });
});
