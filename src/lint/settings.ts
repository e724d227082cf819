import { JianghuaError, type Place } from '../errors.js';
import { loadLexicon } from '../speech/lexicon.js';
import type { SpeechKind } from '../speech/types.js';
import { RULES, RULE_IDS } from './rules/index.js';
import type { RuleSetting, Severity } from './types.js';

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
  if (!severity) throw new JianghuaError('config', `${what}的级别“${String(value)}”无效，应为 off、warn 或 error`, place);
  return severity;
}

export function checkRuleId(id: string, place: Place): void {
  if (!RULES.has(id)) throw new JianghuaError('config', `未知的规则“${id}”（可用：${RULE_IDS.join('、')}）`, place);
}

/** Turn one user entry into a partial setting, rejecting unknown rules and options. */
export function normalizeEntry(id: string, entry: unknown, place: Place = {}): Partial<RuleSetting> {
  checkRuleId(id, place);
  let severity: unknown;
  let options: Record<string, unknown> | undefined;
  if (Array.isArray(entry)) {
    [severity, options] = entry as [unknown, Record<string, unknown> | undefined];
  } else if (entry !== null && typeof entry === 'object') {
    const { severity: s, ...rest } = entry as Record<string, unknown>;
    severity = s;
    options = rest;
  } else {
    severity = entry;
  }
  const out: Partial<RuleSetting> = {};
  if (severity !== undefined) out.severity = parseSeverity(severity, place, `规则 ${id} `);
  if (options !== undefined) {
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      throw new JianghuaError('config', `规则 ${id} 的选项应为键值对`, place);
    }
    const meta = (RULES.get(id) as { meta: { schema: Record<string, string>; defaults: Record<string, unknown> } }).meta;
    const known = Object.keys(meta.schema);
    const kind = (v: unknown) => (Array.isArray(v) ? 'array' : typeof v);
    const KIND_NAMES: Record<string, string> = { array: '列表', number: '数字', string: '字符串', boolean: 'true/false', object: '键值对' };
    for (const [key, value] of Object.entries(options)) {
      if (!known.includes(key)) {
        throw new JianghuaError('config', `规则 ${id} 没有选项“${key}”${known.length ? `（可用：${known.join('、')}）` : '（此规则没有选项）'}`, place);
      }
      // an option with a default must keep its type; the others are checked by their rule
      const expected = key in meta.defaults ? kind(meta.defaults[key]) : undefined;
      if (expected && kind(value) !== expected) {
        throw new JianghuaError('config', `规则 ${id} 的选项“${key}”应为${KIND_NAMES[expected] ?? expected}`, place);
      }
    }
    out.options = options;
  }
  return out;
}

/** Later layers win; options merge key by key. */
export function mergeSetting(base: RuleSetting, layer: Partial<RuleSetting> | undefined): RuleSetting {
  if (!layer) return base;
  return {
    severity: layer.severity ?? base.severity,
    options: layer.options ? { ...base.options, ...layer.options } : base.options,
  };
}
