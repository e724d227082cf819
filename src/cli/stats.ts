import type { Command } from '@commander-js/extra-typings';
import { InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { collectFilesOrFail } from '../io/collect.js';
import { isJianghuaError } from '../errors.js';
import { DEFAULT_RATE, SPEECH_KIND_LABELS, speechStats, type SpeechStats } from '../speech/index.js';
import { paint, type CliIO } from './io.js';
import { failIfNothingRead } from './skipped.js';
import { drawTable, terminalWidth } from './table.js';
import { readSpeech } from './outline.js';

export interface DocumentStats extends SpeechStats {
  file: string;
  encoding: string;
  kind: keyof typeof SPEECH_KIND_LABELS;
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('应为正数（每分钟字数）');
  return n;
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

export function registerStats(program: Command, io: CliIO): void {
  program
    .command('stats')
    .description('统计每篇讲话稿：字数、句数、段数、预计讲话时长，以及成绩、问题、意见所占比例')
    .argument('<paths...>', '文件、目录或通配符')
    .addOption(new Option('-f, --format <format>', '输出格式').choices(['table', 'json'] as const).default('table' as const))
    .option('--rate <字/分钟>', `语速（每分钟汉字数）`, positiveNumber, DEFAULT_RATE)
    .addHelpText('after', '\n示例：\n  jianghua stats corpus\n  jianghua stats 讲话.txt --rate 180 --format json')
    .action(async (paths, options) => {
      const files = await collectFilesOrFail(paths);
      const documents: DocumentStats[] = [];
      const skipped: Array<{ file: string; reason: string }> = [];
      for (const file of files) {
        try {
          const { speech, encoding } = await readSpeech(file);
          documents.push({ file, encoding, kind: speech.kind, ...speechStats(speech, options.rate) });
        } catch (error) {
          if (!isJianghuaError(error)) throw error;
          skipped.push({ file, reason: error.message });
          io.stderr.write(`警告：已跳过 ${error.format()}\n`);
        }
      }
      failIfNothingRead([...skipped.map((s) => ({ file: s.file, error: s.reason })), ...documents]);
      if (options.format === 'json') {
        io.stdout.write(`${JSON.stringify({ rate: options.rate, documents, skipped }, null, 2)}\n`);
        return;
      }
      const chalk = paint(io.stdout, io.env);
      const right = (head: string, optional?: number) => ({ head, align: 'right' as const, wrap: true, ...(optional ? { optional } : {}) });
      const table = drawTable(
        [{ head: '文件', wrap: true }, { head: '体裁', wrap: true }, right('字数'), right('句数', 1), right('段数', 2), right('时长（分钟）'), right('成绩'), right('问题'), right('意见')],
        documents.map((d) => [d.file, SPEECH_KIND_LABELS[d.kind], d.chars, d.sentences, d.paragraphs, d.minutes.toFixed(1), percent(d.shares.achievements), percent(d.shares.problems), percent(d.shares.opinions)]),
        chalk,
        terminalWidth(io),
      );
      io.stdout.write(`${table}\n语速按每分钟 ${options.rate} 字估算。${skipped.length ? `跳过 ${skipped.length} 个文件。` : ''}\n`);
    });
}
