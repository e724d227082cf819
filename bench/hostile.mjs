// The reliability bound (issue: every hostile input ends within 10 s and under 1 GB, or is refused in
// one Chinese line): each command on inputs near the 16 MB limit, measured by /usr/bin/time.
//   node bench/hostile.mjs [--only NAME,...] [--limit-s 10] [--limit-mb 1024] [--json]
// Exit 1 when a run is over a limit, ends by a signal, or prints a stack trace.
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MAX_ANALYZE_CHARS as MAX_ANALYZE } from '../dist/analyze/document.js';
import { MAX_PARAGRAPHS } from '../dist/io/read-text.js';
import * as hostile from '../tests/robustness/hostile.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin/jianghua.js');
const TIME = '/usr/bin/time';
const MB16 = 16 * 1024 * 1024 - 4096;

const { values: flags } = parseArgs({
  options: { only: { type: 'string' }, 'limit-s': { type: 'string', default: '10' }, 'limit-mb': { type: 'string', default: '1024' }, json: { type: 'boolean', default: false } },
});

/** `make(n)` for the largest n whose text has at most `bytes` bytes (or `chars` characters). */
function upTo(make, { bytes = Infinity, chars = Infinity }) {
  const fits = (n) => make(n).length <= chars && Buffer.byteLength(make(n)) <= bytes;
  let hi = 1;
  while (fits(hi)) hi *= 2;
  let lo = hi / 2;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return make(lo);
}

const ordinaryLines = (n) => hostile.oneLineSpeech(n).replace(/([。！])/gu, '$1\n');
const shortClauses = (n) => `${Array.from({ length: n }, (_, i) => `${'一二三四五六七八九十'[i % 10]}是党，`).join('')}。\n`;
/** Every sentence a stated problem: the most findings (and JSON) per character. */
const problemLines = (n) => '一些地方认识还不到位，监管存在薄弱环节，问题依然突出。\n党员教育管理不够严格，组织生活质量不高。\n'.repeat(n);

const INPUTS = {
  'one-line-speech-16mb': () => upTo(hostile.oneLineSpeech, { bytes: MB16 }),
  'one-line-speech-1m-chars': () => upTo(hostile.oneLineSpeech, { chars: MAX_ANALYZE }),
  'one-line-clauses-16mb': () => upTo(hostile.numberedClauses, { bytes: MB16 }),
  'one-line-clauses-1m-chars': () => upTo(hostile.numberedClauses, { chars: MAX_ANALYZE }),
  // the shortest numbered clause (一是党，): the most markers a 16 MB line can hold
  'one-line-short-clauses-16mb': () => upTo(shortClauses, { bytes: MB16 }),
  'ordinary-lines-16mb': () => upTo(ordinaryLines, { bytes: MB16 }),
  'problem-lines-1m-chars': () => upTo(problemLines, { chars: MAX_ANALYZE }),
  'numbered-lines-200k': () => hostile.numberedLines(MAX_PARAGRAPHS),
  // at the paragraph limit, each line three numbered clauses: the most model per paragraph
  'numbered-clause-lines-200k': () => '一是抓党建，二是促发展，三是强作风。\n'.repeat(MAX_PARAGRAPHS),
  'nested-brackets-1e6': () => hostile.nestedBrackets(1_000_000),
  'unclosed-quotes-40k': () => hostile.unclosedQuotes(40_000),
  'one-char-lines-4m': () => '党\n'.repeat(4_190_000),
};

const COMMANDS = {
  outline: (f) => ['outline', f, '--format', 'json'],
  'lint (stylish)': (f) => ['lint', f],
  'lint --format json': (f) => ['lint', f, '--format', 'json'],
  stats: (f) => ['stats', f, '--format', 'json'],
  analyze: (f) => ['analyze', f, '--format', 'json'],
};

if (!existsSync(TIME)) {
  process.stderr.write(`需要 ${TIME}（Debian：apt-get install time）\n`);
  process.exit(2);
}
const only = flags.only ? new Set(flags.only.split(',')) : undefined;
const limitS = Number(flags['limit-s']);
const limitMb = Number(flags['limit-mb']);
const dir = mkdtempSync(path.join(os.tmpdir(), 'jianghua-hostile-'));
const rows = [];
try {
  for (const [name, make] of Object.entries(INPUTS)) {
    if (only && !only.has(name)) continue;
    const file = path.join(dir, `${name}.txt`);
    const text = make();
    writeFileSync(file, text);
    const mb = +(Buffer.byteLength(text) / 1048576).toFixed(1);
    for (const [command, args] of Object.entries(COMMANDS)) {
      const run = spawnSync(TIME, ['-f', '%e %U %S %M', process.execPath, BIN, ...args(file)], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
      const [wall, user, sys, kb] = (run.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
      const stderr = run.stderr.split('\n').slice(0, -1).join('\n');
      const refused = run.status === 2 && /^jianghua: .+/mu.test(stderr);
      const row = { input: name, mb, command, exit: run.status, wallS: wall, cpuS: +(user + sys).toFixed(2), peakMb: Math.round(kb / 1024), refused };
      row.ok = [0, 1, 2].includes(run.status) && wall <= limitS && row.peakMb <= limitMb && !/\n\s+at |FATAL|terminate called/u.test(stderr);
      rows.push(row);
      if (!flags.json) process.stderr.write(`${row.ok ? 'ok ' : 'OVER'} ${name} · ${command}: ${wall} s, ${row.peakMb} MB, exit ${run.status}${refused ? '（拒绝）' : ''}\n`);
    }
    rmSync(file);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (flags.json) process.stdout.write(`${JSON.stringify({ limitS, limitMb, cores: os.availableParallelism(), load: os.loadavg(), rows }, null, 2)}\n`);
else {
  process.stdout.write(`\n| input | MB | command | wall s | CPU s | peak MB | exit |\n| --- | ---: | --- | ---: | ---: | ---: | --- |\n`);
  for (const r of rows) process.stdout.write(`| ${r.input} | ${r.mb} | ${r.command} | ${r.wallS} | ${r.cpuS} | ${r.peakMb} | ${r.exit}${r.refused ? ' (refused)' : ''}${r.ok ? '' : ' **over**'} |\n`);
}
process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
