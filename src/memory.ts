import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Texts at least this long: the speech model of one is hundreds of megabytes (about 30× the text). */
const LARGE_TEXT = 1_000_000;

let gc: (() => void) | undefined;

/**
 * A full collection after a very long text's parse or speech model is done with: V8 lets its heap
 * grow to about twice what is alive before collecting, so a 16 MB one-line speech peaked over 1 GB
 * with most of it garbage (analyze, before jieba comes on top; lint, before its rules run). `gc` is
 * exposed the way jest-leak-detector does it (a flag set at run time, read by a new context);
 * ordinary speeches never pay for it.
 */
export function collectAfterLargeText(length: number): void {
  if (length < LARGE_TEXT) return;
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
