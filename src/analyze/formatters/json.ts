import type { AnalyzeResult } from '../result.js';
import type { Finding } from '../findings.js';

/** The contract's shape: { documents, categories, findings, stockPhrases, keywords }, and groups with --by. */
export function formatJson(r: AnalyzeResult): string {
  const { documents, categories, findings, stockPhrases, keywords, groups } = r;
  return `${JSON.stringify({ documents, categories, findings, stockPhrases, keywords, ...(groups ? { groups } : {}) }, null, 2)}\n`;
}

const nested = (value: unknown, depth: number) => JSON.stringify(value, null, 2).replace(/\n/gu, `\n${'  '.repeat(depth)}`);

/**
 * The same JSON, written piece by piece with the findings streamed from disk, so that a corpus
 * of any size never needs its whole report in memory (formatJson's output, byte for byte). Every
 * array is written an element at a time: one string of 10,000 documents' keywords costs more
 * memory than the whole analysis.
 */
export async function writeJson(r: AnalyzeResult, findings: AsyncIterable<Finding>, write: (chunk: string) => void): Promise<void> {
  let buffer = '';
  const put = (chunk: string) => {
    buffer += chunk;
    if (buffer.length > 1 << 16) {
      write(buffer);
      buffer = '';
    }
  };
  // JSON.stringify(array, null, 2) nested one level deep, element by element
  const array = async (items: Iterable<unknown> | AsyncIterable<unknown>) => {
    let first = true;
    put('[');
    for await (const item of items) {
      put(`${first ? '' : ','}\n    ${nested(item, 2)}`);
      first = false;
    }
    put(first ? ']' : '\n  ]');
  };
  put('{\n  "documents": ');
  await array(r.documents);
  put(`,\n  "categories": ${nested(r.categories, 1)},\n  "findings": `);
  await array(findings);
  put(',\n  "stockPhrases": ');
  await array(r.stockPhrases);
  put(',\n  "keywords": ');
  await array(r.keywords);
  if (r.groups) {
    put(',\n  "groups": ');
    await array(r.groups);
  }
  write(`${buffer}\n}\n`);
}
