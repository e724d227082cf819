import { describe, expect, it } from 'vitest';
import { firstIndex } from '../src/sorted.js';

describe('firstIndex: binary search over a list in order', () => {
  it('agrees with findIndex (or the length) for every threshold, duplicates and empty lists included', () => {
    const lists = [[], [5], [1, 2, 2, 2, 3, 7, 7, 9], Array.from({ length: 1000 }, (_, i) => Math.floor(i / 3))];
    for (const list of lists) {
      for (let v = -1; v <= 400; v++) {
        const linear = list.findIndex((x) => x >= v);
        expect(firstIndex(list, (x) => x >= v)).toBe(linear === -1 ? list.length : linear);
      }
    }
  });

  it('works on typed arrays and objects', () => {
    expect(firstIndex(new Uint32Array([0, 4, 9, 12]), (x) => x > 4)).toBe(2);
    expect(firstIndex([{ start: 0 }, { start: 10 }, { start: 20 }], (s) => s.start >= 15)).toBe(2);
  });
});
