import { codePointLength } from '../speech/text.js';
import type { GroupField } from './corpus.js';
import { isSkipped, type AnyRecord } from './document.js';
import type { Finding } from './findings.js';
import { KeywordCounter, loadStopwords, unpackTerms, type Keyword, type PackedKeywordTotals, type Terms } from './keywords.js';
import type { AnalyzeReport, AnalyzeResult, CategorySummary, DocumentSummary, GroupCount, GroupSummary, StockPhraseSummary } from './result.js';
import { Revisitor, type CorpusTables, type Revisited } from './revisit.js';
import { Spool } from './spool.js';
import { loadStockSettings, PhraseCounter, type CountTable, type StockPhrase } from './stock-phrases.js';
import { OTHER, type Taxonomy } from './taxonomy.js';

export type { AnalyzeResult, CategorySummary, DocumentSummary, GroupCount, GroupSummary, StockPhraseSummary } from './result.js';

export interface AggregateOptions {
  top: number;
  by?: GroupField;
  /** Where findings go instead of memory (a large corpus: see FindingSpool). */
  findingSink?: (finding: Finding) => void;
  /** Documents whose summaries stay in memory before they go to a scratch file (default 1,000). */
  inMemory?: number;
}

const UNKNOWN = '未知';

/** What a worker hands back after its last document: its share of the corpus counts. */
export interface WorkerTable {
  phrases: CountTable;
  keywords: PackedKeywordTotals;
}

/**
 * The reduce side of analyze: documents arrive one at a time (from workers, or from --jsonl
 * parts), counts are kept, and a second pass over the same records adds what needs the whole
 * corpus first (stock-phrase density, keywords, examples). Memory holds counts and a few bytes
 * per document; the per-document summaries and keyword lists wait in spools (on disk past
 * `inMemory` documents) until output reads them back in order.
 */
export class Aggregator {
  /** Pass 1's summary of each document, by index. */
  private readonly docs: Spool<DocumentSummary>;
  /** Pass 2's answers (density, keywords), in the order they arrive; `answerAt` finds them by index. */
  private readonly answers: Spool<{ density: number; terms: Keyword[] }>;
  /** Per document index: 0 skipped or not yet revisited, else 1 + its position in `answers`. */
  private answerAt = new Int32Array(1024);
  private skipped = 0;
  private findingCount = 0;
  private readonly findings: Finding[] = [];
  private readonly examples = new Map<string, { finding: Finding; score: number }>();
  private readonly mentions = new Map<string, number>();
  private readonly docCounts = new Map<string, number>();
  private readonly groups = new Map<string, Map<string, GroupCount>>();
  /** With --by: per group value, its documents, mentions and summed content-word counts. */
  private readonly groupTotals = new Map<string, { documents: number; mentions: number; terms: Record<string, number> }>();
  private readonly phrases = new PhraseCounter(loadStockSettings());
  private readonly keywords = new KeywordCounter();
  private readonly stopwords = loadStopwords();
  /** Documents read and analysed (not skipped). */
  analysed = 0;
  private chosen: Array<StockPhrase & { example?: StockPhraseSummary['example']; written?: string | undefined; cut?: boolean | undefined }> = [];
  private revisitor: Revisitor | undefined;

  constructor(
    private readonly taxonomy: Taxonomy,
    private readonly options: AggregateOptions,
  ) {
    this.docs = new Spool(options.inMemory ?? 1000);
    this.answers = new Spool(options.inMemory ?? 1000);
  }

  /** Pass 1: count. Records must come in the same order in both passes. */
  add(record: AnyRecord): void {
    const index = this.docs.length;
    if (index >= this.answerAt.length) {
      const grown = new Int32Array(this.answerAt.length * 2);
      grown.set(this.answerAt);
      this.answerAt = grown;
    }
    if (isSkipped(record)) {
      this.docs.push({ file: record.file, error: record.error });
      this.skipped++;
      return;
    }
    this.analysed++;
    this.findingCount += record.findings.length;
    const perCategory: Record<string, number> = {};
    // findings of one sentence share its text: keep one copy (copies arrive from workers)
    const sentences = new Map<string, string>();
    for (const f of record.findings) {
      const shared = sentences.get(f.sentence);
      if (shared === undefined) sentences.set(f.sentence, f.sentence);
      else f.sentence = shared;
      if (this.options.findingSink) this.options.findingSink(f);
      else this.findings.push(f);
      for (const id of f.categories) {
        perCategory[id] = (perCategory[id] ?? 0) + 1;
        const score = exampleScore(f);
        const best = this.examples.get(id);
        if (!best || score < best.score) this.examples.set(id, { finding: f, score });
      }
    }
    const group = this.options.by ? (record.meta[this.options.by] ?? UNKNOWN) : undefined;
    for (const [id, n] of Object.entries(perCategory)) {
      this.mentions.set(id, (this.mentions.get(id) ?? 0) + n);
      this.docCounts.set(id, (this.docCounts.get(id) ?? 0) + 1);
      if (group !== undefined) {
        const g = this.groups.get(id) ?? new Map<string, GroupCount>();
        const c = g.get(group) ?? { mentions: 0, documents: 0 };
        c.mentions += n;
        c.documents += 1;
        g.set(group, c);
        this.groups.set(id, g);
      }
    }
    if (group !== undefined) this.addToGroup(group, record.findings.length, record.terms);
    const { title, level, year, kind } = record.meta;
    this.docs.push({ file: record.file, title, ...(level ? { level } : {}), ...(year ? { year } : {}), ...(kind ? { kind } : {}), chars: record.chars, findings: record.findings.length, categories: perCategory });
    // a worker counted its documents' n-grams and content words itself (see mergeTable)
    if (!record.counted) {
      this.phrases.add(record.text, record.cuts, record.parallels, index);
      this.keywords.add(record.terms);
    }
  }

  private addToGroup(group: string, findings: number, terms: Terms): void {
    const g = this.groupTotals.get(group) ?? { documents: 0, mentions: 0, terms: Object.create(null) as Record<string, number> };
    g.documents++;
    g.mentions += findings;
    const tf = unpackTerms(terms);
    for (const t in tf) g.terms[t] = (g.terms[t] ?? 0) + (tf[t] as number);
    this.groupTotals.set(group, g);
  }

  /** A worker's counts for the documents it analysed (marked `counted`). */
  readonly mergeTable = (table: WorkerTable): void => {
    this.phrases.merge(table.phrases);
    this.keywords.merge(table.keywords);
  };

  /**
   * Between the passes: rank the phrases. The ranking does not depend on --top: we keep its
   * prefix, with room for those pass 2 finds cut through a quotation (see `locate`).
   */
  settle(): void {
    this.chosen = this.phrases.phrases((t) => this.keywords.has(t) || this.stopwords.has(t)).slice(0, this.options.top * 2 + 10);
  }

  /** What a worker needs to take the second look at its own documents (see revisit.ts). */
  corpusTables(): CorpusTables {
    return { phrases: this.phrases.recurringTable(), keywords: this.keywords.pack(), chosen: this.chosen.map(({ phrase, firstDocument }) => ({ phrase, firstDocument })), top: this.options.top };
  }

  /** Pass 2 in this thread: density, keywords and phrase examples, record by record. */
  revisit(record: AnyRecord, index: number): void {
    if (isSkipped(record)) return;
    this.revisitor ??= new Revisitor(this.phrases, this.keywords, this.chosen, this.options.top);
    this.file(this.revisitor.revisit(record, index), record.file);
  }

  /** The second look at document `r.index`, taken here or in a worker. */
  file(r: Revisited, file?: string): void {
    const doc = r.index < this.docs.length && this.answerAt[r.index] === 0 ? this.docs.get(r.index) : undefined;
    if (!doc || doc.error !== undefined || (file !== undefined && doc.file !== file)) throw new Error(`analyze: records out of order at ${r.index}`);
    this.answers.push({ density: r.density, terms: r.keywords });
    this.answerAt[r.index] = this.answers.length;
    for (const [i, found] of r.examples) {
      const p = this.chosen[i];
      if (p && !p.example) ({ example: p.example, written: p.written, cut: p.cut } = found);
    }
  }

  private groupSummaries(): GroupSummary[] | undefined {
    const field = this.options.by;
    if (!field) return undefined;
    return [...this.groupTotals]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([value, g]) => ({ field, value, documents: g.documents, mentions: g.mentions, perDocument: Number((g.mentions / g.documents).toFixed(2)), keywords: this.keywords.top(g.terms, this.options.top) }));
  }

  /** Documents in order with their second-look answers, read back from the spools. */
  private *documents(): Generator<{ doc: DocumentSummary; answer?: { density: number; terms: Keyword[] } }> {
    let index = 0;
    for (const doc of this.docs.replay()) {
      const at = this.answerAt[index++] as number;
      const answer = at > 0 ? this.answers.get(at - 1) : undefined;
      yield answer ? { doc: { ...doc, density: answer.density }, answer } : { doc };
    }
  }

  /** The result with its documents and keyword lists as re-readable streams (call `dispose` after). */
  report(): AnalyzeReport {
    const documents = () => this.documents();
    return {
      ...this.summaries(),
      documents: { *[Symbol.iterator]() { for (const d of documents()) yield d.doc; } },
      keywords: { *[Symbol.iterator]() { for (const d of documents()) if (d.answer) yield { file: d.doc.file, terms: d.answer.terms }; } },
      counts: { analysed: this.analysed, skipped: this.skipped, findings: this.findingCount },
    };
  }

  /** The whole result in memory (the library's analyzeCorpus); the spools are released. */
  result(): AnalyzeResult {
    const documents: DocumentSummary[] = [];
    const keywords: AnalyzeResult['keywords'] = [];
    for (const { doc, answer } of this.documents()) {
      documents.push(doc);
      if (answer) keywords.push({ file: doc.file, terms: answer.terms });
    }
    const { categories, stockPhrases, groups } = this.summaries();
    this.dispose();
    return { documents, categories, findings: this.findings, stockPhrases, keywords, ...(groups ? { groups } : {}) };
  }

  dispose(): void {
    this.docs.dispose();
    this.answers.dispose();
  }

  private summaries(): Pick<AnalyzeResult, 'categories' | 'findings' | 'stockPhrases' | 'groups'> {
    const ids = [...this.taxonomy.categories.map((c) => c.id), OTHER];
    const categories: CategorySummary[] = ids.map((id) => {
      const summary: CategorySummary = {
        id,
        label: this.taxonomy.labelOf(id),
        mentions: this.mentions.get(id) ?? 0,
        documents: this.docCounts.get(id) ?? 0,
        share: this.analysed ? Number(((this.docCounts.get(id) ?? 0) / this.analysed).toFixed(4)) : 0,
      };
      const example = this.examples.get(id)?.finding;
      if (example) summary.example = { file: example.file, line: example.line, column: example.column, text: example.text };
      const g = this.groups.get(id);
      if (this.options.by) summary.groups = Object.fromEntries([...(g ?? new Map<string, GroupCount>())].sort(([a], [b]) => (a < b ? -1 : 1)));
      return summary;
    });
    categories.sort((a, b) => b.mentions - a.mentions || b.documents - a.documents);
    const groups = this.groupSummaries();
    return {
      categories,
      findings: this.findings,
      stockPhrases: this.chosen
        .filter((p) => !p.cut)
        .slice(0, this.options.top)
        .map(({ phrase, written, family, documents, occurrences, score, example }) => ({ phrase: written ?? phrase, family, documents, occurrences, score, ...(example ? { example } : {}) })),
      ...(groups ? { groups } : {}),
    };
  }
}

/** The clearest example of a category scores lowest: a finding about it alone, short but not bare. */
function exampleScore(f: Finding): number {
  const length = codePointLength(f.text);
  return f.categories.length * 100 + (length < 6 ? 50 : 0) + Math.abs(length - 14);
}
