import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerTable } from './aggregate.js';
import { analyzeFileSync, isSkipped, type ProcessOptions } from './document.js';
import { KeywordCounter, packTerms } from './keywords.js';
import { Revisitor, type CorpusTables, type RevisitRecord } from './revisit.js';
import { Spool } from './spool.js';
import { loadStockSettings, PhraseCounter } from './stock-phrases.js';

/**
 * One analyze worker: jieba, lexicons and taxonomy load once, then one file per message. All the
 * work on a document happens here: it is analysed, its n-grams and content words are counted
 * into this worker's tables, and what the second look needs of it (text, cuts, terms, 排比) is
 * kept in this worker's spool. The reducing thread gets a record without the text; at the end
 * ({ finish: true }) the tables, which it merges, ranks and sends back ({ revisit }), and then
 * the second look at each of this worker's documents ({ revisited }), then { revisitDone }.
 */
const { options, reduce } = workerData as WorkerData;
const counter = new PhraseCounter(loadStockSettings());
const keywords = new KeywordCounter();
const spool = new Spool<RevisitRecord & { index: number }>(1000);
/** `reduce`: the worker counts and takes the second look; without it (--jsonl) records go out whole. */
export interface WorkerData {
  options: ProcessOptions;
  reduce: boolean;
}
type Message = { index: number; file: string } | { finish: true } | { revisit: CorpusTables };

function revisitAll(tables: CorpusTables): void {
  const revisitor = Revisitor.fromTables(tables);
  try {
    for (const record of spool.replay()) parentPort?.postMessage({ revisited: revisitor.revisit(record, record.index) });
  } finally {
    spool.dispose();
  }
  parentPort?.postMessage({ revisitDone: true });
}

parentPort?.on('message', (msg: Message) => {
  if ('finish' in msg) {
    const table: WorkerTable = { phrases: counter.pack(), keywords: keywords.pack() };
    parentPort?.postMessage({ table });
    return;
  }
  if ('revisit' in msg) {
    try {
      revisitAll(msg.revisit);
    } catch (error) {
      parentPort?.postMessage({ index: -1, crash: (error as Error)?.stack ?? String(error) });
    }
    return;
  }
  try {
    const record = analyzeFileSync(msg.file, options);
    if (isSkipped(record) || !reduce) {
      parentPort?.postMessage({ index: msg.index, record });
      return;
    }
    counter.add(record.text, record.cuts, record.parallels, msg.index);
    keywords.add(record.terms);
    const terms = packTerms(record.terms);
    spool.push({ index: msg.index, file: record.file, text: record.text, cuts: record.cuts, terms, parallels: record.parallels });
    // the reducer needs neither the text nor the cuts: they stay here for the second look
    parentPort?.postMessage({ index: msg.index, record: { ...record, text: '', cuts: new Uint32Array(0), parallels: [], terms, counted: true } });
  } catch (error) {
    parentPort?.postMessage({ index: msg.index, crash: (error as Error)?.stack ?? String(error) });
  }
});
