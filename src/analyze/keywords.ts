import { loadData, loadWordList } from '../data/index.js';
import { isHanToken, unitClasses } from './han.js';

/** data/stopwords.txt: function words and genre words every speech has. */
export const loadStopwords = (): Set<string> => loadWordList('stopwords.txt');

export interface KeywordSettings {
  /** jieba part-of-speech tags of content words. */
  contentTags: string[];
  minCount: number;
}

/** data/keywords.yaml. */
export const loadKeywordSettings = (): KeywordSettings => loadData('keywords.yaml');

let contentTags: Set<string> | undefined;

/** Is a token counted as a term: two or more Han characters, not a stop word? */
function isTerm(t: string, stop: Set<string>, table: Uint8Array): boolean {
  if (t.length < 2) return false;
  const c = t.charCodeAt(0);
  // the table answers for BMP units; a surrogate (an extension-B character) goes to the regex
  if (table[c] !== 1 && !(c >= 0xd800 && c <= 0xdbff)) return false;
  return isHanToken(t) && !stop.has(t);
}

/** Term frequencies of a document's tokens: two or more Han characters, not stop words. */
export function termCounts(tokens: readonly string[], stop: Set<string>): Record<string, number> {
  // counted straight into a prototype-less record: a Map copied over afterwards cost a third more
  const tf = Object.create(null) as Record<string, number>;
  const table = unitClasses();
  for (const t of tokens) if (isTerm(t, stop, table)) tf[t] = (tf[t] ?? 0) + 1;
  return tf;
}

/** Only the content words (by their jieba tag, see data/keywords.yaml): what keyness compares. */
export function contentTerms(tf: Record<string, number>, tagOf: ReadonlyMap<string, string>): Record<string, number> {
  const content = (contentTags ??= new Set(loadKeywordSettings().contentTags));
  const kept = Object.create(null) as Record<string, number>;
  for (const t in tf) if (content.has(tagOf.get(t) ?? 'x')) kept[t] = tf[t] as number;
  return kept;
}

/**
 * What each token this thread has met is, so that a token is classified (Han? stop word? its
 * jieba tag a content tag?) once, not at every occurrence: a corpus's vocabulary soon stops
 * growing. A word's tag does not depend on the document (each is tagged alone, see tagWords).
 */
const NOT_TERM = 0;
const CONTENT = 1;
const OTHER_TERM = 2;
const PENDING = 3;
const vocabulary = new Map<string, number>();
let vocabularyOf: { stop: Set<string>; dict: string | undefined } | undefined;
const MAX_VOCABULARY = 200_000; // as many as tagWords keeps tags for

/**
 * The content-word frequencies of a document's tokens, in order of first occurrence: what
 * `contentTerms(termCounts(tokens, stop), tag(words))` gives, with one lookup per token.
 * `tag` gives the jieba tags of words never seen before (tagWords). The tokens come in pieces (segmentPieces).
 */
export function documentTerms(pieces: Iterable<readonly string[]>, stop: Set<string>, tag: (words: string[]) => ReadonlyMap<string, string>, dict?: string): Record<string, number> {
  if (vocabularyOf?.stop !== stop || vocabularyOf.dict !== dict || vocabulary.size > MAX_VOCABULARY) {
    vocabulary.clear();
    vocabularyOf = { stop, dict };
  }
  const table = unitClasses();
  const kept = Object.create(null) as Record<string, number>;
  const fresh: string[] = [];
  for (const piece of pieces)
    for (const t of piece) {
      if (t.length < 2) continue; // never a term (half the tokens): no lookup
      let k = vocabulary.get(t);
      if (k === undefined) {
        k = isTerm(t, stop, table) ? PENDING : NOT_TERM;
        vocabulary.set(t, k);
        if (k === PENDING) fresh.push(t);
      }
      // a pending word is counted where it first occurs (so the order is kept) and dropped below if it is no content word
      if (k === CONTENT || k === PENDING) kept[t] = (kept[t] ?? 0) + 1;
    }
  if (fresh.length > 0) {
    const content = (contentTags ??= new Set(loadKeywordSettings().contentTags));
    const tags = tag(fresh);
    for (const t of fresh) {
      const isContent = content.has(tags.get(t) ?? 'x');
      vocabulary.set(t, isContent ? CONTENT : OTHER_TERM);
      if (!isContent) delete kept[t];
    }
  }
  return kept;
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
  /** Log-likelihood (G²) of the term here against the rest of the corpus. */
  score: number;
}

/** a·ln(a/e), 0 when a is 0. */
const part = (a: number, e: number) => (a > 0 ? a * Math.log(a / e) : 0);

/**
 * Dunning's log-likelihood G² of a term seen `a` times in a part of `c` tokens and `b` times
 * in the rest of `d` tokens (Rayson & Garside's two-cell form, as AntConc and WordSmith use).
 */
export function logLikelihood(a: number, b: number, c: number, d: number): number {
  const e1 = (c * (a + b)) / (c + d);
  const e2 = (d * (a + b)) / (c + d);
  return 2 * (part(a, e1) + part(b, e2));
}

export interface PackedKeywordTotals {
  documents: number;
  tokens: number;
  totals: PackedTerms;
}

/** Corpus counts of content words; keyness of a document (or a group of them) against the rest. */
export class KeywordCounter {
  private readonly totals = new Map<string, number>();
  private tokens = 0;
  documents = 0;

  add(tf: Terms): void {
    this.documents++;
    const { terms, counts } = termList(tf);
    for (let i = 0; i < terms.length; i++) {
      const n = counts[i] as number;
      this.totals.set(terms[i] as string, (this.totals.get(terms[i] as string) ?? 0) + n);
      this.tokens += n;
    }
  }

  /** The totals as one string and a typed array: a worker's share, or what a worker needs to score. */
  pack(): PackedKeywordTotals {
    return { documents: this.documents, tokens: this.tokens, totals: { keys: [...this.totals.keys()].join(SEP), counts: Uint32Array.from(this.totals.values()) } };
  }

  /** Add another counter's totals (sums; the order of the terms does not matter to `top`). */
  merge(t: PackedKeywordTotals): void {
    this.documents += t.documents;
    this.tokens += t.tokens;
    const { terms, counts } = termList(t.totals);
    for (let i = 0; i < terms.length; i++) this.totals.set(terms[i] as string, (this.totals.get(terms[i] as string) ?? 0) + (counts[i] as number));
  }

  /** Has this content word been seen (so it is a noun or verbal noun, not a stop word)? */
  has(term: string): boolean {
    return this.totals.has(term);
  }

  /**
   * The `n` terms that set this part apart: more frequent here than in the rest, at least
   * `minCount` times, by G² (ties: count, then term). With nothing to compare against (a corpus
   * of one document), the score is the count.
   */
  top(tf: Terms, n: number, minCount = loadKeywordSettings().minCount): Keyword[] {
    const { terms, counts } = termList(tf);
    let c = 0;
    for (let i = 0; i < counts.length; i++) c += counts[i] as number;
    const d = this.tokens - c;
    const scored: Keyword[] = [];
    for (let i = 0; i < terms.length; i++) {
      const a = counts[i] as number;
      if (a < minCount) continue;
      const term = terms[i] as string;
      const b = (this.totals.get(term) ?? a) - a;
      if (d <= 0) {
        scored.push({ term, count: a, score: a });
        continue;
      }
      if (a / c <= b / d) continue; // rarer here than elsewhere: not a keyword of this part
      scored.push({ term, count: a, score: Number(logLikelihood(a, b, c, d).toFixed(3)) });
    }
    scored.sort((x, y) => y.score - x.score || y.count - x.count || (x.term < y.term ? -1 : 1));
    return scored.slice(0, n);
  }
}
