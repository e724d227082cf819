import { loadData } from '../data/index.js';
import { collectAfterLargeText } from '../memory.js';
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
import type { Fix, LintMessage, LintResult, Report, RuleSetting, SeverityLevel } from './types.js';

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
  /** Messages listed per rule and file; past it, one closing message counts the rest. 0: no limit. Default MAX_PER_RULE. */
  maxPerRule?: number;
}

/**
 * A rule's messages listed per file (cspell stops at 10 000 problems a file, VS Code shows 1 000): a
 * file of a million unmatched brackets gave two million messages, 2 GB and 18 s. The rest are counted,
 * and their fixes are still applied.
 */
export const MAX_PER_RULE = 1000;

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

/** ESLint's four counts of a list of messages (a closing message past the limit counts what it stands for). */
export function counted(messages: LintMessage[]): LintResult {
  const count = (severity: number, fixable: boolean) => {
    let n = 0;
    for (const m of messages) if (m.severity === severity && (!fixable || m.fix !== undefined)) n += m.omitted ?? 1;
    return n;
  };
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
  // the fixes of reports past the limit: applied with the listed ones
  let unlisted: Fix[] | undefined = options.fix ? [] : undefined;
  const messages = check(text, options, unlisted);
  const result = counted(input === text ? messages : inInputOffsets(input, messages));
  if (options.fix) {
    // like ESLint: fix, re-lint, repeat (a fix may reveal another: ," → ，“ then ，), at most 10 passes
    let output = text;
    let current = messages; // offsets into the normalised text the fixes apply to
    for (let pass = 0; pass < 10; pass++) {
      const fixes = current.flatMap((m) => (m.fix ? [m.fix] : []));
      for (const fix of unlisted ?? []) fixes.push(fix);
      if (fixes.length === 0) break;
      const next = applyFixes(output, fixes);
      if (next === output) break;
      output = next;
      unlisted = [];
      current = check(output, options, unlisted);
    }
    if (output !== text) return { ...counted(current), output };
  }
  return result;
}

/** What a rule reported past the limit at one severity: counted, placed at the first of them. */
interface Overflow {
  severity: SeverityLevel;
  count: number;
  start: number;
  end: number;
}

/** The sorted messages of a normalised text; the fixes of reports past the limit go to `unlisted`. */
function check(text: string, options: LintOptions, unlisted: Fix[] | undefined): LintMessage[] {
  const lines = new LineIndex(text);
  const directives = readDirectives(text, lines);
  const speech = parseSpeech(directives.masked);
  collectAfterLargeText(text.length); // the parse's garbage, before the rules add theirs
  // the model says summary-speech unless it sees an agenda with reviews (主持词) or opinions with
  // neither 成绩 nor 问题 (推进会讲话); a draft that only lacks its problems stays a 总结讲话
  const kind = options.kind ?? options.config?.kind ?? speech.kind;
  const settings = resolveSettings(kind, options);
  const lexicon = loadLexicon();
  const limit = options.maxPerRule ?? MAX_PER_RULE;
  const messages: LintMessage[] = [];
  const seen = new Set<string>();
  const message = (ruleId: string, severity: SeverityLevel, text: string, messageId: string, start: number, end: number): LintMessage => {
    const from = lines.position(start);
    const to = lines.position(end);
    return { ruleId, severity, message: text, line: from.line, column: from.column, endLine: to.line, endColumn: to.column, messageId, start, end };
  };
  for (const [id, rule] of RULES) {
    const setting = settings.get(id) as RuleSetting;
    if (setting.severity === 'off' || !rule.meta.kinds.includes(kind)) continue;
    let listed = 0;
    const overflow: Overflow[] = [];
    const report = (r: Report) => {
      const base = r.node?.start ?? 0;
      const [rs, re] = r.range ?? (r.node ? [0, r.node.end - r.node.start] : [0, 0]);
      const start = base + rs;
      const end = Math.max(start, base + re);
      const template = rule.meta.messages[r.messageId];
      if (template === undefined) throw new Error(`rule ${id} reported an unknown messageId "${r.messageId}"`);
      if (r.fix && !rule.meta.fixable) throw new Error(`rule ${id} offered a fix but is not fixable`);
      if (directives.isDisabled(id, start)) return;
      const severity = setting.severity === 'error' && !rule.meta.warnOnly?.includes(r.messageId) ? 2 : 1;
      if (limit > 0 && listed >= limit) {
        // neither filled in nor kept for de-duplication: a million of them stay cheap
        const past = overflow.find((o) => o.severity === severity);
        if (past) past.count++;
        else overflow.push({ severity, count: 1, start, end });
        if (r.fix) unlisted?.push(r.fix);
        return;
      }
      const filled = fill(template, r.data);
      const key = `${id}\u0000${start}\u0000${end}\u0000${filled}`;
      if (seen.has(key)) return;
      seen.add(key);
      listed++;
      messages.push({ ...message(id, severity, filled, r.messageId, start, end), ...(r.fix ? { fix: r.fix } : {}) });
    };
    rule.check(speech, { options: setting.options ?? {}, kind, lexicon, data: loadData, markdown: options.markdown ?? false, report });
    for (const o of overflow) {
      const closing = `${id} 在本文件还有 ${o.count} 处未列出（每条规则每个文件最多列出 ${limit} 处，可用 --max-per-rule 调整）`;
      messages.push({ ...message(id, o.severity, closing, 'too-many', o.start, o.end), omitted: o.count });
    }
  }
  messages.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return messages;
}
