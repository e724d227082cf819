import { parentPort, workerData } from 'node:worker_threads';
import { analyzeFile, type ProcessOptions } from './document.js';

/** One analyze worker: jieba, lexicons and taxonomy load once, then one file per message. */
const options = workerData as ProcessOptions;
parentPort?.on('message', (msg: { index: number; file: string }) => {
  analyzeFile(msg.file, options).then(
    (record) => parentPort?.postMessage({ index: msg.index, record }),
    (error: unknown) => parentPort?.postMessage({ index: msg.index, crash: (error as Error)?.stack ?? String(error) }),
  );
});
