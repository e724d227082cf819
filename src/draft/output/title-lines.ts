import { segment } from '../../analyze/segment.js';

const OPENERS = '（《“‘【〔(';
const CLOSERS = '）》”’】〕)';

/**
 * A long title broken into lines of at most `perLine` characters, at word boundaries (jieba) and
 * never inside brackets or quotes, with lines as even as possible (GB/T 9704: 词意完整，排列对称，
 * 长短适宜). A title that fits, or one with no boundary that fits, stays whole.
 */
export function titleLines(title: string, perLine: number): string[] {
  const chars = [...title];
  if (chars.length <= perLine) return [title];
  // boundaries: offsets (in characters) between jieba words, outside any bracket pair
  const cuts: number[] = [];
  let at = 0;
  let depth = 0;
  for (const word of segment(title)) {
    for (const c of word) {
      if (OPENERS.includes(c)) depth++;
      else if (CLOSERS.includes(c)) depth = Math.max(0, depth - 1);
    }
    at += [...word].length;
    // jieba splits 2023 into digits: never break inside a number or a Latin word
    const joined = /[0-9A-Za-z％%.]/u.test(chars[at - 1] ?? '') && /[0-9A-Za-z％%.]/u.test(chars[at] ?? '');
    if (depth === 0 && at < chars.length && !joined) cuts.push(at);
  }
  const lines = Math.ceil(chars.length / perLine);
  let best: { breaks: number[]; score: number } | undefined;
  // lines - 1 breaks chosen among the boundaries; titles have two or three lines, so trying all is cheap
  const choose = (from: number, breaks: number[]) => {
    if (breaks.length === lines - 1) {
      const edges = [0, ...breaks, chars.length];
      const lengths = edges.slice(1).map((e, i) => e - (edges[i] as number));
      if (lengths.some((l) => l > perLine)) return;
      // even lines first; between equals, the longer line above (an inverted trapezoid)
      const score = (Math.max(...lengths) - Math.min(...lengths)) * 2 + (lengths[0]! < lengths[lengths.length - 1]! ? 1 : 0);
      if (!best || score < best.score) best = { breaks: [...breaks], score };
      return;
    }
    for (let i = from; i < cuts.length; i++) choose(i + 1, [...breaks, cuts[i] as number]);
  };
  if (lines <= 4) choose(0, []);
  if (!best) return [title];
  const edges = [0, ...best.breaks, chars.length];
  return edges.slice(1).map((e, i) => chars.slice(edges[i], e).join(''));
}
