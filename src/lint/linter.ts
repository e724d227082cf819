import { loadData } from '../data/index.js';
import { loadLexicon } from '../speech/lexicon.js';
import { parseSpeech } from '../speech/parse.js';
import { LineIndex, normalizeText, rawOffsets } from '../speech/text.js';
import type { SpeechKind } from '../speech/types.js';
import { readDirectives } from './directives.js';
import { applyFixes } from './fix.js';
import { parseOptions } from './options.js';
import { PRESETS } from './presets.js';
import { RULES } from './rules/index.js';
import { checkRuleId, mergeSetting, normalizeEntry, type LintConfig, type RuleEntry } from './settings.js';
import type { LintMessage, LintResult, Report, RuleSetting } from './types.js';

export interface LintOptions {
  /** The genre; default: the config's kind, else the one the speech model recognises (summary-speech unless the structure says otherwise). */
  kind?: SpeechKind;
  /** The merged .jianghuarc.yaml (the CLI finds it; the library takes it as an object). */
  config?: LintConfig;
  /** Highest precedence, like --rule on the command line. */
  rules?: Record<string, RuleEntry>;
  /** Markdown source: `**粗体**` and list bullets are markup. */
  markdown?: boolean;
  /** Apply the fixes and return the fixed text as `output`. */
  fix?: boolean;
}

const fill = (template: string, data: Record<string, string | number> = {}): string =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/gu, (_, key: string) => {
    if (!(key in data)) throw new Error(`message slot {{${key}}} has no data`);
    return String(data[key]);
  });

/** Fix ranges as offsets into the caller's text (with its BOM and CRLFs), as ESLint gives them. */
function inInputOffsets(input: string, messages: LintMessage[]): LintMessage[] {
  const at = rawOffsets(input);
  return messages.map((m) => (m.fix ? { ...m, fix: { range: [at(m.fix.range[0]), at(m.fix.range[1], true)], text: m.fix.text } } : m));
}

/** ESLint's four counts of a list of messages. */
export function counted(messages: LintMessage[]): LintResult {
  const count = (severity: number, fixable: boolean) => messages.filter((m) => m.severity === severity && (!fixable || m.fix !== undefined)).length;
  return { messages, errorCount: count(2, false), warningCount: count(1, false), fixableErrorCount: count(2, true), fixableWarningCount: count(1, true) };
}

/** Effective setting of every rule for this kind: defaults < preset < config < options.rules. */
export function resolveSettings(kind: SpeechKind, options: LintOptions): Map<string, RuleSetting> {
  const out = new Map<string, RuleSetting>();
  for (const [id, rule] of RULES) {
    let setting: RuleSetting = { severity: rule.meta.defaultSeverity, options: {} };
    setting = mergeSetting(setting, PRESETS[kind][id]);
    const fromConfig = options.config?.rules?.[id];
    if (fromConfig !== undefined) setting = mergeSetting(setting, normalizeEntry(id, fromConfig));
    const fromOptions = options.rules?.[id];
    if (fromOptions !== undefined) setting = mergeSetting(setting, normalizeEntry(id, fromOptions));
    // defaults filled in, and every layer's values checked together once the rule is on
    if (setting.severity !== 'off') setting = { ...setting, options: parseOptions(rule, setting.options ?? {}) };
    out.set(id, setting);
  }
  for (const id of [...Object.keys(options.config?.rules ?? {}), ...Object.keys(options.rules ?? {})]) checkRuleId(id, {});
  return out;
}

/**
 * The pure kernel: text in, messages out (no file system). Parses once, runs the enabled rules,
 * drops what inline comments disable, de-duplicates, sorts, and optionally fixes.
 */
export function lintText(input: string, options: LintOptions = {}): LintResult {
  const text = normalizeText(input);
  const lines = new LineIndex(text);
  const directives = readDirectives(text, lines);
  const speech = parseSpeech(directives.masked);
  // the model says summary-speech unless it sees an agenda with reviews (主持词) or opinions with
  // neither 成绩 nor 问题 (推进会讲话); a draft that only lacks its problems stays a 总结讲话
  const kind = options.kind ?? options.config?.kind ?? speech.kind;
  const settings = resolveSettings(kind, options);
  const lexicon = loadLexicon();
  const messages: LintMessage[] = [];
  const seen = new Set<string>();
  for (const [id, rule] of RULES) {
    const setting = settings.get(id) as RuleSetting;
    if (setting.severity === 'off' || !rule.meta.kinds.includes(kind)) continue;
    const report = (r: Report) => {
      const base = r.node?.start ?? 0;
      const [rs, re] = r.range ?? (r.node ? [0, r.node.end - r.node.start] : [0, 0]);
      const start = base + rs;
      const end = Math.max(start, base + re);
      const template = rule.meta.messages[r.messageId];
      if (template === undefined) throw new Error(`rule ${id} reported an unknown messageId "${r.messageId}"`);
      if (r.fix && !rule.meta.fixable) throw new Error(`rule ${id} offered a fix but is not fixable`);
      if (directives.isDisabled(id, start)) return;
      const message = fill(template, r.data);
      const key = `${id}\u0000${start}\u0000${end}\u0000${message}`;
      if (seen.has(key)) return;
      seen.add(key);
      const from = lines.position(start);
      const to = lines.position(end);
      messages.push({
        ruleId: id,
        severity: setting.severity === 'error' && !rule.meta.warnOnly?.includes(r.messageId) ? 2 : 1,
        message,
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
        messageId: r.messageId,
        start,
        end,
        ...(r.fix ? { fix: r.fix } : {}),
      });
    };
    rule.check(speech, { options: setting.options ?? {}, kind, lexicon, data: loadData, markdown: options.markdown ?? false, report });
  }
  messages.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  const result = counted(input === text ? messages : inInputOffsets(input, messages));
  if (options.fix) {
    // like ESLint: fix, re-lint, repeat (a fix may reveal another: ," → ，“ then ，), at most 10 passes
    let output = text;
    let current = counted(messages); // offsets into the normalised text the fixes apply to
    for (let pass = 0; pass < 10; pass++) {
      const fixes = current.messages.flatMap((m) => (m.fix ? [m.fix] : []));
      if (fixes.length === 0) break;
      const next = applyFixes(output, fixes);
      if (next === output) break;
      output = next;
      current = lintText(output, { ...options, fix: false });
    }
    if (output !== text) return { ...current, output };
  }
  return result;
}
