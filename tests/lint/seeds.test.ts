import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/linter.js';
import { RULE_IDS } from '../../src/lint/rules/index.js';
import { CORPUS, SEEDS } from '../helpers/cli.js';

/** What each rule must find in the five real speeches (domain.md §10), as line:column, and nothing else. */
const EXPECTED: Record<string, Record<string, string[]>> = {
  '000': { placeholder: ['2:139', '2:141'], 'heading-sequence': ['7:551'] },
  '001': {
    placeholder: [
      '2:6', '2:12', '2:37', '2:148', '3:37', '4:66', '5:13', '5:20', '6:5', '6:13', '8:1', '8:93', '10:3', '11:5', '11:11', '13:1', '13:40', '13:75', '13:86',
      '15:3', '16:10', '18:1', '19:175', '20:3', '21:12', '23:1', '25:3', '26:14', '28:1', '30:3', '33:35', '37:7', '37:195', '40:333', '40:337', '40:349',
      '44:53', '44:119', '45:20', '46:1', '46:262', '46:291', '47:18', '47:45', '47:93',
    ],
    'heading-sequence': ['44:285'],
  },
  '002': {
    placeholder: ['3:14', '6:52', '6:84', '6:99', '8:22', '8:38', '8:55', '13:85'],
    'date-fact': ['10:15'],
    'adverbial-de': ['14:351', '14:404', '14:419', '14:434'],
  },
  '003': { placeholder: ['22:194', '22:238', '22:276', '22:298'] },
  '004': { placeholder: ['4:496', '4:581', '4:782', '4:996', '7:119'], 'punctuation-width': ['4:876', '6:464'] },
};

describe('the five seed speeches', () => {
  for (const seed of SEEDS) {
    const id = seed.slice(0, 3);
    const result = lintText(readFileSync(`${CORPUS}${seed}`, 'utf8'));
    for (const rule of RULE_IDS) {
      const expected = EXPECTED[id]?.[rule] ?? [];
      it(`${id} ${rule}: ${expected.length ? expected.length + ' finding(s)' : 'nothing'}`, () => {
        expect(result.messages.filter((m) => m.ruleId === rule).map((m) => `${m.line}:${m.column}`)).toEqual(expected);
      });
    }
  }

  it('001 has 45 placeholder runs on 27 lines', () => {
    const messages = lintText(readFileSync(`${CORPUS}${SEEDS[1]}`, 'utf8')).messages.filter((m) => m.ruleId === 'placeholder');
    expect(messages).toHaveLength(45);
    expect(new Set(messages.map((m) => m.line)).size).toBe(27);
  });

  it('names the real slips precisely', () => {
    const text = (i: number) => readFileSync(`${CORPUS}${SEEDS[i]}`, 'utf8');
    const find = (i: number, rule: string) => lintText(text(i)).messages.filter((m) => m.ruleId === rule).map((m) => `${m.severity} ${m.message}`);
    expect(find(0, 'heading-sequence')).toEqual(['1 同一层级编号体例不一：“一要”与“二是”混用，应统一为“二要”']);
    expect(find(1, 'heading-sequence')).toEqual(['1 同一层级编号体例不一：“一要”与“三是”混用，应统一为“三要”']);
    expect(find(2, 'date-fact')).toEqual(['2 2022年不是“十四五”规划开局之年：“十四五”规划开局之年是2021年']);
    expect(find(2, 'adverbial-de').map((m) => m.slice(3, 9))).toEqual(['重点的查处”', '一体的推进”', '常态化的开展', '严肃的查处”']);
    expect(find(4, 'punctuation-width')).toEqual(['1 汉字旁边用了半角标点“,”，应为全角“，”', '1 汉字旁边用了半角标点“,”，应为全角“，”']);
  });

  it('quote consistency, when asked for, finds the bare 两新工委 next to “两新”工委 in 000:7', () => {
    const result = lintText(readFileSync(`${CORPUS}${SEEDS[0]}`, 'utf8'), { rules: { 'canonical-term': ['warn', { consistency: true }] } });
    expect(result.messages.filter((m) => m.ruleId === 'canonical-term').map((m) => `${m.line}:${m.column}`)).toEqual(['7:958']);
  });

  it('every seed also passes required-sections checked as a 总结讲话 (001 via its reviews, 004 via opinion 一)', () => {
    for (const seed of SEEDS) {
      expect(lintText(readFileSync(`${CORPUS}${seed}`, 'utf8'), { kind: 'summary-speech' }).messages.filter((m) => m.ruleId === 'required-sections')).toEqual([]);
    }
  });
});
