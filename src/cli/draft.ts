import type { Command } from '@commander-js/extra-typings';
import { JianghuaError } from '../errors.js';
import type { CliIO } from './io.js';

// Placeholder until the draft command lands (issue #4).
export function registerDraft(program: Command, _io: CliIO): void {
  program
    .command('draft')
    .description('根据会议事实（YAML）起草讲话稿')
    .allowUnknownOption()
    .argument('[args...]')
    .action(() => {
      throw new JianghuaError('usage', '此命令尚未实现');
    });
}
