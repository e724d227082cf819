// Runs the jianghua CLI in-process (as bin/jianghua.js does) and, on exit, writes one JSON line to
// $JIANGHUA_BENCH_REPORT: {maxRSS (KB, whole process incl. worker threads), jiebaLoaded}.
// Used for peak memory where GNU time is missing, and to check that lint never loads jieba.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';
import { main } from '../dist/cli/main.js';

const report = process.env.JIANGHUA_BENCH_REPORT;
process.on('exit', () => {
  // nodejieba is CommonJS: once imported, it sits in the shared require cache.
  const cache = createRequire(import.meta.url).cache;
  const jiebaLoaded = Object.keys(cache).some((key) => key.includes(`${'/'}nodejieba${'/'}`));
  if (report) writeFileSync(report, `${JSON.stringify({ maxRSS: process.resourceUsage().maxRSS, jiebaLoaded })}\n`);
});
process.exitCode = await main(process.argv.slice(2));
