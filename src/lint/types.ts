import type { z } from 'zod';
import type { DataName, DataOf } from '../data/index.js';
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
  /** A shipped data file (data/*.yaml), validated, read on first use. */
  data<N extends DataName>(name: N): DataOf<N>;
  /** True for Markdown sources (`**粗体**` is markup there, not a placeholder). */
  markdown: boolean;
  report(report: Report): void;
}

/** A rule's options: a strict zod object; each field carries its default and its Chinese `.describe()`. */
export type OptionsSchema = z.ZodObject;

export interface RuleMeta<S extends OptionsSchema = OptionsSchema> {
  /** One Chinese line: what the rule checks. */
  description: string;
  defaultSeverity: Severity;
  /** The genres it applies to. */
  kinds: readonly SpeechKind[];
  /** messageId → Chinese template with {{slots}}. */
  messages: Record<string, string>;
  /** Messages that stay warnings even when the rule is set to error (heading-sequence: mixed style). */
  warnOnly?: readonly string[];
  /**
   * The options, written once: type, default and description of each. Config files are checked
   * against it when read; a field with neither `.default()` nor `.optional()` must be set before
   * the rule can run (length: maxMinutes).
   */
  options: S;
  fixable: boolean;
}

export interface Rule<S extends OptionsSchema = OptionsSchema> {
  id: string;
  meta: RuleMeta<S>;
  check(speech: Speech, context: RuleContext<z.output<S>>): void;
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
  /** Internal: the rule's message id and offsets into the normalised text (LF line ends, no BOM). */
  messageId: string;
  start: number;
  end: number;
  fix?: Fix;
  /** On a rule's closing message past `maxPerRule`: how many reports it stands for (they count in errorCount / warningCount). */
  omitted?: number;
}

export interface LintResult {
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  /** Messages with a fix, by severity (ESLint's names). */
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The fixed text, when fixing was asked for and something changed. */
  output?: string;
}

/** One file's result, as the formatters receive it. */
export interface FileResult extends LintResult {
  filePath: string;
  /** With `output` (--fix-dry-run): the text before the fixes, for the preview diff. */
  source?: string;
  /** Set for a Word file: `line` is the paragraph (段), `column` the character in it. */
  positionUnit?: 'paragraph';
}
