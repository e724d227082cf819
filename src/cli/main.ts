import { Command, CommanderError } from '@commander-js/extra-typings';
import { readFileSync } from 'node:fs';
import { unlinkSync } from 'node:fs';
import { inspect } from 'node:util';
import { isJianghuaError } from '../errors.js';
import { pendingTempFiles } from '../io/write-atomic.js';
import { outputError, processIO, type CliIO } from './io.js';
import { translateUsageError } from './usage-errors.js';

export { outputError };

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

type Register = (program: Command, io: CliIO) => void;

/**
 * Commands, in the order `--help` lists them. Each file registers one command; it is imported
 * only when needed, so `lint` does not load what `analyze` or `draft` need (start-up time).
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  outline: async () => (await import('./outline.js')).registerOutline,
  stats: async () => (await import('./stats.js')).registerStats,
  draft: async () => (await import('./draft.js')).registerDraft,
  init: async () => (await import('./init.js')).registerInit,
  templates: async () => (await import('./templates.js')).registerTemplates,
  schema: async () => (await import('./schema.js')).registerSchema,
  lint: async () => (await import('./lint.js')).registerLint,
  lsp: async () => (await import('./lsp.js')).registerLsp,
  analyze: async () => (await import('./analyze.js')).registerAnalyze,
  eval: async () => (await import('./eval.js')).registerEval,
};

/** The command `argv` runs, when it names one; otherwise (help, a typo) every command is needed. */
function commandOf(argv: readonly string[]): string | undefined {
  const first = argv.find((a) => !a.startsWith('-'));
  return first !== undefined && Object.hasOwn(COMMANDS, first) ? first : undefined;
}

export async function buildProgram(io: CliIO, argv: readonly string[] = []): Promise<Command> {
  const program = new Command()
    .name('jianghua')
    .description('讲话稿工具：起草（draft）、检查（lint）、分析（analyze）基层党建讲话稿')
    .version(pkg.version, '-v, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .option('--debug', '出错时显示调用栈')
    .showHelpAfterError('（运行 jianghua --help 查看用法）')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      outputError: (s, write) => write(translateUsageError(s)),
    });
  const only = commandOf(argv);
  const names = only !== undefined ? [only] : Object.keys(COMMANDS);
  for (const register of await Promise.all(names.map((name) => COMMANDS[name]!()))) register(program, io);
  for (const command of program.commands) {
    command.exitOverride();
    command.helpOption('-h, --help', '显示帮助');
  }
  return program;
}

/**
 * Run the CLI and return its exit code (ESLint's convention: 0 ok, 1 findings, 2 usage error,
 * bad input or crash). Nothing here calls process.exit, so tests can run it in-process.
 */
export async function run(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  io.exitCode = 0;
  try {
    const program = await buildProgram(io, argv);
    await program.parseAsync([...argv], { from: 'user' });
    return io.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code) ? 0 : 2;
    }
    if (isJianghuaError(error)) {
      io.stderr.write(`jianghua: ${error.format()}\n`);
      if (argv.includes('--debug') && error.cause) io.stderr.write(`${error.cause instanceof Error ? (error.cause.stack ?? error.cause.message) : inspect(error.cause)}\n`);
      return error.exitCode;
    }
    const e = error as Error;
    io.stderr.write(`jianghua: 内部错误：${e?.message ?? String(error)}\n`);
    io.stderr.write(argv.includes('--debug') ? `${e?.stack ?? ''}\n` : '（加 --debug 查看调用栈；这是 jianghua 的缺陷，欢迎报告）\n');
    return 2;
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const temp of pendingTempFiles) {
    try {
      unlinkSync(temp);
    } catch {
      // already renamed or removed
    }
  }
  process.stderr.write(`\njianghua: 已中断（${signal}），未写出任何不完整的文件\n`);
  disarm();
  // die of the signal itself (the shell sees 130 / 143): exiting normally would unwind worker
  // threads that may be inside jieba's native code, which aborts (Napi::Error)
  process.kill(process.pid, signal);
}

let armed = false;
function arm(): void {
  if (armed) return;
  armed = true;
  for (const signal of SIGNALS) process.on(signal, onSignal);
}
function disarm(): void {
  armed = false;
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

/**
 * SIGINT / SIGTERM. A JS handler only runs when the event loop is free, so it is installed only
 * while a named temp file is being written (async I/O): then it removes the temp file first.
 * The rest of the time the signal keeps Node's default and ends the process at once, even in
 * the middle of synchronous work; nothing is left behind because spools and streamed output
 * live in unlinked scratch files. Either way the process ends by the signal (exit 130 / 143).
 */
export function installSignalHandlers(): void {
  pendingTempFiles.onChange = (size) => (size > 0 ? arm() : disarm());
  if (pendingTempFiles.size > 0) arm();
}

export async function main(argv: readonly string[]): Promise<number> {
  installSignalHandlers();
  return run(argv);
}
