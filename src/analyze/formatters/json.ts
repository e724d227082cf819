import type { AnalyzeResult } from '../result.js';
import type { Finding } from '../findings.js';

/** The contract's shape: { documents, categories, findings, stockPhrases, keywords }, and groups with --by. */
export function formatJson(r: AnalyzeResult): string {
  const { documents, categories, findings, stockPhrases, keywords, groups } = r;
  return `${JSON.stringify({ documents, categories, findings, stockPhrases, keywords, ...(groups ? { groups } : {}) }, null, 2)}\n`;
}

/**
 * JSON.stringify(value, null, 2) as it reads `depth` levels deep: stringified inside `depth`
 * arrays and cut out, which indents it in the one native pass (no second pass over the text).
 */
function nested(value: unknown, depth: number): string {
  let wrapped = value;
  let head = 0; // "[\n  [\n    " before the value
  let tail = 0; // "\n  ]\n]" after it
  for (let d = 0; d < depth; d++) {
    wrapped = [wrapped];
    head += 2 + 2 * (d + 1);
    tail += 2 + 2 * d;
  }
  const s = JSON.stringify(wrapped, null, 2);
  return s.slice(head, s.length - tail);
}

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
