import type { Command } from '@commander-js/extra-typings';
import { JianghuaError } from '../errors.js';
import type { CliIO } from './io.js';

// Placeholder until the analyze command lands (issue #6).
export function registerAnalyze(program: Command, _io: CliIO): void {
  program
    .command('analyze')
    .description('分析语料：问题类别频次、套话与固定提法')
    .allowUnknownOption()
    .argument('[args...]')
    .action(() => {
      throw new JianghuaError('usage', '此命令尚未实现');
    });
}
