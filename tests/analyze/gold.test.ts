import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findProblems, type Finding } from '../../src/analyze/findings.js';
import { loadTaxonomy } from '../../src/analyze/taxonomy.js';
import { loadLexicon, parseSpeech } from '../../src/speech/index.js';
import { CORPUS, ROOT, SEEDS } from '../helpers/cli.js';

interface Gold {
  file: string;
  line: number;
  text: string;
  categories: string[];
}

const gold = parse(readFileSync(`${ROOT}tests/gold/problems.yaml`, 'utf8')) as Gold[];
const taxonomy = loadTaxonomy();
const lexicon = loadLexicon();
const findings: Finding[] = SEEDS.flatMap((seed) => findProblems(parseSpeech(readFileSync(`${CORPUS}${seed}`, 'utf8')), seed.slice(0, 3), taxonomy, lexicon));

const overlaps = (f: Finding, g: Gold) => f.file === g.file && f.line === g.line && (f.text.includes(g.text) || g.text.includes(f.text));

/** Precision and recall of findings against the hand-labelled gold, and of their categories. */
function score() {
  const matchedGold = new Set<Gold>();
  let truePositives = 0;
  let catHits = 0;
  let catGold = 0;
  let catPredicted = 0;
  const falsePositives: string[] = [];
  for (const f of findings) {
    // the gold entry sharing most text (记录不规范 vs 党费收缴记录不规范), unmatched ones first
    const candidates = gold.filter((x) => overlaps(f, x)).sort((x, y) => Number(matchedGold.has(x)) - Number(matchedGold.has(y)) || y.text.length - x.text.length);
    const g = candidates[0];
    if (!g) {
      falsePositives.push(`${f.file}:${f.line} ${f.text}`);
      continue;
    }
    truePositives++;
    if (matchedGold.has(g)) continue;
    matchedGold.add(g);
    catGold += g.categories.length;
    catPredicted += f.categories.length;
    catHits += g.categories.filter((c) => f.categories.includes(c)).length;
  }
  const missed = gold.filter((g) => !matchedGold.has(g)).map((g) => `${g.file}:${g.line} ${g.text}`);
  return {
    precision: truePositives / findings.length,
    recall: matchedGold.size / gold.length,
    categoryRecall: catHits / catGold,
    categoryPrecision: catHits / catPredicted,
    falsePositives,
    missed,
  };
}

describe('problem findings against tests/gold/problems.yaml (five seeds, hand-labelled)', () => {
  const s = score();
  const fmt = (x: number) => x.toFixed(3);
  console.log(
    `[analyze gold] findings: ${findings.length}, gold: ${gold.length}; precision ${fmt(s.precision)}, recall ${fmt(s.recall)}; ` +
      `categories (of matched findings): recall ${fmt(s.categoryRecall)}, precision ${fmt(s.categoryPrecision)}`,
  );
  if (s.falsePositives.length) console.log(`[analyze gold] not in gold:\n  ${s.falsePositives.join('\n  ')}`);
  if (s.missed.length) console.log(`[analyze gold] missed:\n  ${s.missed.join('\n  ')}`);

  it('every gold entry names a seed line and known categories', () => {
    const ids = new Set(taxonomy.categories.map((c) => c.id));
    for (const g of gold) {
      expect(SEEDS.some((s) => s.startsWith(g.file))).toBe(true);
      const line = readFileSync(`${CORPUS}${SEEDS.find((s) => s.startsWith(g.file))}`, 'utf8').split('\n')[g.line - 1] ?? '';
      expect(line, `${g.file}:${g.line}`).toContain(g.text);
      for (const c of g.categories) expect(ids.has(c), c).toBe(true);
    }
  });
  it('finding precision ≥ 0.9', () => expect(s.precision).toBeGreaterThanOrEqual(0.9));
  it('finding recall ≥ 0.85', () => expect(s.recall).toBeGreaterThanOrEqual(0.85));
  it('category recall ≥ 0.85', () => expect(s.categoryRecall).toBeGreaterThanOrEqual(0.85));
});
