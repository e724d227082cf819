import { isJianghuaError, JianghuaError } from '../errors.js';
import { collectFilesOrFail } from '../io/collect.js';
import { speechFromBytes, wordPosition, type SpeechSource } from '../io/read-speech.js';
import { readSpeechBytes } from '../io/read-text.js';
import { encodeFix, writeFix } from '../io/write-fix.js';
import type { SpeechKind } from '../speech/types.js';
import { configFor } from './config.js';
import { counted, lintText } from './linter.js';
import type { RuleEntry } from './settings.js';
import type { FileResult } from './types.js';

export interface LintFilesOptions {
  /** One config file for every speech (--config); default: the nearest .jianghuarc.yaml of each. */
  configFile?: string;
  kind?: SpeechKind;
  /** Highest precedence, like --rule. */
  rules?: Record<string, RuleEntry>;
  /** Write the fixes back (atomically; a file edited meanwhile is left alone). */
  fix?: boolean;
  /** Compute the fixes and return the fixed text as `output`, writing nothing (--fix-dry-run). */
  fixDryRun?: boolean;
  /** Errors only. */
  quiet?: boolean;
  /** Messages listed per rule and file (--max-per-rule; default MAX_PER_RULE, 0 no limit). */
  maxPerRule?: number;
  /** How fixed bytes reach the disk; the default is writeFix. */
  writeFix?: (file: string, original: Uint8Array, fixed: Uint8Array) => Promise<void>;
}

export interface LintFilesResult {
  results: FileResult[];
  /** Drafts that could not be read or decoded: reported, skipped, and exit code 2. */
  failures: JianghuaError[];
}

/** The default fix writer (src/io/write-fix.ts): the file it was given, byte-faithful, owner and links kept. */
export { writeFix };

export const isMarkdown = (file: string) => /\.(md|markdown)$/iu.test(file);

/**
 * Lint one text that has a name (a file's decoded text, stdin with --stdin-filename, an editor
 * buffer): config looked up from the name's folder, Markdown by its extension.
 */
export function lintSource(text: string, filePath: string, options: Omit<LintFilesOptions, 'fix' | 'writeFix'> & { fix?: boolean } = {}): FileResult {
  const result = lintText(text, {
    config: configFor(filePath, options.configFile),
    ...(options.kind ? { kind: options.kind } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.maxPerRule !== undefined ? { maxPerRule: options.maxPerRule } : {}),
    markdown: isMarkdown(filePath),
    fix: Boolean(options.fix || options.fixDryRun),
  });
  const messages = options.quiet ? result.messages.filter((m) => m.severity === 2) : result.messages;
  const crlf = text.includes('\r\n');
  return {
    filePath,
    ...counted(messages),
    ...(result.output !== undefined ? { source: text, output: crlf ? result.output.replace(/\n/g, '\r\n') : result.output } : {}),
  };
}

/** A Word file is linted, never rewritten: --fix (and --fix-dry-run) on it is refused, after its findings are reported. */
export const DOCX_NOT_FIXED = 'Word 文件（.docx）不能用 --fix 自动修复，未作改动：请在 Word 里按提示修改，或另存为 .txt 后再用 --fix';

/**
 * A Word file's result in its own coordinates: 段:列 (paragraph, column in it), and no fixes
 * offered, since nothing rewrites the Word file.
 */
function inParagraphs(result: FileResult, source: SpeechSource): FileResult {
  const messages = result.messages.map((m) => {
    const start = wordPosition(source, m.line, m.column);
    const end = wordPosition(source, m.endLine, m.endColumn);
    const { fix: _fix, ...rest } = m;
    return { ...rest, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  });
  return { filePath: result.filePath, ...counted(messages), positionUnit: 'paragraph' };
}

/** Files read ahead of the one being linted: reading is I/O, linting is CPU, so they overlap. */
const READ_AHEAD = 16;

/**
 * ESLint's lintFiles: expand paths, directories and globs, read each file (ahead of the linting),
 * decode it, find its config, lint, and write fixes. A broken config or option stops everything
 * (it is thrown); an unreadable draft is one of `failures` and the others go on.
 */
export async function lintFiles(patterns: readonly string[], options: LintFilesOptions = {}): Promise<LintFilesResult> {
  const files = await collectFilesOrFail(patterns);
  const write = options.writeFix ?? writeFix;
  const results: FileResult[] = [];
  const failures: JianghuaError[] = [];
  const reads = new Map<number, Promise<Buffer>>();
  const readAt = (i: number) => {
    const file = files[i];
    if (file === undefined || reads.has(i)) return;
    const read = readSpeechBytes(file);
    read.catch(() => undefined); // handled when its turn comes; no unhandled rejection meanwhile
    reads.set(i, read);
  };
  for (let i = 0; i < Math.min(READ_AHEAD, files.length); i++) readAt(i);
  for (const [i, file] of files.entries()) {
    readAt(i + READ_AHEAD);
    const read = reads.get(i) as Promise<Buffer>;
    reads.delete(i);
    try {
      const raw = await read;
      const source = speechFromBytes(raw, file);
      if (source.source === 'docx') {
        results.push(inParagraphs(lintSource(source.text, file, { ...options, fix: false, fixDryRun: false }), source));
        if (options.fix || options.fixDryRun) failures.push(new JianghuaError('usage', DOCX_NOT_FIXED, { file }));
        continue;
      }
      const { text, encoding = 'utf-8' } = source;
      const result = lintSource(text, file, { ...options, fix: Boolean(options.fix || options.fixDryRun) });
      if (result.output !== undefined && options.fix && !options.fixDryRun) {
        // only the fixed spans are re-encoded: line ends, BOM, encoding and other bytes stay as they were
        await write(file, raw, encodeFix(raw, { text, encoding }, result.output, file));
        delete result.output;
        delete result.source;
      }
      results.push(result);
    } catch (error) {
      if (!isJianghuaError(error) || error.code === 'config' || error.code === 'schema' || error.code === 'yaml-syntax') throw error;
      failures.push(error);
    }
  }
  return { results, failures };
}
