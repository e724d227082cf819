import type { Command } from '@commander-js/extra-typings';
import { JianghuaError } from '../errors.js';
import type { CliIO } from './io.js';

// Placeholder until the init command lands (issue #4).
export function registerInit(program: Command, _io: CliIO): void {
  program
    .command('init')
    .description('生成带注释的会议事实示例文件')
    .allowUnknownOption()
    .argument('[args...]')
    .action(() => {
      throw new JianghuaError('usage', '此命令尚未实现');
    });
}
