import type { Clause, Paragraph, Sentence } from './types.js';

const TERMINATORS = new Set(['。', '！', '？', '；', '…', '!', '?', ';']);
const OPENERS = new Set(['“', '‘', '「', '『', '（', '(', '《', '【', '〔', '〈', '［']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '】', '〕', '〉', '］']);
const CLAUSE_BREAKS = new Set(['，', '、', '：', ',', ':']);
/** An opening quote this far behind is taken as unbalanced, so one typo cannot swallow a paragraph. */
const MAX_QUOTE_SPAN = 240;
/** A colon that introduces an enumeration (不足：一是…) ends the lead sentence, so each item is a sentence. */
const ENUMERATION_AFTER_COLON = /^\s*(?:[一二三四五六七八九十]{1,3}[是要、]|第[一二三四五六七八九十]{1,3}[，,、]|其[一二三四五六七八九十][，,、]|首先[，,]|[（(][一二三四五六七八九十\d]{1,2}[）)]|\d{1,2}[.．、](?!\d))/u;

function trimmedSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/u.test(text[start] as string)) start++;
  while (end > start && /\s/u.test(text[end - 1] as string)) end--;
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
    const ch = text[i] as string;
    if (OPENERS.has(ch)) depth++;
    else if (CLOSERS.has(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (CLAUSE_BREAKS.has(ch) || TERMINATORS.has(ch))) {
      push(i);
      from = i + 1;
    }
  }
  push(end);
  return clauses;
}

/** Split a paragraph's text into sentences at 。！？；… plus the closing quotes and brackets after them. */
export function splitSentences(text: string, start: number, end: number, paragraph: number, firstIndex: number): Sentence[] {
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
    const ch = text[i] as string;
    if (OPENERS.has(ch)) {
      openAt.push(i);
      i++;
      continue;
    }
    if (CLOSERS.has(ch)) {
      openAt.pop();
      i++;
      continue;
    }
    const colonBreak = (ch === '：' || ch === ':') && openAt.length === 0 && ENUMERATION_AFTER_COLON.test(text.slice(i + 1, Math.min(end, i + 12)));
    if (!TERMINATORS.has(ch) && !colonBreak) {
      i++;
      continue;
    }
    // a run of terminators, then any closing quotes or brackets that follow them
    let j = i + 1;
    while (j < end && TERMINATORS.has(text[j] as string)) j++;
    while (j < end && CLOSERS.has(text[j] as string) && openAt.length > 0) {
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
  return sentences;
}

/** Indentation, plus a Markdown heading or quote marker (## 一、…), which is layout, not text. */
const INDENT = /^[\s\u3000\u00a0\ufeff]*(?:#{1,6}[ \t]+|>[ \t]*)?/u;
/** A line that is only an HTML comment (<!-- jianghua-disable … -->) is not part of the speech. */
const COMMENT_LINE = /^[\s\u3000\u00a0]*<!--.*-->[\s\u3000\u00a0]*$/u;

/** One non-blank line is one paragraph, as in the genre (and in Word's plain-text export). */
export function splitParagraphs(text: string): Paragraph[] {
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
      const sentences = splitSentences(text, start, end, index, sentenceCount);
      sentenceCount += sentences.length;
      paragraphs.push({ start, end, index, line, text: text.slice(start, end), indent, sentences });
    }
    if (lineEnd === text.length) break;
    lineStart = lineEnd + 1;
    line++;
  }
  return paragraphs;
}
