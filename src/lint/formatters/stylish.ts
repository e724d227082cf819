import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import type { FileResult } from '../types.js';
import { printable } from '../../io/printable.js';

/**
 * Rows aligned by display width (string-width counts CJK as two columns), two spaces between
 * columns. Linear in the rows: cli-table3 needs about a millisecond a row and grows faster than
 * the rows, which made 40 000 messages take a minute. `paint` colours a padded cell.
 */
function alignRows(rows: ReadonlyArray<readonly string[]>, paint: ReadonlyArray<(s: string) => string>): string[] {
  const widths: number[] = [];
  const measured = rows.map((row) => row.map((cell, i) => {
    const w = stringWidth(cell);
    widths[i] = Math.max(widths[i] ?? 0, w);
    return w;
  }));
  return rows.map((row, r) => {
    const cells = row.map((cell, i) => {
      const last = i === row.length - 1;
      const pad = last ? '' : ' '.repeat((widths[i] ?? 0) - (measured[r]?.[i] ?? 0));
      return `${(paint[i] ?? String)(cell)}${pad}`;
    });
    return `  ${cells.join('  ')}`.trimEnd();
  });
}

/**
 * ESLint's stylish, in Chinese: a block per file, `line:column  级别  说明  规则`, aligned by
 * display width, and a summary. Clean → "". File names are shown with control characters
 * escaped: a name holding an ANSI sequence must not repaint the terminal.
 */
export function formatStylish(results: readonly FileResult[], chalk: ChalkInstance): string {
  let out = '';
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  const level = (s: string) => (s === '错误' ? chalk.red(s) : chalk.yellow(s));
  for (const r of results) {
    if (r.messages.length === 0) continue;
    errors += r.errorCount;
    warnings += r.warningCount;
    fixable += r.messages.filter((m) => m.fix).length;
    const rows = r.messages.map((m) => [`${m.line}:${m.column}`, m.severity === 2 ? '错误' : '警告', printable(m.message), m.ruleId]);
    // a Word file has no lines to go to: its positions are paragraph:column, and the header says so
    const unit = r.positionUnit === 'paragraph' ? chalk.dim('（Word 文件，位置为 段:列）') : '';
    out += `\n${chalk.underline(printable(r.filePath))}${unit}\n${alignRows(rows, [chalk.dim, level, String, chalk.dim]).join('\n')}\n`;
  }
  const total = errors + warnings;
  if (total === 0) return '';
  const mark = errors > 0 ? chalk.red.bold : chalk.yellow.bold;
  out += `\n${mark(`✖ ${total} 个问题（${errors} 个错误，${warnings} 个警告）`)}\n`;
  if (fixable > 0) out += `${mark(`  其中 ${fixable} 个可用 --fix 自动修复`)}\n`;
  return out;
}
