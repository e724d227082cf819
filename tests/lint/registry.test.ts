import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, RULE_IDS } from '../../src/lint/rules/index.js';
import { ROOT } from '../helpers/cli.js';

const CONTRACT = ['required-sections', 'heading-sequence', 'placeholder', 'punctuation-width', 'paired-punctuation', 'canonical-term', 'date-fact', 'adverbial-de', 'duplicate-sentence', 'length'];
/** Added after the contract's ten (the contract is extended, never narrowed). */
const ADDED = ['alphanumeric-width', 'quote-marks', 'numeral-zero'];

describe('rule registry', () => {
  it('holds exactly the ten contract ids and the added ones, in report order', () => {
    expect([...RULE_IDS]).toEqual([...CONTRACT, ...ADDED]);
  });

  for (const id of [...CONTRACT, ...ADDED]) {
    it(`${id}: a module named after its id, Chinese meta, a docs page`, () => {
      const rule = RULES.get(id);
      expect(rule?.id).toBe(id);
      expect(rule?.meta.description).toMatch(/\p{Script=Han}/u);
      for (const template of Object.values(rule?.meta.messages ?? {})) expect(template).toMatch(/\p{Script=Han}/u);
      expect(existsSync(`${ROOT}src/lint/rules/${id}.ts`)).toBe(true);
      const doc = `${ROOT}docs/rules/${id}.md`;
      expect(existsSync(doc)).toBe(true);
      expect(readFileSync(doc, 'utf8')).toContain(`# ${id}`);
    });
  }

  it('defaults: length is off, the rest on with the contract severities', () => {
    const severity = Object.fromEntries([...RULES].map(([id, r]) => [id, r.meta.defaultSeverity]));
    expect(severity).toEqual({
      'required-sections': 'error',
      'heading-sequence': 'error',
      placeholder: 'error',
      'punctuation-width': 'warn',
      'paired-punctuation': 'error',
      'canonical-term': 'warn',
      'date-fact': 'error',
      'adverbial-de': 'warn',
      'duplicate-sentence': 'warn',
      length: 'off',
      'alphanumeric-width': 'warn',
      'quote-marks': 'warn',
      'numeral-zero': 'warn',
    });
  });
});
