import type { Command } from '@commander-js/extra-typings';
import { InvalidArgumentError, Option } from '@commander-js/extra-typings';
import iconv from 'iconv-lite';
import { isJianghuaError, type JianghuaError } from '../errors.js';
import { collectFilesOrFail } from '../io/collect.js';
import { decodeText, readSpeechBytes, type Encoding } from '../io/read-text.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { configFor } from '../lint/config.js';
import { FORMATS, FORMATTERS } from '../lint/formatters/index.js';
import { lintText } from '../lint/linter.js';
import { KINDS, checkRuleId, parseSeverity, type RuleEntry } from '../lint/settings.js';
import type { FileResult } from '../lint/types.js';
import type { SpeechKind } from '../speech/types.js';
import { paint, type CliIO } from './io.js';

function ruleFlag(value: string, previous: Record<string, RuleEntry> = {}): Record<string, RuleEntry> {
  const m = /^([a-z-]+):(\w+)$/u.exec(value.trim());
  if (!m) throw new InvalidArgumentError('应写作 规则id:级别，如 placeholder:off、adverbial-de:error');
  const [, id, level] = m as unknown as [string, string, string];
  try {
    checkRuleId(id, {});
    return { ...previous, [id]: parseSeverity(level, {}, `规则 ${id} `) };
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('应为非负整数');
  return n;
}

/** Back to the bytes the file had: same encoding, BOM and line ends. */
function encode(text: string, encoding: Encoding, crlf: boolean): Buffer {
  const body = crlf ? text.replace(/\n/g, '\r\n') : text;
  if (encoding === 'utf-8') return Buffer.from(body, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.from(`\ufeff${body}`, 'utf8');
  const bom = encoding === 'gb18030' ? '' : '\ufeff';
  return iconv.encode(`${bom}${body}`, encoding);
}

/** Write fixed bytes atomically, unless the file no longer holds what was linted. */
export async function writeFix(file: string, original: Uint8Array, fixed: Uint8Array): Promise<void> {
  // writeFileAtomic re-checks just before the swap, so an edit made meanwhile is never overwritten
  await writeFileAtomic(file, fixed, { force: true, original });
}

interface LintFlags {
  format: (typeof FORMATS)[number];
  config?: string;
  kind?: SpeechKind;
  rule?: Record<string, RuleEntry>;
  maxWarnings?: number;
  quiet?: boolean;
  fix?: boolean;
}

/** Files read ahead of the one being linted: reading is I/O, linting is CPU, so they overlap. */
const READ_AHEAD = 16;

async function lintFile(file: string, raw: Buffer, flags: LintFlags): Promise<FileResult> {
  const { text, encoding } = decodeText(raw, file);
  const config = configFor(file, flags.config);
  const result = lintText(text, {
    config,
    ...(flags.kind ? { kind: flags.kind } : {}),
    ...(flags.rule ? { rules: flags.rule } : {}),
    markdown: /\.(md|markdown)$/iu.test(file),
    fix: Boolean(flags.fix),
  });
  if (result.output !== undefined) await writeFix(file, raw, encode(result.output, encoding, text.includes('\r\n')));
  let messages = result.messages;
  if (flags.quiet) messages = messages.filter((m) => m.severity === 2);
  return { filePath: file, messages, errorCount: result.errorCount, warningCount: flags.quiet ? 0 : result.warningCount };
}

export function registerLint(program: Command, io: CliIO): void {
  program
    .command('lint')
    .description('检查讲话稿：缺少的部分、编号、占位符、标点、提法、日期、的/地、重复句、时长')
    .argument('<paths...>', '文件、目录或通配符（.txt / .md）')
    .addOption(new Option('-f, --format <format>', '输出格式').choices(FORMATS).default('stylish' as const))
    .option('-c, --config <file>', '配置文件（默认从每个文件所在目录向上查找 .jianghuarc.yaml）')
    .addOption(new Option('--kind <kind>', '体裁（默认取配置文件的 kind，否则按结构判断，通常为 summary-speech 总结讲话）').choices(KINDS))
    .option('--rule <id:level>', '调整规则级别（off、warn、error），可重复', ruleFlag)
    .option('--max-warnings <n>', '警告数超过 n 时以退出码 1 结束', count)
    .option('--quiet', '只报告错误，不报告警告')
    .option('--fix', '自动修复可修复的问题（半角标点），原子写回文件')
    .addHelpText(
      'after',
      '\n退出码：0 没有错误；1 有错误（或警告超过 --max-warnings）；2 用法错误、无法读取或程序错误。\n' +
        '行内开关：<!-- jianghua-disable 规则id -->、<!-- jianghua-enable -->、<!-- jianghua-disable-next-line 规则id -->\n' +
        '\n示例：\n  jianghua lint corpus\n  jianghua lint 讲话.txt --format json\n  jianghua lint "drafts/**/*.txt" --rule adverbial-de:off --max-warnings 0\n  jianghua lint 讲话.txt --fix',
    )
    .action(async (paths, options) => {
      const flags = options as LintFlags;
      const files = await collectFilesOrFail(paths);
      const results: FileResult[] = [];
      const failures: JianghuaError[] = [];
      const reads = new Map<number, Promise<Buffer>>();
      const readAt = (i: number) => {
        const file = files[i];
        if (file === undefined || reads.has(i)) return;
        const read = readSpeechBytes(file);
        read.catch(() => undefined); // handled when its turn comes; no unhandled rejection meanwhile
        reads.set(i, read);
      };
      for (let i = 0; i < Math.min(READ_AHEAD, files.length); i++) readAt(i);
      for (const [i, file] of files.entries()) {
        readAt(i + READ_AHEAD);
        const raw = reads.get(i) as Promise<Buffer>;
        reads.delete(i);
        try {
          results.push(await lintFile(file, await raw, flags));
        } catch (error) {
          // a broken config or option stops everything; an unreadable draft is reported and skipped
          if (!isJianghuaError(error) || error.code === 'config' || error.code === 'schema' || error.code === 'yaml-syntax') throw error;
          failures.push(error);
        }
      }
      const output = FORMATTERS[flags.format](results, paint(io.stdout, io.env));
      if (output) io.stdout.write(output);
      const errors = results.reduce((n, r) => n + r.errorCount, 0);
      const warnings = results.reduce((n, r) => n + r.warningCount, 0);
      let code = errors > 0 ? 1 : 0;
      if (flags.maxWarnings !== undefined && warnings > flags.maxWarnings) {
        io.stderr.write(`jianghua: 警告 ${warnings} 个，超过上限 ${flags.maxWarnings} 个（--max-warnings）\n`);
        code = 1;
      }
      for (const failure of failures) io.stderr.write(`jianghua: ${failure.format()}\n`);
      if (failures.length) code = 2;
      io.exitCode = code;
    });
}
