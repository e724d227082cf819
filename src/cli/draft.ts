import type { Command } from '@commander-js/extra-typings';
import { Option } from '@commander-js/extra-typings';
import path from 'node:path';
import { JianghuaError } from '../errors.js';
import { checkOutput, writeFileAtomic } from '../io/write-atomic.js';
import type { CliIO } from './io.js';

const FORMATS = ['txt', 'md', 'docx'] as const;
type Format = (typeof FORMATS)[number];

/** --format wins; otherwise the extension of -o; otherwise plain text. */
function pickFormat(format: Format | undefined, output: string | undefined): Format {
  if (format) return format;
  const ext = output ? path.extname(output).slice(1).toLowerCase() : '';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'docx') return 'docx';
  if (ext === '' || ext === 'txt' || ext === 'text') return 'txt';
  // 讲话.pdf or 讲话.doc would get plain text under a name that promises something else
  throw new JianghuaError('usage', `不支持输出 .${ext} 文件：可用的格式为 ${FORMATS.join('、')}（按 -o 的扩展名 .txt、.md、.docx 选择，或用 --format 指定）`, { file: output });
}

export function registerDraft(program: Command, io: CliIO): void {
  program
    .command('draft')
    .description('根据会议事实（YAML）起草讲话稿：总结讲话、主持词、推进会讲话')
    .argument('<facts>', '会议事实文件（YAML；可用 jianghua init 生成示例）')
    .option('-t, --template <名称或路径>', '模板：内置模板名（见 jianghua templates）或自己的 .hbs 文件；默认按 kind 选择')
    .addOption(new Option('-f, --format <format>', '输出格式（默认按 -o 的扩展名，否则 txt）').choices(FORMATS))
    .option('-o, --output <file>', '写入文件（原子写入）；不写时 txt、md 输出到标准输出')
    .option('--force', '覆盖已存在的输出文件')
    .option('--allow-missing', '允许缺少该类讲话通常必备的部分（如总结讲话没有问题部分）')
    .addHelpText('after', '\n示例：\n  jianghua init -o facts.yaml\n  jianghua draft facts.yaml\n  jianghua draft facts.yaml -o 讲话.docx\n  jianghua draft facts.yaml --template ./我的模板.hbs --format md')
    .action(async (file, options) => {
      const format = pickFormat(options.format, options.output);
      if (format === 'docx' && !options.output) throw new JianghuaError('usage', 'Word 格式（docx）需要用 -o 指定输出文件');
      const target = options.output ? path.resolve(io.cwd, options.output) : undefined;
      const inputs = [path.resolve(io.cwd, file), ...(options.template ? [path.resolve(io.cwd, options.template)] : [])];
      const write = { force: options.force ?? false, inputs };
      // a missing folder, an existing file or the facts file itself fail before any work
      if (target) await checkOutput(target, write);
      const { loadFactsFile, renderDraft, renderDraftDocx, unusedComments } = await import('../draft/index.js');
      const loaded = await loadFactsFile(path.resolve(io.cwd, file), { name: file, allowMissing: options.allowMissing ?? false });
      const { facts } = loaded;
      if (!options.template) {
        for (const u of unusedComments(facts)) {
          const at = loaded.locate(u.path);
          io.stderr.write(`警告：${file}:${at.line}:${at.column}: ${u.message}\n`);
        }
      }
      const render = {
        ...(options.template !== undefined ? { template: options.template } : {}),
        cwd: io.cwd,
        onLog: (message: string) => void io.stderr.write(`模板日志：${message}
`),
      };
      if (format === 'docx') {
        await writeFileAtomic(target!, await renderDraftDocx(facts, render), write);
      } else {
        const text = renderDraft(facts, { ...render, format });
        if (!target) {
          io.stdout.write(text);
          return;
        }
        await writeFileAtomic(target, text, write);
      }
      io.stderr.write(`已写出 ${options.output}\n`);
    });
}
