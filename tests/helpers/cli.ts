import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS = `${ROOT}corpus/`;
export const SEEDS = ['000_66e418bd75077703.txt', '001_ee2f5de62b8467af.txt', '002_480a84ef259773d5.txt', '003_2f38f797e70dc8f3.txt', '004_4ec0006700eed63b.txt'] as const;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process with captured streams (no TTY, no colour unless env says so). */
export async function runCli(args: string[], options: { env?: Record<string, string>; cwd?: string; tty?: boolean; stdin?: string | Uint8Array } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s) => ((stdout += String(s)), true), isTTY: options.tty ?? false, columns: 120 },
    stderr: { write: (s) => ((stderr += String(s)), true), isTTY: options.tty ?? false },
    ...(options.stdin !== undefined ? { stdin: [typeof options.stdin === 'string' ? Buffer.from(options.stdin) : options.stdin] } : {}),
    env: { ...options.env },
    cwd: options.cwd ?? process.cwd(),
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/** Tests of the built package fail, never skip, when dist/ is missing: `npm test` builds first. */
export function requireBuild(file = 'cli/main.js'): void {
  if (!existsSync(`${ROOT}dist/${file}`)) throw new Error(`dist/${file} is missing: run npm run build first (npm test does)`);
}

/** Run the real binary (bin/jianghua.js → dist/), as a user's shell would. Needs `npm run build`. */
export function runBin(args: string[], options: { env?: Record<string, string>; cwd?: string; input?: string } = {}): CliResult {
  requireBuild();
  const result = spawnSync(process.execPath, [`${ROOT}bin/jianghua.js`, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    input: options.input,
    encoding: 'utf8',
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
