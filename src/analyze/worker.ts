import { parentPort, workerData } from 'node:worker_threads';
import { analyzeFile, isSkipped, type ProcessOptions } from './document.js';
import { packTerms } from './keywords.js';
import { loadStockSettings, PhraseCounter } from './stock-phrases.js';

/**
 * One analyze worker: jieba, lexicons and taxonomy load once, then one file per message. It
 * counts its documents' n-grams itself and hands the table over at the end ({ finish: true }),
 * so the reducing thread does not have to (the sums are the same in any order).
 */
const options = workerData as ProcessOptions;
const counter = new PhraseCounter(loadStockSettings());
parentPort?.on('message', (msg: { index: number; file: string } | { finish: true }) => {
  if ('finish' in msg) {
    parentPort?.postMessage({ table: counter.pack() });
    return;
  }
  analyzeFile(msg.file, options).then(
    (record) => {
      if (!isSkipped(record)) {
        counter.add(record.text, record.cuts, record.parallels, msg.index);
        record.counted = true;
        record.terms = packTerms(record.terms);
      }
      parentPort?.postMessage({ index: msg.index, record });
    },
    (error: unknown) => parentPort?.postMessage({ index: msg.index, crash: (error as Error)?.stack ?? String(error) }),
  );
});
