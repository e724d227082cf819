import { describe, expect, it } from 'vitest';
import { loadJieba, segment, segmentPieces } from '../../src/analyze/segment.js';
import * as hostile from '../robustness/hostile.mjs';

/** A long text is cut in pieces (bounded memory in cppjieba); the words must be those of one cut. */
describe('segment: long texts in pieces', () => {
  const whole = (text: string) => loadJieba().cut(text, false);

  it('one line of ordinary sentences (≈ 235 000 characters) gives the words of one cut', () => {
    const text = hostile.oneLineSpeech(1200);
    expect(text.length).toBeGreaterThan(3 * 65_536);
    expect(segment(text)).toEqual(whole(text));
  });

  it('many short lines give the words of one cut', () => {
    const text = `${'一是抓党建，二是促发展。\n'.repeat(12_000)}末尾。`;
    expect(segment(text)).toEqual(whole(text));
  });

  it('a long run without separators but with other marks (“”（）、：) is cut after one: the words of one cut', () => {
    const text = `${'（党建）“引领”、基层治理：'.repeat(20_000)}末尾`;
    expect(text.length).toBeGreaterThan(4 * 65_536);
    const pieces = [...segmentPieces(text)];
    expect(pieces.length).toBeGreaterThan(4);
    expect(segment(text)).toEqual(whole(text));
  });

  it('no piece cppjieba gets is longer than 65 536 characters, even without any mark (6 MB once took 700 MB)', () => {
    for (const text of [hostile.longLine(300_000), hostile.nestedBrackets(100_000), `𠀀${'𠀀'.repeat(70_000)}`]) {
      const pieces = [...segmentPieces(text)].map((words) => words.join(''));
      expect(pieces.join('')).toBe(text);
      for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(65_537);
      // never between the two halves of a surrogate pair
      for (const piece of pieces) expect(piece).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/u);
    }
  });
});
