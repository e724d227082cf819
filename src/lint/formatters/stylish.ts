import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { FileResult } from '../types.js';

const BLANK = { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ' };

/**
 * ESLint's stylish, in Chinese: a block per file, `line:column  级别  说明  规则`, aligned by
 * display width (cli-table3 measures CJK with string-width), and a summary. Clean → "".
 */
export function formatStylish(results: readonly FileResult[], chalk: ChalkInstance): string {
  let out = '';
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const r of results) {
    if (r.messages.length === 0) continue;
    errors += r.errorCount;
    warnings += r.warningCount;
    fixable += r.messages.filter((m) => m.fix).length;
    const table = new Table({ chars: BLANK, style: { 'padding-left': 0, 'padding-right': 0, head: [], border: [] } });
    for (const m of r.messages) {
      table.push([chalk.dim(`${m.line}:${m.column}`), m.severity === 2 ? chalk.red('错误') : chalk.yellow('警告'), m.message, chalk.dim(m.ruleId)]);
    }
    const rows = table
      .toString()
      .split('\n')
      .map((line) => `  ${line.trimEnd()}`);
    // a Word file has no lines to go to: its positions are paragraph:column, and the header says so
    const unit = r.positionUnit === 'paragraph' ? chalk.dim('（Word 文件，位置为 段:列）') : '';
    out += `\n${chalk.underline(r.filePath)}${unit}\n${rows.join('\n')}\n`;
  }
  const total = errors + warnings;
  if (total === 0) return '';
  const mark = errors > 0 ? chalk.red.bold : chalk.yellow.bold;
  out += `\n${mark(`✖ ${total} 个问题（${errors} 个错误，${warnings} 个警告）`)}\n`;
  if (fixable > 0) out += `${mark(`  其中 ${fixable} 个可用 --fix 自动修复`)}\n`;
  return out;
}
