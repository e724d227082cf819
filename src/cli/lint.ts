import type { Command } from '@commander-js/extra-typings';
import { InvalidArgumentError, Option } from '@commander-js/extra-typings';
import path from 'node:path';
import { JianghuaError } from '../errors.js';
import { decodeText, requireContent, requireSpeechSize } from '../io/read-text.js';
import { lintFiles, lintSource } from '../lint/files.js';
import { MAX_PER_RULE } from '../lint/linter.js';
import { FORMATS, FORMATTERS } from '../lint/formatters/index.js';
import { KINDS, checkRuleId, parseSeverity, type RuleEntry } from '../lint/settings.js';
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

interface LintFlags {
  format: (typeof FORMATS)[number];
  config?: string;
  kind?: SpeechKind;
  rule?: Record<string, RuleEntry>;
  maxWarnings?: number;
  maxPerRule?: number;
  quiet?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
}

/** Reading failures: the file is skipped and counted, the others are linted. */
const SKIPPABLE = new Set<string>(['not-found', 'unreadable', 'binary', 'empty']);

/** All of standard input, as bytes (decoded like a file: UTF-8, UTF-16 with BOM, GB18030). */
async function readAll(stream: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export function registerLint(program: Command, io: CliIO): void {
  program
    .command('lint')
    .description('检查讲话稿：缺少的部分、编号、占位符、标点、字形、提法、日期、的/地、重复句、时长')
    .argument('[paths...]', '文件、目录或通配符（.txt / .md / .docx）；用 --stdin 时不写')
    .addOption(new Option('-f, --format <format>', '输出格式').choices(FORMATS).default('stylish' as const))
    .option('-c, --config <file>', '配置文件（默认从每个文件所在目录向上查找 .jianghuarc.yaml）')
    .addOption(new Option('--kind <kind>', '体裁（默认取配置文件的 kind，否则按结构判断，通常为 summary-speech 总结讲话）').choices(KINDS))
    .option('--rule <id:level>', '调整规则级别（off、warn、error），可重复', ruleFlag)
    .option('--max-warnings <n>', '警告数超过 n 时以退出码 1 结束', count)
    .option('--max-per-rule <n>', `每条规则在每个文件最多列出 n 处，其余合为一条计数（默认 ${MAX_PER_RULE}，0 为不限）`, count)
    .option('--quiet', '只报告错误，不报告警告')
    .option('--fix', '自动修复可修复的问题（标点、字形、提法、的/地），原子写回文件')
    .option('--fix-dry-run', '只显示 --fix 会做的修改，不写文件（json 格式给出修复后的全文 output）')
    .option('--stdin', '从标准输入读取讲话稿')
    .option('--stdin-filename <名称>', '标准输入的文件名：决定查找哪个 .jianghuarc.yaml、是否按 Markdown 处理，并用于报告')
    .addHelpText(
      'after',
      '\n退出码：0 没有错误；1 有错误（或警告超过 --max-warnings）；2 用法错误、无法读取或程序错误。\n' +
        '行内开关：<!-- jianghua-disable 规则id -->、<!-- jianghua-enable -->、<!-- jianghua-disable-next-line 规则id -->\n' +
        '\n示例：\n  jianghua lint corpus\n  jianghua lint 讲话.txt --format json\n  jianghua lint "drafts/**/*.txt" --rule adverbial-de:off --max-warnings 0\n  jianghua lint 讲话.txt --fix-dry-run\n  cat 讲话.md | jianghua lint --stdin --stdin-filename 讲话.md --format json',
    )
    .action(async (paths, options) => {
      const flags = options as LintFlags;
      const lintOptions = {
        ...(flags.config ? { configFile: flags.config } : {}),
        ...(flags.kind ? { kind: flags.kind } : {}),
        ...(flags.rule ? { rules: flags.rule } : {}),
        ...(flags.maxPerRule !== undefined ? { maxPerRule: flags.maxPerRule } : {}),
        quiet: Boolean(flags.quiet),
        fix: Boolean(flags.fix),
        fixDryRun: Boolean(flags.fixDryRun),
      };
      if (flags.fix && flags.fixDryRun) throw new JianghuaError('usage', '--fix 与 --fix-dry-run 只能选一个');
      let lint;
      if (flags.stdin) {
        if (paths.length) throw new JianghuaError('usage', '用了 --stdin 就不要再写文件名（文件名用 --stdin-filename 给出）');
        // like ESLint: fixed text cannot go back into a pipe's source, so --fix wants --fix-dry-run
        if (flags.fix) throw new JianghuaError('usage', '标准输入无法写回：请用 --fix-dry-run 查看修复结果');
        const name = flags.stdinFilename ?? '<stdin>';
        const { text } = decodeText(await readAll(io.stdin ?? []), name);
        requireSpeechSize(requireContent(text, name), name);
        const result = lintSource(text, path.resolve(io.cwd, name), lintOptions);
        lint = { results: [{ ...result, filePath: flags.stdinFilename ?? '<stdin>' }], failures: [] };
      } else {
        if (paths.length === 0) throw new JianghuaError('usage', '请给出要检查的文件或目录，或用 --stdin 从标准输入读取');
        if (flags.stdinFilename) throw new JianghuaError('usage', '--stdin-filename 要与 --stdin 一起用');
        lint = await lintFiles(paths, lintOptions);
      }
      const { results, failures } = lint;
      const chalk = paint(io.stdout, io.env);
      // the preview a reviewer reads: a unified diff per file; json carries `output` instead
      if (flags.fixDryRun && flags.format === 'stylish') {
        const { formatFixDiff } = await import('../lint/formatters/diff.js');
        io.stdout.write(formatFixDiff(results, chalk));
      }
      const output = FORMATTERS[flags.format](results, chalk);
      if (output) io.stdout.write(output);
      const errors = results.reduce((n, r) => n + r.errorCount, 0);
      const warnings = results.reduce((n, r) => n + r.warningCount, 0);
      let code = errors > 0 ? 1 : 0;
      if (flags.maxWarnings !== undefined && warnings > flags.maxWarnings) {
        io.stderr.write(`jianghua: 警告 ${warnings} 个，超过上限 ${flags.maxWarnings} 个（--max-warnings）\n`);
        code = 1;
      }
      // an unreadable draft is skipped and counted (docs/errors.md); a fix that could not be
      // written, or every file unreadable, means the request was not met: exit 2
      // nothing could be read at all: the request failed, each reason on its own line (exit 2 below)
      const skipped = results.length === 0 ? [] : failures.filter((f) => SKIPPABLE.has(f.code));
      for (const failure of skipped) io.stderr.write(`警告：已跳过 ${failure.format()}\n`);
      if (skipped.length) io.stderr.write(`jianghua: 跳过 ${skipped.length} 个无法读取的文件\n`);
      for (const failure of failures.filter((f) => !skipped.includes(f))) {
        io.stderr.write(`jianghua: ${failure.format()}\n`);
        code = 2;
      }
      if (results.length === 0 && failures.length > 0) code = 2;
      io.exitCode = code;
    });
}
