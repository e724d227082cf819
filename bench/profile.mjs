// Where the time goes: run one jianghua command under `node --cpu-prof` on a synthetic workload
// and print the top self-time functions, the time per file, and inclusive time of jianghua's own
// functions (dist/). Usage: node bench/profile.mjs [--docs 1000] [--jobs 1] [--top 15]
//   [--command analyze|lint|outline] [--out FILE.json] [--keep]
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import { summariseProfiles } from './cpuprofile.mjs';
import { BIN } from './measure.mjs';
import { writeWorkload } from './workload.mjs';

const { values: opts } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000' },
    jobs: { type: 'string', default: '1' },
    top: { type: 'string', default: '15' },
    seed: { type: 'string', default: '20260101' },
    command: { type: 'string', default: 'analyze' },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const docs = Number(opts.docs);
const top = Number(opts.top);

const work = await mkdtemp(join(os.tmpdir(), 'jianghua-profile-'));
try {
  const speeches = join(work, 'speeches');
  await writeWorkload(speeches, { count: docs, seed: Number(opts.seed) });
  const target = docs === 1000 ? join(speeches, 'part-000') : speeches;
  const cliArgs = {
    analyze: ['analyze', target, '--format', 'json', '--jobs', opts.jobs],
    lint: ['lint', target, '--format', 'json'],
    outline: ['outline', join(speeches, 'part-000', 'speech-00001.txt')],
  }[opts.command];
  if (!cliArgs) throw new Error(`unknown --command ${opts.command}`);
  const profDir = join(work, 'prof');
  process.stderr.write(`profile: node --cpu-prof bin/jianghua.js ${cliArgs.join(' ').replaceAll(work, '$WORK')}\n`);
  const t = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profDir, BIN, ...cliArgs], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - t) / 1e6;
  if (run.status !== 0 && run.status !== 1) throw new Error(`exit ${run.status}: ${run.stderr}`);
  // CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile: thread 0 is the main thread.
  const threadOf = (f) => Number(f.split('.')[4] ?? 0);
  const files = (await readdir(profDir)).filter((f) => f.endsWith('.cpuprofile')).sort((a, b) => threadOf(a) - threadOf(b));
  const profiles = await Promise.all(files.map(async (f) => JSON.parse(await readFile(join(profDir, f), 'utf8'))));
  const summary = summariseProfiles(profiles);

  const out = process.stdout;
  const ms = (v) => `${v.toFixed(0)} ms`;
  const pct = (v) => `${v.toFixed(1)}%`;
  const short = (name) => (name.length > 60 ? `${name.slice(0, 59)}…` : name);
  out.write(`\n${opts.command}，${docs} 篇${opts.command === 'analyze' ? `，--jobs ${opts.jobs}` : ''}：墙钟 ${ms(wallMs)}，采样 ${ms(summary.totalMs)}（${profiles.length} 个线程）\n`);
  if (profiles.length > 1) {
    const threadTable = new Table({ head: ['线程', '忙', '空闲'], style: { head: [], border: [], compact: true } });
    summary.threads.forEach((t, i) => threadTable.push([threadOf(files[i] ?? '') === 0 ? '主线程' : `worker ${threadOf(files[i] ?? '')}`, ms(t.busyMs), ms(t.idleMs)]));
    out.write(`\n各线程\n${threadTable.toString()}\n`);
  }
  const selfTable = new Table({ head: ['自耗时', '占比', '函数', '位置'], style: { head: [], border: [], compact: true } });
  for (const f of summary.functions.slice(0, top)) selfTable.push([ms(f.ms), pct(f.percent), short(f.function), f.line ? `${f.file}:${f.line}` : f.file]);
  out.write(`\n按函数（自耗时）\n${selfTable.toString()}\n`);
  const fileTable = new Table({ head: ['自耗时', '占比', '文件 / 模块'], style: { head: [], border: [], compact: true } });
  for (const f of summary.files.slice(0, top)) fileTable.push([ms(f.ms), pct(f.percent), f.file]);
  out.write(`\n按文件（自耗时）\n${fileTable.toString()}\n`);
  const incTable = new Table({ head: ['含子调用', '占比', '函数', '位置'], style: { head: [], border: [], compact: true } });
  for (const f of summary.inclusive.filter((x) => x.file.startsWith('dist/')).slice(0, top)) incTable.push([ms(f.ms), pct(f.percent), f.function, `${f.file}:${f.line}`]);
  out.write(`\njianghua 自身函数（含子调用）\n${incTable.toString()}\n`);
  if (opts.out) {
    await writeFile(opts.out, `${JSON.stringify({ date: new Date().toISOString(), command: opts.command, docs, jobs: Number(opts.jobs), wallMs, threads: summary.threads.map((t, i) => ({ thread: threadOf(files[i] ?? ''), ...t })), totalMs: summary.totalMs, functions: summary.functions.slice(0, 40).map((f) => ({ ...f, function: short(f.function) })), files: summary.files.slice(0, 30), inclusive: summary.inclusive.filter((x) => x.file.startsWith('dist/')).slice(0, 40) }, null, 2)}\n`);
  }
} finally {
  if (!opts.keep) await rm(work, { recursive: true, force: true });
}
