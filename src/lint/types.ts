import type { Lexicon } from '../speech/lexicon.js';
import type { Span, Speech, SpeechKind } from '../speech/types.js';

export type Severity = 'off' | 'warn' | 'error';

/** ESLint's numbers: 1 warning, 2 error. */
export type SeverityLevel = 1 | 2;

export interface Fix {
  /** Absolute [start, end) offsets into the linted text. */
  range: [number, number];
  text: string;
}

export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  /** A span of the speech; `range` is then relative to its start. */
  node?: Span;
  /** [start, end): relative to `node` when given, else absolute offsets. */
  range?: [number, number];
  fix?: Fix;
}

export interface RuleContext<O = Record<string, unknown>> {
  options: O;
  kind: SpeechKind;
  /** The speech lexicons (numbering series, look-alikes, cues). */
  lexicon: Lexicon;
  /** True for Markdown sources (`**粗体**` is markup there, not a placeholder). */
  markdown: boolean;
  report(report: Report): void;
}

export interface RuleMeta<O> {
  /** One Chinese line: what the rule checks. */
  description: string;
  defaultSeverity: Severity;
  /** The genres it applies to. */
  kinds: readonly SpeechKind[];
  /** messageId → Chinese template with {{slots}}. */
  messages: Record<string, string>;
  /** Messages that stay warnings even when the rule is set to error (heading-sequence: mixed style). */
  warnOnly?: readonly string[];
  /** Option defaults; an option a rule does not list here is rejected by config. */
  defaults: O;
  /** Option name → short Chinese description, for the docs and config errors. */
  schema: Record<string, string>;
  fixable: boolean;
}

export interface Rule<O = Record<string, unknown>> {
  id: string;
  meta: RuleMeta<O>;
  check(speech: Speech, context: RuleContext<O>): void;
}

/** A rule's settings after presets, config files and --rule have been merged. */
export interface RuleSetting {
  severity: Severity;
  options?: Record<string, unknown>;
}

export interface LintMessage {
  ruleId: string;
  severity: SeverityLevel;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Internal: the rule's message id, offsets and fix, dropped by the JSON formatter. */
  messageId: string;
  start: number;
  end: number;
  fix?: Fix;
}

export interface LintResult {
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  /** The fixed text, when fixing was asked for and something changed. */
  output?: string;
}

/** One file's result, as the formatters receive it. */
export interface FileResult extends LintResult {
  filePath: string;
}
