import { firstIndex } from '../sorted.js';

/** Line ends and positions. Offsets index the normalised text (UTF-16 units); positions are 1-based code points. */

export interface Position {
  line: number;
  column: number;
}

/** Strip a BOM and turn CRLF / CR into LF, so that every consumer counts lines the same way. */
export function normalizeText(raw: string): string {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * From offsets in normalizeText(raw) back to offsets in raw (a BOM and the CR of each CRLF put
 * back), for fix ranges editors and scripts apply to the text they hold. `end`: an offset that
 * closes a range stays before a CR it touches.
 */
export function rawOffsets(raw: string): (offset: number, end?: boolean) => number {
  const removed: number[] = []; // normalised positions where one raw UTF-16 unit was dropped
  if (raw.charCodeAt(0) === 0xfeff) removed.push(0);
  for (let i = raw.indexOf('\r\n'); i !== -1; i = raw.indexOf('\r\n', i + 2)) removed.push(i - removed.length);
  if (removed.length === 0) return (offset) => offset;
  return (offset, end = false) => {
    // how many removals sit before (or, for a start, at) the offset
    return offset + firstIndex(removed, (r) => (end ? r >= offset : r > offset));
  };
}

/** White space a paragraph is trimmed of (a line of nothing else is no paragraph). */
export const isSpace = (code: number) => code === 0x20 || code === 0x3000 || code === 0xa0 || (code >= 0x09 && code <= 0x0d) || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x1680 || code === 0x2028 || code === 0x2029 || code === 0x85;

/** The first `max` code points of `text`, and `mark` when there are more; never an array of the whole text. */
export function excerpt(text: string, max: number, mark: string): string {
  if (text.length <= max || codePointLength(text) <= max) return text;
  return `${[...text.slice(0, 2 * max)].slice(0, max).join('')}${mark}`;
}

/** Count code points between two UTF-16 offsets, fast when the slice has no surrogate pairs. */
export function codePointLength(text: string, start = 0, end = text.length): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    // a high surrogate followed by a low one is a single code point
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

export class LineIndex {
  /** Offset of the first character of each line. */
  readonly starts: number[];
  /** Offset of the second unit of each surrogate pair, ascending: a column is units minus the pairs before it. */
  private readonly pairEnds: number[] = [];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
    for (let i = 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff) {
        const h = text.charCodeAt(i - 1);
        if (h >= 0xd800 && h <= 0xdbff) this.pairEnds.push(i);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line number containing `offset` (binary search). */
  lineOf(offset: number): number {
    return lastAtOrBefore(this.starts, offset);
  }

  /** O(log n) whatever the order of the calls: a long line is never rescanned. */
  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    const start = this.starts[line] as number;
    // pairs wholly inside [start, clamped) count once (as codePointLength counts them)
    const pairs = this.pairEnds.length === 0 ? 0 : countBelow(this.pairEnds, clamped) - countBelow(this.pairEnds, start + 1);
    return { line: line + 1, column: 1 + clamped - start - pairs };
  }

  /** Inverse of `position`; columns past the end of the line clamp to it. */
  offset(position: Position): number {
    const start = this.starts[Math.max(0, Math.min(position.line - 1, this.starts.length - 1))] as number;
    let offset = start;
    for (let col = 1; col < position.column && offset < this.text.length && this.text[offset] !== '\n'; col++) {
      offset += (this.text.codePointAt(offset) as number) > 0xffff ? 2 : 1;
    }
    return offset;
  }
}

/** Index of the last element ≤ value in an ascending array (0 when none is). */
function lastAtOrBefore(sorted: readonly number[], value: number): number {
  return Math.max(0, firstIndex(sorted, (v) => v > value) - 1);
}

/** How many elements of an ascending array are < value. */
function countBelow(sorted: readonly number[], value: number): number {
  return firstIndex(sorted, (v) => v >= value);
}

const HAN_RUN = /\p{Script=Han}+/gu;

/** Han characters: what 字数 means in an office, and what a speaker reads aloud. */
export function countHan(text: string): number {
  // a run at a time (a match per character cost analyze an eighth of a jieba cut); a run's
  // length is its code points, a character outside the BMP being two units
  HAN_RUN.lastIndex = 0;
  let n = 0;
  for (let m = HAN_RUN.exec(text); m; m = HAN_RUN.exec(text)) {
    const run = m[0];
    n += run.length;
    for (let i = 0; i < run.length; i++) {
      const c = run.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) n--;
    }
  }
  return n;
}
