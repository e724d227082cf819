import type { ChalkInstance } from 'chalk';
import { structuredPatch } from 'diff';
import type { FileResult } from '../types.js';

/** --fix-dry-run: what --fix would write, as a unified diff per changed file ("" when nothing changes). */
export function formatFixDiff(results: readonly FileResult[], chalk: ChalkInstance): string {
  let out = '';
  for (const r of results) {
    if (r.output === undefined) continue;
    // file names as they are (jsdiff's own header would escape 讲话.txt git-style)
    const patch = structuredPatch(r.filePath, r.filePath, r.source ?? '', r.output, '原文', '--fix 之后', { context: 1 });
    out += `${chalk.bold(`--- ${r.filePath}\t原文`)}\n${chalk.bold(`+++ ${r.filePath}\t--fix 之后`)}\n`;
    for (const hunk of patch.hunks) {
      out += `${chalk.cyan(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`)}\n`;
      for (const line of hunk.lines) out += `${line.startsWith('+') ? chalk.green(line) : line.startsWith('-') ? chalk.red(line) : line}\n`;
    }
  }
  return out;
}
