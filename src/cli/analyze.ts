import type { Command } from '@commander-js/extra-typings';
import { InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { existsSync } from 'node:fs';
import { JianghuaError } from '../errors.js';
import { failIfNothingRead } from './skipped.js';
import { openAtomicWriter, writeFileAtomic } from '../io/write-atomic.js';
import { GROUP_FIELDS } from '../analyze/corpus.js';
import type { AnalyzeOptions, AnalyzeResult, AnyRecord } from '../analyze/index.js';
import { paint, progressEnabled, type CliIO } from './io.js';

const FORMATS = ['table', 'json', 'csv', 'md', 'html'] as const;
type Format = (typeof FORMATS)[number];

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('应为正整数');
  return n;
}

async function render(result: AnalyzeResult, format: Format, io: CliIO): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../analyze/formatters/json.js')).formatJson(result);
    case 'csv':
      return (await import('../analyze/formatters/csv.js')).formatCsv(result);
    case 'md':
      return (await import('../analyze/formatters/md.js')).formatMarkdown(result);
    case 'html':
      return (await import('../analyze/formatters/html.js')).formatHtml(result);
    default:
      return (await import('../analyze/formatters/table.js')).formatTable(result, paint(io.stdout, io.env), io.stdout.columns ?? 120);
  }
}

/** A progress bar on a terminal's stderr; warnings for skipped files always. */
async function reporter(io: CliIO, wanted: boolean) {
  let bar: { start(total: number, value: number): void; update(value: number): void; stop(): void } | undefined;
  let started = false;
  if (progressEnabled(io, wanted)) {
    const { SingleBar, Presets } = (await import('cli-progress')).default;
    bar = new SingleBar({ format: '分析 {bar} {value}/{total} 篇', stream: io.stderr as NodeJS.WritableStream, hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
  }
  return {
    onDocument(record: AnyRecord, done: number, total: number) {
      if ('error' in record) io.stderr.write(`警告：已跳过 ${record.file}：${record.error}\n`);
      if (bar && total > 0) {
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      }
    },
    stop: () => bar?.stop(),
  };
}

export function registerAnalyze(program: Command, io: CliIO): void {
  program
    .command('analyze')
    .description('分析语料：哪些问题反复出现（按类别、地区、年份），哪些套话篇篇都有')
    .argument('<paths...>', '文件、目录或通配符；写 `analyze merge 分片*.jsonl` 则合并 --jsonl 的分片')
    .addOption(new Option('-f, --format <format>', '输出格式').choices(FORMATS).default('table' as Format))
    .option('-o, --output <file>', '写入文件而不是标准输出')
    .option('--force', '覆盖已存在的输出文件')
    .option('--top <n>', '套话、关键词各列出前 N 条', positiveInt, 20)
    .addOption(new Option('--by <field>', '按字段分组统计（来自 corpus.yaml 或文件名）').choices(GROUP_FIELDS))
    .option('--taxonomy <file>', '问题分类文件（YAML），替换或扩展内置的 20 类')
    .option('--dict <file>', '追加的分词用户词典（每行：词 词频 词性）')
    .option('--jobs <n>', '并行线程数（默认为 CPU 核数）', positiveInt)
    .option('--jsonl', '每篇文档分析完即输出一行 JSON（供 analyze merge 合并）')
    .option('--no-progress', '不显示进度条')
    .addHelpText(
      'after',
      '\n示例：\n  jianghua analyze corpus\n  jianghua analyze corpus --format html -o 报告.html\n  jianghua analyze 语料/2023 --jsonl -o part1.jsonl\n  jianghua analyze merge part*.jsonl --format json',
    )
    .action(async (paths, options) => {
      const { analyzeCorpusStreamed, analyzeRecords, mergePartsStreamed } = await import('../analyze/index.js');
      const merge = paths[0] === 'merge' && !existsSync('merge');
      const inputs = merge ? paths.slice(1) : paths;
      if (merge && inputs.length === 0) throw new JianghuaError('usage', 'analyze merge 需要至少一个 .jsonl 分片文件');
      if (options.output && !options.force && existsSync(options.output)) {
        throw new JianghuaError('exists', '文件已存在，未覆盖（如需覆盖请加 --force）', { file: options.output });
      }
      const progress = await reporter(io, options.progress);
      const analyzeOptions: AnalyzeOptions = {
        top: options.top,
        ...(options.by ? { by: options.by } : {}),
        ...(options.taxonomy ? { taxonomy: options.taxonomy } : {}),
        ...(options.dict ? { dict: options.dict } : {}),
        ...(options.jobs ? { jobs: options.jobs } : {}),
        onDocument: progress.onDocument,
      };
      try {
        if (options.jsonl && !merge) {
          const { toJsonLine } = await import('../analyze/jsonl.js');
          const out = await openOutput(options.output, io, Boolean(options.force));
          try {
            let done = 0;
            for await (const record of analyzeRecords(inputs, analyzeOptions)) {
              progress.onDocument(record, ++done, 0);
              out.write(toJsonLine(record));
            }
            await out.close();
          } catch (error) {
            await out.abort();
            throw error;
          }
          return;
        }
        const run = merge ? await mergePartsStreamed(inputs, analyzeOptions) : await analyzeCorpusStreamed(inputs, analyzeOptions);
        try {
          progress.stop();
          failIfNothingRead(run.result.documents);
          if (options.format === 'json') {
            const { writeJson } = await import('../analyze/formatters/json.js');
            const out = await openOutput(options.output, io, Boolean(options.force));
            try {
              await writeJson(run.result, run.findings(), out.write);
              await out.close();
            } catch (error) {
              await out.abort();
              throw error;
            }
            return;
          }
          // the page lists every clause; the other formats need only the counts
          if (options.format === 'html') for await (const f of run.findings()) run.result.findings.push(f);
          const text = await render(run.result, options.format, io);
          if (options.output) await writeFileAtomic(options.output, text, { force: Boolean(options.force) });
          else io.stdout.write(text);
        } finally {
          run.dispose();
        }
      } finally {
        progress.stop();
      }
    });
}

/** A streamed output: stdout, or an atomic writer that puts the file at -o only once complete. */
async function openOutput(output: string | undefined, io: CliIO, force: boolean) {
  if (!output) return { write: (s: string) => void io.stdout.write(s), close: async () => undefined, abort: async () => undefined };
  const writer = await openAtomicWriter(output, { force });
  return { write: (s: string) => writer.write(s), close: () => writer.commit(), abort: () => writer.abort() };
}
