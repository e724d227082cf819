import type { FileResult } from '../types.js';

/**
 * ESLint's JSON formatter shape: the message fields, a message's `fix` ({ range, text }, UTF-16
 * offsets into the file's decoded text) when it has one, the four counts, and `output` (the fixed
 * text) under --fix-dry-run, `positionUnit: "paragraph"` for a Word file, and `omitted` on a rule's
 * closing message past --max-per-rule. Internal offsets and message ids stay out.
 */
export function formatJson(results: readonly FileResult[]): string {
  const shaped = results.map((r) => ({
    filePath: r.filePath,
    messages: r.messages.map((m) => ({
      ruleId: m.ruleId,
      severity: m.severity,
      message: m.message,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      ...(m.fix ? { fix: { range: m.fix.range, text: m.fix.text } } : {}),
      // a rule's closing message past --max-per-rule: the reports it stands for
      ...(m.omitted !== undefined ? { omitted: m.omitted } : {}),
    })),
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    fixableErrorCount: r.fixableErrorCount,
    fixableWarningCount: r.fixableWarningCount,
    ...(r.output !== undefined ? { output: r.output } : {}),
    // only for Word files: line is then the paragraph (段)
    ...(r.positionUnit ? { positionUnit: r.positionUnit } : {}),
  }));
  return `${JSON.stringify(shaped)}\n`;
}
