/**
 * jianghua as a library: parse, outline, lint and measure speeches without the CLI (the CLI is
 * bin/jianghua.js; nothing here writes to stdout or exits the process).
 *   import { parseSpeech, lintText, lintFiles, analyzeCorpus, renderDraft } from 'jianghua'
 */
export * from './speech/index.js';
export { DATA_DIR, loadData, type DataName, type DataOf } from './data/index.js';
export { decodeText, readTextFile, readTextFileSync, type DecodedText, type Encoding } from './io/read-text.js';
export { collectFiles } from './io/collect.js';
export { writeFileAtomic } from './io/write-atomic.js';
export { JianghuaError, isJianghuaError, type ErrorCode, type Place } from './errors.js';
export { lintText, type LintOptions, type LintResult, type LintMessage } from './lint/index.js';
export { lintFiles, lintSource, type LintFilesOptions, type LintFilesResult } from './lint/files.js';
export { loadConfig, configFor, RULES, RULE_IDS, FORMATTERS, type FileResult, type LintConfig, type RuleEntry, type Rule, type Fix } from './lint/index.js';
export { startLanguageServer, type ServerOptions } from './lsp/server.js';
export { renderDraft, renderDraftDocx, composeDraft, type DraftOptions, type DraftFormat } from './draft/index.js';
export { analyzeCorpus, mergeParts, type AnalyzeOptions, type AnalyzeResult } from './analyze/index.js';
export { evaluate, parseGold, loadGold, placeEntry, scoreEvaluation, formatEvalText, type EvaluateOptions, type EvalResult, type Gold, type GoldEntry, type PlacedEntry, type ScoreFile, type ScoredFinding, type OutlineShape, type Measures } from './eval/index.js';
