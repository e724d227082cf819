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

export interface Keyword {
  term: string;
  count: number;
  score: number;
}

/** Document frequency of terms over the corpus, then TF-IDF per document. */
export class KeywordCounter {
  private readonly df = new Map<string, number>();
  documents = 0;

  add(tf: Record<string, number>): void {
    this.documents++;
    for (const t of Object.keys(tf)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  /**
   * The terms that set a document apart: tf · log(N / df), smoothed so that a one-document corpus
   * still ranks by frequency. Terms found in every document score 0 and are left out.
   */
  top(tf: Record<string, number>, n: number): Keyword[] {
    const N = this.documents;
    const terms = Object.keys(tf);
    const counts = terms.map((t) => tf[t] as number);
    const total = counts.reduce((a, b) => a + b, 0) || 1;
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
