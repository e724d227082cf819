import { describe, expect, it } from 'vitest';
import { Columns, hashUnits, prefixHashes, windowHash } from '../../src/analyze/gram-table.js';
import { contentTerms, documentTerms, loadStopwords, termCounts } from '../../src/analyze/keywords.js';

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
    // a stand-in tagger: words with 治理 are verbs (not content), the rest nouns
    const tags = (words: Iterable<string>) => new Map([...words].map((w) => [w, w.includes('治理') ? 'v' : 'n']));
    const docs = [
      ['我们', '要', '抓好', '基层', '党建', '工作', '，', '基层', '党建', '是', '基础', '。'],
      ['党建', '引领', '基层', '治理', '，', '𠀀𠀁', '工作', '落实', '。'],
      ['基层', '治理', '和', '党建', '引领', '。'],
    ];
    for (const tokens of docs) {
      const expected = contentTerms(termCounts(tokens, stop), tags(Object.keys(termCounts(tokens, stop))));
      const got = documentTerms(tokens, stop, tags);
      expect(Object.entries(got)).toEqual(Object.entries(expected));
    }
  });
});
