// Per-document work of analyze, stage by stage, as a share of jieba's cut of the same text: the
// stages run one after another on each document in one thread, so machine load changes every
// figure alike and the ratios stay comparable. Usage: node bench/stages.mjs [--docs 500] [--rounds 3]
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeWorkload } from './workload.mjs';

const { values: opts } = parseArgs({ options: { docs: { type: 'string', default: '500' }, rounds: { type: 'string', default: '3' }, seed: { type: 'string', default: '20260101' }, json: { type: 'boolean', default: false } } });
const dist = (m) => import(new URL(`../dist/${m}`, import.meta.url).href);
const { parseSpeech } = await dist('speech/parse.js');
const { loadLexicon } = await dist('speech/lexicon.js');
const { countHan } = await dist('speech/text.js');
const { findProblems } = await dist('analyze/findings.js');
const { loadTaxonomy } = await dist('analyze/taxonomy.js');
const { segment, tagWords, loadJieba } = await dist('analyze/segment.js');
const { documentTerms, loadStopwords, KeywordCounter } = await dist('analyze/keywords.js');
const { tokenCuts, loadStockSettings, PhraseCounter } = await dist('analyze/stock-phrases.js');
const { parallelRuns } = await dist('analyze/parallel.js');
const { readSpeechSync } = await dist('io/read-speech.js');

const work = await mkdtemp(join(os.tmpdir(), 'jianghua-stages-'));
try {
  await writeWorkload(work, { count: Number(opts.docs), seed: Number(opts.seed) });
  const dir = join(work, 'part-000');
  const files = (await readdir(dir)).sort().map((f) => join(dir, f));
  const taxonomy = loadTaxonomy();
  const lexicon = loadLexicon();
  const stop = loadStopwords();
  const settings = loadStockSettings();
  let t = performance.now();
  loadJieba();
  const loadMs = performance.now() - t;
  const ms = {};
  const time = (stage, f) => {
    const s = performance.now();
    const v = f();
    ms[stage] = (ms[stage] ?? 0) + performance.now() - s;
    return v;
  };
  for (let round = 0; round < Number(opts.rounds); round++) {
    const counter = new PhraseCounter(settings);
    const keywords = new KeywordCounter();
    for (const [index, file] of files.entries()) {
      const { text } = time('read', () => readSpeechSync(file)); // as a worker reads
      const speech = time('parse', () => parseSpeech(text));
      time('problems', () => findProblems(speech, file, taxonomy, lexicon));
      const tokens = time('cut', () => segment(speech.text));
      // term counts, jieba tags of words not seen before, content words only
      const terms = time('terms', () => documentTerms([tokens], stop, (words) => tagWords(words)));
      time('countHan', () => countHan(speech.text));
      const cuts = time('tokenCuts', () => tokenCuts(tokens));
      const parallels = time('parallel', () => parallelRuns(speech, settings));
      time('grams', () => counter.add(speech.text, cuts, parallels, index));
      time('keywordTotals', () => keywords.add(terms));
    }
  }
  const cut = ms.cut;
  const rows = Object.entries(ms).map(([stage, v]) => ({ stage, ms: Math.round(v / Number(opts.rounds)), perCut: Number((v / cut).toFixed(3)) }));
  const outside = rows.filter((r) => r.stage !== 'cut').reduce((a, r) => a + r.perCut, 0);
  if (opts.json) console.log(JSON.stringify({ docs: files.length, loadMs: Math.round(loadMs), rows, outsidePerCut: Number(outside.toFixed(3)) }));
  else {
    console.log(`${files.length} documents, ${opts.rounds} rounds; jieba load ${Math.round(loadMs)} ms`);
    for (const r of rows) console.log(`${r.stage.padEnd(14)} ${String(r.ms).padStart(7)} ms  ${r.perCut.toFixed(3)}× cut`);
    console.log(`outside cut: ${outside.toFixed(3)}× cut`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
