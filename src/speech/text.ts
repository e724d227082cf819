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
    // how many removals sit before (or, for a start, at) the offset: binary search
    let lo = 0;
    let hi = removed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (end ? (removed[mid] as number) < offset : (removed[mid] as number) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return offset + lo;
  };
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

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line number containing `offset` (binary search). */
  lineOf(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The last answer: callers walk forward along a line, so counting resumes from it (linear, not quadratic, on long lines). */
  private last = { line: -1, offset: 0, column: 1 };

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    const { last } = this;
    const from = last.line === line && last.offset <= clamped ? last : { line, offset: this.starts[line] as number, column: 1 };
    const column = from.column + codePointLength(this.text, from.offset, clamped);
    // resuming inside a surrogate pair would miscount: only remember offsets between code points
    const c = this.text.charCodeAt(clamped);
    if (!(c >= 0xdc00 && c <= 0xdfff)) this.last = { line, offset: clamped, column };
    return { line: line + 1, column };
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

const HAN = /\p{Script=Han}/gu;

/** Han characters: what 字数 means in an office, and what a speaker reads aloud. */
export function countHan(text: string): number {
  HAN.lastIndex = 0;
  let n = 0;
  while (HAN.exec(text)) n++;
  return n;
}
