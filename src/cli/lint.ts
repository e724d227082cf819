import type { Command } from '@commander-js/extra-typings';
import { JianghuaError } from '../errors.js';
import type { CliIO } from './io.js';

// Placeholder until the lint command lands (issue #5).
export function registerLint(program: Command, _io: CliIO): void {
  program
    .command('lint')
    .description('检查讲话稿：结构、编号、占位符、标点、提法、日期')
    .allowUnknownOption()
    .argument('[args...]')
    .action(() => {
      throw new JianghuaError('usage', '此命令尚未实现');
    });
}
