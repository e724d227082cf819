import { DATA_DIR, loadDataFile } from '../speech/lexicon.js';

/**
 * Stock phrasing (套话) by characters, not jieba tokens: jieba cuts 深学/细照/笃行 and 两个/确立.
 * Pass 1 counts, for every Han n-gram (n = minLength…maxLength), the documents it occurs in;
 * pass 2 measures each document's density against the recurring grams. Counting is per document
 * and the table is pruned when it grows past `maxTracked`, so memory stays bounded.
 */

export interface StockSettings {
  minLength: number;
  maxLength: number;
  minDocuments: number;
  maxTracked: number;
  topics: string[];
  families: Array<{ id: string; label: string; pattern: RegExp }>;
  parallel: { minRun: number; affixLength: number; ignore: string[] };
}

interface RawSettings extends Omit<StockSettings, 'families'> {
  families: Array<{ id: string; label: string; pattern: string }>;
}

let cached: StockSettings | undefined;
export function loadStockSettings(): StockSettings {
  if (cached) return cached;
  const raw = loadDataFile<RawSettings>('stock-phrases.yaml', DATA_DIR);
  cached = { ...raw, families: raw.families.map((f) => ({ ...f, pattern: new RegExp(f.pattern, 'u') })) };
  return cached;
}

const QUOTES = /[“”"‘’「」『』《》〈〉]/gu;
const NOT_HAN = /[^\p{Script=Han}]+/u;

/** Han runs of a text: quotes dropped (formulas span them), everything else (、 too) a boundary. */
export function hanRuns(text: string): string[] {
  return text.replace(QUOTES, '').split(NOT_HAN).filter((r) => r.length > 0);
}

export function hanCount(text: string): number {
  return hanRuns(text).reduce((n, r) => n + r.length, 0);
}

/** Distinct n-grams of one document with their occurrence counts. */
export function documentGrams(text: string, s: StockSettings): Map<string, number> {
  const grams = new Map<string, number>();
  for (const run of hanRuns(text)) {
    for (let i = 0; i + s.minLength <= run.length; i++) {
      const top = Math.min(s.maxLength, run.length - i);
      for (let n = s.minLength; n <= top; n++) {
        const g = run.slice(i, i + n);
        grams.set(g, (grams.get(g) ?? 0) + 1);
      }
    }
  }
  return grams;
}

export interface ParallelRun {
  /** 更加…、更加…、更加… */
  key: string;
  text: string;
  /** Offset of the run in the document text. */
  offset: number;
}

/** 排比: three or more consecutive clauses of one sentence sharing their first (or last) two characters. */
export function parallelRuns(text: string, s: StockSettings): ParallelRun[] {
  const runs: ParallelRun[] = [];
  const k = s.parallel.affixLength;
  const sentenceRe = /[^。！？；\n]+/gu;
  for (const m of text.matchAll(sentenceRe)) {
    const clauses: Array<{ text: string; offset: number }> = [];
    const clauseRe = /[^，、：,]+/gu;
    for (const c of m[0].matchAll(clauseRe)) {
      const t = c[0].replace(QUOTES, '').trim();
      if (t.length >= k + 1) clauses.push({ text: t, offset: m.index + c.index });
    }
    for (const side of ['head', 'tail'] as const) {
      const affix = (t: string) => (side === 'head' ? t.slice(0, k) : t.slice(-k));
      for (let i = 0; i < clauses.length; ) {
        const a = affix((clauses[i] as { text: string }).text);
        let j = i + 1;
        while (j < clauses.length && affix((clauses[j] as { text: string }).text) === a) j++;
        if (j - i >= s.parallel.minRun && /^\p{Script=Han}+$/u.test(a) && !s.parallel.ignore.includes(a)) {
          const first = clauses[i] as { offset: number };
          const last = clauses[j - 1] as { text: string; offset: number };
          const key = Array.from({ length: j - i }, () => (side === 'head' ? `${a}…` : `…${a}`)).join('、');
          runs.push({ key, text: text.slice(first.offset, last.offset + last.text.length), offset: first.offset });
        }
        i = j;
      }
    }
  }
  return runs;
}

export interface StockPhrase {
  phrase: string;
  family: string;
  documents: number;
  occurrences: number;
  /** First document holding it (an index into the corpus order). */
  firstDocument: number;
}

interface Entry {
  df: number;
  occ: number;
  first: number;
}

/** Document frequency of n-grams and 排比 shapes over a stream of documents. */
export class PhraseCounter {
  private readonly grams = new Map<string, Entry>();
  private readonly parallels = new Map<string, Entry>();
  private pruneBelow = 1;
  documents = 0;
  constructor(readonly settings: StockSettings) {}

  add(text: string, parallels: readonly ParallelRun[], docIndex: number): void {
    this.documents++;
    for (const [g, n] of documentGrams(text, this.settings)) bump(this.grams, g, n, docIndex);
    const counts = new Map<string, number>();
    for (const p of parallels) counts.set(p.key, (counts.get(p.key) ?? 0) + 1);
    for (const [key, n] of counts) bump(this.parallels, key, n, docIndex);
    if (this.grams.size > this.settings.maxTracked) this.prune();
  }

  /** Lossy counting: forget the rarest grams; a formula that recurs will come back. */
  private prune(): void {
    while (this.grams.size > this.settings.maxTracked * 0.7) {
      for (const [g, e] of this.grams) if (e.df <= this.pruneBelow) this.grams.delete(g);
      if (this.grams.size > this.settings.maxTracked * 0.7) this.pruneBelow++;
    }
  }

  minDocuments(): number {
    return this.documents <= 1 ? 1 : this.settings.minDocuments;
  }

  /** Is this gram a recurring formula (for density)? */
  recurring(gram: string): boolean {
    const e = this.grams.get(gram);
    return e !== undefined && e.df >= this.minDocuments() && e.df >= 2 && !this.settings.topics.includes(gram);
  }

  /** Maximal recurring phrases: no longer gram with the same document count contains them. */
  phrases(): StockPhrase[] {
    const s = this.settings;
    const min = this.minDocuments();
    const kept = new Map<string, Entry>();
    for (const [g, e] of this.grams) if (e.df >= min && e.df >= 2) kept.set(g, e);
    const shadowed = new Set<string>();
    for (const [g, e] of kept) {
      if (g.length <= s.minLength) continue;
      for (const sub of [g.slice(1), g.slice(0, -1)]) if (kept.get(sub)?.df === e.df) shadowed.add(sub);
    }
    // grams at the length cap that overlap by all but one character chain into longer formulas
    const atCap = [...kept].filter(([g]) => g.length === s.maxLength && !shadowed.has(g));
    const byPrefix = new Map<string, string>();
    for (const [g] of atCap) byPrefix.set(`${g.slice(0, -1)}|${kept.get(g)?.df}`, g);
    const joined: Array<[string, Entry]> = [];
    const used = new Set<string>();
    for (const [g, e] of atCap) {
      if (used.has(g)) continue;
      let phrase = g;
      let cur = g;
      let occ = e.occ;
      const chain = [g];
      for (;;) {
        const next = byPrefix.get(`${cur.slice(1)}|${e.df}`);
        if (!next || used.has(next) || chain.includes(next)) break;
        chain.push(next);
        phrase += next.slice(-1);
        occ = Math.min(occ, kept.get(next)?.occ ?? occ);
        cur = next;
      }
      if (chain.length > 1) {
        for (const c of chain) used.add(c);
        joined.push([phrase, { df: e.df, occ, first: e.first }]);
      }
    }
    const out: StockPhrase[] = [];
    const topics = new Set(s.topics);
    const push = (phrase: string, e: Entry, family?: string) => {
      if (topics.has(phrase)) return;
      out.push({ phrase, family: family ?? this.family(phrase), documents: e.df, occurrences: e.occ, firstDocument: e.first });
    };
    for (const [g, e] of kept) if (!shadowed.has(g) && !used.has(g)) push(g, e);
    for (const [g, e] of joined) push(g, e);
    for (const [key, e] of this.parallels) if (e.df >= min) push(key, e, 'parallel');
    out.sort((a, b) => b.documents - a.documents || b.phrase.length - a.phrase.length || b.occurrences - a.occurrences || (a.phrase < b.phrase ? -1 : 1));
    return out;
  }

  private family(phrase: string): string {
    return this.settings.families.find((f) => f.pattern.test(phrase))?.id ?? 'formula';
  }
}

function bump(map: Map<string, Entry>, key: string, n: number, doc: number): void {
  const e = map.get(key);
  if (e) {
    e.df++;
    e.occ += n;
  } else map.set(key, { df: 1, occ: n, first: doc });
}

/** Top phrases, dropping any that lies inside a longer one already chosen. */
export function topPhrases(all: readonly StockPhrase[], top: number): StockPhrase[] {
  const chosen: StockPhrase[] = [];
  for (const p of all) {
    if (chosen.length >= top) break;
    if (chosen.some((c) => c.phrase.includes(p.phrase))) continue;
    // a longer phrase arriving later swallows shorter ones chosen before it
    for (let i = chosen.length - 1; i >= 0; i--) if (p.phrase.includes((chosen[i] as StockPhrase).phrase)) chosen.splice(i, 1);
    chosen.push(p);
  }
  return chosen;
}

/** Share of a document's Han characters inside recurring grams. */
export function density(text: string, counter: PhraseCounter): number {
  const s = counter.settings;
  let covered = 0;
  let total = 0;
  for (const run of hanRuns(text)) {
    total += run.length;
    let reach = 0; // first position not yet covered
    for (let i = 0; i + s.minLength <= run.length; i++) {
      for (let n = Math.min(s.maxLength, run.length - i); n >= s.minLength; n--) {
        if (i + n <= reach) break;
        if (counter.recurring(run.slice(i, i + n))) {
          covered += i + n - Math.max(i, reach);
          reach = i + n;
          break;
        }
      }
    }
  }
  return total === 0 ? 0 : covered / total;
}
