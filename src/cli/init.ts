import type { Command } from '@commander-js/extra-typings';
import { Option } from '@commander-js/extra-typings';
import path from 'node:path';
import { writeFileAtomic } from '../io/write-atomic.js';
import type { CliIO } from './io.js';

const KINDS = ['summary-speech', 'host-script', 'progress-meeting'] as const;

export function registerInit(program: Command, io: CliIO): void {
  program
    .command('init')
    .description('生成带中文注释的会议事实示例文件（改好后用 jianghua draft 起草）')
    .addOption(new Option('-k, --kind <kind>', '讲话类型：summary-speech 总结讲话、host-script 主持词、progress-meeting 推进会讲话').choices(KINDS).default('summary-speech' as const))
    .option('-o, --output <file>', '写入的文件；“-”表示输出到标准输出', 'facts.yaml')
    .option('--force', '覆盖已存在的文件')
    .addHelpText('after', '\n示例：\n  jianghua init\n  jianghua init --kind host-script -o 主持词.yaml\n  jianghua init -o - | less')
    .action(async (options) => {
      const { exampleFacts } = await import('../draft/example.js');
      if (options.output === '-') {
        io.stdout.write(exampleFacts(options.kind));
        return;
      }
      const target = path.resolve(io.cwd, options.output);
      await writeFileAtomic(target, exampleFacts(options.kind, target), { force: options.force ?? false });
      io.stderr.write(`已写出 ${options.output}（改好后运行：jianghua draft ${options.output}）\n`);
    });
}
