import type { Finding } from './findings.js';
import type { Keyword } from './keywords.js';

/** The shape of an analyze result: what `--format json` writes (see ../shared contracts). */

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
  /** A level id of data/levels.yaml (county, township …), or the value as written when unknown. */
  level?: string;
  year?: string;
  /** A kind id of data/kinds.yaml (summary-speech …). */
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
  /** As first written in the corpus (quotes kept: 增强“四个意识”). */
  phrase: string;
  family: string;
  documents: number;
  occurrences: number;
  /** spread × cohesion: see docs/analyze.md. */
  score: number;
  example?: { file: string; line: number; column: number; context: string };
}

/** With --by: one group value (2023, county …) and what sets it apart. */
export interface GroupSummary {
  field: string;
  value: string;
  documents: number;
  mentions: number;
  /** Mentions per analysed document of the group: groups of different sizes compare. */
  perDocument: number;
  keywords: Keyword[];
}

export interface AnalyzeResult {
  documents: DocumentSummary[];
  categories: CategorySummary[];
  findings: Finding[];
  stockPhrases: StockPhraseSummary[];
  keywords: Array<{ file: string; terms: Keyword[] }>;
  /** Only with --by. */
  groups?: GroupSummary[];
}

export interface ResultCounts {
  analysed: number;
  skipped: number;
  findings: number;
}

/**
 * What the formatters read: a result whose documents and keyword lists may be streams read back
 * from disk (a large corpus, see analyzeCorpusStreamed), each iterable more than once, in
 * document order; `counts` then says what they add up to without reading them.
 */
export interface AnalyzeReport extends Omit<AnalyzeResult, 'documents' | 'keywords'> {
  documents: Iterable<DocumentSummary>;
  keywords: Iterable<{ file: string; terms: Keyword[] }>;
  counts?: ResultCounts;
}

/** Documents, findings and skipped files of a result: the one source of every format's summary line. */
export function resultCounts(r: AnalyzeReport): ResultCounts {
  if (r.counts) return r.counts;
  let analysed = 0;
  let skipped = 0;
  let findings = 0;
  for (const d of r.documents) {
    if (d.error) skipped++;
    else {
      analysed++;
      findings += d.findings ?? 0;
    }
  }
  return { analysed, skipped, findings };
}
