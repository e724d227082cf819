import type { Command } from '@commander-js/extra-typings';
import { JianghuaError } from '../errors.js';
import type { CliIO } from './io.js';

// Placeholder until the schema command lands (issue #4).
export function registerSchema(program: Command, _io: CliIO): void {
  program
    .command('schema')
    .description('输出会议事实文件的 JSON Schema')
    .allowUnknownOption()
    .argument('[args...]')
    .action(() => {
      throw new JianghuaError('usage', '此命令尚未实现');
    });
}
