import { collectFilesOrFail } from '../io/collect.js';
import { Aggregator, type AnalyzeResult } from './aggregate.js';
import type { AnalyzeReport } from './result.js';
import { corpusProblems, type GroupField } from './corpus.js';
import { isSkipped, type AnyRecord, type ProcessOptions } from './document.js';
import { readParts } from './jsonl.js';
import { analyzeFiles, workerCount, type Reducer } from './pool.js';
import { FindingSpool, Spool } from './spool.js';
import { userDictionaries } from './segment.js';
import { loadTaxonomy } from './taxonomy.js';
import { packTerms } from './keywords.js';
import { availableParallelism } from 'node:os';

export type { AnalyzeReport, AnalyzeResult, CategorySummary, DocumentSummary, GroupSummary, StockPhraseSummary } from './result.js';
export { resultCounts } from './result.js';
export type { AnyRecord, DocRecord } from './document.js';
export type { Finding } from './findings.js';
import type { Finding } from './findings.js';

/** Speech files analyze reads from folders and globs. */
export const ANALYZE_EXTENSIONS = ['txt', 'md', 'docx'] as const;

/** Where a run is: reading and counting documents, ranking phrases, then the second pass over them. */
export type AnalyzePhase = 'count' | 'rank' | 'revisit';

export interface AnalyzeOptions extends ProcessOptions {
  /** Phrases and keywords per document to report (default 20). */
  top?: number;
  by?: GroupField;
  /** Worker threads (default: the number of cores). */
  jobs?: number;
  /** Called after each document, e.g. for a progress bar. */
  onDocument?(record: AnyRecord, done: number, total: number): void;
  /** Called as each phase starts and as it moves (`total` is 0 when unknown, as in a merge). */
  onProgress?(phase: AnalyzePhase, done: number, total: number): void;
  /** Something the user should know that does not stop the run (a document merged twice). */
  onWarning?(message: string): void;
}

/** Threads to use: --jobs clamped to the cores and the documents, with a notice when clamped. */
function jobsFor(options: AnalyzeOptions, documents: number): number {
  if (options.jobs === undefined) return workerCount(availableParallelism(), documents).workers;
  const { workers, reason } = workerCount(options.jobs, documents);
  if (reason) options.onWarning?.(`--jobs ${options.jobs}：${reason}，改用 ${workers} 个线程`);
  return workers;
}

/** Check user-supplied files before any work starts, so a typo fails at once with exit 2. */
function preflight(options: AnalyzeOptions, files: readonly string[]) {
  const taxonomy = loadTaxonomy(options.taxonomy);
  userDictionaries(options.dict); // workers load jieba; here only check the paths
  // a corpus.yaml that cannot be used is reported as itself; its folder's speeches keep their file names
  for (const problem of corpusProblems(files)) options.onWarning?.(`${problem.format()}（该目录的讲话稿按文件名取元数据）`);
  return taxonomy;
}

/** Records to reduce; the generator returns true when workers took the second look (see Reducer). */
type Source = (reducer: Reducer) => AsyncGenerator<AnyRecord, boolean>;

/** Count and revisit every record; the aggregator then holds the result (its `dispose` is the caller's). */
async function reduce(source: Source, options: AnalyzeOptions, total: number, sink?: FindingSpool): Promise<Aggregator> {
  const aggregator = new Aggregator(loadTaxonomy(options.taxonomy), { top: options.top ?? 20, ...(options.by ? { by: options.by } : {}), ...(sink ? { findingSink: sink.push } : {}) });
  let revisited = 0;
  const records = source({
    onTable: aggregator.mergeTable,
    settle: () => {
      options.onProgress?.('rank', 0, 0);
      aggregator.settle();
      options.onProgress?.('revisit', 0, aggregator.analysed);
      return aggregator.corpusTables();
    },
    onRevisited: (r) => {
      aggregator.file(r);
      options.onProgress?.('revisit', ++revisited, aggregator.analysed);
    },
  });
  // pass 2 in this thread (one job, or merged parts) needs only text, cuts, terms and 排比 runs
  const spool = new Spool(1000);
  try {
    let done = 0;
    options.onProgress?.('count', 0, total);
    for (;;) {
      const next = await records.next();
      if (next.done) {
        if (next.value) return aggregator;
        break;
      }
      const record = next.value;
      aggregator.add(record);
      if (!('counted' in record && record.counted)) spool.push(isSkipped(record) ? record : { ...record, findings: [], terms: packTerms(record.terms) });
      options.onDocument?.(record, ++done, total);
      options.onProgress?.('count', done, total);
    }
    options.onProgress?.('rank', 0, 0);
    aggregator.settle();
    let index = 0;
    options.onProgress?.('revisit', 0, done);
    for (const record of spool.replay()) {
      aggregator.revisit(record, index++);
      options.onProgress?.('revisit', index, done);
    }
    return aggregator;
  } catch (error) {
    aggregator.dispose();
    throw error;
  } finally {
    spool.dispose();
  }
}

/** What workers need: plain data only (no callbacks), so it can be cloned to a thread. */
const processOptions = (o: AnalyzeOptions): ProcessOptions => ({ ...(o.taxonomy ? { taxonomy: o.taxonomy } : {}), ...(o.dict ? { dict: o.dict } : {}) });

/** The records of a corpus, one per file, in order: what `--jsonl` writes. */
export async function* analyzeRecords(inputs: readonly string[], options: AnalyzeOptions = {}): AsyncGenerator<AnyRecord> {
  const files = await collectFilesOrFail(inputs, { extensions: ANALYZE_EXTENSIONS });
  preflight(options, files);
  yield* analyzeFiles(files, processOptions(options), jobsFor(options, files.length));
}

/** --jsonl parts as records; a document that comes twice is counted once, with a warning. */
async function* partRecords(parts: readonly string[], options: AnalyzeOptions): AsyncGenerator<AnyRecord, boolean> {
  yield* readParts(parts, (at, record, first) => options.onWarning?.(`${at.file}:${at.line}: ${record.file} 与 ${first.file}:${first.line} 是同一篇文档（路径和内容都相同），只计一次`));
  return false;
}

/**
 * Analyse a corpus: problem categories, findings, stock phrases and keywords.
 * Unreadable files are skipped (listed in `documents` with an `error`), never fatal.
 */
export async function analyzeCorpus(inputs: readonly string[], options: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  const files = await collectFilesOrFail(inputs, { extensions: ANALYZE_EXTENSIONS });
  preflight(options, files);
  return (await reduce((reducer) => analyzeFiles(files, processOptions(options), jobsFor(options, files.length), reducer), options, files.length)).result();
}

/** Combine --jsonl parts into the same result a single run would give. */
export async function mergeParts(parts: readonly string[], options: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  loadTaxonomy(options.taxonomy);
  return (await reduce(() => partRecords(parts, options), options, 0)).result();
}

/**
 * A result whose findings, document summaries and keyword lists stay on disk until they are
 * written out: memory does not grow with the corpus (the CLI uses this; `result.findings` is
 * empty, read `findings()` once; `result.documents` and `result.keywords` are re-readable
 * streams; then `dispose()`).
 */
export interface StreamedResult {
  result: AnalyzeReport;
  /** A synchronous generator (`for await` reads it too). */
  findings(): Generator<Finding>;
  dispose(): void;
}

async function streamed(run: (sink: FindingSpool) => Promise<Aggregator>): Promise<StreamedResult> {
  const sink = new FindingSpool();
  try {
    const aggregator = await run(sink);
    return {
      result: aggregator.report(),
      findings: () => sink.replay(),
      dispose: () => {
        sink.dispose();
        aggregator.dispose();
      },
    };
  } catch (error) {
    sink.dispose();
    throw error;
  }
}

export async function analyzeCorpusStreamed(inputs: readonly string[], options: AnalyzeOptions = {}): Promise<StreamedResult> {
  const files = await collectFilesOrFail(inputs, { extensions: ANALYZE_EXTENSIONS });
  preflight(options, files);
  return streamed((sink) => reduce((reducer) => analyzeFiles(files, processOptions(options), jobsFor(options, files.length), reducer), options, files.length, sink));
}

export async function mergePartsStreamed(parts: readonly string[], options: AnalyzeOptions = {}): Promise<StreamedResult> {
  loadTaxonomy(options.taxonomy);
  return streamed((sink) => reduce(() => partRecords(parts, options), options, 0, sink));
}
