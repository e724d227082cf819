import type { Lexicon } from './lexicon.js';
import { parseChineseNumeral } from './numerals.js';
import type { NumberingMarker, Paragraph } from './types.js';

/** Inline series need a sibling of the same family within this many paragraphs to count. */
const SIBLING_WINDOW = 2;

/** Offsets where an item can open: paragraph start, sentence start, and after a colon. */
function openingOffsets(paragraph: Paragraph): Array<{ offset: number; sentence: number }> {
  const out: Array<{ offset: number; sentence: number }> = [];
  for (const sentence of paragraph.sentences) {
    out.push({ offset: sentence.start, sentence: sentence.index });
    for (let i = 0; i < sentence.clauses.length - 1; i++) {
      const clause = sentence.clauses[i] as { end: number };
      const next = sentence.clauses[i + 1] as { start: number };
      if (/[：:]/u.test(sentenceText(paragraph, clause.end, next.start))) out.push({ offset: next.start, sentence: sentence.index });
    }
  }
  return out;
}

function sentenceText(paragraph: Paragraph, start: number, end: number): string {
  return paragraph.text.slice(start - paragraph.start, end - paragraph.start);
}

interface Candidate extends NumberingMarker {
  /** Accepted without siblings: a line-level heading at the start of its paragraph. */
  sure: boolean;
}

function candidatesIn(paragraph: Paragraph, lexicon: Lexicon): Candidate[] {
  const found: Candidate[] = [];
  for (const { offset, sentence } of openingOffsets(paragraph)) {
    const head = paragraph.text.slice(offset - paragraph.start, offset - paragraph.start + 16);
    for (const def of lexicon.series) {
      const m = def.pattern.exec(head);
      if (!m) continue;
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
        sure: def.line && atParagraphStart,
      });
      break;
    }
  }
  return found;
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
  const candidates = paragraphs.flatMap((p) => [...candidatesIn(p, lexicon), ...agendaMarkers(p, lexicon)]);
  candidates.sort((a, b) => a.start - b.start);
  const accepted = candidates.filter(
    (c) =>
      c.sure ||
      candidates.some(
        (d) => d !== c && d.family === c.family && d.index !== c.index && Math.abs(d.paragraph - c.paragraph) <= SIBLING_WINDOW,
      ),
  );
  // 最后 continues the sequence it closes
  let previous = 0;
  for (const m of accepted) {
    if (m.family !== 'sequence') continue;
    if (m.index === 0) m.index = previous + 1;
    previous = m.index;
  }
  return accepted.map(({ sure: _sure, ...marker }) => marker);
}
