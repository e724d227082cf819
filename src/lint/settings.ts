import { JianghuaError, type Place } from '../errors.js';
import { loadLexicon } from '../speech/lexicon.js';
import type { SpeechKind } from '../speech/types.js';
import { didYouMean } from './did-you-mean.js';
import { checkOptionLayer, requiredOptions, type Locate } from './options.js';
import { RULES, RULE_IDS } from './rules/index.js';
import type { Rule, RuleSetting, Severity } from './types.js';

/** What a user may write for one rule: `warn`, `2`, `[warn, {…}]` or `{ severity: warn, … }`. */
export type RuleEntry = Severity | 0 | 1 | 2 | [Severity | 0 | 1 | 2, Record<string, unknown>?] | ({ severity?: Severity | 0 | 1 | 2 } & Record<string, unknown>);

export interface LintConfig {
  kind?: SpeechKind;
  rules?: Record<string, RuleEntry>;
}

export const KINDS: readonly SpeechKind[] = loadLexicon().kinds.map((k) => k.id);
const SEVERITIES: Record<string, Severity> = { off: 'off', warn: 'warn', warning: 'warn', error: 'error', '0': 'off', '1': 'warn', '2': 'error' };

export function parseSeverity(value: unknown, place: Place, what: string): Severity {
  const severity = SEVERITIES[String(value)];
  if (!severity) throw new JianghuaError('config', `${what}的级别“${String(value)}”无效${didYouMean(String(value), ['off', 'warn', 'error'])}（应为 off、warn 或 error）`, place);
  return severity;
}

export function checkRuleId(id: string, place: Place): Rule {
  const rule = RULES.get(id);
  if (!rule) throw new JianghuaError('config', `未知的规则“${id}”${didYouMean(id, RULE_IDS)}（可用：${RULE_IDS.join('、')}）`, place);
  return rule;
}

/**
 * Turn one user entry into a partial setting, rejecting unknown rules, unknown options, values of
 * the wrong shape and (with `requireOptions`, for a config file's entry) a rule switched on without
 * an option it cannot run without. `locate` maps a path inside the entry to its place in the file.
 */
export function normalizeEntry(id: string, entry: unknown, locate: Locate = () => ({}), requireOptions = false): Partial<RuleSetting> {
  const rule = checkRuleId(id, locate([], true));
  let severity: unknown;
  let options: unknown;
  let at: PropertyKey[] = [];
  if (Array.isArray(entry)) {
    [severity, options] = entry as [unknown, unknown];
    at = [1];
  } else if (entry !== null && typeof entry === 'object') {
    const { severity: s, ...rest } = entry as Record<string, unknown>;
    severity = s;
    options = rest;
  } else {
    severity = entry;
  }
  const out: Partial<RuleSetting> = {};
  if (severity !== undefined) out.severity = parseSeverity(severity, locate(Array.isArray(entry) ? [0] : typeof entry === 'object' ? ['severity'] : []), `规则 ${id} `);
  if (options !== undefined) {
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      throw new JianghuaError('config', `规则 ${id} 的选项应为键值对`, locate(at));
    }
    checkOptionLayer(rule, options as Record<string, unknown>, at, locate);
    out.options = options as Record<string, unknown>;
  }
  // in a config file, `length: warn` without maxMinutes would silently check nothing
  if (requireOptions && out.severity !== undefined && out.severity !== 'off') {
    const missing = requiredOptions(rule.meta.options).filter((key) => out.options?.[key] === undefined);
    if (missing.length) {
      throw new JianghuaError('config', `规则 ${id} 打开时必须设置选项 ${missing.join('、')}（如 ${id}: [${out.severity}, { ${missing[0]}: … }]）`, locate([], true));
    }
  }
  return out;
}

/** Later layers win; options merge key by key. */
export function mergeSetting(base: RuleSetting, layer: Partial<RuleSetting> | undefined): RuleSetting {
  if (!layer) return base;
  const options = layer.options ? { ...base.options, ...layer.options } : base.options;
  return { severity: layer.severity ?? base.severity, ...(options ? { options } : {}) };
}
