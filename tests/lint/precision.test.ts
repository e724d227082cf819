import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/linter.js';

/** Findings across all rules, as `rule line:column message`, with the genre check off. */
const all = (text: string) => lintText(text, { rules: { 'required-sections': 'off' } }).messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`);

describe('one slip, one finding', () => {
  it('an unmatched quote beside a canonical term is reported once, by paired-punctuation', () => {
    expect(all('各级党组织要坚决做到两个维护”，毫不动摇。')).toEqual(['paired-punctuation 1:15 ”（后引号）前面没有配对的“（前引号）']);
    expect(all('严格落实“三会一课制度。')).toEqual(['paired-punctuation 1:5 “（前引号）没有配对的”（后引号）']);
  });

  it('an unquoted term reads as a sentence, not “X”不规范，应写作：“X”', () => {
    expect(all('坚决做到两个维护。')).toEqual(['canonical-term 1:5 两个维护应加引号，写作“两个维护”（简称须加引号）']);
  });

  it('a year with ○ is one numeral-zero finding, not a placeholder', () => {
    expect(all('二○二二年，全县党建工作迈上新台阶。')).toEqual(['numeral-zero 1:1 年份“二○二二年”中的“○”应为数字“〇”：二〇二二年']);
  });
});
