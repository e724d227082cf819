import type { GroupField } from './corpus.js';
import { isSkipped, type AnyRecord, type DocRecord } from './document.js';
import type { Finding } from './findings.js';
import { KeywordCounter, type Keyword } from './keywords.js';
import { density, loadStockSettings, PhraseCounter, topPhrases, type CountTable, type StockPhrase } from './stock-phrases.js';
import { OTHER, type Taxonomy } from './taxonomy.js';

export interface GroupCount {
  mentions: number;
  documents: number;
}

export interface CategorySummary {
  id: string;
  label: string;
  mentions: number;
  documents: number;
  /** Share of the analysed documents that mention it. */
  share: number;
  example?: { file: string; line: number; column: number; text: string };
  /** With --by: counts per group value (年份、级别 …). */
  groups?: Record<string, GroupCount>;
}

export interface DocumentSummary {
  file: string;
  title?: string;
  level?: string;
  year?: string;
  kind?: string;
  chars?: number;
  findings?: number;
  /** Share of Han characters inside recurring formulas. */
  density?: number;
  /** Mentions per category id. */
  categories?: Record<string, number>;
  /** Set when the file could not be read: it was skipped. */
  error?: string;
}

export interface StockPhraseSummary {
  phrase: string;
  family: string;
  documents: number;
  occurrences: number;
  example?: { file: string; line: number; column: number; context: string };
}

export interface AnalyzeResult {
  documents: DocumentSummary[];
  categories: CategorySummary[];
  findings: Finding[];
  stockPhrases: StockPhraseSummary[];
  keywords: Array<{ file: string; terms: Keyword[] }>;
}

export interface AggregateOptions {
  top: number;
  by?: GroupField;
  /** Where findings go instead of memory (a large corpus: see FindingSpool). */
  findingSink?: (finding: Finding) => void;
}

const UNKNOWN = '未知';

/**
 * The reduce side of analyze: documents arrive one at a time (from workers, or from --jsonl
 * parts), counts are kept, and a second pass over the same records adds what needs the whole
 * corpus first (stock-phrase density, keywords, examples). Memory holds counts, findings and
 * one small summary per document, never the texts.
 */
export class Aggregator {
  private readonly docs: DocumentSummary[] = [];
  private readonly findings: Finding[] = [];
  private readonly examples = new Map<string, { finding: Finding; score: number }>();
  private readonly mentions = new Map<string, number>();
  private readonly docCounts = new Map<string, number>();
  private readonly groups = new Map<string, Map<string, GroupCount>>();
  private readonly phrases = new PhraseCounter(loadStockSettings());
  private readonly keywords = new KeywordCounter();
  private analysed = 0;
  private chosen: Array<StockPhrase & { example?: StockPhraseSummary['example'] }> = [];
  private readonly keywordLists: Array<{ file: string; terms: Keyword[] }> = [];

  constructor(
    private readonly taxonomy: Taxonomy,
    private readonly options: AggregateOptions,
  ) {}

  /** Pass 1: count. Records must come in the same order in both passes. */
  add(record: AnyRecord): void {
    const index = this.docs.length;
    if (isSkipped(record)) {
      this.docs.push({ file: record.file, error: record.error });
      return;
    }
    this.analysed++;
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
    const { title, level, year, kind } = record.meta;
    this.docs.push({ file: record.file, title, ...(level ? { level } : {}), ...(year ? { year } : {}), ...(kind ? { kind } : {}), chars: record.chars, findings: record.findings.length, categories: perCategory });
    if (!record.counted) this.phrases.add(record.text, record.cuts, record.parallels, index);
    this.keywords.add(record.terms);
  }

  /** A worker's n-gram counts for the documents it analysed (marked `counted`). */
  readonly mergePhrases = (table: CountTable): void => this.phrases.merge(table);

  /** Between the passes: settle the phrase list. */
  settle(): void {
    this.chosen = topPhrases(this.phrases.phrases(), this.options.top);
  }

  /** Pass 2: density, keywords and phrase examples, record by record. */
  revisit(record: AnyRecord, index: number): void {
    if (isSkipped(record)) return;
    const doc = this.docs[index];
    if (!doc || doc.file !== record.file) throw new Error(`analyze: records out of order at ${index}`);
    doc.density = Number(density(record.text, record.cuts, this.phrases).toFixed(4));
    this.keywordLists.push({ file: record.file, terms: this.keywords.top(record.terms, this.options.top) });
    for (const p of this.chosen) if (!p.example && p.firstDocument === index) p.example = locate(record, p.phrase);
  }

  result(): AnalyzeResult {
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
    return {
      documents: this.docs,
      categories,
      findings: this.findings,
      stockPhrases: this.chosen.map(({ phrase, family, documents, occurrences, example }) => ({ phrase, family, documents, occurrences, ...(example ? { example } : {}) })),
      keywords: this.keywordLists,
    };
  }
}

/** The clearest example of a category scores lowest: a finding about it alone, short but not bare. */
function exampleScore(f: Finding): number {
  const length = [...f.text].length;
  return f.categories.length * 100 + (length < 6 ? 50 : 0) + Math.abs(length - 14);
}

/** Where a phrase first occurs in a document (quotes may sit between its characters). */
function locate(record: DocRecord, phrase: string): StockPhraseSummary['example'] {
  const chars = [...phrase.replace(/…/gu, '')];
  const parallel = record.parallels.find((p) => p.key === phrase);
  let at = parallel ? parallel.offset : -1;
  let length = parallel ? parallel.text.length : 0;
  if (!parallel) {
    const re = new RegExp(chars.map((c) => c.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('[“”"‘’「」『』《》]?'), 'u');
    const m = re.exec(record.text);
    if (!m) return undefined;
    at = m.index;
    length = m[0].length;
  }
  const before = record.text.slice(0, at);
  const line = before.split('\n').length;
  const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
  const context = record.text.slice(Math.max(0, at - 10), at + length + 10).replace(/\n/gu, ' ');
  return { file: record.file, line, column, context };
}
