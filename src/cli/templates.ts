import type { Command } from '@commander-js/extra-typings';
import { Option } from '@commander-js/extra-typings';
import { readFile } from 'node:fs/promises';
import { JianghuaError } from '../errors.js';
import { paint, type CliIO } from './io.js';
import { drawTable, terminalWidth } from './table.js';

export function registerTemplates(program: Command, io: CliIO): void {
  const templates = program
    .command('templates')
    .description('列出内置模板；templates show 名称 显示模板全文，便于复制改写')
    .addOption(new Option('-f, --format <format>', '输出格式').choices(['table', 'json'] as const).default('table' as const))
    .addHelpText('after', '\n示例：\n  jianghua templates\n  jianghua templates show summary-speech > 我的模板.hbs\n  jianghua draft facts.yaml --template ./我的模板.hbs')
    .action(async (options) => {
      const { listTemplates } = await import('../draft/catalog.js');
      const list = listTemplates();
      if (options.format === 'json') {
        io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      const table = drawTable([{ head: '名称' }, { head: '类型', wrap: true }, { head: '说明', wrap: true }, { head: '路径', wrap: true }], list.map((t) => [t.name, t.kind, t.description, t.path]), paint(io.stdout, io.env), terminalWidth(io));
      io.stdout.write(`${table}\n`);
    });
  templates
    .command('show')
    .description('显示一个内置模板的全文')
    .argument('<name>', '模板名称')
    .action(async (name) => {
      const { listTemplates } = await import('../draft/catalog.js');
      const t = listTemplates().find((x) => x.name === name);
      if (!t) throw new JianghuaError('not-found', `没有名为“${name}”的内置模板（可用：${listTemplates().map((x) => x.name).join('、')}）`);
      io.stdout.write(await readFile(t.path, 'utf8'));
    });
}
