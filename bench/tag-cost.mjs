// What part-of-speech tagging and longer n-grams cost analyze (issue 13), on the synthetic workload:
//   npm run build && node bench/tag-cost.mjs [docs=1000]
// Times, in one thread: cut + term counts; tagWords (the cached per-word tagging analyze does);
// nodejieba's tag on whole texts (what tagging without the cache would cost); n-gram counting at
// maxLength 16 (0.1.0) and 24 (now).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeWorkload } from './workload.mjs';
import { loadJieba, segment, tagWords } from '../dist/analyze/segment.js';
import { loadStopwords, termCounts } from '../dist/analyze/keywords.js';
import { loadStockSettings, PhraseCounter, tokenCuts } from '../dist/analyze/stock-phrases.js';

const count = Number(process.argv[2] ?? 1000);
const dir = mkdtempSync(join(tmpdir(), 'jianghua-tagcost-'));
await writeWorkload(dir, { count, seed: 13 });
const part = join(dir, 'part-000');
const texts = readdirSync(part).map((f) => readFileSync(join(part, f), 'utf8'));
const chars = texts.reduce((a, t) => a + t.length, 0);
const time = (fn) => {
  const t = performance.now();
  fn();
  return Math.round(performance.now() - t);
};
loadJieba();
let tokens = [];
const cut = time(() => (tokens = texts.map((t) => segment(t))));
let terms = [];
const counts = time(() => (terms = tokens.map((t) => termCounts(t, loadStopwords()))));
const tagged = time(() => terms.forEach((tf) => tagWords(Object.keys(tf))));
const whole = time(() => texts.forEach((t) => loadJieba().tag(t)));
const grams = (maxLength) => {
  const counter = new PhraseCounter({ ...loadStockSettings(), maxLength });
  return time(() => texts.forEach((t, i) => counter.add(t, tokenCuts(tokens[i]), [], i)));
};
console.log(JSON.stringify({ documents: texts.length, chars, cutMs: cut, termCountsMs: counts, tagWordsMs: tagged, tagWholeTextsMs: whole, grams16Ms: grams(16), grams24Ms: grams(24) }));
rmSync(dir, { recursive: true, force: true });
