import type { Command } from '@commander-js/extra-typings';
import { InvalidArgumentError, Option } from '@commander-js/extra-typings';
import type { EvalResult, Measures } from '../eval/index.js';
import { paint, progressEnabled, type CliIO } from './io.js';

function share(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('应为 0 到 1 之间的数，如 0.8');
  return n;
}

const THRESHOLDS = [
  ['minPrecision', 'precision', '准确率', '--min-precision'],
  ['minRecall', 'clauseRecall', '条目召回率', '--min-recall'],
  ['minCategoryRecall', 'categoryRecall', '类别召回率', '--min-category-recall'],
] as const;

/** Measures below their --min-… option, as messages; an unmeasurable (null) one is not below. */
function belowThresholds(measures: Measures, options: Partial<Record<(typeof THRESHOLDS)[number][0], number>>): string[] {
  const out: string[] = [];
  for (const [option, key, name, flag] of THRESHOLDS) {
    const min = options[option];
    const value = measures[key];
    if (min !== undefined && value !== null && value < min) out.push(`${name} ${value.toFixed(3)} 低于 ${flag} ${min}`);
  }
  return out;
}

export function registerEval(program: Command, io: CliIO): void {
  program
    .command('eval')
    .description('用人工标注检验分析结果：问题表述的准确率、召回率、类别，以及讲话结构')
    .argument('<dir>', '讲话稿所在目录（标注文件里的文件名相对于它）')
    .requiredOption('--gold <file>', '人工标注文件（YAML，以文件名为键，格式见 docs/eval.md）')
    .addOption(new Option('-f, --format <format>', '输出格式').choices(['text', 'json'] as const).default('text' as const))
    .option('--taxonomy <file>', '问题分类文件（YAML），与 analyze 的 --taxonomy 相同')
    .option('--min-precision <x>', '准确率低于 x（0–1）时退出码为 1', share)
    .option('--min-recall <x>', '条目召回率低于 x 时退出码为 1', share)
    .option('--min-category-recall <x>', '类别召回率低于 x 时退出码为 1', share)
    .addHelpText('after', '\n示例：\n  jianghua eval 样本 --gold 样本/gold.yaml\n  jianghua eval 样本 --gold 样本/gold.yaml --format json --min-recall 0.8')
    .action(async (dir, options) => {
      const { evaluate, formatEvalText } = await import('../eval/index.js');
      const progress = progressEnabled(io);
      let result: EvalResult;
      try {
        result = await evaluate(dir, options.gold, {
          ...(options.taxonomy ? { taxonomy: options.taxonomy } : {}),
          ...(progress ? { onFile: (_file: string, done: number, total: number) => void io.stderr.write(`\r评估 ${done}/${total} 篇`) } : {}),
        });
      } finally {
        if (progress) io.stderr.write('\r\u001b[2K');
      }
      if (options.format === 'json') io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else io.stdout.write(formatEvalText(result, { chalk: paint(io.stdout, io.env), width: io.stdout.columns ?? 120 }));
      const below = belowThresholds(result.measures, options);
      for (const message of below) io.stderr.write(`jianghua: 未达标：${message}\n`);
      if (below.length > 0) io.exitCode = 1;
    });
}
