import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, ROOT, SEEDS } from '../helpers/cli.js';
import { tmp } from './tmp.js';

/** Resolves with the exit code and stderr of a child (spawned on the built binary). */
function finished(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += String(d)));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Wait until the child has a file of `dir` open: it is past main()'s signal set-up and reading, far
 * from done. On a loaded machine a fixed sleep could kill it before its handlers exist. Without
 * /proc (not Linux), a fixed wait.
 */
async function reading(child: ChildProcess, dir: string): Promise<void> {
  const fds = `/proc/${child.pid}/fd`;
  if (!existsSync(fds)) return sleep(700);
  for (let i = 0; i < 1000; i++) {
    try {
      if (readdirSync(fds).some((fd) => readlinkSync(`${fds}/${fd}`).startsWith(dir))) return;
    } catch {
      // an fd closed between listing and reading it
    }
    await sleep(10);
  }
  throw new Error('the child never opened a corpus file');
}

let corpus: string;
beforeAll(() => {
  // 1 500 speeches: analyze needs several seconds, long enough to be interrupted
  corpus = tmp();
  for (let i = 0; i < 300; i++) for (const seed of SEEDS) copyFileSync(`${CORPUS}${seed}`, path.join(corpus, `${i}-${seed}`));
});

describe('an interrupted run leaves no partial output (needs npm run build)', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('analyze -o, %s: exit %i, no output file, no temp file', async (signal, exitCode) => {
    const out = tmp();
    const target = path.join(out, 'report.json');
    const child = spawn(process.execPath, [`${ROOT}bin/jianghua.js`, 'analyze', corpus, '--format', 'json', '-o', target, '--no-progress'], { cwd: out });
    const done = finished(child);
    await reading(child, corpus);
    await sleep(300); // and well into the run
    child.kill(signal);
    const { code, stderr } = await done;
    expect(code).toBe(exitCode);
    expect(stderr).toContain(`已中断（${signal}）`);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a signal in the middle of writing a large file removes the temp file and writes nothing', async () => {
    const out = tmp();
    const target = path.join(out, 'big.txt');
    // the library's own writer, under the CLI's signal handlers, writing 512 MB
    const script = `
      const { installSignalHandlers } = await import(${JSON.stringify(`${ROOT}dist/cli/main.js`)});
      const { writeFileAtomic } = await import(${JSON.stringify(`${ROOT}dist/io/write-atomic.js`)});
      installSignalHandlers();
      await writeFileAtomic(${JSON.stringify(target)}, Buffer.alloc(512 * 1024 * 1024, 120));
      process.stdout.write('finished');`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script]);
    const done = finished(child);
    // wait until the temp file exists, then interrupt
    for (let i = 0; i < 400 && readdirSync(out).length === 0; i++) await sleep(5);
    expect(readdirSync(out)[0]).toMatch(/^\.big\.txt\.\d+\.[0-9a-f]+\.tmp$/u);
    child.kill('SIGTERM');
    const { code } = await done;
    expect(code).toBe(143);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(out)).toEqual([]);
  });
});
