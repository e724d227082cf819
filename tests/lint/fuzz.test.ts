import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/linter.js';
import { RULE_IDS } from '../../src/lint/rules/index.js';

// pieces of the genre, its punctuation and its traps, shuffled at random
const PIECES = [
  '同志们：', '一、', '二、', '四、', '一要', '二是', '三要', '第一', '首先，', '最后，', '取得了新进展新成效。', '在肯定成绩的同时，', '清醒地认识到',
  '下面，我讲四点意见。', '共有三项议程', '**', '*', 'xx', '××', '某某', '【待补】', '{{name}}', '“', '”', '（', '）', '《', '》', '‘', '’',
  ',', '.', '...', '"', "'", '(', ')', ':', '2022年', '二〇二一年', '“十四五”规划开局之年', '建党100周年', '党的二十大召开', '严肃的查处', '三会一课',
  '习总书记', '<!-- jianghua-disable -->', '<!-- jianghua-enable placeholder -->', '<!-- jianghua-disable-next-line', '-->', '\n', '\r\n', '\u00a0', '　',
  '𠀀', '😀', 'a', '9:30', '。', '！', '，', '、',
];

describe('lintText on arbitrary text', () => {
  it('never throws, and every message lies inside the text with known ids and sane positions', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }), fc.boolean(), fc.boolean(), (parts, markdown, fix) => {
        const text = parts.join('');
        const result = lintText(text, { markdown, fix, rules: { length: ['warn', { maxMinutes: 0.01 }] } });
        // after fixing, the messages left are about the fixed text, as in ESLint
        const lines = (result.output ?? text).replace(/\r\n?/g, '\n').split('\n');
        for (const m of result.messages) {
          expect(RULE_IDS).toContain(m.ruleId);
          expect(m.message).not.toMatch(/undefined|\[object/u);
          expect(m.line).toBeGreaterThanOrEqual(1);
          expect(m.line).toBeLessThanOrEqual(lines.length);
          expect(m.column).toBeGreaterThanOrEqual(1);
          expect(m.column).toBeLessThanOrEqual([...(lines[m.line - 1] ?? '')].length + 1);
          expect(m.endLine * 1e6 + m.endColumn).toBeGreaterThanOrEqual(m.line * 1e6 + m.column);
        }
        expect(result.errorCount + result.warningCount).toBe(result.messages.length);
        // fixing is idempotent: the fixed text has nothing left to fix
        if (result.output !== undefined) expect(lintText(result.output, { markdown, fix: true, rules: { length: ['warn', { maxMinutes: 0.01 }] } }).output).toBeUndefined();
      }),
      { numRuns: 400, seed: 5 },
    );
  });
});
