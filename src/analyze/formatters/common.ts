import type { AnalyzeResult, CategorySummary, StockPhraseSummary } from '../aggregate.js';

/** Labels of the stock-phrase families (data/stock-phrases.yaml ids). */
export const FAMILY_LABELS: Record<string, string> = {
  counted: '数字概括',
  doublet: '动词叠用',
  'four-char': '四字格',
  formula: '固定提法',
  parallel: '排比',
};

export const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Categories that occur, most mentioned first (the table shows these; JSON keeps all). */
export const present = (r: AnalyzeResult): CategorySummary[] => r.categories.filter((c) => c.mentions > 0);

export const where = (e: { file: string; line: number; column: number }) => `${e.file}:${e.line}:${e.column}`;

export const familyLabel = (p: StockPhraseSummary) => FAMILY_LABELS[p.family] ?? p.family;

/** Group values seen with --by, sorted. */
export function groupValues(r: AnalyzeResult): string[] {
  const values = new Set<string>();
  for (const c of r.categories) for (const k of Object.keys(c.groups ?? {})) values.add(k);
  return [...values].sort();
}

export function summaryLine(r: AnalyzeResult): string {
  const skipped = r.documents.filter((d) => d.error).length;
  const analysed = r.documents.length - skipped;
  return `共分析 ${analysed} 篇讲话稿，找到问题表述 ${r.findings.length} 条${skipped ? `；跳过 ${skipped} 个无法读取的文件` : ''}。`;
}
