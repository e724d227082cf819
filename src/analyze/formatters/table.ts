import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { AnalyzeResult } from '../aggregate.js';
import { familyLabel, groupValues, percent, present, summaryLine, where } from './common.js';

/** The terminal report: problem categories, then stock phrases. cli-table3 measures CJK width. */
export function formatTable(r: AnalyzeResult, chalk: ChalkInstance, width = 120): string {
  const out: string[] = [];
  const exampleWidth = Math.max(24, Math.min(60, width - 64));
  const categories = new Table({
    head: ['问题类别', 'id', '提及', '文档', '文档占比', '典型表述'].map((h) => chalk.bold(h)),
    colAligns: ['left', 'left', 'right', 'right', 'right', 'left'],
    colWidths: [null, null, null, null, null, exampleWidth],
    wordWrap: true,
    wrapOnWordBoundary: false,
    style: { head: [], border: [], compact: true },
  });
  for (const c of present(r)) {
    categories.push([c.label, chalk.dim(c.id), c.mentions, c.documents, percent(c.share), c.example ? `${c.example.text}\n${chalk.dim(where(c.example))}` : '']);
  }
  out.push(chalk.bold('问题类别'), categories.toString());
  const groups = groupValues(r);
  if (groups.length > 0) {
    const byGroup = new Table({
      head: ['问题类别', ...groups].map((h) => chalk.bold(h)),
      colAligns: ['left', ...groups.map(() => 'right' as const)],
      style: { head: [], border: [], compact: true },
    });
    for (const c of present(r)) byGroup.push([c.label, ...groups.map((g) => c.groups?.[g]?.mentions ?? 0)]);
    out.push('', chalk.bold('按分组的提及次数'), byGroup.toString());
  }
  if (r.stockPhrases.length > 0) {
    const phrases = new Table({
      head: ['套话/固定提法', '类型', '文档', '次数', '示例'].map((h) => chalk.bold(h)),
      colAligns: ['left', 'left', 'right', 'right', 'left'],
      colWidths: [null, null, null, null, Math.max(24, Math.min(50, width - 60))],
      wordWrap: true,
      wrapOnWordBoundary: false,
      style: { head: [], border: [], compact: true },
    });
    for (const p of r.stockPhrases) phrases.push([p.phrase, familyLabel(p), p.documents, p.occurrences, p.example ? chalk.dim(where(p.example)) : '']);
    out.push('', chalk.bold('反复出现的套话'), phrases.toString());
  }
  out.push(summaryLine(r));
  return `${out.join('\n')}\n`;
}
