import type { ChalkInstance } from 'chalk';
import { drawTable, type Cell } from '../../cli/table.js';
import type { AnalyzeReport } from '../result.js';
import { familyLabel, groupLabel, groupValues, keywordList, percent, present, summaryLine, where } from './common.js';

/** More groups than this (--by title) do not fit as columns of a terminal table. */
const MAX_GROUP_COLUMNS = 8;

/**
 * The terminal report: problem categories, groups (with --by), then stock phrases. `width` is
 * the terminal's (undefined when piped: nothing is wrapped).
 */
export function formatTable(r: AnalyzeReport, chalk: ChalkInstance, width?: number): string {
  const out: string[] = [];
  const categories: Cell[][] = present(r).map((c) => [c.label, { text: c.id, dim: true }, c.mentions, c.documents, percent(c.share), c.example ? { text: c.example.text, where: where(c.example) } : '']);
  out.push(
    chalk.bold('问题类别'),
    drawTable(
      [{ head: '问题类别', wrap: true }, { head: 'id', optional: 1 }, { head: '提及', align: 'right' }, { head: '文档', align: 'right' }, { head: '文档占比', align: 'right', optional: 2 }, { head: '典型表述', wrap: true }],
      categories,
      chalk,
      width,
    ),
  );
  if (r.groups && r.groups.length > 0) {
    const rows: Cell[][] = r.groups.map((g) => [groupLabel(r, g.value), g.documents, g.mentions, g.perDocument.toFixed(2), keywordList(g.keywords.slice(0, 8))]);
    out.push('', chalk.bold('各分组'), drawTable([{ head: '分组', wrap: true }, { head: '文档', align: 'right' }, { head: '提及', align: 'right' }, { head: '每篇提及', align: 'right' }, { head: '关键词（对数似然比）', wrap: true }], rows, chalk, width));
    const groups = groupValues(r);
    const byGroup: Cell[][] = present(r).map((c) => [c.label, ...groups.map((g) => c.groups?.[g]?.mentions ?? 0)]);
    if (groups.length > MAX_GROUP_COLUMNS) out.push('', chalk.dim(`分组有 ${groups.length} 个，“问题类别 × 分组”表见 --format csv --table categories 或 --format html。`));
    else out.push('', chalk.bold('按分组的提及次数'), drawTable([{ head: '问题类别', wrap: true }, ...groups.map((g) => ({ head: groupLabel(r, g), align: 'right' as const, wrap: true }))], byGroup, chalk, width));
  }
  if (r.stockPhrases.length > 0) {
    const rows: Cell[][] = r.stockPhrases.map((p) => [p.phrase, familyLabel(p), p.documents, p.occurrences, p.score.toFixed(2), p.example ? { text: '', where: where(p.example) } : '']);
    out.push(
      '',
      chalk.bold('反复出现的套话'),
      drawTable([{ head: '套话/固定提法', wrap: true }, { head: '类型', optional: 2 }, { head: '文档', align: 'right' }, { head: '次数', align: 'right' }, { head: '得分', align: 'right' }, { head: '首次出现', wrap: true, optional: 1 }], rows, chalk, width),
    );
  }
  out.push(summaryLine(r));
  return `${out.join('\n')}\n`;
}
