import { readFileSync } from 'node:fs';
import { DATA_DIR } from '../speech/lexicon.js';

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
  const tf: Record<string, number> = {};
  for (const t of tokens) {
    if (t.length < 2 || stop.has(t) || !/^\p{Script=Han}+$/u.test(t)) continue;
    tf[t] = (tf[t] ?? 0) + 1;
  }
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
    const total = Object.values(tf).reduce((a, b) => a + b, 0) || 1;
    const scored: Keyword[] = [];
    for (const [term, count] of Object.entries(tf)) {
      const df = this.df.get(term) ?? 1;
      const idf = N <= 1 ? 1 : Math.log(N / df);
      if (idf <= 0) continue;
      scored.push({ term, count, score: Number(((count / total) * idf * 1000).toFixed(3)) });
    }
    scored.sort((a, b) => b.score - a.score || b.count - a.count || (a.term < b.term ? -1 : 1));
    return scored.slice(0, n);
  }
}
