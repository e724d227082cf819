import type { AnalyzeReport, AnalyzeResult } from '../result.js';
import type { Finding } from '../findings.js';

/** Where a streamed report goes; a promise when the reader needs a pause (backpressure). */
export type Write = (chunk: string) => void | Promise<void>;

/**
 * Pieces gathered into chunks of 64 K characters for `write`; `end` writes the rest. Each call
 * returns write's promise when a chunk went out, so a slow reader (a pipe) holds the writer back
 * instead of the text piling up here.
 */
export function chunked(write: Write, start = ''): { put: (piece: string) => void | Promise<void>; end: (last?: string) => void | Promise<void> } {
  let buffer = start;
  return {
    put: (piece) => {
      buffer += piece;
      if (buffer.length <= 1 << 16) return;
      const full = buffer;
      buffer = '';
      return write(full);
    },
    end: (last = '') => write(buffer + last),
  };
}

/**
 * `each` of a sync or async iterable's items, waiting only when `each` returns a promise (a chunk
 * went out): `for await` paid a microtask per item, a second for 200 000 findings.
 */
export async function forEach<T>(items: Iterable<T> | AsyncIterable<T>, each: (item: T) => void | Promise<void>): Promise<void> {
  if (Symbol.iterator in items) {
    for (const item of items) {
      const pending = each(item);
      if (pending) await pending;
    }
    return;
  }
  for await (const item of items) {
    const pending = each(item);
    if (pending) await pending;
  }
}

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
export async function writeJson(r: AnalyzeReport, findings: Iterable<Finding> | AsyncIterable<Finding>, write: Write): Promise<void> {
  const { put, end } = chunked(write);
  // JSON.stringify(array, null, 2) nested one level deep, element by element
  const array = async (items: Iterable<unknown> | AsyncIterable<unknown>) => {
    let first = true;
    await put('[');
    await forEach(items, (item) => {
      const comma = first ? '' : ',';
      first = false;
      return put(`${comma}\n    ${nested(item, 2)}`);
    });
    await put(first ? ']' : '\n  ]');
  };
  await put('{\n  "documents": ');
  await array(r.documents);
  await put(`,\n  "categories": ${nested(r.categories, 1)},\n  "findings": `);
  await array(findings);
  await put(',\n  "stockPhrases": ');
  await array(r.stockPhrases);
  await put(',\n  "keywords": ');
  await array(r.keywords);
  if (r.groups) {
    await put(',\n  "groups": ');
    await array(r.groups);
  }
  await end('\n}\n');
}
