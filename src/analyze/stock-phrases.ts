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
  edgeChars: string;
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

/** Token boundaries (offsets where a jieba token starts, plus the end) of a text. */
export function tokenCuts(tokens: readonly string[]): Uint32Array {
  // a typed array: it crosses from a worker thread as one copy, not element by element
  const cuts = new Uint32Array(tokens.length + 1);
  let at = 0;
  for (let i = 0; i < tokens.length; i++) cuts[i + 1] = at += (tokens[i] as string).length;
  return cuts;
}

interface Run {
  chars: string;
  /** Offset in the text of each character of the run. */
  at: number[];
}

/** Per UTF-16 unit: 1 = Han, 2 = quote. Built once from the same Unicode property, one regex scan. */
let unitClass: Uint8Array | undefined;
function unitClasses(): Uint8Array {
  if (unitClass) return unitClass;
  const table = new Uint8Array(0x10000);
  let all = '';
  for (let c = 0; c < 0x10000; c += 0x800) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // a lone surrogate is never Han
    all += String.fromCharCode(...Array.from({ length: 0x800 }, (_, k) => c + k));
  }
  for (const m of all.matchAll(/\p{Script=Han}/gu)) table[m[0].charCodeAt(0)] = 1;
  for (const q of QUOTE_CHARS) table[q.charCodeAt(0)] = 2;
  unitClass = table;
  return table;
}

/** Is every unit of a token a BMP Han character? (A surrogate pair needs the regex.) */
export function isHanToken(t: string): boolean {
  const table = unitClasses();
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return /^\p{Script=Han}+$/u.test(t);
    if (table[c] !== 1) return false;
  }
  return t.length > 0;
}

/** Han runs with positions; quotes are skipped without breaking a run (强化“四个意识”). */
function positionedRuns(text: string): Run[] {
  const table = unitClasses();
  const runs: Run[] = [];
  let start = -1; // run being built: from `at`, its characters sliced in one go where no quote interrupts
  let at: number[] = [];
  const flush = () => {
    if (at.length > 0) {
      const last = at[at.length - 1] as number;
      // contiguous run (no quote inside): one slice instead of a concatenation per character
      const chars = last - (at[0] as number) + 1 === at.length ? text.slice(at[0] as number, last + 1) : at.map((i) => text[i]).join('');
      runs.push({ chars, at });
    }
    at = [];
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const k = table[text.charCodeAt(i)];
    if (k === 2) continue;
    if (k === 1) {
      if (start < 0) start = i;
      at.push(i);
    } else if (start >= 0) flush();
  }
  flush();
  return runs;
}

const QUOTE_CHARS = '“”"‘’「」『』《》〈〉';

/** Scratch flags reused across documents: a fresh off-heap array per document piles up until GC. */
let flags = new Uint8Array(1 << 14);

/** Token boundaries as a flag per text offset (valid until the next call). */
function cutFlags(text: string, cuts: ArrayLike<number>): Uint8Array {
  if (flags.length < text.length + 1) flags = new Uint8Array(Math.max(text.length + 1, flags.length * 2));
  const isCut = flags;
  isCut.fill(0, 0, text.length + 1);
  for (let k = 0; k < cuts.length; k++) if ((cuts[k] as number) <= text.length) isCut[cuts[k] as number] = 1;
  return isCut;
}

/**
 * Call `visit(chars, i, n, hash)` for every n-gram `chars[i, i + n)` of a Han run that starts and
 * ends on a jieba token boundary: 推进基层党 (cut inside 党建) is a fragment, 深学细照笃行
 * (深/学/细/照/笃行) is not. The hash grows with the window, so no gram is sliced to be looked up.
 */
function eachGram(text: string, cuts: ArrayLike<number>, s: StockSettings, visit: (chars: string, i: number, n: number, hash: number) => void): void {
  const isCut = cutFlags(text, cuts);
  for (const run of positionedRuns(text)) {
    const chars = run.chars;
    const L = chars.length;
    const at = run.at;
    for (let i = 0; i + s.minLength <= L; i++) {
      if (!isCut[at[i] as number]) continue;
      const top = Math.min(s.maxLength, L - i);
      let h = FNV_SEED;
      for (let n = 1; n <= top; n++) {
        h = fnv(h, chars.charCodeAt(i + n - 1));
        if (n >= s.minLength && isCut[(at[i + n - 1] as number) + 1]) visit(chars, i, n, h);
      }
    }
  }
}

/** Distinct n-grams of one document with their occurrence counts. */
export function documentGrams(text: string, cuts: ArrayLike<number>, s: StockSettings): Map<string, number> {
  const grams = new Map<string, number>();
  eachGram(text, cuts, s, (chars, i, n) => {
    const g = chars.slice(i, i + n);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  });
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

export interface CountTable {
  documents: number;
  grams: { keys: string; df: Uint32Array; occ: Uint32Array; first: Uint32Array };
  parallels: { keys: string; df: Uint32Array; occ: Uint32Array; first: Uint32Array };
}

interface Entry {
  df: number;
  occ: number;
  first: number;
}

/** FNV-1a over UTF-16 units: the hash of a gram, computed as its window grows (no slice needed). */
const FNV_SEED = 0x811c9dc5;
const fnv = (h: number, unit: number): number => Math.imul(h ^ unit, 0x01000193);
function hashOf(key: string): number {
  let h = FNV_SEED;
  for (let k = 0; k < key.length; k++) h = fnv(h, key.charCodeAt(k));
  return h;
}

/**
 * Counts per key in typed-array columns, found through an open-addressing table of 32-bit hashes
 * whose hits are checked against the key's characters: a window of a run is looked up without
 * slicing it into a string (only a new key is sliced), and exactness does not rest on the hash.
 */
class Columns {
  /** Row → key, in insertion order. */
  keys: string[] = [];
  hashes = new Int32Array(1024);
  df = new Uint32Array(1024);
  occ = new Uint32Array(1024);
  first = new Uint32Array(1024);
  /** Last document that bumped the row: a document counts once in df. */
  last = new Int32Array(1024).fill(-1);
  /** Open addressing: 0 = empty, else row + 1. */
  private slots = new Int32Array(2048);

  get size(): number {
    return this.keys.length;
  }

  /** The row of the key `chars[i, i + n)` with hash `h`, or -1. */
  private find(chars: string, i: number, n: number, h: number): number {
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const v = this.slots[slot] as number;
      if (v === 0) return -1;
      const r = v - 1;
      if (this.hashes[r] !== h) continue;
      const key = this.keys[r] as string;
      if (key.length !== n) continue;
      let k = 0;
      while (k < n && key.charCodeAt(k) === chars.charCodeAt(i + k)) k++;
      if (k === n) return r;
    }
  }

  private place(r: number, h: number): void {
    const mask = this.slots.length - 1;
    let slot = h & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = r + 1;
  }

  private create(key: string, h: number, first: number): number {
    const r = this.keys.length;
    if (r === this.df.length) this.grow(r * 2);
    this.keys.push(key);
    this.hashes[r] = h;
    this.df[r] = 0;
    this.occ[r] = 0;
    this.first[r] = first;
    this.last[r] = -1;
    if ((r + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(r, h);
    return r;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let r = 0; r < this.keys.length; r++) this.place(r, this.hashes[r] as number);
  }

  private grow(capacity: number): void {
    const widen = <T extends Uint32Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.hashes = widen(this.hashes, (n) => new Int32Array(n));
    this.df = widen(this.df, (n) => new Uint32Array(n));
    this.occ = widen(this.occ, (n) => new Uint32Array(n));
    this.first = widen(this.first, (n) => new Uint32Array(n));
    this.last = widen(this.last, (n) => new Int32Array(n).fill(-1));
  }

  /**
   * One occurrence of `chars[i, i + n)` (hash `h`) in document `doc`. A worker may finish its
   * documents out of order (reads overlap), so the first document is the smallest seen.
   */
  bumpAt(chars: string, i: number, n: number, h: number, doc: number): void {
    let r = this.find(chars, i, n, h);
    if (r < 0) r = this.create(chars.slice(i, i + n), h, doc);
    if (this.last[r] !== doc) {
      this.last[r] = doc;
      this.df[r] = (this.df[r] as number) + 1;
      if (doc < (this.first[r] as number)) this.first[r] = doc;
    }
    this.occ[r] = (this.occ[r] as number) + 1;
  }

  bump(key: string, doc: number): void {
    this.bumpAt(key, 0, key.length, hashOf(key), doc);
  }

  /** Add counts from elsewhere: sums, earliest document. */
  add(key: string, df: number, occ: number, first: number): void {
    const h = hashOf(key);
    let r = this.find(key, 0, key.length, h);
    if (r < 0) r = this.create(key, h, first);
    else this.first[r] = Math.min(this.first[r] as number, first);
    this.df[r] = (this.df[r] as number) + df;
    this.occ[r] = (this.occ[r] as number) + occ;
  }

  dfAt(chars: string, i: number, n: number, h: number): number {
    const r = this.find(chars, i, n, h);
    return r < 0 ? 0 : (this.df[r] as number);
  }

  *entries(): Generator<[string, Entry]> {
    for (let r = 0; r < this.keys.length; r++) yield [this.keys[r] as string, { df: this.df[r] as number, occ: this.occ[r] as number, first: this.first[r] as number }];
  }

  /** Drop the rows with df ≤ `below`, compacting the columns. */
  dropBelow(below: number): void {
    const keys: string[] = [];
    for (let r = 0; r < this.keys.length; r++) {
      if ((this.df[r] as number) <= below) continue;
      const w = keys.length;
      keys.push(this.keys[r] as string);
      this.hashes[w] = this.hashes[r] as number;
      this.df[w] = this.df[r] as number;
      this.occ[w] = this.occ[r] as number;
      this.first[w] = this.first[r] as number;
      this.last[w] = this.last[r] as number;
    }
    this.keys = keys;
    this.rehash(this.slots.length);
  }

  pack(): CountTable['grams'] {
    const n = this.keys.length;
    return { keys: this.keys.join('\u0001'), df: this.df.slice(0, n), occ: this.occ.slice(0, n), first: this.first.slice(0, n) };
  }
}

/** Document frequency of n-grams and 排比 shapes over a stream of documents. */
export class PhraseCounter {
  private readonly grams = new Columns();
  private readonly parallels = new Columns();
  private pruneBelow = 1;
  private readonly topics: Set<string>;
  documents = 0;
  constructor(readonly settings: StockSettings) {
    this.topics = new Set(settings.topics);
  }

  add(text: string, cuts: ArrayLike<number>, parallels: readonly ParallelRun[], docIndex: number): void {
    this.documents++;
    const grams = this.grams;
    eachGram(text, cuts, this.settings, (chars, i, n, h) => grams.bumpAt(chars, i, n, h, docIndex));
    for (const p of parallels) this.parallels.bump(p.key, docIndex);
    if (this.grams.size > this.settings.maxTracked) this.prune();
  }

  /** The counts as one string and typed arrays: what a worker hands back, cheap to clone. */
  pack(): CountTable {
    return { documents: this.documents, grams: this.grams.pack(), parallels: this.parallels.pack() };
  }

  /** Add another counter's table (a worker's share of the corpus): sums, earliest document. */
  merge(t: CountTable): void {
    this.documents += t.documents;
    for (const [columns, part] of [[this.grams, t.grams], [this.parallels, t.parallels]] as const) {
      if (part.keys === '') continue;
      const keys = part.keys.split('\u0001');
      for (let i = 0; i < keys.length; i++) columns.add(keys[i] as string, part.df[i] ?? 0, part.occ[i] ?? 0, part.first[i] ?? 0);
    }
    if (this.grams.size > this.settings.maxTracked) this.prune();
  }

  /** Lossy counting: forget the rarest grams; a formula that recurs will come back. */
  private prune(): void {
    while (this.grams.size > this.settings.maxTracked * 0.7) {
      this.grams.dropBelow(this.pruneBelow);
      if (this.grams.size > this.settings.maxTracked * 0.7) this.pruneBelow++;
    }
  }

  minDocuments(): number {
    return this.documents <= 1 ? 1 : this.settings.minDocuments;
  }

  /** Is this gram a recurring formula (for density)? */
  recurring(gram: string): boolean {
    return this.recurringAt(gram, 0, gram.length, hashOf(gram));
  }

  /** The same for `chars[i, i + n)` with its hash (no slice unless it is recurring). */
  recurringAt(chars: string, i: number, n: number, h: number): boolean {
    const df = this.grams.dfAt(chars, i, n, h);
    return df >= this.minDocuments() && df >= 2 && !this.topics.has(chars.slice(i, i + n));
  }

  /** Maximal recurring phrases: no longer gram with the same document count contains them. */
  phrases(): StockPhrase[] {
    const s = this.settings;
    const min = this.minDocuments();
    const kept = new Map<string, Entry>();
    for (const [g, e] of this.grams.entries()) if (e.df >= min && e.df >= 2) kept.set(g, e);
    // a gram inside a longer recurring one with the same document count adds nothing: keep the longest
    const shadowed = new Set<string>();
    for (const [g, e] of kept) {
      for (let i = 0; i < g.length; i++) {
        for (let j = i + s.minLength; j <= g.length; j++) {
          if (j - i === g.length) continue;
          const sub = g.slice(i, j);
          if (kept.get(sub)?.df === e.df) shadowed.add(sub);
        }
      }
    }
    const out: StockPhrase[] = [];
    const topics = new Set(s.topics);
    const edge = new Set(s.edgeChars);
    const push = (phrase: string, e: Entry, family?: string) => {
      if (topics.has(phrase)) return;
      if (!family && (edge.has(phrase[0] ?? '') || edge.has(phrase.at(-1) ?? ''))) return;
      out.push({ phrase, family: family ?? this.family(phrase), documents: e.df, occurrences: e.occ, firstDocument: e.first });
    };
    for (const [g, e] of kept) if (!shadowed.has(g)) push(g, e);
    for (const [key, e] of this.parallels.entries()) if (e.df >= min) push(key, e, 'parallel');
    out.sort((a, b) => b.documents - a.documents || b.phrase.length - a.phrase.length || b.occurrences - a.occurrences || (a.phrase < b.phrase ? -1 : 1));
    return out;
  }

  private family(phrase: string): string {
    return this.settings.families.find((f) => f.pattern.test(phrase))?.id ?? 'formula';
  }
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

/**
 * Share of a document's Han characters inside recurring grams. From each token boundary only the
 * longest recurring gram reaching past what is already covered is looked up, longest first.
 */
export function density(text: string, cuts: ArrayLike<number>, counter: PhraseCounter): number {
  const s = counter.settings;
  const isCut = cutFlags(text, cuts);
  const hashes = new Int32Array(s.maxLength + 1); // hash of each window length from one start
  let covered = 0;
  let total = 0;
  for (const run of positionedRuns(text)) {
    const L = run.chars.length;
    total += L;
    let reach = 0; // run positions below reach are covered
    for (let i = 0; i + s.minLength <= L; i++) {
      if (!isCut[run.at[i] as number]) continue;
      const top = Math.min(s.maxLength, L - i);
      let h = FNV_SEED;
      for (let n = 1; n <= top; n++) hashes[n] = h = fnv(h, run.chars.charCodeAt(i + n - 1));
      for (let n = top; n >= s.minLength && i + n > reach; n--) {
        if (isCut[(run.at[i + n - 1] as number) + 1] && counter.recurringAt(run.chars, i, n, hashes[n] as number)) {
          covered += i + n - Math.max(i, reach);
          reach = i + n;
          break;
        }
      }
    }
  }
  return total === 0 ? 0 : covered / total;
}
