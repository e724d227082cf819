import { distance } from 'fastest-levenshtein';

/** `，是不是“sections”？` when one candidate is close to what was written, else ''. */
export function didYouMean(written: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(written.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  // a third of the word, at least two edits: sectoins → sections, warnign → warning, not x → rate
  const limit = Math.max(2, Math.floor(written.length / 3));
  return best !== undefined && bestDistance <= limit ? `，是不是“${best}”？` : '';
}
