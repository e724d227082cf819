import { describe, expect, it } from 'vitest';
import { codePointLength, excerpt, LineIndex } from '../../src/speech/text.js';

/** What a position is, counted the slow way: lines by \n, columns in code points from the line's start. */
function reference(text: string, offset: number) {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: 1 + codePointLength(text, lineStart, offset) };
}

describe('LineIndex.position', () => {
  // Han, a character outside the BMP (two UTF-16 units), Latin, line ends, and a lone surrogate
  const pieces = ['党', '建', '𠮷', '𪚥', 'a', '，', '\n', '\uD800', '\uDC00x'];
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const text = Array.from({ length: 3000 }, () => pieces[random(pieces.length)]).join('');

  it('equals the slow count at every offset, asked in any order (also inside a surrogate pair)', () => {
    const index = new LineIndex(text);
    const offsets = Array.from({ length: 2000 }, () => random(text.length + 1));
    for (const offset of offsets) expect(index.position(offset)).toEqual(reference(text, offset));
  });

  it('counts a pair once on a line that starts inside one', () => {
    const index = new LineIndex('\uDC00𠮷a');
    expect(index.position(4)).toEqual({ line: 1, column: 4 });
  });
});

describe('excerpt: the first code points of a text', () => {
  it('keeps a short text, cuts a long one by code points (never inside a surrogate pair)', () => {
    expect(excerpt('同志们好', 4, '…')).toBe('同志们好');
    expect(excerpt('同志们，大家好', 4, '…')).toBe('同志们，…');
    expect(excerpt('𠀀𠀁𠀂𠀃𠀄', 4, '……')).toBe('𠀀𠀁𠀂𠀃……');
    expect(excerpt('𠀀𠀁𠀂𠀃', 4, '…')).toBe('𠀀𠀁𠀂𠀃');
    expect(excerpt(`a${'𠀀'.repeat(30)}`, 3, '…')).toBe('a𠀀𠀀…');
  });

  it('agrees with spreading the text, on long texts too', () => {
    const long = '党建引领𠀀基层治理，'.repeat(50_000);
    expect(excerpt(long, 20, '……')).toBe(`${[...long].slice(0, 20).join('')}……`);
  });
});
