import type { Lexicon } from './lexicon.js';
import { parseChineseNumeral } from './numerals.js';
import type { NumberingMarker, Paragraph } from './types.js';

/** Inline series need a sibling of the same family within this many paragraphs to count. */
const SIBLING_WINDOW = 2;

/** Offsets where an item can open: paragraph start, sentence start, after a colon, and (mid-sentence) after a comma. */
function openingOffsets(paragraph: Paragraph): Array<{ offset: number; sentence: number; midSentence: boolean }> {
  const out: Array<{ offset: number; sentence: number; midSentence: boolean }> = [];
  for (const sentence of paragraph.sentences) {
    out.push({ offset: sentence.start, sentence: sentence.index, midSentence: false });
    for (let i = 0; i < sentence.clauses.length - 1; i++) {
      const clause = sentence.clauses[i] as { end: number };
      const next = sentence.clauses[i + 1] as { start: number };
      const separator = sentenceText(paragraph, clause.end, next.start);
      if (/[：:]/u.test(separator)) out.push({ offset: next.start, sentence: sentence.index, midSentence: false });
      else if (/[，,]/u.test(separator)) out.push({ offset: next.start, sentence: sentence.index, midSentence: true });
    }
  }
  return out;
}

/** Mid-sentence, only the speech series count: 一是 一要 第一 其一 (a bare 1. or 一、 after a comma is a list, not an item). */
const MID_SENTENCE_FAMILIES = new Set(['ordinal', 'di']);

function sentenceText(paragraph: Paragraph, start: number, end: number): string {
  return paragraph.text.slice(start - paragraph.start, end - paragraph.start);
}

interface Candidate extends NumberingMarker {
  /** Accepted without siblings: a line-level heading at the start of its paragraph. */
  sure: boolean;
}

function candidatesIn(paragraph: Paragraph, lexicon: Lexicon): Candidate[] {
  const found: Candidate[] = [];
  for (const { offset, sentence, midSentence } of openingOffsets(paragraph)) {
    const head = paragraph.text.slice(offset - paragraph.start, offset - paragraph.start + 16);
    for (const def of lexicon.series) {
      const m = def.pattern.exec(head);
      if (!m) continue;
      if (midSentence && !MID_SENTENCE_FAMILIES.has(def.family)) break;
      const word = m.groups?.w;
      const index = word !== undefined ? (def.words?.[word] ?? 0) : parseChineseNumeral(m.groups?.n ?? '');
      if (Number.isNaN(index)) continue;
      const text = word ?? m[0].replace(/[，,：:]$/u, '');
      const atParagraphStart = offset === paragraph.start;
      found.push({
        start: offset,
        end: offset + text.length,
        series: def.id,
        family: def.family,
        index,
        text,
        paragraph: paragraph.index,
        sentence,
        atParagraphStart,
        ...(midSentence ? { midSentence } : {}),
        sure: def.line && atParagraphStart,
      });
      break;
    }
  }
  return found;
}

/**
 * 要做到一要…，二要…: the first item of a comma list often stands inside its clause. When a
 * mid-sentence 二是/二要 is found, look for its 一是/一要 in the clause before it.
 */
function leadingItems(paragraph: Paragraph, found: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  // lookups by sentence, so a paragraph of thousands of items stays linear
  const firsts = new Set(found.filter((d) => d.index === 1).map((d) => `${d.sentence}\u0000${d.series}`));
  const sentences = new Map(paragraph.sentences.map((s) => [s.index, s]));
  for (const c of found) {
    if (!c.midSentence || c.family !== 'ordinal' || c.index !== 2) continue;
    if (firsts.has(`${c.sentence}\u0000${c.series}`)) continue;
    const clause = lastClauseBefore(sentences.get(c.sentence)?.clauses ?? [], c.start);
    if (!clause) continue;
    const first = `一${c.text.slice(-1)}`;
    const at = clause.text.indexOf(first);
    if (at <= 0) continue;
    const start = clause.start + at;
    out.push({ ...c, start, end: start + first.length, index: 1, text: first });
  }
  return out;
}

/** The last clause ending at or before `offset` (clauses are in text order): a binary search. */
function lastClauseBefore<T extends { end: number }>(clauses: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = clauses.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((clauses[mid] as T).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return clauses[lo - 1];
}

/** Agenda items (进行第三项议程) stand mid-sentence, after 首先 or 下面. */
function agendaMarkers(paragraph: Paragraph, lexicon: Lexicon): Candidate[] {
  const out: Candidate[] = [];
  for (const sentence of paragraph.sentences) {
    const m = lexicon.cues.agendaItem.exec(sentence.text);
    if (!m || m.groups?.n === undefined) continue;
    const index = parseChineseNumeral(m.groups.n);
    if (Number.isNaN(index)) continue;
    const start = sentence.start + m.index + m[0].indexOf('第');
    const text = `第${m.groups.n}`;
    out.push({ start, end: start + text.length, series: '第一', family: 'agenda', index, text, paragraph: paragraph.index, sentence: sentence.index, atParagraphStart: false, sure: true });
  }
  return out;
}

/**
 * Find the numbering markers of a speech. A marker must open a paragraph, a sentence or
 * the text after a colon; inline series also need a sibling nearby, so that a lone 首先,
 * 最后 or 第一 is read as a word and not as an item.
 */
export function findMarkers(paragraphs: readonly Paragraph[], lexicon: Lexicon): NumberingMarker[] {
  const candidates = paragraphs.flatMap((p) => {
    const found = candidatesIn(p, lexicon);
    return [...found, ...leadingItems(p, found), ...agendaMarkers(p, lexicon)];
  });
  candidates.sort((a, b) => a.start - b.start);
  // a sibling is a marker of the same family with another index within SIBLING_WINDOW paragraphs:
  // keep two distinct indices per family and paragraph, then each candidate looks at 2·window+1 slots
  // (family → paragraph → indices: no key string is built per lookup, 18% of a parse of short lines)
  const indices = new Map<string, Map<number, number[]>>();
  for (const c of candidates) {
    let byParagraph = indices.get(c.family);
    if (!byParagraph) indices.set(c.family, (byParagraph = new Map<number, number[]>()));
    const seen = byParagraph.get(c.paragraph);
    if (!seen) byParagraph.set(c.paragraph, [c.index]);
    else if (seen.length < 2 && seen[0] !== c.index) seen.push(c.index);
  }
  const hasSibling = (c: Candidate) => {
    const byParagraph = indices.get(c.family) as Map<number, number[]>;
    for (let p = c.paragraph - SIBLING_WINDOW; p <= c.paragraph + SIBLING_WINDOW; p++) {
      const seen = byParagraph.get(p);
      if (seen) for (const index of seen) if (index !== c.index) return true;
    }
    return false;
  };
  const accepted = candidates.filter((c) => c.sure || hasSibling(c));
  // 最后 continues the sequence it closes
  let previous = 0;
  for (const m of accepted) {
    if (m.family !== 'sequence') continue;
    if (m.index === 0) m.index = previous + 1;
    previous = m.index;
  }
  return accepted.map(({ sure: _sure, ...marker }) => marker);
}
