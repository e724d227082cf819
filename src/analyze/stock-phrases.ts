import { compilePattern, loadData, once } from '../data/index.js';
import { Columns, hashUnits, prefixHashes, windowHash, type Entry, type PackedColumns } from './gram-table.js';
import { hanUnits, unitClasses, type HanUnits } from './han.js';
import type { ParallelRun } from './parallel.js';

/**
 * Stock phrasing (套话) by characters, not jieba tokens: jieba cuts 深学/细照/笃行 and 两个/确立.
 * Pass 1 counts, for every Han n-gram (n = minLength…maxLength) that starts and ends on a token
 * boundary, the documents it occurs in; between the passes the recurring grams are ranked
 * (`rankPhrases`); pass 2 measures each document's density against them. Counting is per
 * document and the table is pruned when it grows past `maxTracked`, so memory stays bounded.
 */

export interface StockSettings {
  minLength: number;
  maxLength: number;
  minDocuments: number;
  maxTracked: number;
  /** A phrase whose rarest content word occurs outside it more often than this share is a topic. */
  minCohesion: number;
  /** A compound of this many content words at most, this short, is a term (经济发展), not a formula. */
  nounCompound: { maxTokens: number; maxLength: number };
  topics: string[];
  edgeChars: string;
  families: Array<{ id: string; label: string; pattern: RegExp }>;
  parallel: { label: string; minRun: number; affixLength: number; ignore: string[] };
}

/** data/stock-phrases.yaml with its family patterns compiled. */
export function loadStockSettings(): StockSettings {
  return once('stock-settings', () => {
    const raw = loadData('stock-phrases.yaml');
    // token boundaries inside a gram are kept as a 32-bit mask
    return { ...raw, maxLength: Math.min(raw.maxLength, 32), families: raw.families.map((f) => ({ ...f, pattern: compilePattern(f.pattern, 'u', 'stock-phrases.yaml') })) };
  });
}

/** Token boundaries (offsets where a jieba token starts, plus the end) of a text. */
export function tokenCuts(tokens: readonly string[]): Uint32Array {
  return new TokenCuts(tokens.length).add(tokens).done();
}

/** tokenCuts built a piece of tokens at a time, for a text of at most `maxTokens` tokens (its length will do). */
export class TokenCuts {
  // a typed array: it crosses from a worker thread as one copy, not element by element
  private readonly cuts: Uint32Array;
  private n = 0;
  constructor(maxTokens: number) {
    this.cuts = new Uint32Array(maxTokens + 1);
  }
  add(tokens: readonly string[]): this {
    const { cuts } = this;
    let { n } = this;
    let at = cuts[n] as number;
    for (let i = 0; i < tokens.length; i++) cuts[++n] = at += (tokens[i] as string).length;
    this.n = n;
    return this;
  }
  done(): Uint32Array {
    return this.n + 1 === this.cuts.length ? this.cuts : this.cuts.slice(0, this.n + 1);
  }
}

/**
 * Count in `grams`, for document `doc`, every n-gram `units[i, i + n)` of a Han run that
 * starts and ends on a jieba token boundary: 推进基层党 (cut inside 党建) is a fragment, 深学细照笃行
 * (深/学/细/照/笃行) is not. Only the grams ending on a boundary are hashed (from prefix hashes), and
 * none becomes a string; `mask` has bit k set where a token ends after the gram's (k + 1)-th unit.
 */
function countGrams(han: HanUnits, s: StockSettings, grams: Columns, doc: number): void {
  const { units, bounds } = han;
  const p = prefixHashes(units, han.length);
  let from = 0;
  for (let r = 0; r < han.runs; r++) {
    const end = han.runEnds[r] as number;
    for (let i = from; i + s.minLength <= end; i++) {
      if (!((bounds[i] as number) & 1)) continue;
      const top = Math.min(s.maxLength, end - i);
      let mask = 0;
      for (let n = 1; n <= top; n++) {
        if (!((bounds[i + n - 1] as number) & 2)) continue;
        if (n >= s.minLength) grams.bumpAt(units, i, n, windowHash(p, i, n), doc, mask);
        mask |= 1 << (n - 1);
      }
    }
    from = end;
  }
}

/** The tokens of a gram from its boundary mask. */
export function gramTokens(gram: string, mask: number): string[] {
  const tokens: string[] = [];
  let from = 0;
  for (let k = 0; k < gram.length - 1; k++) {
    if (mask & (1 << k)) {
      tokens.push(gram.slice(from, k + 1));
      from = k + 1;
    }
  }
  tokens.push(gram.slice(from));
  return tokens;
}

export interface StockPhrase {
  phrase: string;
  family: string;
  documents: number;
  occurrences: number;
  /** spread × cohesion (see rankPhrases). */
  score: number;
  /** First document holding it (an index into the corpus order). */
  firstDocument: number;
}

export interface CountTable {
  documents: number;
  grams: PackedColumns;
  parallels: PackedColumns;
  /** Occurrences of every jieba token of two or more Han characters (for cohesion). */
  words: PackedColumns;
}

export interface RecurringTable {
  documents: number;
  grams: PackedColumns;
}

/** Document frequency of n-grams and 排比 shapes over a stream of documents. */
export class PhraseCounter {
  private readonly grams = new Columns();
  private readonly parallels = new Columns();
  private readonly words = new Columns();
  private pruneBelow = 1;
  private readonly topics: Set<string>;
  /** The topics as a table too: density asks about windows that are not strings. */
  private readonly topicTable = new Columns();
  /** A token's units, for looking it up in `words`. */
  private wordUnits = new Uint16Array(64);
  documents = 0;
  constructor(readonly settings: StockSettings) {
    this.topics = new Set(settings.topics);
    for (const t of this.topics) this.topicTable.bump(t, 0);
  }

  add(text: string, cuts: ArrayLike<number>, parallels: readonly ParallelRun[], docIndex: number): void {
    this.documents++;
    countGrams(hanUnits(text, cuts), this.settings, this.grams, docIndex);
    for (const p of parallels) this.parallels.bump(p.key, docIndex);
    this.countWords(text, cuts, docIndex);
    if (this.grams.size > this.settings.maxTracked) this.prune();
  }

  /** Every token of two or more Han characters, whatever its part of speech (stop words too). */
  private countWords(text: string, cuts: ArrayLike<number>, doc: number): void {
    const table = unitClasses();
    let units = this.wordUnits;
    for (let k = 0; k + 1 < cuts.length; k++) {
      const from = cuts[k] as number;
      const to = cuts[k + 1] as number;
      if (to - from < 2 || to > text.length) continue;
      if (units.length < to - from) units = this.wordUnits = new Uint16Array(to - from);
      let han = true;
      for (let i = from; i < to && han; i++) {
        const c = text.charCodeAt(i);
        han = table[c] === 1;
        units[i - from] = c;
      }
      if (han) this.words.bumpAt(units, 0, to - from, hashUnits(units, 0, to - from), doc);
    }
  }

  /** The counts as typed arrays: what a worker hands back, cheap to clone. */
  pack(): CountTable {
    return { documents: this.documents, grams: this.grams.pack(), parallels: this.parallels.pack(), words: this.words.pack() };
  }

  /** Add another counter's table (a worker's share of the corpus): sums, earliest document. */
  merge(t: CountTable): void {
    this.documents += t.documents;
    this.grams.merge(t.grams);
    this.parallels.merge(t.parallels);
    this.words.merge(t.words);
    if (this.grams.size > this.settings.maxTracked) this.prune();
  }

  /**
   * What `density` needs once the corpus is counted: the document count and the grams recurring
   * enough to count (a fraction of the table), for a worker to measure its own documents.
   */
  recurringTable(): RecurringTable {
    return { documents: this.documents, grams: this.grams.packFrom(Math.max(2, this.minDocuments())) };
  }

  /** A counter that answers `recurringAt` as the one that made `table` does. */
  static fromRecurring(settings: StockSettings, table: RecurringTable): PhraseCounter {
    const counter = new PhraseCounter(settings);
    counter.documents = table.documents;
    counter.grams.merge(table.grams);
    return counter;
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

  /** Is `units[i, i + n)` (hash `h`) a recurring formula, for density? */
  recurringAt(units: Uint16Array, i: number, n: number, h: number): boolean {
    const df = this.grams.dfAt(units, i, n, h);
    return df >= this.minDocuments() && df >= 2 && this.topicTable.find(units, i, n, h) < 0;
  }

  /**
   * Every recurring phrase an analyst would call 套话, best first (the whole ranking: the top N
   * is always the prefix of the top 2N).
   *
   * - candidates: grams in at least `minDocuments` documents, of two or more jieba tokens (a single
   *   dictionary word such as 社会主义 is a word, not a formula; counted formulas and doublets excepted),
   *   not a topic in data/stock-phrases.yaml, not starting or ending on a particle (edgeChars);
   * - maximal: a gram inside a longer candidate that carries more than half of its occurrences is a
   *   fragment of it (学习贯彻习近平 inside 学习贯彻习近平新时代中国特色社会主义思想);
   * - score = spread × cohesion: spread = documents / corpus documents (how widespread);
   *   cohesion = occurrences / occurrences of its rarest word of two or more characters (how
   *   formulaic: the words of 习近平新时代中国特色社会主义思想 seldom appear without each other, 服务
   *   and 群众 do); below
   *   `minCohesion` it is a topic term and left out;
   * - a short compound of content words only (`isContentWord`: a noun or verbal noun by its jieba
   *   tag as keywords count them, or a genre stop word), 经济发展 or 疫情防控, is a term, not a formula.
   */
  phrases(isContentWord: (token: string) => boolean = () => false): StockPhrase[] {
    const s = this.settings;
    const min = Math.max(2, this.minDocuments());
    const N = Math.max(1, this.documents);
    const edge = new Set(s.edgeChars);
    const kept = new Map<string, Entry>();
    for (const [g, e] of this.grams.entries()) {
      if (e.df < min || this.topics.has(g)) continue;
      const family = this.family(g);
      if (family !== 'counted' && family !== 'doublet' && (e.mask === 0 || edge.has(g[0] ?? '') || edge.has(g.at(-1) ?? ''))) continue;
      kept.set(g, e);
    }
    const fragments = new Set<string>();
    for (const [g, e] of kept) {
      const bounds = [0];
      for (let k = 0; k < g.length - 1; k++) if (e.mask & (1 << k)) bounds.push(k + 1);
      bounds.push(g.length);
      for (let a = 0; a < bounds.length; a++) {
        for (let b = a + 1; b < bounds.length; b++) {
          if (a === 0 && b === bounds.length - 1) continue;
          const sub = g.slice(bounds[a], bounds[b]);
          const inner = kept.get(sub);
          if (inner && e.occ * 2 > inner.occ) fragments.add(sub);
        }
      }
    }
    const out: StockPhrase[] = [];
    for (const [g, e] of kept) {
      if (fragments.has(g)) continue;
      const tokens = gramTokens(g, e.mask);
      const compound = s.nounCompound;
      const family = this.family(g);
      if (family !== 'counted' && family !== 'doublet' && tokens.length <= compound.maxTokens && g.length <= compound.maxLength && tokens.every(isContentWord)) continue;
      let rarest = Infinity;
      for (const t of tokens) {
        const c = t.length < 2 ? 0 : (this.words.get(t)?.occ ?? 0);
        if (c > 0 && c < rarest) rarest = c;
      }
      const cohesion = rarest === Infinity ? 1 : Math.min(1, e.occ / rarest);
      if (cohesion < s.minCohesion) continue;
      out.push({ phrase: g, family, documents: e.df, occurrences: e.occ, score: round((e.df / N) * cohesion), firstDocument: e.first });
    }
    for (const [key, e] of this.parallels.entries()) if (e.df >= min) out.push({ phrase: key, family: 'parallel', documents: e.df, occurrences: e.occ, score: round(e.df / N), firstDocument: e.first });
    out.sort((a, b) => b.score - a.score || b.documents - a.documents || b.phrase.length - a.phrase.length || b.occurrences - a.occurrences || (a.phrase < b.phrase ? -1 : 1));
    return out;
  }

  private family(phrase: string): string {
    return this.settings.families.find((f) => f.pattern.test(phrase))?.id ?? 'formula';
  }
}

const round = (x: number) => Number(x.toFixed(4));

/**
 * Share of a document's Han characters inside recurring grams. From each token boundary only the
 * longest recurring gram reaching past what is already covered is looked up, longest first.
 */
export function density(text: string, cuts: ArrayLike<number>, counter: PhraseCounter): number {
  const s = counter.settings;
  const han = hanUnits(text, cuts);
  const { units, bounds } = han;
  const p = prefixHashes(units, han.length);
  let covered = 0;
  let from = 0;
  for (let r = 0; r < han.runs; r++) {
    const end = han.runEnds[r] as number;
    let reach = from; // positions of this run below reach are covered
    for (let i = from; i + s.minLength <= end; i++) {
      if (!((bounds[i] as number) & 1)) continue;
      const top = Math.min(s.maxLength, end - i);
      for (let n = top; n >= s.minLength && i + n > reach; n--) {
        if ((bounds[i + n - 1] as number) & 2 && counter.recurringAt(units, i, n, windowHash(p, i, n))) {
          covered += i + n - Math.max(i, reach);
          reach = i + n;
          break;
        }
      }
    }
    from = end;
  }
  return han.length === 0 ? 0 : covered / han.length;
}
