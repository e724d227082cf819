import type { FileResult } from '../types.js';

/** ESLint's JSON formatter shape, exactly: no offsets, no fixes. */
export function formatJson(results: readonly FileResult[]): string {
  const shaped = results.map((r) => ({
    filePath: r.filePath,
    messages: r.messages.map((m) => ({ ruleId: m.ruleId, severity: m.severity, message: m.message, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn })),
    errorCount: r.errorCount,
    warningCount: r.warningCount,
  }));
  return `${JSON.stringify(shaped)}\n`;
}
