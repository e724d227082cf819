import type { Speech } from '../speech/types.js';
import { QUOTES } from './han.js';
import type { StockSettings } from './stock-phrases.js';

export interface ParallelRun {
  /** 更加…、更加…、更加… */
  key: string;
  text: string;
  /** Offset of the run in the document text. */
  offset: number;
}

const EDGE_PUNCTUATION = /^[\s。！？；…!?;]+|[\s。！？；…!?;]+$/gu;

/**
 * 排比: three or more consecutive clauses of one sentence sharing their first (or last) two
 * characters. Sentences and clauses are the speech model's, so a comma inside quotes or brackets
 * does not end a clause.
 */
export function parallelRuns(speech: Speech, s: StockSettings): ParallelRun[] {
  const runs: ParallelRun[] = [];
  const k = s.parallel.affixLength;
  for (const sentence of speech.sentences) {
    if (sentence.clauses.length < s.parallel.minRun) continue; // most sentences: too few clauses for a run
    const clauses: Array<{ text: string; offset: number; end: number }> = [];
    for (const c of sentence.clauses) {
      const t = c.text.replace(EDGE_PUNCTUATION, '').replace(QUOTES, '');
      if (t.length >= k + 1) clauses.push({ text: t, offset: c.start, end: c.start + c.text.replace(/[\s。！？；…!?;]+$/u, '').length });
    }
    for (const side of ['head', 'tail'] as const) {
      const affix = (t: string) => (side === 'head' ? t.slice(0, k) : t.slice(-k));
      for (let i = 0; i < clauses.length; ) {
        const a = affix((clauses[i] as { text: string }).text);
        let j = i + 1;
        while (j < clauses.length && affix((clauses[j] as { text: string }).text) === a) j++;
        if (j - i >= s.parallel.minRun && /^\p{Script=Han}+$/u.test(a) && !s.parallel.ignore.includes(a)) {
          const first = clauses[i] as { offset: number };
          const last = clauses[j - 1] as { end: number };
          const key = Array.from({ length: j - i }, () => (side === 'head' ? `${a}…` : `…${a}`)).join('、');
          runs.push({ key, text: speech.text.slice(first.offset, last.end), offset: first.offset });
        }
        i = j;
      }
    }
  }
  return runs;
}
