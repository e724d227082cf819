import { fieldLabel } from '../labels.js';
import { loadStockSettings } from '../stock-phrases.js';
import { resultCounts, type AnalyzeReport, type CategorySummary, type DocumentSummary, type StockPhraseSummary } from '../result.js';
import type { Keyword } from '../keywords.js';

/** Label of a stock-phrase family as data/stock-phrases.yaml writes it (families, and parallel.label for 排比). */
export function familyLabelOf(id: string): string {
  const settings = loadStockSettings();
  if (id === 'parallel') return settings.parallel.label;
  return settings.families.find((f) => f.id === id)?.label ?? id;
}

export const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Categories that occur, most mentioned first (the table shows these; JSON keeps all). */
export const present = (r: AnalyzeReport): CategorySummary[] => r.categories.filter((c) => c.mentions > 0);

export const where = (e: { file: string; line: number; column: number }) => `${e.file}:${e.line}:${e.column}`;

export const familyLabel = (p: StockPhraseSummary) => familyLabelOf(p.family);

/** Group values seen with --by, sorted. */
export function groupValues(r: AnalyzeReport): string[] {
  if (r.groups) return r.groups.map((g) => g.value);
  const values = new Set<string>();
  for (const c of r.categories) for (const k of Object.keys(c.groups ?? {})) values.add(k);
  return [...values].sort();
}

/** What a group value reads as on screen: 县级, 总结讲话, 2023. */
export const groupLabel = (r: AnalyzeReport, value: string) => fieldLabel(r.groups?.[0]?.field, value);

/** Keywords with their keyness, as a reader sees them: 党务干部 17.4、身份 13.9 (a no-break space holds each pair). */
export const keywordList = (terms: ReadonlyArray<{ term: string; score: number }>) => terms.map((t) => `${t.term}\u00a0${t.score.toFixed(1)}`).join('、');

/** The one summary line every format prints, from the documents' own counts (= the JSON). */
export function summaryLine(r: AnalyzeReport): string {
  const { analysed, skipped, findings } = resultCounts(r);
  return `共分析 ${analysed} 篇讲话稿，找到问题表述 ${findings} 条${skipped ? `；跳过 ${skipped} 个无法读取的文件` : ''}。`;
}

/**
 * Each document with its keywords, both read in document order side by side (the keyword lists
 * skip the skipped documents), so neither stream is held in memory.
 */
export function* withKeywords(r: AnalyzeReport): Generator<[DocumentSummary, Keyword[] | undefined]> {
  const keywords = r.keywords[Symbol.iterator]();
  let next = keywords.next();
  for (const d of r.documents) {
    if (!next.done && next.value.file === d.file && d.error === undefined) {
      yield [d, next.value.terms];
      next = keywords.next();
    } else yield [d, undefined];
  }
}
