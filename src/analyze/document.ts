import { readSpeech, readSpeechSync, wordPosition, type SpeechSource } from '../io/read-speech.js';
import { isJianghuaError, JianghuaError } from '../errors.js';
import { loadLexicon } from '../speech/lexicon.js';
import { parseSpeech } from '../speech/parse.js';
import { countHan } from '../speech/text.js';
import { collectAfterLargeText } from '../memory.js';
import { documentMeta, type DocumentMeta } from './corpus.js';
import { findProblems, type Finding } from './findings.js';
import { documentTerms, loadStopwords, type Terms } from './keywords.js';
import { parallelRuns, type ParallelRun } from './parallel.js';
import { segmentPieces, tagWords } from './segment.js';
import { loadStockSettings, TokenCuts } from './stock-phrases.js';
import { loadTaxonomy } from './taxonomy.js';

/**
 * Everything analyze needs from one document, computed once (one read, one parse, one jieba
 * pass). It is also one line of `--jsonl`, and `analyze merge` rebuilds the tables from such
 * lines alone, so a corpus can be split over processes or machines.
 */
export interface DocRecord {
  file: string;
  meta: DocumentMeta;
  chars: number;
  findings: Finding[];
  /** The normalised text: stock phrases are counted from it when the records are merged. */
  text: string;
  parallels: ParallelRun[];
  /** Offsets of jieba token boundaries in `text`: stock phrases start and end on them. */
  cuts: ArrayLike<number> & Iterable<number>;
  /**
   * Frequencies of the document's content words (jieba tokens with a content tag, stop words removed). Packed (keys and a
   * typed array) only inside analyze, between threads; records handed out are always plain.
   */
  terms: Terms;
  /**
   * Set by a worker that already counted this document's n-grams into its own table (handed to
   * the reducer at the end): the reducer must not count them again. Never written to JSONL.
   */
  counted?: boolean | undefined;
}

export interface SkippedRecord {
  file: string;
  error: string;
}

export type AnyRecord = DocRecord | SkippedRecord;
export const isSkipped = (r: AnyRecord): r is SkippedRecord => 'error' in r;

export interface ProcessOptions {
  taxonomy?: string;
  /** Extra user dictionary, on top of data/jieba-user.dict. */
  dict?: string;
}

/** Analyse one text (already decoded). */
export function analyzeText(file: string, text: string, options: ProcessOptions = {}): DocRecord {
  const model = fromModel(file, text, options);
  collectAfterLargeText(text.length);
  // counted a piece of tokens at a time: the token strings of a long text are never all alive
  const cuts = new TokenCuts(model.text.length);
  const pieces = function* () {
    for (const piece of segmentPieces(model.text, options.dict)) {
      cuts.add(piece);
      yield piece;
    }
  };
  const terms = documentTerms(pieces(), loadStopwords(), (words) => tagWords(words, options.dict), options.dict);
  return { file, meta: model.meta, chars: model.chars, findings: model.findings, text: model.text, cuts: cuts.done(), parallels: model.parallels, terms };
}

/**
 * What analyze takes from the speech model. The model (sentences, clauses, sections: about 30× a long
 * text) is dropped when this returns, before jieba's tokens are made, so the two never peak together.
 */
function fromModel(file: string, text: string, options: ProcessOptions): Pick<DocRecord, 'meta' | 'chars' | 'findings' | 'text' | 'parallels'> {
  const speech = parseSpeech(text);
  const findings = findProblems(speech, file, loadTaxonomy(options.taxonomy), loadLexicon());
  const meta = documentMeta(file, speech.title?.text);
  meta.kind ??= speech.kind; // corpus.yaml wins over the parser's guess
  return { meta, chars: countHan(speech.text), findings, text: speech.text, parallels: parallelRuns(speech, loadStockSettings()) };
}

/**
 * The first line of a Markdown report (invisible when rendered): a report saved into the analysed
 * folder (`-o 语料/报告.md`) is skipped by the next run instead of counted as a speech.
 */
export const REPORT_MARK = '<!-- jianghua analyze 生成的分析报告，不是讲话稿 -->';

/**
 * Characters analyze takes in one document: twenty long speeches, a book. A bigger file is a corpus
 * pasted together, whose counts per document would mean nothing; and analyze's work per character
 * (the model, problem statements, jieba) is several times outline's: 5.6 M on one line took 8–15 s.
 */
export const MAX_ANALYZE_CHARS = 1_000_000;

function usable(source: SpeechSource, file: string): SpeechSource {
  if (source.text.trimStart().startsWith(REPORT_MARK)) throw new JianghuaError('usage', '这是 jianghua analyze 生成的分析报告，不是讲话稿', { file });
  if (source.text.length > MAX_ANALYZE_CHARS) {
    throw new JianghuaError('usage', `文本过长（${source.text.length} 字，每篇上限 ${MAX_ANALYZE_CHARS} 字），像是多篇讲话合在一个文件里：请拆成单篇再分析`, { file });
  }
  return source;
}

/** The text of one file (a Word file too: src/io/read-speech.ts); a JianghuaError when it cannot be used. */
export async function readDocument(file: string): Promise<SpeechSource> {
  return usable(await readSpeech(file), file);
}

function analyzed(file: string, source: SpeechSource, options: ProcessOptions): DocRecord {
  const record = analyzeText(file, source.text, options);
  // a Word file's findings are placed by paragraph (段:列), where a writer finds them in Word
  if (source.places) for (const f of record.findings) Object.assign(f, wordPosition(source, f.line, f.column));
  return record;
}

function skipped(error: unknown, file: string): SkippedRecord {
  if (!isJianghuaError(error)) throw error;
  return { file, error: error.message };
}

/**
 * Read and analyse one file; an unreadable or empty file becomes a skipped record, never a crash.
 * Read synchronously: the thread analysing it has nothing to overlap the read with.
 */
export function analyzeFileSync(file: string, options: ProcessOptions = {}): AnyRecord {
  try {
    return analyzed(file, usable(readSpeechSync(file), file), options);
  } catch (error) {
    return skipped(error, file);
  }
}
