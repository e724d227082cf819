import type { AnalyzeResult } from '../aggregate.js';
import type { Finding } from '../findings.js';

/** The contract's shape: { documents, categories, findings, stockPhrases, keywords }. */
export function formatJson(r: AnalyzeResult): string {
  const { documents, categories, findings, stockPhrases, keywords } = r;
  return `${JSON.stringify({ documents, categories, findings, stockPhrases, keywords }, null, 2)}\n`;
}

const nested = (value: unknown, depth: number) => JSON.stringify(value, null, 2).replace(/\n/gu, `\n${'  '.repeat(depth)}`);

/**
 * The same JSON, written piece by piece with the findings streamed from disk, so that a corpus
 * of any size never needs its whole report in memory (formatJson's output, byte for byte).
 */
export async function writeJson(r: AnalyzeResult, findings: AsyncIterable<Finding>, write: (chunk: string) => void): Promise<void> {
  write(`{\n  "documents": ${nested(r.documents, 1)},\n  "categories": ${nested(r.categories, 1)},\n  "findings": [`);
  let first = true;
  let buffer = '';
  for await (const f of findings) {
    buffer += `${first ? '' : ','}\n    ${nested(f, 2)}`;
    first = false;
    if (buffer.length > 1 << 16) {
      write(buffer);
      buffer = '';
    }
  }
  write(`${buffer}${first ? ']' : '\n  ]'},\n  "stockPhrases": ${nested(r.stockPhrases, 1)},\n  "keywords": ${nested(r.keywords, 1)}\n}\n`);
}
