import type { Clause, Paragraph, Sentence } from './types.js';
import { isSpace } from './text.js';

// Character classes by UTF-16 code, so the hot loops below compare numbers, not strings.
const TERMINATOR = 1;
const OPENER = 2;
const CLOSER = 3;
const CLAUSE_BREAK = 4;
const COLON = 5;
const CLASS = new Uint8Array(0x10000);
const classify = (chars: string, cls: number) => {
  for (const ch of chars) CLASS[ch.charCodeAt(0)] = cls;
};
classify('。！？；…!?;', TERMINATOR);
classify('“‘「『（(《【〔〈［', OPENER);
classify('”’」』）)》】〕〉］', CLOSER);
classify('，、,', CLAUSE_BREAK);
classify('：:', COLON);
const classOf = (text: string, i: number): number => CLASS[text.charCodeAt(i)] as number;
/** An opening quote this far behind is taken as unbalanced, so one typo cannot swallow a paragraph. */
const MAX_QUOTE_SPAN = 240;
/** How far after a colon a numbering marker is looked for. */
const MARKER_WINDOW = 12;


function trimmedSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

/** Split `text[start, end)` into clauses at ，、： outside quotes and brackets. */
export function splitClauses(text: string, start: number, end: number): Clause[] {
  const clauses: Clause[] = [];
  let depth = 0;
  let from = start;
  const push = (to: number) => {
    const [s, e] = trimmedSpan(text, from, to);
    if (e > s) clauses.push({ start: s, end: e, text: text.slice(s, e) });
  };
  for (let i = start; i < end; i++) {
    const cls = classOf(text, i);
    if (cls === 0) continue;
    if (cls === OPENER) depth++;
    else if (cls === CLOSER) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      push(i);
      from = i + 1;
    }
  }
  push(end);
  return fitted(clauses);
}

/**
 * An array built by push keeps room for 17 elements after its first: a line of one sentence of one
 * clause paid 300 bytes for two such arrays, 40% of its model. The copy has exactly its length.
 */
const fitted = <T>(list: T[]): T[] => (list.length < 16 ? list.slice() : list);

/**
 * Split a paragraph's text into sentences at 。！？；… plus the closing quotes and brackets after them.
 * A colon followed by a numbering marker (`marker`: the lexicon's leadingMarker; 不足：一是…) ends the
 * lead sentence too, so each item is a sentence.
 */
export function splitSentences(text: string, start: number, end: number, paragraph: number, firstIndex: number, marker: RegExp): Sentence[] {
  const sentences: Sentence[] = [];
  const openAt: number[] = [];
  let from = start;
  const push = (to: number) => {
    const [s, e] = trimmedSpan(text, from, to);
    if (e > s) {
      sentences.push({ start: s, end: e, text: text.slice(s, e), paragraph, index: firstIndex + sentences.length, clauses: splitClauses(text, s, e) });
    }
    from = to;
  };
  let i = start;
  while (i < end) {
    const cls = classOf(text, i);
    if (cls === OPENER) {
      openAt.push(i);
      i++;
      continue;
    }
    if (cls === CLOSER) {
      openAt.pop();
      i++;
      continue;
    }
    const colonBreak = cls === COLON && openAt.length === 0 && marker.test(text.slice(i + 1, Math.min(end, i + MARKER_WINDOW)).trimStart());
    if (cls !== TERMINATOR && !colonBreak) {
      i++;
      continue;
    }
    // a run of terminators, then any closing quotes or brackets that follow them
    let j = i + 1;
    while (j < end && classOf(text, j) === TERMINATOR) j++;
    while (j < end && classOf(text, j) === CLOSER && openAt.length > 0) {
      openAt.pop();
      j++;
    }
    const innermost = openAt[openAt.length - 1];
    if (innermost !== undefined && i - innermost < MAX_QUOTE_SPAN) {
      i = j; // inside quotes or brackets: not a sentence end
      continue;
    }
    openAt.length = 0;
    push(j);
    i = j;
  }
  push(end);
  return fitted(sentences);
}

/** Indentation, plus a Markdown heading or quote marker (## 一、…), which is layout, not text. */
const INDENT = /^[\s\u3000\u00a0\ufeff]*(?:#{1,6}[ \t]+|>[ \t]*)?/u;
/** A line that is only an HTML comment (<!-- jianghua-disable … -->) is not part of the speech. */
const COMMENT_LINE = /^[\s\u3000\u00a0]*<!--.*-->[\s\u3000\u00a0]*$/u;

/** One non-blank line is one paragraph, as in the genre (and in Word's plain-text export); `marker` as for splitSentences. */
export function splitParagraphs(text: string, marker: RegExp): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let sentenceCount = 0;
  let lineStart = 0;
  let line = 1;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const lineText = text.slice(lineStart, lineEnd);
    const indent = (INDENT.exec(lineText) as RegExpExecArray)[0];
    const [start, end] = trimmedSpan(text, lineStart + indent.length, lineEnd);
    if (end > start && !COMMENT_LINE.test(lineText)) {
      const index = paragraphs.length;
      const sentences = splitSentences(text, start, end, index, sentenceCount, marker);
      sentenceCount += sentences.length;
      paragraphs.push({ start, end, index, line, text: text.slice(start, end), indent, sentences });
    }
    if (lineEnd === text.length) break;
    lineStart = lineEnd + 1;
    line++;
  }
  return paragraphs;
}
