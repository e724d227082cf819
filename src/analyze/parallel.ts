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
    const closeHead = (run: Run | undefined) => close(run, 'head', runs);
    const closeTail = (run: Run | undefined) => close(run, 'tail', tails);
    for (const c of sentence.clauses) {
      const t = c.text.replace(EDGE_PUNCTUATION, '').replace(QUOTES, '');
      if (t.length < k + 1) continue; // too short to share an affix: neither extends nor breaks a run
      const end = c.start + c.text.replace(/[\s。！？；…!?;]+$/u, '').length;
      head = extend(head, t.slice(0, k), c.start, end, closeHead);
      tail = extend(tail, t.slice(-k), c.start, end, closeTail);
    }
    closeHead(head);
    closeTail(tail);
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

/** The run a clause with this affix (from `start` to `end`) belongs to: the current one, or a new one after `closing` it. */
function extend(run: Run | undefined, affix: string, start: number, end: number, closing: (run: Run | undefined) => void): Run {
  if (run?.affix === affix) {
    run.count++;
    run.end = end;
    return run;
  }
  closing(run);
  return { affix, count: 1, offset: start, end };
}
