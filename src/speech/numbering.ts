import type { Lexicon } from './lexicon.js';
import { parseChineseNumeral } from './numerals.js';
import type { NumberingMarker, Paragraph } from './types.js';
import { firstIndex } from '../sorted.js';

/** Inline series need a sibling of the same family within this many paragraphs to count. */
const SIBLING_WINDOW = 2;

/**
 * Each offset where an item can open, passed to `at`: paragraph start, sentence start, after a colon,
 * and (mid-sentence) after a comma. A callback, not a list: a line of a million clauses made a
 * million objects here (a third of a parse's garbage).
 */
function openingOffsets(paragraph: Paragraph, at: (offset: number, sentence: number, midSentence: boolean) => void): void {
  for (const sentence of paragraph.sentences) {
    at(sentence.start, sentence.index, false);
    for (let i = 0; i < sentence.clauses.length - 1; i++) {
      const clause = sentence.clauses[i] as { end: number };
      const next = sentence.clauses[i + 1] as { start: number };
      const separator = separatorBetween(paragraph.text, clause.end - paragraph.start, next.start - paragraph.start);
      if (separator !== undefined) at(next.start, sentence.index, separator === COMMA);
    }
  }
}

const COLON = 1;
const COMMA = 2;

/** Between two clauses: COLON if a colon stands there, else COMMA for a comma, else undefined (read in place: no substring). */
function separatorBetween(text: string, from: number, to: number): typeof COLON | typeof COMMA | undefined {
  let comma = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff1a || c === 0x3a) return COLON; // ：:
    if (c === 0xff0c || c === 0x2c) comma = true; // ，,
  }
  return comma ? COMMA : undefined;
}

/** Mid-sentence, only the speech series count: 一是 一要 第一 其一 (a bare 1. or 一、 after a comma is a list, not an item). */
const MID_SENTENCE_FAMILIES = new Set(['ordinal', 'di']);

/** A marker found before the sibling test; `sure` holds those accepted without siblings (a line-level heading opening its paragraph). */
type Candidate = NumberingMarker;

function candidatesIn(paragraph: Paragraph, lexicon: Lexicon, sure: Set<Candidate>): Candidate[] {
  const found: Candidate[] = [];
  openingOffsets(paragraph, (offset, sentence, midSentence) => {
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
      const marker: Candidate = {
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
      };
      found.push(marker);
      if (def.line && atParagraphStart) sure.add(marker);
      break;
    }
  });
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
  for (let i = 0; i < found.length; i++) {
    const c = found[i] as Candidate;
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
  return clauses[firstIndex(clauses, (c) => c.end > offset) - 1];
}

/** Agenda items (进行第三项议程) stand mid-sentence, after 首先 or 下面. */
function agendaMarkers(paragraph: Paragraph, lexicon: Lexicon, sure: Set<Candidate>): Candidate[] {
  const out: Candidate[] = [];
  for (const sentence of paragraph.sentences) {
    const m = lexicon.cues.agendaItem.exec(sentence.text);
    if (!m || m.groups?.n === undefined) continue;
    const index = parseChineseNumeral(m.groups.n);
    if (Number.isNaN(index)) continue;
    const start = sentence.start + m.index + m[0].indexOf('第');
    const text = `第${m.groups.n}`;
    const marker: Candidate = { start, end: start + text.length, series: '第一', family: 'agenda', index, text, paragraph: paragraph.index, sentence: sentence.index, atParagraphStart: false };
    out.push(marker);
    sure.add(marker);
  }
  return out;
}

/**
 * Find the numbering markers of a speech. A marker must open a paragraph, a sentence or
 * the text after a colon; inline series also need a sibling nearby, so that a lone 首先,
 * 最后 or 第一 is read as a word and not as an item.
 */
export function findMarkers(paragraphs: readonly Paragraph[], lexicon: Lexicon): NumberingMarker[] {
  const sure = new Set<Candidate>();
  const candidates: Candidate[] = [];
  for (const p of paragraphs) {
    const found = candidatesIn(p, lexicon, sure);
    for (const list of [found, leadingItems(p, found), agendaMarkers(p, lexicon, sure)]) for (let i = 0; i < list.length; i++) candidates.push(list[i] as Candidate);
  }
  candidates.sort((a, b) => a.start - b.start);
  // a sibling is a marker of the same family with another index within SIBLING_WINDOW paragraphs:
  // keep two distinct indices per family and paragraph, then each candidate looks at 2·window+1 slots
  // (family → paragraph → indices: no key string is built per lookup, 18% of a parse of short lines)
  const indices = new Map<string, Map<number, number[]>>();
  // indexed loops here and below: a for-of not yet optimised allocates a result per element (160 MB for a million)
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as Candidate;
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
      if (seen && (seen[0] !== c.index || (seen.length > 1 && seen[1] !== c.index))) return true; // at most two indices
    }
    return false;
  };
  const accepted = candidates.filter((c) => sure.has(c) || hasSibling(c));
  // 最后 continues the sequence it closes
  let previous = 0;
  for (let i = 0; i < accepted.length; i++) {
    const m = accepted[i] as Candidate;
    if (m.family !== 'sequence') continue;
    if (m.index === 0) m.index = previous + 1;
    previous = m.index;
  }
  return accepted;
}
