import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze/document.js';
import { formatStylish } from '../../src/lint/formatters/stylish.js';
import { lintSource } from '../../src/lint/files.js';
import { lintText } from '../../src/lint/linter.js';
import { formatOutline, outline } from '../../src/speech/outline.js';
import { parseSpeech } from '../../src/speech/parse.js';
import { speechStats } from '../../src/speech/stats.js';
import { countOps } from '../helpers/ops.js';
import * as hostile from './hostile.mjs';

/**
 * Bounded work on any input: doubling a hostile input at most doubles the operation count
 * (tests/helpers/ops.ts counts what built-in array and string methods do; no clocks). Quadratic
 * code — a candidate scanning every other candidate, a closer scanning the stack — gives 4.
 */
const FAMILIES = {
  'n lines of 一是党建。': hostile.numberedLines,
  'one line of n 一是…，二是… clauses': hostile.numberedClauses,
  'n open quotes, n unmatched closers': hostile.nestedBrackets,
  'n paragraphs with an unclosed quote': hostile.unclosedQuotes,
  'one line of n characters': hostile.longLine,
  'one line of n blocks of ordinary sentences (items, announcements, problems)': hostile.oneLineSpeech,
  'n blocks of three heading levels (一、 （一） 1.)': hostile.headingTree,
  'n lines of four placeholders': hostile.placeholderLines,
  'n lines silenced by jianghua-disable-next-line': hostile.silencedLines,
  'one sentence of n year-bound phrases (date-fact)': hostile.yearPhrases,
  'one sentence of n problem clauses': hostile.problemSentence,
} as const;

const OPERATIONS = {
  parse: (text: string) => parseSpeech(text),
  outline: (text: string) => formatOutline(outline(parseSpeech(text))),
  stats: (text: string) => speechStats(parseSpeech(text)),
  lint: (text: string) => lintText(text, {}),
  analyze: (text: string) => analyzeText('hostile.txt', text),
} as const;

/** Linear work doubles; allow for constant set-up and rounding, far below quadratic's 4. */
const MAX_GROWTH = 2.5;

function growth(make: (n: number) => string, operation: (text: string) => unknown, n: number): number {
  const small = make(n);
  const large = make(2 * n);
  operation(small); // warm caches (lexicons, jieba) so they count in neither run
  return countOps(() => operation(large)).ops / countOps(() => operation(small)).ops;
}

describe('work grows linearly with the input (operation counts, not time)', () => {
  for (const [family, make] of Object.entries(FAMILIES)) {
    for (const [name, operation] of Object.entries(OPERATIONS)) {
      it(`${name}: ${family}`, () => {
        fc.assert(
          fc.property(fc.integer({ min: 400, max: 1500 }), (n) => {
            expect(growth(make, operation, n)).toBeLessThan(MAX_GROWTH);
          }),
          { numRuns: 2, seed: 17 },
        );
      });
    }
  }

  it('stylish: n messages', () => {
    const chalk = new Chalk({ level: 0 });
    const format = (text: string) => {
      const result = lintSource(text, 'a.txt');
      return () => formatStylish([result], chalk);
    };
    const small = format(hostile.unclosedQuotes(2000));
    const large = format(hostile.unclosedQuotes(4000));
    expect(countOps(large).ops / countOps(small).ops).toBeLessThan(MAX_GROWTH);
  });

  it('the counter sees quadratic work (so the bound above can fail)', () => {
    const quadratic = (n: number) => () => {
      const list = Array.from({ length: n }, (_, i) => i);
      return list.filter((x) => list.some((y) => y > x));
    };
    expect(countOps(quadratic(400)).ops / countOps(quadratic(200)).ops).toBeGreaterThan(3.5);
  });
});
