import { describe, expect, it } from 'vitest';
import { loadJieba, segment } from '../../src/analyze/segment.js';
import * as hostile from '../robustness/hostile.mjs';

/** A long text is cut in pieces (bounded memory in cppjieba); the words must be those of one cut. */
describe('segment: long texts in pieces', () => {
  const whole = (text: string) => loadJieba().cut(text, false);

  it('one line of ordinary sentences (≈ 235 000 characters) gives the words of one cut', () => {
    const text = hostile.oneLineSpeech(1200);
    expect(text.length).toBeGreaterThan(3 * 65_536);
    expect(segment(text)).toEqual(whole(text));
  });

  it('many short lines and a long run without any separator give the words of one cut', () => {
    const text = `${'一是抓党建，二是促发展。\n'.repeat(12_000)}${hostile.longLine(150_000)}末尾。`;
    expect(segment(text)).toEqual(whole(text));
  });
});
