import type { Command } from '@commander-js/extra-typings';
import { InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { JianghuaError } from '../errors.js';
import { failIfNothingRead } from './skipped.js';
import { checkOutput as checkTarget, openAtomicWriter, writeFileAtomic } from '../io/write-atomic.js';
import { GROUP_FIELDS, type GroupField } from '../analyze/corpus.js';
import type { AnalyzeOptions, AnalyzePhase, AnalyzeReport, StreamedResult } from '../analyze/index.js';
import { CSV_TABLES, type CsvTable } from '../analyze/formatters/csv.js';
import { resultCounts } from '../analyze/result.js';
import type { Write } from '../analyze/formatters/json.js';
import { paint, type CliIO } from './io.js';
import { startProgress, type Progress } from './progress.js';
import { terminalWidth } from './table.js';

const FORMATS = ['table', 'json', 'csv', 'md', 'html'] as const;
type Format = (typeof FORMATS)[number];

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('应为正整数');
  return n;
}

interface ReportOptions {
  format: Format;
  output?: string;
  force?: true;
  top: number;
  by?: GroupField;
  taxonomy?: string;
  table?: CsvTable;
  progress: boolean;
}

/** The options both `analyze` and `analyze merge` report with. */
function reportOptions(): Option[] {
  return [
    new Option('-f, --format <format>', '输出格式').choices(FORMATS).default('table'),
    new Option('-o, --output <file>', '写入文件而不是标准输出；--format csv 时可给一个文件夹（以 / 结尾），每张表写一个 CSV'),
    new Option('--force', '覆盖已存在的输出文件'),
    new Option('--top <n>', '套话、关键词各列出前 N 条').argParser(positiveInt).default(20),
    new Option('--by <field>', '按字段分组统计（来自 corpus.yaml 或文件名）').choices(GROUP_FIELDS),
    new Option('--table <table>', '--format csv 输出哪张表（默认 categories）').choices(CSV_TABLES),
    new Option('--taxonomy <file>', '问题分类文件（YAML），替换或扩展内置的 20 类'),
    new Option('--no-progress', '不显示进度条'),
  ] as Option[];
}

function withOptions<C extends { addOption(o: Option): unknown }>(command: C): C {
  for (const o of reportOptions()) command.addOption(o);
  return command;
}

const PHASES: Record<AnalyzePhase, string> = { count: '分析', rank: '排序套话', revisit: '第二遍' };

function libraryOptions(options: ReportOptions & { dict?: string; jobs?: number }, progress: Progress): AnalyzeOptions {
  return {
    top: options.top,
    ...(options.by ? { by: options.by } : {}),
    ...(options.taxonomy ? { taxonomy: options.taxonomy } : {}),
    ...(options.dict ? { dict: options.dict } : {}),
    ...(options.jobs ? { jobs: options.jobs } : {}),
    onDocument: (record) => {
      if ('error' in record) progress.warn(`警告：已跳过 ${record.file}：${record.error}`);
    },
    onProgress: (phase, done, total) => progress.update(PHASES[phase], done, total),
    onWarning: (message) => progress.warn(`警告：${message}`),
  };
}

/** `-o 文件夹/` with csv: one file per table. */
const isFolder = (output: string) => /[\\/]$/u.test(output) || (existsSync(output) && statSync(output).isDirectory());

async function checkOutput(options: ReportOptions): Promise<void> {
  if (options.table && options.format !== 'csv') throw new JianghuaError('usage', '--table 只用于 --format csv');
  if (!options.output) return;
  if (isFolder(options.output)) {
    if (options.format !== 'csv') throw new JianghuaError('usage', '输出到文件夹只用于 --format csv（每张表一个文件）', { file: options.output });
    return;
  }
  // a missing folder, an existing file or a device fail now, not after the whole analysis
  await checkTarget(options.output, { force: Boolean(options.force) });
}

async function render(result: AnalyzeReport, format: Exclude<Format, 'json' | 'csv'>, io: CliIO): Promise<string> {
  switch (format) {
    case 'md':
      return (await import('../analyze/formatters/md.js')).formatMarkdown(result);
    case 'html':
      // the page is one string in memory anyway, and it looks documents up by name
      return (await import('../analyze/formatters/html.js')).formatHtml({ ...result, documents: [...result.documents], keywords: [...result.keywords] });
    default:
      return (await import('../analyze/formatters/table.js')).formatTable(result, paint(io.stdout, io.env), terminalWidth(io));
  }
}

/** Write to stdout; when its buffer is full (a pipe read slowly), a promise that waits for 'drain'. */
function toStdout(io: CliIO, text: string): void | Promise<void> {
  const { stdout } = io;
  if (stdout.write(text) !== false || !stdout.once) return;
  return new Promise((resolve) => void stdout.once?.('drain', resolve));
}

/** A streamed output: stdout, or an atomic writer that puts the file at -o only once complete. */
async function openOutput(output: string | undefined, io: CliIO, force: boolean) {
  if (!output) return { write: (s: string) => toStdout(io, s), close: () => Promise.resolve(), abort: () => Promise.resolve() };
  const writer = await openAtomicWriter(output, { force });
  return { write: (s: string) => writer.write(s), close: () => writer.commit(), abort: () => writer.abort() };
}

async function streamTo(output: string | undefined, io: CliIO, force: boolean, body: (write: Write) => Promise<void>): Promise<void> {
  const out = await openOutput(output, io, force);
  try {
    await body(out.write);
    await out.close();
  } catch (error) {
    await out.abort();
    throw error;
  }
}

/** Write a finished run in the chosen format. */
async function report(run: StreamedResult, options: ReportOptions, io: CliIO): Promise<void> {
  // documents are read back from disk: only when none was analysed are they all skipped ones
  if (resultCounts(run.result).analysed === 0) failIfNothingRead([...run.result.documents]);
  const force = Boolean(options.force);
  if (options.format === 'json') {
    const { writeJson } = await import('../analyze/formatters/json.js');
    await streamTo(options.output, io, force, (write) => writeJson(run.result, run.findings(), write));
    return;
  }
  if (options.format === 'csv') {
    const { writeCsv } = await import('../analyze/formatters/csv.js');
    if (options.output && isFolder(options.output)) {
      mkdirSync(options.output, { recursive: true });
      for (const table of CSV_TABLES) {
        if (table === 'groups' && !run.result.groups) continue;
        await streamTo(path.join(options.output, `${table}.csv`), io, force, (write) => writeCsv(run.result, table, run.findings(), write));
      }
      return;
    }
    await streamTo(options.output, io, force, (write) => writeCsv(run.result, options.table ?? 'categories', run.findings(), write));
    return;
  }
  // the page lists every clause; the other formats need only the counts
  if (options.format === 'html') for (const f of run.findings()) run.result.findings.push(f);
  const text = await render(run.result, options.format, io);
  if (options.output) await writeFileAtomic(options.output, text, { force });
  else io.stdout.write(text);
}

async function runReport(io: CliIO, options: ReportOptions & { dict?: string; jobs?: number }, start: (o: AnalyzeOptions) => Promise<StreamedResult>): Promise<void> {
  await checkOutput(options);
  const progress = await startProgress(io, options.progress);
  try {
    const run = await start(libraryOptions(options, progress));
    progress.stop();
    try {
      await report(run, options, io);
    } finally {
      run.dispose();
    }
  } finally {
    progress.stop();
  }
}

export function registerAnalyze(program: Command, io: CliIO): void {
  const analyze = withOptions(
    program
      .command('analyze')
      .description('分析语料：哪些问题反复出现（按类别、地区、年份），哪些套话篇篇都有')
      .argument('<paths...>', '文件、目录或通配符（名为 merge 的目录请写 ./merge）'),
  );
  analyze
    .option('--dict <file>', '追加的分词用户词典（每行：词 词频 词性）')
    .option('--jobs <n>', '并行线程数（默认为 CPU 核数）', positiveInt)
    .option('--jsonl', '每篇文档分析完即输出一行 JSON（供 analyze merge 合并）')
    .addHelpText(
      'after',
      '\n示例：\n  jianghua analyze corpus\n  jianghua analyze corpus --format html -o 报告.html\n  jianghua analyze corpus --format csv -o 表格/\n  jianghua analyze 语料/2023 --jsonl -o part1.jsonl\n  jianghua analyze merge part*.jsonl --format json',
    )
    .action(async (paths, raw) => {
      const options = raw as unknown as ReportOptions & { dict?: string; jobs?: number; jsonl?: true };
      const { analyzeCorpusStreamed, analyzeRecords } = await import('../analyze/index.js');
      if (options.jsonl) {
        await checkOutput({ ...options, format: 'json' });
        const { toJsonLine } = await import('../analyze/jsonl.js');
        const progress = await startProgress(io, options.progress);
        try {
          let done = 0;
          const lib = libraryOptions(options, progress);
          await streamTo(options.output, io, Boolean(options.force), async (write) => {
            for await (const record of analyzeRecords(paths, lib)) {
              lib.onDocument?.(record, ++done, 0);
              progress.update(PHASES.count, done, 0);
              await write(toJsonLine(record));
            }
          });
        } finally {
          progress.stop();
        }
        return;
      }
      await runReport(io, options, (o) => analyzeCorpusStreamed(paths, o));
    });
  // merge takes analyze's report options (commander hands them to the parent command, wherever they stand)
  analyze
    .command('merge')
    .description('合并 analyze --jsonl 输出的分片，结果与一次分析全部文件相同；同一篇文档（路径和内容都相同）只计一次')
    .argument('<parts...>', '--jsonl 分片文件')
    .addHelpText('after', '\n输出选项（--format、-o、--top、--by、--table、--taxonomy ……）与 analyze 相同。\n\n示例：\n  jianghua analyze merge part1.jsonl part2.jsonl --format html -o 报告.html')
    .action(async (parts) => {
      const options = analyze.opts() as unknown as ReportOptions & { jsonl?: true };
      if (options.jsonl) throw new JianghuaError('usage', 'analyze merge 不能与 --jsonl 同用：分片合并后输出报告');
      const { mergePartsStreamed } = await import('../analyze/index.js');
      await runReport(io, options, (o) => mergePartsStreamed(parts, o));
    });
}
