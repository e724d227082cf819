// Whole-process measurements: wall time (hrtime around the child's life) and peak RSS.
// Peak RSS comes from GNU time (`/usr/bin/time -f %M`) when installed; otherwise the command runs
// through child.mjs, which runs the CLI in-process and records process.resourceUsage().maxRSS
// (worker threads included: they share the process).
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const CHILD = fileURLToPath(new URL('./child.mjs', import.meta.url));
export const BIN = fileURLToPath(new URL('../bin/jianghua.js', import.meta.url));

/** 'gnu-time' or 'node-wrapper'; JIANGHUA_BENCH_RSS=node forces the wrapper (to test the fallback). */
export function rssMethod() {
  return existsSync(GNU_TIME) && process.env.JIANGHUA_BENCH_RSS !== 'node' ? 'gnu-time' : 'node-wrapper';
}

let sequence = 0;

/**
 * Run one command to completion. `jianghua: true` means `args` are CLI arguments for
 * bin/jianghua.js (so the node-wrapper fallback can run them in-process).
 * `wrapper: true` forces child.mjs (it also tells whether nodejieba was loaded).
 * Returns {ms, code, stderr, rssKB?, jiebaLoaded?, stdoutFile?}.
 */
export function runOnce(command, args, { rss = false, jianghua = false, wrapper = false, keepStdout = false, env = {} } = {}) {
  const id = `${process.pid}-${++sequence}`;
  const rssFile = join(tmpdir(), `jianghua-bench-rss-${id}`);
  const stdoutFile = join(tmpdir(), `jianghua-bench-out-${id}`);
  let cmd = command;
  let argv = args;
  const childEnv = { ...process.env, NO_COLOR: '1', ...env };
  const viaWrapper = jianghua && (wrapper || (rss && rssMethod() === 'node-wrapper'));
  if (rss && !viaWrapper) {
    cmd = GNU_TIME;
    argv = ['-f', '%M', '-o', rssFile, command, ...args];
  } else if (viaWrapper) {
    argv = [CHILD, ...args.slice(1)]; // args[0] is bin/jianghua.js
    childEnv.JIANGHUA_BENCH_REPORT = rssFile;
  }
  const out = openSync(keepStdout ? stdoutFile : '/dev/null', 'w');
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, argv, { stdio: ['ignore', out, 'pipe'], env: childEnv });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 4000) stderr += chunk;
    });
    child.on('error', (error) => {
      closeSync(out);
      reject(error);
    });
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      closeSync(out);
      const result = { ms, code: code ?? -1, stderr };
      Object.assign(result, readReport(rssFile));
      if (keepStdout) result.stdoutFile = stdoutFile;
      rmSync(rssFile, { force: true });
      resolve(result);
    });
  });
}

function readReport(file) {
  if (!existsSync(file)) return {};
  // GNU time writes "Command exited with non-zero status 1" before the figure; child.mjs writes JSON.
  const last = readFileSync(file, 'utf8').trim().split('\n').pop() ?? '';
  const report = last.startsWith('{') ? JSON.parse(last) : { maxRSS: Number(last) };
  const out = {};
  if (Number.isFinite(report.maxRSS) && report.maxRSS > 0) out.rssKB = report.maxRSS;
  if (typeof report.jiebaLoaded === 'boolean') out.jiebaLoaded = report.jiebaLoaded;
  return out;
}

export function summarise(values) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}
