import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { analyzeFile, type AnyRecord, type ProcessOptions } from './document.js';

const WORKER = new URL('./worker.js', import.meta.url);

/** Fewer documents than this per worker: starting workers (and jieba in each) costs more than it saves. */
const MIN_PER_WORKER = 8;

/**
 * Analyse files into records, yielded in input order. With jobs > 1 the files go to worker
 * threads; at most a few per worker are in flight, so memory stays bounded however many files.
 */
export async function* analyzeFiles(files: readonly string[], options: ProcessOptions, jobs: number): AsyncGenerator<AnyRecord> {
  const workers = Math.min(jobs, Math.floor(files.length / MIN_PER_WORKER));
  // from TypeScript sources (tests) there is no compiled worker: stay in this thread
  if (workers <= 1 || !existsSync(fileURLToPath(WORKER))) {
    for (const file of files) yield await analyzeFile(file, options);
    return;
  }
  yield* pooled(files, options, workers);
}

async function* pooled(files: readonly string[], options: ProcessOptions, count: number): AsyncGenerator<AnyRecord> {
  const window = count * 4;
  const ready = new Map<number, AnyRecord>();
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  let next = 0;
  const pool = Array.from({ length: count }, () => new Worker(WORKER, { workerData: options }));
  const idle: Worker[] = [...pool];
  const dispatch = (emitted: number) => {
    while (idle.length > 0 && next < files.length && next < emitted + window) {
      (idle.pop() as Worker).postMessage({ index: next, file: files[next] });
      next++;
    }
  };
  for (const worker of pool) {
    worker.on('message', (msg: { index: number; record?: AnyRecord; crash?: string }) => {
      if (msg.crash) failure = new Error(msg.crash);
      else if (msg.record) ready.set(msg.index, msg.record);
      idle.push(worker);
      signal();
    });
    worker.on('error', (error) => {
      failure = error;
      signal();
    });
  }
  try {
    for (let emitted = 0; emitted < files.length; ) {
      dispatch(emitted);
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
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
