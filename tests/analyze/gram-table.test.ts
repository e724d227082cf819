import { describe, expect, it } from 'vitest';
import { Columns, hashUnits, prefixHashes, windowHash } from '../../src/analyze/gram-table.js';
import { contentTerms, documentTerms, loadStopwords, termCounts } from '../../src/analyze/keywords.js';
import { segment, tagWords } from '../../src/analyze/segment.js';

const unitsOf = (s: string) => Uint16Array.from(s, (c) => c.charCodeAt(0));

describe('gram-table hashes', () => {
  it('a window hashed from prefix hashes equals the hash of its units', () => {
    const units = unitsOf('坚持以人民为中心的发展思想推动高质量发展');
    const p = prefixHashes(units, units.length);
    for (let i = 0; i < units.length; i++) for (let n = 1; i + n <= units.length; n++) expect(windowHash(p, i, n)).toBe(hashUnits(units, i, n));
  });
});

describe('Columns', () => {
  it('counts documents once and occurrences each time, from windows and from strings alike', () => {
    const c = new Columns();
    const units = unitsOf('全面从严治党全面从严治党');
    c.bumpAt(units, 0, 6, hashUnits(units, 0, 6), 3);
    c.bumpAt(units, 6, 6, hashUnits(units, 6, 6), 3);
    c.bump('全面从严治党', 1);
    expect(c.size).toBe(1);
    expect(c.get('全面从严治党')).toEqual({ df: 2, occ: 3, first: 1, mask: 0 });
    expect(c.get('从严治党')).toBeUndefined();
  });

  it('dropping rare rows keeps every other key and count, and the table still finds them', () => {
    const c = new Columns();
    const keys = Array.from({ length: 3000 }, (_, k) => `第${k}项工作`);
    keys.forEach((key, k) => {
      for (let d = 0; d <= k % 3; d++) c.bump(key, d);
    });
    c.dropBelow(1);
    expect(c.size).toBe(2000);
    keys.forEach((key, k) => expect(c.get(key)?.df).toBe(k % 3 === 0 ? undefined : (k % 3) + 1));
    expect([...c.entries()].map(([key]) => key)).toEqual(keys.filter((_, k) => k % 3 !== 0));
  });

  it('a packed table merged into another adds up, earliest first document kept', () => {
    const a = new Columns();
    const b = new Columns();
    a.bump('守正创新', 5);
    a.bump('真抓实干', 2);
    b.bump('守正创新', 1);
    b.bump('担当作为', 4);
    b.merge(a.pack());
    expect(Object.fromEntries([...b.entries()].map(([k, e]) => [k, [e.df, e.first]]))).toEqual({ 守正创新: [2, 1], 担当作为: [1, 4], 真抓实干: [1, 2] });
    const recurring = new Columns();
    recurring.merge(b.packFrom(2));
    expect([...recurring.entries()].map(([k]) => k)).toEqual(['守正创新']);
  });
});

describe('documentTerms', () => {
  it('gives what contentTerms(termCounts(…)) gives, in the same order, on every document of a run', () => {
    const stop = loadStopwords();
    // jieba's own tags (the vocabulary is per thread: every caller in it tags with tagWords)
    const texts = [
      '我们要抓好基层党建工作，夯实基层党建基础，推进作风建设常态化。',
      '党建引领基层治理，𠀀𠀁试点稳步推进，群众满意度明显提升。',
      '基层治理和党建引领要同向发力，推进作风建设，提升群众满意度。',
    ];
    let seen = 0;
    for (const text of texts) {
      const tokens = segment(text);
      const all = termCounts(tokens, stop);
      const expected = contentTerms(all, tagWords(Object.keys(all)));
      const got = documentTerms([tokens], stop, (words) => tagWords(words));
      expect(Object.entries(got)).toEqual(Object.entries(expected));
      seen += Object.keys(got).length;
    }
    expect(seen).toBeGreaterThan(5);
  });
});
