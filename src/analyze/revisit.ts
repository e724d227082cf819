import { compilePattern, escapeRegex } from '../data/index.js';
import type { DocRecord } from './document.js';
import { KeywordCounter, type Keyword, type PackedKeywordTotals } from './keywords.js';
import type { StockPhraseSummary } from './result.js';
import { density, loadStockSettings, PhraseCounter, type RecurringTable } from './stock-phrases.js';

/**
 * The second look at a document, once the whole corpus is counted: its 套话 density against the
 * recurring grams, its keywords against the corpus totals, and where a chosen phrase is first
 * written. It needs only the record and these corpus tables, so each worker does it for its own
 * documents (from its own spool) and the reducing thread only files the answers.
 */

/** What the second look needs of the corpus (plain data: it is cloned to every worker). */
export interface CorpusTables {
  phrases: RecurringTable;
  keywords: PackedKeywordTotals;
  /** The ranked phrases that still need an example, with the document each first occurs in. */
  chosen: Array<{ phrase: string; firstDocument: number }>;
  top: number;
}

/** A phrase's first occurrence, as `locate` finds it. */
export interface Located {
  example: NonNullable<StockPhraseSummary['example']>;
  written?: string;
  cut: boolean;
}

export interface Revisited {
  index: number;
  density: number;
  keywords: Keyword[];
  /** Examples found here: the position in `chosen`, and what was found. */
  examples: Array<[number, Located]>;
}

export type RevisitRecord = Pick<DocRecord, 'file' | 'text' | 'cuts' | 'terms' | 'parallels'>;

/** The corpus side of a second look, either the reducer's own counters or rebuilt from CorpusTables. */
export class Revisitor {
  /** Document index → positions in `chosen` of the phrases first seen there. */
  private readonly byDocument = new Map<number, number[]>();
  constructor(
    private readonly phrases: PhraseCounter,
    private readonly keywords: KeywordCounter,
    private readonly chosen: ReadonlyArray<{ phrase: string; firstDocument: number }>,
    private readonly top: number,
  ) {
    chosen.forEach((c, i) => this.byDocument.set(c.firstDocument, [...(this.byDocument.get(c.firstDocument) ?? []), i]));
  }

  static fromTables(t: CorpusTables): Revisitor {
    const keywords = new KeywordCounter();
    keywords.merge(t.keywords);
    return new Revisitor(PhraseCounter.fromRecurring(loadStockSettings(), t.phrases), keywords, t.chosen, t.top);
  }

  revisit(record: RevisitRecord, index: number): Revisited {
    const examples: Array<[number, Located]> = [];
    for (const i of this.byDocument.get(index) ?? []) {
      const found = locate(record, (this.chosen[i] as { phrase: string }).phrase);
      if (found) examples.push([i, found]);
    }
    return { index, density: Number(density(record.text, record.cuts, this.phrases).toFixed(4)), keywords: this.keywords.top(record.terms, this.top), examples };
  }
}

const QUOTE = '[“”"‘’「」『』《》]';
const OPENING = '“‘「『《';
const CLOSING = '”’」』》';
const countOf = (text: string, set: string) => [...text].filter((c) => set.includes(c)).length;
/** Every closing quote after its opening one. */
function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (OPENING.includes(c)) depth++;
    else if (CLOSING.includes(c) && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Where a phrase first occurs in a document (quotes may sit between its characters), and how it
 * is written there: with its quotes, a closing quote after it included when one opened inside.
 * `cut` when its quotes still do not pair: it starts or ends inside a quotation (覆盖”向“有效覆盖”
 * of “有形覆盖”向“有效覆盖”), a fragment, not a phrase.
 */
function locate(record: RevisitRecord, phrase: string): Located | undefined {
  const parallel = record.parallels.find((p) => p.key === phrase);
  let at: number;
  let length: number;
  let written: string | undefined;
  if (parallel) {
    at = parallel.offset;
    length = parallel.text.length;
  } else {
    const chars = [...phrase];
    const re = compilePattern(chars.map(escapeRegex).join(`${QUOTE}?`), 'u', '套话');
    const m = re.exec(record.text);
    if (!m) return undefined;
    at = m.index;
    length = m[0].length;
    const next = record.text[at + length];
    const previous = record.text[at - 1];
    const balance = countOf(m[0], OPENING) - countOf(m[0], CLOSING);
    if (balance > 0 && next !== undefined && CLOSING.includes(next)) length++;
    if (balance < 0 && previous !== undefined && OPENING.includes(previous)) {
      at--;
      length++;
    }
    written = record.text.slice(at, at + length);
  }
  const before = record.text.slice(0, at);
  const line = before.split('\n').length;
  const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
  const context = record.text.slice(Math.max(0, at - 10), at + length + 10).replace(/\n/gu, ' ');
  const cut = written !== undefined && countOf(written, OPENING) + countOf(written, CLOSING) > 0 && !balanced(written);
  return { example: { file: record.file, line, column, context }, ...(written !== undefined ? { written } : {}), cut };
}
