import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerTable } from './aggregate.js';
import { analyzeFileSync, type AnyRecord, type ProcessOptions } from './document.js';
import type { CorpusTables, Revisited } from './revisit.js';
import type { WorkerData } from './worker.js';

const WORKER = new URL('./worker.js', import.meta.url);

/** Fewer documents than this per worker: starting workers (and jieba in each) costs more than it saves. */
const MIN_PER_WORKER = 8;

/** How a reducing caller takes part when workers count and take the second look themselves. */
export interface Reducer {
  /** A worker's counts, after the last record. */
  onTable(table: WorkerTable): void;
  /** Called once every table is in: what the workers measure their documents against. */
  settle(): CorpusTables;
  onRevisited(r: Revisited): void;
}

/**
 * Threads for `requested` jobs on `documents` files: never more than the cores (each worker loads
 * its own jieba, about 300 MB: 1 000 of them exhausted memory) nor than the documents allow.
 * `reason` says why fewer than asked, for a notice.
 */
export function workerCount(requested: number, documents: number, cores = availableParallelism()): { workers: number; reason?: string } {
  const byDocuments = Math.max(1, Math.floor(documents / MIN_PER_WORKER));
  const workers = Math.max(1, Math.min(requested, cores, byDocuments));
  if (workers >= requested) return { workers };
  const reason = workers === cores && cores <= byDocuments ? `本机只有 ${cores} 个 CPU 核` : `只有 ${documents} 篇文档（每个线程至少 ${MIN_PER_WORKER} 篇才划算）`;
  return { workers, reason };
}

/**
 * Analyse files into records, yielded in input order. With jobs > 1 the files go to worker
 * threads; at most a few per worker are in flight, so memory stays bounded however many files.
 * With a `reducer`, the records from workers are `counted` and carry no text: the workers keep
 * what the second look needs and take it when the generator has yielded its last record (the
 * return value is then true; false when the caller must take the second look itself).
 */
export async function* analyzeFiles(files: readonly string[], options: ProcessOptions, jobs: number, reducer?: Reducer): AsyncGenerator<AnyRecord, boolean> {
  const { workers } = workerCount(jobs, files.length);
  // from TypeScript sources (tests) there is no compiled worker: stay in this thread
  if (workers <= 1 || !existsSync(fileURLToPath(WORKER))) {
    yield* inProcess(files, options);
    return false;
  }
  yield* pooled(files, options, workers, reducer);
  return reducer !== undefined;
}

/**
 * One thread: each file read synchronously, then analysed. Reading ahead asynchronously (as this
 * did) overlapped little on a local disk and cost three times the CPU of a plain read (the stat,
 * open, read and close each a round trip through the event loop: bench/stages.mjs).
 */
// an async generator like `pooled`, though nothing in it waits
// eslint-disable-next-line @typescript-eslint/require-await
async function* inProcess(files: readonly string[], options: ProcessOptions): AsyncGenerator<AnyRecord> {
  for (const file of files) yield analyzeFileSync(file, options);
}

/** Tasks queued per worker: a worker never waits for the reducing thread to hand it the next file. */
const PER_WORKER = 4;

async function* pooled(files: readonly string[], options: ProcessOptions, count: number, reducer: Reducer | undefined): AsyncGenerator<AnyRecord> {
  const window = count * PER_WORKER * 2; // results held for reordering stay bounded
  const ready = new Map<number, AnyRecord>();
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  let next = 0;
  let emitted = 0;
  let tables = 0;
  let revisitsDone = 0;
  const workerData: WorkerData = { options, reduce: reducer !== undefined };
  const pool = Array.from({ length: count }, () => ({ worker: new Worker(WORKER, { workerData }), busy: 0 }));
  const dispatch = () => {
    for (;;) {
      if (next >= files.length || next >= emitted + window) return;
      const slot = pool.reduce((a, b) => (b.busy < a.busy ? b : a));
      if (slot.busy >= PER_WORKER) return;
      slot.worker.postMessage({ index: next, file: files[next] });
      slot.busy++;
      next++;
    }
  };
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  for (const slot of pool) {
    slot.worker.on('message', (msg: { index: number; record?: AnyRecord; crash?: string; table?: WorkerTable; revisited?: Revisited; revisitDone?: true }) => {
      if (msg.revisited) {
        reducer?.onRevisited(msg.revisited);
        return;
      }
      if (msg.table || msg.revisitDone) {
        if (msg.table) {
          reducer?.onTable(msg.table);
          tables++;
        } else revisitsDone++;
        signal();
        return;
      }
      slot.busy--;
      if (msg.crash) failure = new Error(msg.crash);
      else if (msg.record) ready.set(msg.index, msg.record);
      dispatch();
      signal();
    });
    slot.worker.on('error', (error) => {
      failure = error;
      signal();
    });
  }
  try {
    while (emitted < files.length) {
      dispatch();
      const record = ready.get(emitted);
      if (record) {
        ready.delete(emitted);
        emitted++;
        yield record;
        continue;
      }
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    if (!reducer) return;
    // every record is out: collect each worker's tables, then send back what the second look needs
    const until = async (done: () => boolean) => {
      while (!done()) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    };
    for (const slot of pool) slot.worker.postMessage({ finish: true });
    await until(() => tables === count);
    const revisit = reducer.settle();
    for (const slot of pool) slot.worker.postMessage({ revisit });
    await until(() => revisitsDone === count);
  } finally {
    await Promise.all(pool.map((s) => s.worker.terminate()));
  }
}
