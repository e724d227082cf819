// `npm run bench`: builds synthetic workloads from the corpus, measures raw nodejieba, Python jieba,
// analyze (--jobs 1 and --jobs N), lint and outline side by side, prints two tables and writes
// bench/results.json. See bench/README.md for the options.
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import { join, relative } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BIN, rssMethod, runOnce, summarise } from './measure.mjs';
import { formatMs, formatRate, formatRatio, measurementsTable, targetsTable } from './report.mjs';
import { CORPUS_DIR, ROOT, writeWorkload } from './workload.mjs';

const HERE = fileURLToPath(new URL('./', import.meta.url));
// JIANGHUA_BENCH_PYTHON overrides the interpreter (e.g. to check the skip path).
const PYTHON = process.env.JIANGHUA_BENCH_PYTHON ?? '/usr/bin/python3';
const PYTHON_HINT = 'sudo apt-get install python3-jieba';
const NOT_IMPLEMENTED = '尚未实现';
/** The draft timed for cold starts: a real seed speech with title, sections and numbering. */
const ONE_DRAFT = join(CORPUS_DIR, '003_2f38f797e70dc8f3.txt');
const ONE_DRAFT_LABEL = '1 篇（语料 003）';

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    small: { type: 'string' },
    large: { type: 'string' },
    runs: { type: 'string' },
    'large-runs': { type: 'string' },
    'cold-runs': { type: 'string' },
    jobs: { type: 'string' },
    seed: { type: 'string', default: '20260101' },
    out: { type: 'string' },
    huge: { type: 'boolean', default: false },
    'huge-docs': { type: 'string' },
    'no-python': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (opts.help) {
  process.stdout.write(readFileSync(join(HERE, 'README.md'), 'utf8'));
  process.exit(0);
}

const int = (value, fallback) => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`bench: 参数必须是正整数：${value}\n`);
    process.exit(2);
  }
  return n;
};

const cores = os.availableParallelism?.() ?? os.cpus().length;
const config = {
  quick: opts.quick,
  small: int(opts.small, opts.quick ? 100 : 1000),
  large: int(opts.large, opts.quick ? 1000 : 10000),
  runs: int(opts.runs, opts.quick ? 3 : 5),
  largeRuns: int(opts['large-runs'], opts.quick ? 1 : 3),
  coldRuns: int(opts['cold-runs'], opts.quick ? 5 : 10),
  jobs: int(opts.jobs, cores),
  seed: int(opts.seed, 20260101),
  // the huge workload (100,000 speeches, about 320 M characters) runs only when asked: minutes per run
  huge: opts.huge || opts['huge-docs'] !== undefined ? int(opts['huge-docs'], 100000) : 0,
};
if (config.small >= config.large) {
  process.stderr.write(`bench: --small（${config.small}）必须小于 --large（${config.large}）\n`);
  process.exit(2);
}
if (config.huge && (config.huge <= config.large || config.large % 1000 !== 0)) {
  process.stderr.write(`bench: --huge-docs（${config.huge}）必须大于 --large（${config.large}），且 --large 须是 1000 的倍数\n`);
  process.exit(2);
}
const outFile = opts.out ?? join(HERE, opts.quick ? 'results.quick.json' : 'results.json');

if (!existsSync(join(ROOT, 'dist/cli/main.js'))) {
  process.stderr.write('bench: 尚未构建，请先运行 npm run build。\n');
  process.exit(2);
}

const log = (message) => process.stderr.write(`${message}\n`);
const node = process.execPath;

// ---------------------------------------------------------------- workloads
const workDir = await mkdtemp(join(os.tmpdir(), 'jianghua-bench-'));
const cleanup = () => {
  if (!opts.keep) rmSync(workDir, { recursive: true, force: true });
};
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

try {
  await main();
} finally {
  cleanup();
}

async function main() {
  const loadBefore = os.loadavg();
  log(`bench: 生成工作量（${[config.small, config.large, config.huge].filter(Boolean).join(' 篇、')} 篇，种子 ${config.seed}）→ ${workDir}`);
  const speechDir = join(workDir, 'speeches');
  const { chars, concatFiles, bytes } = await writeWorkload(speechDir, { count: config.huge || config.large, seed: config.seed, concatAt: [config.small, config.large], concatDir: join(workDir, 'concat') });
  // The small workload is the first part folder(s); the large one the first large/1000 folders (the whole folder without --huge).
  const parts = (n) => Array.from({ length: n / 1000 }, (_, k) => join(speechDir, `part-${String(k).padStart(3, '0')}`));
  const sizes = [
    { docs: config.small, chars: chars(config.small), bytes: bytes(config.small), dir: join(speechDir, 'part-000'), concat: concatFiles[config.small] },
    { docs: config.large, chars: chars(config.large), bytes: bytes(config.large), dir: speechDir, ...(config.huge ? { files: parts(config.large) } : {}), concat: concatFiles[config.large] },
  ];
  const huge = config.huge ? { docs: config.huge, chars: chars(config.huge), bytes: bytes(config.huge), dir: speechDir } : undefined;
  if (config.small !== 1000) {
    sizes[0].files = listPrefix(config.small);
  }
  const label = (size) => `${size.docs.toLocaleString('en-US')} 篇 / ${(size.chars / 1e4).toFixed(0)} 万字 / ${(size.bytes / 2 ** 20).toFixed(0)} MB`;
  const inputs = (size) => (size.files ? size.files : [size.dir]);

  // Every measurement is a "measurer"; after one checking run each, they run round-robin, so
  // that a burst of load from other processes spreads over all rows instead of skewing one.
  const small = sizes[0];
  const measurers = [];
  const raw = {};
  const analyze = {};
  let python;
  const runsFor = (size) => (size.docs === config.small ? config.runs : config.largeRuns);

  // 1. raw segmentation ceiling
  for (const size of sizes) {
    raw[size.docs] = segmenterMeasurer(`raw-jieba@${size.docs}`, '原始 nodejieba cut（单线程）', label(size), size, runsFor(size), [node, join(HERE, 'raw-nodejieba.mjs'), size.concat], 'loadMs');
    measurers.push(raw[size.docs]);
  }
  // 3. the Python peer (small workload only: it is an order of magnitude slower)
  const pythonId = `python-jieba@${small.docs}`;
  if (opts['no-python']) python = skipped(pythonId, 'Python jieba 分词', label(small), '已用 --no-python 跳过');
  else if (spawnSync(PYTHON, ['-c', 'import jieba'], { stdio: 'ignore' }).status !== 0) {
    log(`bench: 未找到 Python jieba（${PYTHON}）。安装方法：${PYTHON_HINT}`);
    python = skipped(pythonId, 'Python jieba 分词', label(small), `未安装，跳过（${PYTHON_HINT}）`);
  } else python = segmenterMeasurer(pythonId, 'Python jieba lcut（单线程）', label(small), small, Math.min(config.runs, 3), [PYTHON, join(HERE, 'python-jieba.py'), small.concat], 'initMs');
  measurers.push(python);
  // 2 + 6. analyze end to end, --jobs 1 / 2 / cores, with peak memory
  const jobsList = [...new Set([1, Math.min(2, config.jobs), config.jobs])];
  for (const size of sizes) {
    for (const jobs of jobsList) {
      const m = cliMeasurer(`analyze-j${jobs}@${size.docs}`, `analyze --jobs ${jobs}（json）`, label(size), ['analyze', ...inputs(size), '--format', 'json', '--jobs', String(jobs)], { runs: runsFor(size), warmup: size === small, expectDocs: size.docs });
      m.chars = size.chars;
      m.rawKey = size.docs;
      analyze[`${jobs}@${size.docs}`] = m;
      measurers.push(m);
    }
  }
  // 7. the huge workload: once per --jobs value, for completion and memory
  if (huge) {
    for (const jobs of jobsList) {
      const m = cliMeasurer(`analyze-j${jobs}@${huge.docs}`, `analyze --jobs ${jobs}（json）`, label(huge), ['analyze', huge.dir, '--format', 'json', '--jobs', String(jobs)], { runs: 1, warmup: false, expectDocs: huge.docs });
      m.chars = huge.chars;
      analyze[`${jobs}@${huge.docs}`] = m;
      measurers.push(m);
    }
  }
  // 4. lint: one draft cold, and the small workload
  const lintOne = cliMeasurer('lint-one', 'lint 一篇（冷启动进程）', ONE_DRAFT_LABEL, ['lint', ONE_DRAFT], { runs: config.coldRuns });
  const lintMany = cliMeasurer(`lint@${small.docs}`, `lint ${small.docs} 篇`, label(small), ['lint', ...inputs(small), '--format', 'json'], { runs: config.runs });
  // 5. outline cold start, and Node's own start as the floor
  const outlineOne = cliMeasurer('outline-one', 'outline 一篇（冷启动进程）', ONE_DRAFT_LABEL, ['outline', ONE_DRAFT], { runs: config.coldRuns });
  const nodeEmpty = processMeasurer('node-empty', 'node 空进程（参照下限）', '', [node, '-e', ''], config.coldRuns);
  measurers.push(lintOne, lintMany, outlineOne, nodeEmpty);

  log('bench: 检查各项（首次运行）');
  for (const m of measurers) {
    if (m.status !== 'pending') continue;
    const first = await m.once(true);
    if (first.skip || first.fail) {
      m.status = first.skip ? 'skipped' : 'failed';
      m.reason = first.skip ?? first.fail;
    } else {
      m.status = 'ok';
      if (!m.warmup) m.samples.push(first);
    }
    log(`  ${m.id}: ${m.status === 'ok' ? formatMs(first.ms) : m.reason}`);
  }
  if (lintOne.status === 'ok') lintOne.jiebaLoaded = (await runOnce(node, [BIN, 'lint', ONE_DRAFT], { jianghua: true, wrapper: true })).jiebaLoaded;
  for (let round = 1; ; round++) {
    const due = measurers.filter((m) => m.status === 'ok' && m.samples.length < m.runs);
    if (due.length === 0) break;
    log(`bench: 第 ${round} 轮（${due.map((m) => m.id).join(' ')}）`);
    for (const m of due) {
      const sample = await m.once(false);
      if (sample.fail) {
        m.status = 'failed';
        m.reason = sample.fail;
      } else m.samples.push(sample);
    }
  }

  const rows = measurers.map((m) => toRow(m));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const rowOf = (m) => byId.get(m.id);
  for (const row of rows) {
    const m = measurers.find((x) => x.id === row.id);
    if (row.status !== 'ok' || !m?.chars) continue;
    row.charsPerSec = m.chars / (row.time.median / 1000);
  }
  for (const [key, m] of [...Object.entries(raw).map(([k, v]) => [k, v]), [small.docs, python], ...Object.values(analyze).map((m) => [m.rawKey, m])]) {
    if (!raw[key]) continue; // the huge workload has no raw row
    const row = rowOf(m);
    const base = rowOf(raw[key]);
    if (row?.status === 'ok' && base?.charsPerSec) row.vsRawJieba = row.charsPerSec / base.charsPerSec;
  }
  for (const row of rows) log(`  ${row.id}: ${row.status === 'ok' ? `${formatMs(row.time.median)}${row.charsPerSec ? `，${formatRate(row.charsPerSec)}` : ''}` : row.reason}`);

  const analyzeRows = Object.fromEntries(Object.entries(analyze).map(([k, m]) => [k, rowOf(m)]));
  const rawRows = Object.fromEntries(Object.entries(raw).map(([k, m]) => [k, rowOf(m)]));
  const targets = judge({ sizes, huge, raw: rawRows, python: rowOf(python), analyze: analyzeRows, lintOne: rowOf(lintOne), lintMany: rowOf(lintMany), jobs: config.jobs });
  const machine = {
    cores,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    totalMemMB: Math.round(os.totalmem() / 2 ** 20),
    loadAverageBefore: loadBefore.map((v) => Number(v.toFixed(2))),
    loadAverageAfter: os.loadavg().map((v) => Number(v.toFixed(2))),
    rssMethod: rssMethod(),
    python: rowOf(python)?.status === 'ok' ? spawnSync(PYTHON, ['-c', 'import sys, jieba; print(sys.version.split()[0], jieba.__version__)'], { encoding: 'utf8' }).stdout.trim() : null,
  };
  const git = (...args) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const results = {
    date: new Date().toISOString(),
    // What was measured: dist/ is built from the working tree, which may hold uncommitted src/ changes.
    source: { commit: git('rev-parse', '--short', 'HEAD') || null, uncommittedSrc: git('status', '--porcelain', '--', 'src') !== '' },
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    machine,
    config,
    workloads: [...sizes, ...(huge ? [huge] : [])].map(({ docs, chars: c, bytes: b }) => ({ docs, chars: c, bytes: b })),
    rows,
    targets,
  };
  writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);

  const out = process.stdout;
  out.write(`\njianghua 性能基准 · ${results.date.slice(0, 16).replace('T', ' ')} UTC · ${cores} 核 ${machine.cpuModel} · Node ${process.version}\n`);
  out.write(`工作量：由语料段落重组的合成讲话稿（种子 ${config.seed}）；每项取 ${config.runs}/${config.largeRuns} 次（小/大工作量）或 ${config.coldRuns} 次（冷启动）的中位数。\n`);
  out.write(`负载（1/5/15 分钟）：开始 ${machine.loadAverageBefore.join(' ')}，结束 ${machine.loadAverageAfter.join(' ')}\n\n`);
  out.write(`${measurementsTable(rows)}\n\n${targetsTable(targets)}\n`);
  const shown = relative(process.cwd(), outFile);
  out.write(`\n结果已写入 ${shown.startsWith('..') ? outFile : shown}\n`);

  function listPrefix(count) {
    // Only a 1,000-speech prefix is a folder of its own; other sizes are passed as file lists.
    const files = [];
    for (let i = 0; i < count; i++) files.push(join(speechDir, `part-${String(Math.floor(i / 1000)).padStart(3, '0')}`, `speech-${String(i + 1).padStart(5, '0')}.txt`));
    return files;
  }
}

function measurer(id, label, workload, runs, once, { warmup = true } = {}) {
  return { id, label, workload, runs, once, warmup, status: 'pending', samples: [] };
}

function skipped(id, label, workload, reason) {
  return { ...measurer(id, label, workload, 0, undefined), status: 'skipped', reason };
}

/** A segmenter timed inside the child: it reports its own cut time (and setup time) as JSON. */
function segmenterMeasurer(id, label, workload, size, runs, [command, ...args], setupKey) {
  const m = measurer(id, label, workload, runs, async () => {
    const result = await runOnce(command, args, { keepStdout: true, rss: true });
    const text = readFileSync(result.stdoutFile, 'utf8').trim();
    rmSync(result.stdoutFile, { force: true });
    if (result.code !== 0) return { fail: firstLine(result.stderr) };
    const report = JSON.parse(text);
    return { ms: report.cutMs, setupMs: report[setupKey], rssKB: result.rssKB };
  }, { warmup: size.docs <= 1000 });
  m.chars = size.chars;
  return m;
}

/** A plain process timed from outside. */
function processMeasurer(id, label, workload, [command, ...args], runs) {
  return measurer(id, label, workload, runs, async () => ({ ms: (await runOnce(command, args)).ms }));
}

/**
 * A jianghua command timed as a whole process, with its peak RSS. A command that is still a
 * stub (exit 2, "尚未实现") is skipped; any other exit 2 is a failure; 0 and 1 (findings) are fine.
 * The first run of analyze also checks its JSON.
 */
function cliMeasurer(id, label, workload, cliArgs, { runs, warmup = true, expectDocs }) {
  const args = [BIN, ...cliArgs];
  return measurer(id, label, workload, runs, async (first) => {
    const result = await runOnce(node, args, { rss: true, jianghua: true, keepStdout: first && expectDocs !== undefined });
    const stdoutFile = result.stdoutFile;
    try {
      return judgeRun(result, first, stdoutFile);
    } finally {
      if (stdoutFile) rmSync(stdoutFile, { force: true });
    }
  }, { warmup });

  function judgeRun(result, first, stdoutFile) {
    if (first && result.code === 2 && result.stderr.includes(NOT_IMPLEMENTED)) return { skip: '未实现，跳过' };
    if (result.code !== 0 && result.code !== 1) return { fail: `退出码 ${result.code}：${firstLine(result.stderr)}` };
    if (stdoutFile) {
      const note = checkAnalyzeOutput(stdoutFile, expectDocs);
      if (note) return { fail: note };
    }
    return { ms: result.ms, rssKB: result.rssKB, code: result.code };
  }
}

function toRow(m) {
  const { id, label, workload } = m;
  if (m.status !== 'ok') return { id, label, workload, status: m.status, reason: m.reason };
  const row = { id, label, workload, status: 'ok', runs: m.samples.map((s) => s.ms), time: summarise(m.samples.map((s) => s.ms)) };
  const rss = summarise(m.samples.map((s) => s.rssKB));
  if (rss) row.rssKB = rss;
  const setup = summarise(m.samples.map((s) => s.setupMs));
  if (setup) row.setupMs = setup;
  const codes = [...new Set(m.samples.map((s) => s.code).filter((c) => c !== undefined))];
  if (codes.length > 0) row.exitCodes = codes;
  if (m.jiebaLoaded !== undefined) row.jiebaLoaded = m.jiebaLoaded;
  return row;
}

/**
 * The analyze JSON must parse and hold one entry per document; otherwise its time means nothing.
 * A report too large for one string (the huge workload's is gigabytes) is checked by streaming:
 * the documents array is counted by its elements' opening lines, as writeJson lays them out.
 */
function checkAnalyzeOutput(file, expectDocs) {
  if (statSync(file).size > 256 * 2 ** 20) return checkLargeOutput(file, expectDocs);
  try {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    const docs = Array.isArray(json.documents) ? json.documents.length : -1;
    return docs === expectDocs ? undefined : `输出的 documents 为 ${docs} 篇，应为 ${expectDocs} 篇`;
  } catch (error) {
    return `输出不是合法 JSON：${error.message}`;
  }
}

function checkLargeOutput(file, expectDocs) {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    let rest = '';
    let state = 'before'; // before the documents array, inside it, after it
    let docs = 0;
    for (let n = readSync(fd, buffer); n > 0 && state !== 'after'; n = readSync(fd, buffer)) {
      const lines = (rest + buffer.toString('utf8', 0, n)).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        if (state === 'before' && line === '  "documents": [') state = 'inside';
        else if (state === 'inside' && line === '    {') docs++;
        else if (state === 'inside' && line.startsWith('  ]')) state = 'after';
      }
    }
    if (state !== 'after') return '输出里找不到完整的 documents 数组';
    return docs === expectDocs ? undefined : `输出的 documents 为 ${docs} 篇，应为 ${expectDocs} 篇`;
  } finally {
    closeSync(fd);
  }
}

function firstLine(text) {
  return (text.trim().split('\n')[0] ?? '').slice(0, 120) || '（无错误信息）';
}

/**
 * The targets of issue 16 (and the lint ones before it), each met (true), missed (false) or not
 * measurable here (null). Every analyze ratio is taken between rows of this one run.
 */
function judge({ sizes, huge, raw, python, analyze, lintOne, lintMany, jobs }) {
  const [small, large] = sizes;
  const ok = (row) => (row?.status === 'ok' ? row : undefined);
  const targets = [];
  const push = (id, label, requirement, measured, met, extra = {}) => targets.push({ id, label, requirement, measured, met, ...extra });
  const docs = (n) => `${n.toLocaleString('en-US')} 篇`;
  const a = (j, size) => ok(analyze[`${j}@${size.docs}`]);
  const rawL = ok(raw[large.docs]);
  const a1S = a(1, small);
  const a1L = a(1, large);
  const two = jobs >= 2 && cores >= 2;

  // 1. one job against the segmentation floor, on the large workload (start-up amortised)
  if (a1L && rawL) {
    const ratio = a1L.charsPerSec / rawL.charsPerSec;
    // marginal rate: the extra characters over the extra time, i.e. without start-up and dictionary load
    const marginal = a1S ? (large.chars - small.chars) / ((a1L.time.median - a1S.time.median) / 1000) : undefined;
    const note = marginal ? `；去掉启动的边际吞吐 ${formatRate(marginal)} = ${formatRatio(marginal / rawL.charsPerSec)}` : '';
    push('analyze-vs-raw', 'analyze --jobs 1 / 原始 nodejieba cut', '≥ 0.50×', `${formatRatio(ratio)}（${formatRate(a1L.charsPerSec)} / ${formatRate(rawL.charsPerSec)}，${docs(large.docs)}${note}）`, ratio >= 0.5, { value: ratio, marginalRatio: marginal ? marginal / rawL.charsPerSec : null });
  } else push('analyze-vs-raw', 'analyze --jobs 1 / 原始 nodejieba cut', '≥ 0.50×', '未测', null);

  // 2. two jobs against one thread of raw segmentation
  const a2L = a(2, large);
  if (!two) push('jobs2-vs-raw', 'analyze --jobs 2 / 原始 nodejieba cut（单线程）', '≥ 1.00×', `本机只有 ${cores} 核`, null);
  else if (a2L && rawL) {
    const ratio = a2L.charsPerSec / rawL.charsPerSec;
    push('jobs2-vs-raw', 'analyze --jobs 2 / 原始 nodejieba cut（单线程）', '≥ 1.00×', `${formatRatio(ratio)}（${formatRate(a2L.charsPerSec)} / ${formatRate(rawL.charsPerSec)}，${docs(large.docs)}）`, ratio >= 1, { value: ratio });
  } else push('jobs2-vs-raw', 'analyze --jobs 2 / 原始 nodejieba cut（单线程）', '≥ 1.00×', '未测', null);

  // 3. parallel speed-up, at both sizes
  for (const size of [large, small]) {
    const id = `jobs-speedup@${size.docs}`;
    const what = `analyze --jobs 2 / --jobs 1（${docs(size.docs)}，${(size.bytes / 2 ** 20).toFixed(0)} MB）`;
    const one = a(1, size);
    const both = a(2, size);
    if (!two) push(id, what, '≥ 1.80×', `本机只有 ${cores} 核`, null);
    else if (one && both) {
      const speedup = one.time.median / both.time.median;
      push(id, what, '≥ 1.80×', `${formatRatio(speedup)}（${formatMs(one.time.median)} → ${formatMs(both.time.median)}）`, speedup >= 1.8, { value: speedup });
    } else push(id, what, '≥ 1.80×', '未测', null);
  }

  // 4. against the Python peer: analyze end to end (start-up included) on one core vs Python's cut alone
  const py = ok(python);
  if (a1S && py) {
    const ratio = a1S.charsPerSec / py.charsPerSec;
    const aN = jobs > 1 ? a(jobs, small) : undefined;
    const parallel = aN ? `；--jobs ${jobs} 为 ${formatRatio(aN.charsPerSec / py.charsPerSec)}` : '';
    push('vs-python', 'analyze（端到端，--jobs 1）/ Python jieba 分词', '≥ 3×', `${formatRatio(ratio)}（${formatRate(a1S.charsPerSec)} / ${formatRate(py.charsPerSec)}，${docs(small.docs)}${parallel}）`, ratio >= 3, { value: ratio });
  } else push('vs-python', 'analyze（端到端，--jobs 1）/ Python jieba 分词', '≥ 3×', python?.status === 'ok' ? '未测' : (python?.reason ?? '未测'), null);

  // 5. memory does not grow with the corpus
  const memory = (id, label, from, to, j, limit) => {
    const s = a(j, from);
    const l = a(j, to);
    const ratio = s?.rssKB && l?.rssKB ? l.rssKB.median / s.rssKB.median : undefined;
    push(id, label, `≤ ${limit.toFixed(2)}×`, ratio ? `${formatRatio(ratio)}（${(s.rssKB.median / 1024).toFixed(0)} MB → ${(l.rssKB.median / 1024).toFixed(0)} MB）` : '未测', ratio ? ratio <= limit : null, ratio ? { value: ratio } : {});
  };
  for (const j of [...new Set([1, two ? 2 : 1])]) memory(`memory-j${j}`, `analyze --jobs ${j} 峰值内存 ${docs(large.docs)} / ${docs(small.docs)}`, small, large, j, 1.1);

  // 6. the huge workload completes, in memory within 1.1× of the large one
  for (const j of [...new Set([1, two ? 2 : 1])]) {
    const id = `huge-j${j}`;
    const label = `analyze --jobs ${j}，${huge ? docs(huge.docs) : '100,000 篇'}：完成，峰值内存 / ${docs(large.docs)}`;
    const h = huge ? a(j, huge) : undefined;
    const l = a(j, large);
    if (!huge) push(id, label, '完成，≤ 1.10×', '未测（加 --huge）', null);
    else if (!h) push(id, label, '完成，≤ 1.10×', `未完成：${analyze[`${j}@${huge.docs}`]?.reason ?? ok(analyze[`${j}@${huge.docs}`]) ?? '失败'}`, false);
    else {
      const ratio = h.rssKB && l?.rssKB ? h.rssKB.median / l.rssKB.median : undefined;
      push(id, label, '完成，≤ 1.10×', `完成，${formatMs(h.time.median)}${ratio ? `，${formatRatio(ratio)}（${(l.rssKB.median / 1024).toFixed(0)} MB → ${(h.rssKB.median / 1024).toFixed(0)} MB）` : ''}`, ratio ? ratio <= 1.1 : null, ratio ? { value: ratio } : {});
    }
  }

  // lint (issue 1's targets, kept)
  const l1 = ok(lintOne);
  push('lint-cold', 'lint 一篇，冷启动进程', '< 300 ms，不加载 jieba', l1 ? `${formatMs(l1.time.median)}${l1.jiebaLoaded === undefined ? '' : l1.jiebaLoaded ? '，加载了 jieba' : '，未加载 jieba'}` : '未测', l1 ? l1.time.median < 300 && l1.jiebaLoaded !== true : null, l1 ? { value: l1.time.median } : {});
  const lN = ok(lintMany);
  push('lint-many', `lint ${small.docs} 篇`, small.docs === 1000 ? '< 5 s' : `< ${(5 * small.docs) / 1000} s（按 1,000 篇 5 s 折算）`, lN ? formatMs(lN.time.median) : '未测', lN ? lN.time.median < 5 * small.docs : null, lN ? { value: lN.time.median } : {});
  return targets;
}
