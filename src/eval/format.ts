import Table from 'cli-table3';
import { Chalk, type ChalkInstance } from 'chalk';
import path from 'node:path';
import stringWidth from 'string-width';
import { SPEECH_KIND_LABELS } from '../speech/outline.js';
import { MISSED, type CheckName, type EvalResult, type Measures, type OutlineCheck } from './score.js';

/** Chinese names of the kinds a gold file may name (the speech model knows only some of them). */
export const KIND_NAMES: Record<string, string> = {
  'summary-speech': '总结讲话',
  'host-script': '主持词',
  review: '书记点评',
  report: '述职报告',
  'progress-meeting': '推进会讲话',
  'work-meeting': '工作会议讲话',
  other: '其他体裁',
};

const CHECK_NAMES: Record<CheckName, string> = {
  kind: '体裁',
  'opinions.count': '意见条数',
  'opinions.series': '意见编号',
  reviews: '点评块数',
  problems: '问题部分',
};

export interface TextOptions {
  chalk?: ChalkInstance;
  /** Terminal columns; tables and long lines are fitted to it. */
  width?: number;
}

const fixed = (x: number | null) => (x === null ? '—' : x.toFixed(3));
const kindName = (kind: string) => KIND_NAMES[kind] ?? (SPEECH_KIND_LABELS as Record<string, string>)[kind] ?? kind;

function showValue(check: OutlineCheck, value: OutlineCheck['expected'], expected: boolean): string {
  if (check.check === 'kind') return check.expected === 'other' && expected ? '不属于六种体裁之一' : `${kindName(String(value))}（${String(value)}）`;
  if (check.check === 'problems') return value ? '有' : '没有';
  if (value === null) return '无';
  return String(value);
}

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - stringWidth(s)));

/** Cut `text` (by code points) so that the whole line fits `width` columns. */
function fit(before: string, text: string, after: string, width: number): string {
  const room = Math.max(12, width - stringWidth(before) - stringWidth(after));
  if (stringWidth(text) <= room) return `${before}${text}${after}`;
  let cut = '';
  for (const ch of text) {
    if (stringWidth(cut + ch) > room - 1) break;
    cut += ch;
  }
  return `${before}${cut}…${after}`;
}

function measureLine(m: Measures): string[] {
  return [`输出 ${m.findings}`, `标注 ${m.gold}`, `准确率 ${fixed(m.precision)}`, `条目召回率 ${fixed(m.clauseRecall)}`, `类别召回率 ${fixed(m.categoryRecall)}`];
}

/** The folder all files share (the evaluated one), so per-file lines can name files without it. */
function commonDir(files: readonly string[]): string {
  const under = (dir: string) => files.every((f) => f.startsWith(`${dir}${path.sep}`));
  let dir = path.dirname(files[0] ?? '.');
  while (!under(dir) && dir !== path.dirname(dir)) dir = path.dirname(dir);
  return under(dir) ? dir : '';
}

function perFile(r: EvalResult, chalk: ChalkInstance, width: number): string[] {
  const dir = commonDir(r.files.map((f) => f.file));
  const nameOf = (file: string) => (dir ? file.slice(dir.length + 1) : file);
  const rows = r.files.map((f) => [nameOf(f.file), ...measureLine(f.measures), `结构 ${f.outline.passed}/${f.outline.total}`]);
  const widths = rows.reduce<number[]>((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, stringWidth(cell))), []);
  // a long folder prefix must not push the figures off the screen
  widths[0] = Math.min(widths[0] ?? 0, Math.max(20, width - widths.slice(1).reduce((a, b) => a + b + 2, 0)));
  const out = [chalk.bold(dir ? `逐篇结果（${dir}${path.sep}）` : '逐篇结果')];
  r.files.forEach((f, i) => {
    const row = rows[i] as string[];
    const name = stringWidth(row[0] as string) > (widths[0] as number) ? fit('', row[0] as string, '', widths[0] as number) : (row[0] as string);
    out.push(`${pad(name, widths[0] as number)}  ${row.slice(1).map((c, j) => pad(c, widths[j + 1] as number)).join('  ')}`.trimEnd());
    for (const c of f.outline.checks) {
      if (!c.passed) out.push(chalk.red(`  ✗ ${CHECK_NAMES[c.check]}：应为 ${showValue(c, c.expected, true)}，实为 ${showValue(c, c.found, false)}`));
    }
  });
  return out;
}

const ids = (list: readonly string[], chalk: ChalkInstance) => chalk.dim(`[${list.join(', ')}]`);

function lists(r: EvalResult, chalk: ChalkInstance, width: number): string[] {
  const out: string[] = [];
  const section = (title: string, lines: string[]) => {
    if (lines.length > 0) out.push('', chalk.bold(`${title}（${lines.length} 条）`), ...lines);
  };
  section(
    '漏掉的问题',
    r.misses.map((m) => fit(`${m.file}:${m.line}  `, m.text, `  ${ids(m.categories, chalk)}`, width)),
  );
  section(
    '类别不对',
    r.wrongCategories.map((w) => fit(`${w.file}:${w.line}:${w.column}  `, w.text, `  ${ids(w.categories, chalk)} 应为 ${ids(w.gold.categories, chalk)}`, width)),
  );
  section(
    '误报',
    r.falseAlarms.map((a) => fit(`${a.file}:${a.line}:${a.column}  `, a.text, `  ${ids(a.categories, chalk)}`, width)),
  );
  section(
    '陷阱（标注为“不是问题”的话被当成了问题）',
    r.traps.map((t) => fit(`${t.file}:${t.line}:${t.column}  `, t.text, `  ${ids(t.categories, chalk)}`, width)),
  );
  return out;
}

const tableStyle = { head: [] as string[], border: [] as string[], compact: true };
const firstLineWidth = (s: string) => stringWidth(s.split('\n')[0] ?? '');

function confusionTable(r: EvalResult, chalk: ChalkInstance, width: number, labelOf: (id: string) => string): string {
  const { rows, columns, counts } = r.confusion;
  const heading = (id: string) => (id === MISSED ? '漏掉' : labelOf(id));
  const full = new Table({
    head: ['标注＼输出', ...columns.map(heading)].map((h) => chalk.bold(h)),
    colAligns: ['left', ...columns.map(() => 'right' as const)],
    style: tableStyle,
  });
  rows.forEach((row, i) => full.push([labelOf(row), ...(counts[i] as number[]).map((n, j) => (n === 0 ? '' : row === columns[j] ? chalk.green(String(n)) : String(n)))]));
  const rendered = full.toString();
  if (firstLineWidth(rendered) <= width) return rendered;
  // too many columns for the terminal: one row per gold category, the confusions listed in a cell
  const listWidth = Math.max(20, width - 40);
  const compact = new Table({
    head: ['标注类别', '条数', '类别对', '漏掉', '被输出为'].map((h) => chalk.bold(h)),
    colAligns: ['left', 'right', 'right', 'right', 'left'],
    colWidths: [null, null, null, null, listWidth],
    wordWrap: true,
    wrapOnWordBoundary: false,
    style: tableStyle,
  });
  rows.forEach((row, i) => {
    const cells = counts[i] as number[];
    const at = (id: string) => cells[columns.indexOf(id)] ?? 0;
    const others = columns
      .map((c, j) => ({ c, n: cells[j] ?? 0 }))
      .filter(({ c, n }) => n > 0 && c !== row && c !== MISSED)
      .sort((a, b) => b.n - a.n)
      .map(({ c, n }) => `${labelOf(c)} ${n}`);
    compact.push([labelOf(row), cells.reduce((a, b) => a + b, 0), at(row), at(MISSED), others.join('、')]);
  });
  return compact.toString();
}

function categoryTable(r: EvalResult, chalk: ChalkInstance, width: number): string {
  const withId = width >= 100;
  // 输出: findings carrying the id; 位置对: of those, right; 类别对: of those, at a clause accepting it
  const table = new Table({
    head: ['类别', ...(withId ? ['id'] : []), '标注', '召回', '召回率', '输出', '位置对', '类别对', '准确率'].map((h) => chalk.bold(h)),
    colAligns: ['left', ...(withId ? (['left'] as const) : []), 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: tableStyle,
  });
  for (const c of r.categories) {
    table.push([c.label, ...(withId ? [chalk.dim(c.id)] : []), c.gold, c.recalled, fixed(c.recall), c.findings, c.predicted, c.correct, fixed(c.precision)]);
  }
  return table.toString();
}

/** The last lines of the report (at most 8): what a hook or a CI log shows. */
export function summaryLines(r: EvalResult): string[] {
  const m = r.measures;
  return [
    `评估汇总（${r.files.length} 篇）`,
    `  准确率      ${fixed(m.precision)}  正确 ${m.right} / 输出 ${m.findings}（误报 ${m.falseAlarms}，陷阱 ${m.traps}）`,
    `  条目召回率  ${fixed(m.clauseRecall)}  找到 ${m.found} / 标注 ${m.gold}`,
    `  类别召回率  ${fixed(m.categoryRecall)}  类别对 ${m.categoryRight} / 标注 ${m.gold}`,
    `  结构检查    ${r.outline.passed}/${r.outline.total} 通过`,
  ];
}

/** The terminal report: per file, the lists to work through, the two tables, then the summary. */
export function formatEvalText(r: EvalResult, options: TextOptions = {}): string {
  const chalk = options.chalk ?? new Chalk({ level: 0 });
  const width = options.width ?? 120;
  const labels = new Map(r.categories.map((c) => [c.id, c.label]));
  const labelOf = (id: string) => labels.get(id) ?? id;
  const out = [...perFile(r, chalk, width), ...lists(r, chalk, width)];
  if (r.confusion.rows.length > 0) out.push('', chalk.bold('类别混淆（行：标注的类别；列：重叠最多的输出所给的类别）'), confusionTable(r, chalk, width, labelOf));
  if (r.categories.length > 0) out.push('', chalk.bold('分类别'), categoryTable(r, chalk, width));
  out.push('', ...summaryLines(r));
  return `${out.join('\n')}\n`;
}
