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
  const close = (run: Run | undefined, side: 'head' | 'tail', into: ParallelRun[]) => {
    if (!run || run.count < s.parallel.minRun || !/^\p{Script=Han}+$/u.test(run.affix) || s.parallel.ignore.includes(run.affix)) return;
    const key = Array.from({ length: run.count }, () => (side === 'head' ? `${run.affix}…` : `…${run.affix}`)).join('、');
    into.push({ key, text: speech.text.slice(run.offset, run.end), offset: run.offset });
  };
  for (const sentence of speech.sentences) {
    if (sentence.clauses.length < s.parallel.minRun) continue; // most sentences: too few clauses for a run
    // one pass, each side's current run only: a sentence of a million clauses holds no list of them
    let head: Run | undefined;
    let tail: Run | undefined;
    const tails: ParallelRun[] = [];
    for (const c of sentence.clauses) {
      const t = c.text.replace(EDGE_PUNCTUATION, '').replace(QUOTES, '');
      if (t.length < k + 1) continue; // too short to share an affix: neither extends nor breaks a run
      const end = c.start + c.text.replace(/[\s。！？；…!?;]+$/u, '').length;
      const h = t.slice(0, k);
      if (head?.affix === h) {
        head.count++;
        head.end = end;
      } else {
        close(head, 'head', runs);
        head = { affix: h, count: 1, offset: c.start, end };
      }
      const a = t.slice(-k);
      if (tail?.affix === a) {
        tail.count++;
        tail.end = end;
      } else {
        close(tail, 'tail', tails);
        tail = { affix: a, count: 1, offset: c.start, end };
      }
    }
    close(head, 'head', runs);
    close(tail, 'tail', tails);
    for (const run of tails) runs.push(run); // a sentence's runs by their heads first, then by their tails
  }
  return runs;
}

/** The clauses so far that share one affix. */
interface Run {
  affix: string;
  count: number;
  offset: number;
  end: number;
}
