import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outline, parseSpeech, speechStats, formatOutline, type OutlineNode } from '../../src/speech/index.js';
import { fuzzParams, hostileText } from './arbitraries.js';
import { checkSpeech, expectPositionInside, plain } from './invariants.js';

describe('fuzz: speech model', () => {
  it('parseSpeech never throws, keeps every span inside the text and is deterministic', () => {
    fc.assert(
      fc.property(hostileText, (raw) => {
        const speech = parseSpeech(raw);
        checkSpeech(speech);
        expect(plain(parseSpeech(raw))).toEqual(plain(speech));
      }),
      fuzzParams(),
    );
  });

  it('outline and speechStats never throw, report real lines and finite figures, and are deterministic', () => {
    fc.assert(
      fc.property(hostileText, (raw) => {
        const speech = parseSpeech(raw);
        const o = outline(speech);
        const lines = speech.text.split('\n');
        const walk = (nodes: OutlineNode[]) => {
          for (const n of nodes) {
            expectPositionInside({ line: n.line, column: 1 }, lines, `outline ${n.kind}`);
            expect(n.endLine).toBeGreaterThanOrEqual(n.line);
            expectPositionInside({ line: n.endLine, column: 1 }, lines, `outline ${n.kind} end`);
            walk(n.children);
          }
        };
        walk(o.sections);
        expect(typeof formatOutline(o)).toBe('string');
        const stats = speechStats(speech);
        for (const x of [stats.chars, stats.sentences, stats.paragraphs, stats.spokenChars, stats.minutes, ...Object.values(stats.shares)]) {
          expect(Number.isFinite(x) && x >= 0).toBe(true);
        }
        for (const share of Object.values(stats.shares)) expect(share).toBeLessThanOrEqual(1);
        expect(outline(parseSpeech(raw))).toEqual(o);
        expect(speechStats(parseSpeech(raw))).toEqual(stats);
      }),
      fuzzParams(),
    );
  });
});
