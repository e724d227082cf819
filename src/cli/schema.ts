import type { Command } from '@commander-js/extra-typings';
import path from 'node:path';
import { writeFileAtomic } from '../io/write-atomic.js';
import type { CliIO } from './io.js';

export function registerSchema(program: Command, io: CliIO): void {
  program
    .command('schema')
    .description('输出会议事实文件的 JSON Schema（draft-07），供编辑器补全和检查')
    .option('-o, --output <file>', '写入文件而不是标准输出')
    .option('--force', '覆盖已存在的文件')
    .addHelpText('after', '\n示例：\n  jianghua schema > facts.schema.json\n  （在 YAML 第一行写 # yaml-language-server: $schema=facts.schema.json）')
    .action(async (options) => {
      const { factsJsonSchema } = await import('../draft/facts.js');
      const json = `${JSON.stringify(factsJsonSchema(), null, 2)}\n`;
      if (!options.output) {
        io.stdout.write(json);
        return;
      }
      await writeFileAtomic(path.resolve(io.cwd, options.output), json, { force: options.force ?? false });
    });
}
