import type { Command } from '@commander-js/extra-typings';
import { JianghuaError } from '../errors.js';
import type { CliIO } from './io.js';

// Placeholder until the templates command lands (issue #4).
export function registerTemplates(program: Command, _io: CliIO): void {
  program
    .command('templates')
    .description('列出或显示内置模板')
    .allowUnknownOption()
    .argument('[args...]')
    .action(() => {
      throw new JianghuaError('usage', '此命令尚未实现');
    });
}
