import { Chalk, type ChalkInstance } from 'chalk';
import { JianghuaError } from '../errors.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIO {
  stdout: {
    write(chunk: string | Uint8Array): unknown;
    /** 'drain': a streamed report waits for it when write returns false (a pipe read slowly). */
    once?(event: 'drain', listener: () => void): unknown;
    isTTY?: boolean;
    columns?: number;
  };
  stderr: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean };
  /** Standard input, for `lint --stdin`. */
  stdin?: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Set by a command's action: 1 when it found errors; `run` returns it. */
  exitCode?: number;
}

/**
 * A failed write to stdout (`> /dev/full`, a closed pipe): one Chinese line and exit 2 — for
 * lint, 1 would mean "findings" — never a stack.
 */
export function outputError(error: unknown): JianghuaError {
  const code = (error as NodeJS.ErrnoException)?.code;
  const why = code === 'EPIPE' ? '管道另一端已关闭' : code === 'ENOSPC' || code === 'EDQUOT' ? '磁盘空间不足' : code === 'EBADF' ? '标准输出已关闭' : (code ?? String(error));
  return new JianghuaError('output', `无法写出到标准输出（${why}），输出不完整`, {}, { cause: error });
}

export function processIO(): CliIO {
  const stdout = process.stdout;
  return {
    // stdout to a file writes synchronously and throws; a pipe reports later ('error', see bin/)
    stdout: {
      write(chunk) {
        try {
          return stdout.write(chunk);
        } catch (error) {
          throw outputError(error);
        }
      },
      once(event, listener) {
        return stdout.once(event, listener);
      },
      get isTTY() {
        return stdout.isTTY;
      },
      get columns() {
        return stdout.columns;
      },
    },
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Colour only on a terminal, never with NO_COLOR (https://no-color.org), forced with FORCE_COLOR. */
export function colorEnabled(stream: { isTTY?: boolean }, env: CliIO['env']): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

export function paint(stream: { isTTY?: boolean }, env: CliIO['env']): ChalkInstance {
  return new Chalk({ level: colorEnabled(stream, env) ? 1 : 0 });
}

/** Progress bars and other chatter: a terminal on stderr, not CI, not asked to be quiet. */
export function progressEnabled(io: CliIO, wanted = true): boolean {
  return wanted && Boolean(io.stderr.isTTY) && !io.env.CI;
}
