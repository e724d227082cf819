/**
 * Character classes for counting Han n-grams: which UTF-16 units are Han, which are quotes, and
 * the Han runs of a text with the offset of each character (quotes skipped, never breaking a run).
 */

const QUOTE_CHARS = '“”"‘’「」『』《》〈〉';
export const QUOTES = /[“”"‘’「」『』《》〈〉]/gu;

/** Per UTF-16 unit: 1 = Han, 2 = quote. Built once from the same Unicode property, one regex scan. */
let unitClass: Uint8Array | undefined;
export function unitClasses(): Uint8Array {
  if (unitClass) return unitClass;
  const table = new Uint8Array(0x10000);
  let all = '';
  for (let c = 0; c < 0x10000; c += 0x800) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // a lone surrogate is never Han
    all += String.fromCharCode(...Array.from({ length: 0x800 }, (_, k) => c + k));
  }
  for (const m of all.matchAll(/\p{Script=Han}/gu)) table[m[0].charCodeAt(0)] = 1;
  for (const q of QUOTE_CHARS) table[q.charCodeAt(0)] = 2;
  unitClass = table;
  return table;
}

/** Is every unit of a token a BMP Han character? (A surrogate pair needs the regex.) */
export function isHanToken(t: string): boolean {
  const table = unitClasses();
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return /^\p{Script=Han}+$/u.test(t);
    if (table[c] !== 1) return false;
  }
  return t.length > 0;
}

export interface Run {
  chars: string;
  /** Offset in the text of each character of the run. */
  at: number[];
}

/** Han runs with positions; quotes are skipped without breaking a run (强化“四个意识”). */
export function positionedRuns(text: string): Run[] {
  const table = unitClasses();
  const runs: Run[] = [];
  let start = -1; // run being built: from `at`, its characters sliced in one go where no quote interrupts
  let at: number[] = [];
  const flush = () => {
    if (at.length > 0) {
      const last = at[at.length - 1] as number;
      // contiguous run (no quote inside): one slice instead of a concatenation per character
      const chars = last - (at[0] as number) + 1 === at.length ? text.slice(at[0], last + 1) : at.map((i) => text[i]).join('');
      runs.push({ chars, at });
    }
    at = [];
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const k = table[text.charCodeAt(i)];
    if (k === 2) continue;
    if (k === 1) {
      if (start < 0) start = i;
      at.push(i);
    } else if (start >= 0) flush();
  }
  flush();
  return runs;
}

/** Scratch flags reused across documents: a fresh off-heap array per document piles up until GC. */
let flags = new Uint8Array(1 << 14);

/** Token boundaries as a flag per text offset (valid until the next call). */
export function cutFlags(text: string, cuts: ArrayLike<number>): Uint8Array {
  if (flags.length < text.length + 1) flags = new Uint8Array(Math.max(text.length + 1, flags.length * 2));
  const isCut = flags;
  isCut.fill(0, 0, text.length + 1);
  for (let k = 0; k < cuts.length; k++) if ((cuts[k] as number) <= text.length) isCut[cuts[k] as number] = 1;
  return isCut;
}
