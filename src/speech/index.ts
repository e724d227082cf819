export { parseSpeech, type ParseOptions } from './parse.js';
export { outline, formatOutline, KIND_LABELS, SPEECH_KIND_LABELS, type Outline, type OutlineNode } from './outline.js';
export { speechStats, DEFAULT_RATE, type SpeechStats } from './stats.js';
export { walkSections, findSections, kindAt } from './walk.js';
export { loadLexicon, loadDataFile, DATA_DIR, type Lexicon } from './lexicon.js';
export { parseChineseNumeral, toChineseNumeral } from './numerals.js';
export { findPredicate, statedProblem, isDirective, isProblemSummary, type PredicateMatch } from './problems.js';
export { LineIndex, normalizeText, countHan, codePointLength, type Position } from './text.js';
export type * from './types.js';
