import type { AnalyzeResult } from '../aggregate.js';

/** The contract's shape: { documents, categories, findings, stockPhrases, keywords }. */
export function formatJson(r: AnalyzeResult): string {
  const { documents, categories, findings, stockPhrases, keywords } = r;
  return `${JSON.stringify({ documents, categories, findings, stockPhrases, keywords }, null, 2)}\n`;
}
