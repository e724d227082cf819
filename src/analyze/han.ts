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

/**
 * A text's Han units with quotes skipped (强化“四个意识” is one run), runs end to end in `units`,
 * and jieba's token boundaries on them: `bounds` bit 1 = a token starts at the unit, bit 2 = a
 * token ends right after it (a quote after it included). Scratch arrays reused across documents,
 * valid until the next call.
 */
export interface HanUnits {
  units: Uint16Array;
  bounds: Uint8Array;
  /** Number of units. */
  length: number;
  /** Where each run ends (exclusive), ascending; `runs` of them. */
  runEnds: Int32Array;
  runs: number;
}

const han: HanUnits = { units: new Uint16Array(1 << 14), bounds: new Uint8Array(1 << 14), length: 0, runEnds: new Int32Array(1 << 12), runs: 0 };

export function hanUnits(text: string, cuts: ArrayLike<number>): HanUnits {
  const table = unitClasses();
  const isCut = cutFlags(text, cuts);
  if (han.units.length < text.length) {
    han.units = new Uint16Array(Math.max(text.length, han.units.length * 2));
    han.bounds = new Uint8Array(han.units.length);
  }
  const { units, bounds } = han;
  let runEnds = han.runEnds;
  let u = 0;
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const k = table[c];
    if (k === 2) continue;
    if (k === 1) {
      units[u] = c;
      bounds[u] = (isCut[i] as number) | ((isCut[i + 1] as number) << 1);
      u++;
      inRun = true;
    } else if (inRun) {
      if (runs === runEnds.length) runEnds = grow(runEnds);
      runEnds[runs++] = u;
      inRun = false;
    }
  }
  if (inRun) {
    if (runs === runEnds.length) runEnds = grow(runEnds);
    runEnds[runs++] = u;
  }
  han.runEnds = runEnds;
  han.length = u;
  han.runs = runs;
  return han;
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
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
