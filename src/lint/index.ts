export { lintText, resolveSettings, type LintOptions } from './linter.js';
export { RULES, RULE_IDS } from './rules/index.js';
export { PRESETS } from './presets.js';
export { configFor, findConfigFile, loadConfig, CONFIG_NAMES } from './config.js';
export { applyFixes } from './fix.js';
export { lintFiles, lintSource, encodeText, writeFix, type LintFilesOptions, type LintFilesResult } from './files.js';
export { FORMATS, FORMATTERS, type Format } from './formatters/index.js';
export type { LintConfig, RuleEntry } from './settings.js';
export type * from './types.js';
