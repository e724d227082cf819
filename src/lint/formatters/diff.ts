import type { ChalkInstance } from 'chalk';
import { createTwoFilesPatch } from 'diff';
import type { FileResult } from '../types.js';

/** --fix-dry-run: what --fix would write, as a unified diff per changed file ("" when nothing changes). */
export function formatFixDiff(results: readonly FileResult[], chalk: ChalkInstance): string {
  let out = '';
  for (const r of results) {
    if (r.output === undefined) continue;
    const before = r.source ?? '';
    const patch = createTwoFilesPatch(r.filePath, r.filePath, before, r.output, '原文', '--fix 之后', { context: 1 });
    out += patch
      .split('\n')
      .filter((line) => !line.startsWith('==='))
      .map((line) => (line.startsWith('+') && !line.startsWith('+++') ? chalk.green(line) : line.startsWith('-') && !line.startsWith('---') ? chalk.red(line) : line.startsWith('@@') ? chalk.cyan(line) : line))
      .join('\n');
  }
  return out;
}
