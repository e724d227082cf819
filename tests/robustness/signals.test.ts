import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_ANALYZE_CHARS } from '../../src/analyze/document.js';
import { CORPUS, ROOT, SEEDS } from '../helpers/cli.js';
import { tmp } from './tmp.js';

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** Whether it ended within the guard after the signal (a failure guard, not a timing assertion). */
  inTime: boolean;
}

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Spawn the built binary, wait until a line of stderr says the run is under way (a readiness
 * signal, never a fixed delay), send the signal and wait for the end. A child that outlives the
 * guard is killed and reported.
 */
function interrupt(child: ChildProcess, ready: (stderr: string) => boolean, signal: NodeJS.Signals, guardMs = 5000): Promise<Ended> {
  let stderr = '';
  let sent = false;
  let timer: NodeJS.Timeout | undefined;
  let inTime = true;
  return new Promise((resolve) => {
    child.stderr?.on('data', (d) => {
      stderr += String(d);
      if (!sent && ready(stderr)) {
        sent = true;
        child.kill(signal);
        timer = setTimeout(() => {
          inTime = false;
          child.kill('SIGKILL');
        }, guardMs);
      }
    });
    child.on('close', (code, endedBy) => {
      clearTimeout(timer);
      resolve({ code, signal: endedBy, stderr, inTime });
    });
  });
}

/** Ended by the signal: killed by it (what the shell reports as 128 + n), or exited with 128 + n. */
function expectEndedBy(ended: Ended, signal: keyof typeof EXIT_CODES) {
  expect(ended.inTime).toBe(true);
  expect(ended.signal === signal || ended.code === EXIT_CODES[signal]).toBe(true);
  expect(ended.stderr).not.toMatch(/terminate called|Napi::Error|FATAL|at .+\.js:\d+/u);
}

const bin = (args: string[], cwd: string, scratch: string) =>
  spawn(process.execPath, [`${ROOT}bin/jianghua.js`, ...args], { cwd, env: { PATH: process.env.PATH ?? '', TMPDIR: scratch } });

/** The first record reported: an empty file named to sort first is skipped with this warning. */
const underWay = (stderr: string) => stderr.includes('已跳过');

let corpus: string;
let busy: string;
beforeAll(() => {
  // 1 500 speeches: analyze needs many seconds, long enough to be interrupted
  corpus = tmp();
  for (let i = 0; i < 300; i++) for (const seed of SEEDS) copyFileSync(`${CORPUS}${seed}`, path.join(corpus, `${i}-${seed}`));
  writeFileSync(path.join(corpus, '0000-空.txt'), '');
  // one speech just under analyze's limit (≈ 2.8 MB): seconds of synchronous work in the main thread (parse, findings, jieba)
  busy = tmp();
  writeFileSync(path.join(busy, '0000-空.txt'), '');
  const speech = readFileSync(`${CORPUS}${SEEDS[0]}`, 'utf8');
  writeFileSync(path.join(busy, 'big.txt'), speech.repeat(Math.floor((0.95 * MAX_ANALYZE_CHARS) / speech.length)));
});

describe('an interrupted run stops at once and leaves nothing behind (needs npm run build)', () => {
  for (const jobs of ['1', '2']) {
    it.each(['SIGINT', 'SIGTERM'] as const)(`analyze --jobs ${jobs} -o, %s: ended by the signal, no output, no temp or spool file`, async (signal) => {
      const out = tmp();
      const scratch = tmp();
      const child = bin(['analyze', corpus, '--jobs', jobs, '--format', 'json', '-o', path.join(out, 'report.json'), '--no-progress'], out, scratch);
      expectEndedBy(await interrupt(child, underWay, signal), signal);
      expect(readdirSync(out)).toEqual([]);
      expect(readdirSync(scratch)).toEqual([]); // no jianghua-findings-*, no records.bin
    });
  }

  it.each(['1', '2'])('a busy synchronous run (one speech of almost MAX_ANALYZE_CHARS, --jobs %s) ends on SIGTERM, not after its work', async (jobs) => {
    const scratch = tmp();
    const child = bin(['analyze', busy, '--jobs', jobs, '--format', 'json', '--no-progress'], busy, scratch);
    expectEndedBy(await interrupt(child, underWay, 'SIGTERM'), 'SIGTERM');
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('a signal in the middle of writing a large file removes the temp file and writes nothing', async () => {
    const out = tmp();
    const target = path.join(out, 'big.txt');
    // the library's own writer, under the CLI's signal handlers, writing 512 MB; ready once the temp file is open
    const script = `
      const { installSignalHandlers } = await import(${JSON.stringify(`${ROOT}dist/cli/main.js`)});
      const { writeFileAtomic, pendingTempFiles } = await import(${JSON.stringify(`${ROOT}dist/io/write-atomic.js`)});
      installSignalHandlers();
      const watch = setInterval(() => { if (pendingTempFiles.size) { process.stderr.write('writing\\n'); clearInterval(watch); } }, 1);
      await writeFileAtomic(${JSON.stringify(target)}, Buffer.alloc(512 * 1024 * 1024, 120));
      process.stdout.write('finished');`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script]);
    const ended = await interrupt(child, (stderr) => stderr.includes('writing'), 'SIGTERM');
    expectEndedBy(ended, 'SIGTERM');
    expect(ended.stderr).toContain('已中断（SIGTERM）');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(out)).toEqual([]);
  });
});
