import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze/document.js';
import { lintText, RULE_IDS } from '../../src/lint/index.js';
import { normalizeText } from '../../src/speech/index.js';
import { FUZZ_RUNS, fuzzParams, hostileText } from './arbitraries.js';
import { expectPositionInside, expectSpanInside } from './invariants.js';

const KINDS = ['summary-speech', 'host-script', 'progress-meeting'] as const;

describe('fuzz: lint and analyze', () => {
  it('lintText with every rule on never throws, reports places inside the text, and is deterministic', () => {
    // length cannot run without its limit
    const rules = { ...Object.fromEntries(RULE_IDS.map((id) => [id, 'error' as const])), length: ['error', { maxMinutes: 1 }] as ['error', { maxMinutes: number }] };
    fc.assert(
      fc.property(hostileText, fc.constantFrom(...KINDS), fc.boolean(), (raw, kind, markdown) => {
        const options = { kind, rules, markdown };
        const result = lintText(raw, options);
        const text = normalizeText(raw);
        const lines = text.split('\n');
        for (const m of result.messages) {
          expect(RULE_IDS).toContain(m.ruleId);
          expect(m.message).toMatch(/\p{Script=Han}/u);
          expectSpanInside(m, text, `${m.ruleId} offsets`);
          expectPositionInside(m, lines, `${m.ruleId} start`);
          expectPositionInside({ line: m.endLine, column: m.endColumn }, lines, `${m.ruleId} end`);
          // fix ranges are offsets into the caller's text, as ESLint's are
          if (m.fix) expectSpanInside({ start: m.fix.range[0], end: m.fix.range[1] }, raw, `${m.ruleId} fix`);
        }
        expect(lintText(raw, options)).toEqual(result);
        const fixed = lintText(raw, { ...options, fix: true });
        // output is set only when some fix applied; the fixed text must lint without throwing too
        if (fixed.output !== undefined) lintText(fixed.output, options);
      }),
      fuzzParams(),
    );
  });

  it('analyzeText (parse, problem findings, jieba, stock phrases) never throws, places findings in the text, is deterministic', () => {
    fc.assert(
      fc.property(hostileText, (raw) => {
        const record = analyzeText('fuzz.txt', raw);
        const lines = record.text.split('\n');
        for (const f of record.findings) {
          expectPositionInside(f, lines, `finding ${f.cue}`);
          expect(f.categories.length).toBeGreaterThan(0);
        }
        for (const cut of record.cuts) expect(cut >= 0 && cut <= record.text.length).toBe(true);
        expect(analyzeText('fuzz.txt', raw)).toEqual(record);
      }),
      fuzzParams(Math.max(10, Math.round(FUZZ_RUNS / 2))),
    );
  });
});
