/**
 * jianghua as a library: parse, outline and measure speeches without the CLI.
 *   import { parseSpeech, lintText, analyzeCorpus, renderDraft } from 'jianghua'
 */
export * from './speech/index.js';
export { decodeText, readTextFile, readTextFileSync, type DecodedText, type Encoding } from './io/read-text.js';
export { collectFiles } from './io/collect.js';
export { writeFileAtomic } from './io/write-atomic.js';
export { JianghuaError, isJianghuaError, type ErrorCode, type Place } from './errors.js';
export { run } from './cli/main.js';
export { lintText, type LintOptions, type LintResult, type LintMessage } from './lint/index.js';
export { renderDraft, renderDraftDocx, composeDraft, type DraftOptions, type DraftFormat } from './draft/index.js';
export { analyzeCorpus, mergeParts, type AnalyzeOptions, type AnalyzeResult } from './analyze/index.js';
export { evaluate, parseGold, loadGold, placeEntry, scoreEvaluation, formatEvalText, type EvaluateOptions, type EvalResult, type Gold, type GoldEntry, type PlacedEntry, type ScoreFile, type ScoredFinding, type OutlineShape, type Measures } from './eval/index.js';
