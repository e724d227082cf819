import { Chalk, type ChalkInstance } from 'chalk';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIO {
  stdout: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean };
  /** Standard input, for `lint --stdin`. */
  stdin?: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Set by a command's action: 1 when it found errors; `run` returns it. */
  exitCode?: number;
}

export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
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
