import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/linter.js';

const found = (text: string) => lintText(text, { rules: { 'required-sections': 'off' } }).messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`);

describe('inline directives', () => {
  it('disable-next-line silences only the listed rule on the next line', () => {
    expect(found('<!-- jianghua-disable-next-line placeholder -->\n刘**同志,发言。\n刘**同志发言。')).toEqual(['punctuation-width 2:6', 'placeholder 3:2']);
  });

  it('disable without ids silences every rule until enable', () => {
    expect(found('刘**同志发言。\n<!-- jianghua-disable -->\n王**同志,发言。\n<!-- jianghua-enable -->\n张**同志发言。')).toEqual(['placeholder 1:2', 'placeholder 5:2']);
  });

  it('enable of one rule keeps the others off', () => {
    expect(found('<!-- jianghua-disable -->\n<!-- jianghua-enable placeholder -->\n王**同志,发言。')).toEqual(['placeholder 3:2']);
  });

  it('several ids, comma or space separated', () => {
    expect(found('<!-- jianghua-disable-next-line placeholder, punctuation-width -->\n王**同志,发言。')).toEqual([]);
  });

  it('comments themselves never trip a rule, and columns after them stay right', () => {
    expect(found('<!-- 这里要补 xx 和 **, 待补 -->\n<!-- “未闭合 -->刘**同志发言。')).toEqual(['placeholder 2:15']);
  });

  it('other rules keep working around the directives', () => {
    expect(found('<!-- jianghua-disable placeholder -->\n2022年是“十四五”规划开局之年。刘**同志发言。')).toEqual(['date-fact 2:1']);
  });
});

describe('library options', () => {
  it('rules beat config, config beats the preset', () => {
    const text = '刘**同志发言。';
    expect(lintText(text, { config: { rules: { placeholder: 'warn' } } }).messages.find((m) => m.ruleId === 'placeholder')?.severity).toBe(1);
    expect(lintText(text, { config: { rules: { placeholder: 'warn' } }, rules: { placeholder: 'error' } }).messages.find((m) => m.ruleId === 'placeholder')?.severity).toBe(2);
    expect(lintText(text, { config: { kind: 'progress-meeting' } }).messages.find((m) => m.ruleId === 'required-sections')?.message).toBe('缺少“意见”部分：推进会讲话应包含意见');
  });

  it('unknown rule ids are a config error', () => {
    expect(() => lintText('文本', { rules: { nope: 'off' } as never })).toThrow('未知的规则“nope”');
  });

  it('fix returns the fixed text and the messages left', () => {
    const r = lintText('观念,把工作做实。', { fix: true, rules: { 'required-sections': 'off' } });
    expect(r.output).toBe('观念，把工作做实。');
    expect(r.messages).toEqual([]);
  });
});
