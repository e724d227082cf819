import { readFileSync } from 'node:fs';
import { DATA_DIR } from '../speech/lexicon.js';
import { isHanToken } from './stock-phrases.js';

let stopwords: Set<string> | undefined;

/** data/stopwords.txt: function words and genre words every speech has. */
export function loadStopwords(): Set<string> {
  if (!stopwords) {
    stopwords = new Set(
      readFileSync(`${DATA_DIR}stopwords.txt`, 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#')),
    );
  }
  return stopwords;
}

/** Term frequencies of a document's tokens: two or more Han characters, not stop words. */
export function termCounts(tokens: readonly string[], stop: Set<string>): Record<string, number> {
  // counted in a Map, then copied to a prototype-less record (Object.fromEntries is 4× slower here)
  const counts = new Map<string, number>();
  for (const t of tokens) {
    if (t.length < 2 || !isHanToken(t) || stop.has(t)) continue;
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const tf = Object.create(null) as Record<string, number>;
  for (const [t, n] of counts) tf[t] = n;
  return tf;
}

/**
 * Term counts as one string of keys and a typed array: how they cross between threads and sit in
 * the second-pass spool (a record with hundreds of keys is slow to clone and to deserialise).
 */
export interface PackedTerms {
  keys: string;
  counts: Uint32Array;
}
export type Terms = Record<string, number> | PackedTerms;

const SEP = '\u0001';
const isPacked = (t: Terms): t is PackedTerms => t.counts instanceof Uint32Array && typeof t.keys === 'string';

export function packTerms(t: Terms): PackedTerms {
  if (isPacked(t)) return t;
  const keys = Object.keys(t);
  return { keys: keys.join(SEP), counts: Uint32Array.from(keys, (k) => t[k] as number) };
}

/** Terms and their counts, in the record's order. */
function termList(t: Terms): { terms: string[]; counts: ArrayLike<number> } {
  if (isPacked(t)) return { terms: t.keys === '' ? [] : t.keys.split(SEP), counts: t.counts };
  const terms = Object.keys(t);
  return { terms, counts: terms.map((k) => t[k] as number) };
}

export function unpackTerms(t: Terms): Record<string, number> {
  if (!isPacked(t)) return t;
  const { terms, counts } = termList(t);
  const tf = Object.create(null) as Record<string, number>;
  terms.forEach((k, i) => (tf[k] = counts[i] as number));
  return tf;
}

export interface Keyword {
  term: string;
  count: number;
  score: number;
}

/** Document frequency of terms over the corpus, then TF-IDF per document. */
export class KeywordCounter {
  private readonly df = new Map<string, number>();
  documents = 0;

  add(tf: Terms): void {
    this.documents++;
    for (const t of termList(tf).terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  /**
   * The terms that set a document apart: tf · log(N / df), smoothed so that a one-document corpus
   * still ranks by frequency. Terms found in every document score 0 and are left out.
   */
  top(tf: Terms, n: number): Keyword[] {
    const N = this.documents;
    const { terms, counts } = termList(tf);
    let total = 0;
    for (let i = 0; i < counts.length; i++) total += counts[i] as number;
    total ||= 1;
    // unrounded scores first; only terms that can round into the top n are rounded and sorted
    const raw = new Float64Array(terms.length);
    let m = 0;
    for (let i = 0; i < terms.length; i++) {
      const df = this.df.get(terms[i] as string) ?? 1;
      const idf = N <= 1 ? 1 : Math.log(N / df);
      raw[i] = idf <= 0 ? -1 : ((counts[i] as number) / total) * idf * 1000;
      if (idf > 0) m++;
    }
    let floor = -Infinity;
    if (m > n && n > 0) {
      const sorted = raw.slice().sort();
      // the n-th best unrounded score; anything 0.001 below it rounds strictly below it
      floor = (sorted[sorted.length - n] as number) - 0.001;
    }
    const scored: Keyword[] = [];
    for (let i = 0; i < terms.length; i++) {
      const v = raw[i] as number;
      if (v < 0 || v < floor) continue;
      scored.push({ term: terms[i] as string, count: counts[i] as number, score: Number(v.toFixed(3)) });
    }
    scored.sort((a, b) => b.score - a.score || b.count - a.count || (a.term < b.term ? -1 : 1));
    return scored.slice(0, n);
  }
}
