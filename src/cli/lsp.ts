import type { Command } from '@commander-js/extra-typings';
import type { CliIO } from './io.js';

export function registerLsp(program: Command, io: CliIO): void {
  program
    .command('lsp')
    .description('语言服务器（LSP）：在编辑器里边写边检查，提供快速修复（VS Code、Neovim、Emacs 的设置见 docs/editors.md）')
    .option('--stdio', '经标准输入输出通信（默认，也是唯一的方式）')
    .action(async () => {
      // loaded here, not at start-up: vscode-languageserver is large and no other command needs it
      const { startLanguageServer } = await import('../lsp/server.js');
      // stdout is the protocol's channel from here on: nothing else may write to it
      const connection = startLanguageServer(process.stdin, process.stdout);
      // LSP: exit 0 after shutdown/exit; 1 when the editor just went away (stdin closed)
      io.exitCode = await new Promise<number>((resolve) => {
        connection.onExit(() => resolve(0));
        process.stdin.once('end', () => resolve(1));
      });
    });
}
