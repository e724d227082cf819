// Deterministic synthetic speeches, recombined from the parts of the corpus seeds.
// Each speech keeps the genre's order: (title) → 同志们： → opening → 成绩 → 问题 → transition →
// 2–4 numbered opinions (renumbered so the series runs 一、二、三…) → 号召.
import { Buffer } from 'node:buffer';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSpeech, toChineseNumeral, walkSections } from '../dist/speech/index.js';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const CORPUS_DIR = join(ROOT, 'corpus');
export const MIN_CHARS = 2000;
export const MAX_CHARS = 5000;

/** mulberry32: tiny, fast, and the same sequence on every machine. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

/** Paragraph texts (indent dropped) whose first character lies in [start, end). */
function paragraphsIn(speech, start, end, skip) {
  return speech.paragraphs.filter((p) => p.start + p.indent.length >= start && p.start + p.indent.length < end && !skip.has(p.index)).map((p) => p.text);
}

/**
 * Split the seeds into interchangeable parts. An opinion unit is a numbered opinion (一、 or, in
 * speeches without 一、 headings, a paragraph-opening 一要/一是) with all paragraphs it spans;
 * units are grouped by series so that one speech never mixes 一、 and 一要 at the top level.
 */
export function buildPool(texts) {
  const pool = { titles: [], salutations: [], opening: [], achievements: [], problems: [], transitions: [], closing: [], opinions: new Map() };
  for (const text of texts) {
    const speech = parseSpeech(text);
    if (speech.kind !== 'summary-speech') {
      // A 主持词 talks about its agenda and a 推进会 announces its opinions in the opening
      // (下面，我讲四点意见): only their numbered opinions fit a summary speech.
      collectOpinions(pool, speech, new Set());
      continue;
    }
    const skip = new Set();
    if (speech.title) {
      pool.titles.push(speech.title.text);
      skip.add(speech.title.index);
    }
    if (speech.salutation) {
      pool.salutations.push(speech.salutation.text);
      skip.add(speech.salutation.index);
    }
    for (const section of speech.sections) {
      const block = paragraphsIn(speech, section.start, section.end, skip);
      if (block.length === 0) continue;
      if (section.kind === 'opening' || section.kind === 'achievements' || section.kind === 'problems' || section.kind === 'closing') pool[section.kind].push(block);
      if (section.kind === 'opinions') {
        const first = section.children[0];
        const intro = first ? paragraphsIn(speech, section.start, first.start, skip) : [];
        if (intro.length > 0 && first) pool.transitions.push(intro);
      }
    }
    collectOpinions(pool, speech, skip);
  }
  return pool;
}

function collectOpinions(pool, speech, skip) {
  const units = [];
  for (const { section } of walkSections(speech.sections)) {
    const marker = section.marker;
    if (section.kind !== 'opinions' || !marker?.atParagraphStart || marker.index < 1) continue;
    if (marker.series !== '一、' && marker.series !== '一要') continue;
    const paragraphs = paragraphsIn(speech, section.start, section.end, skip);
    if (paragraphs.length > 0 && paragraphs[0].startsWith(marker.text)) units.push({ series: marker.series, marker: marker.text, paragraphs });
  }
  // Prefer 一、 units; a speech's 一要 sub-points count only where it has no 一、 headings (002).
  const headings = units.filter((u) => u.series === '一、');
  for (const unit of headings.length > 0 ? headings : units) {
    const list = pool.opinions.get(unit.series) ?? [];
    list.push(unit);
    pool.opinions.set(unit.series, list);
  }
}

/** Replace the unit's leading numeral (三、 → 一、, 四要 → 二要). */
function renumber(unit, index) {
  const numeral = toChineseNumeral(index);
  const marker = unit.marker.replace(/^[一二三四五六七八九十百]+/u, numeral);
  const [first = '', ...rest] = unit.paragraphs;
  return [marker + first.slice(unit.marker.length), ...rest];
}

function sampleDistinct(rand, list, count) {
  const copy = [...list];
  const out = [];
  while (out.length < count && copy.length > 0) out.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]);
  return out;
}

/** One synthetic speech of MIN_CHARS–MAX_CHARS characters (when the pool allows it). */
export function composeSpeech(pool, rand) {
  const seriesList = [...pool.opinions.keys()];
  let best = '';
  for (let attempt = 0; attempt < 30; attempt++) {
    const parts = [];
    if (pool.titles.length > 0 && rand() < 0.3) parts.push(pick(rand, pool.titles), '');
    parts.push(pool.salutations.length > 0 ? pick(rand, pool.salutations) : '同志们：');
    for (const kind of ['opening', 'achievements', 'problems', 'transitions']) {
      if (pool[kind].length > 0) parts.push(...pick(rand, pool[kind]));
    }
    const units = pool.opinions.get(pick(rand, seriesList)) ?? [];
    const chosen = sampleDistinct(rand, units, 2 + Math.floor(rand() * 3));
    chosen.forEach((unit, i) => parts.push(...renumber(unit, i + 1)));
    if (pool.closing.length > 0) parts.push(...pick(rand, pool.closing));
    const text = `${parts.join('\n')}\n`;
    if (text.length >= MIN_CHARS && text.length <= MAX_CHARS) return text;
    if (best === '' || Math.abs(text.length - 3500) < Math.abs(best.length - 3500)) best = text;
  }
  return best;
}

export async function readCorpus(dir = CORPUS_DIR) {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
  return Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')));
}

/** The first `count` speeches of the sequence for `seed`: a smaller workload is a prefix of a larger one. */
export function* generateSpeeches(pool, count, seed) {
  const rand = prng(seed);
  for (let i = 0; i < count; i++) yield composeSpeech(pool, rand);
}

export const PART_SIZE = 1000;

/**
 * Write `count` speeches under `dir` in folders of PART_SIZE (part-000/, part-001/ …), so the
 * first part is itself the 1,000-speech workload. Also writes into `concatDir` (keep it outside
 * `dir`) one concatenated file per size in `concatAt`, documents separated by a form feed line,
 * for the raw segmenters.
 * Returns the total characters (UTF-16 units; all CJK text is in the BMP) and UTF-8 bytes per prefix size.
 */
export async function writeWorkload(dir, { count, seed, corpusDir = CORPUS_DIR, concatAt = [], concatDir = dir }) {
  const pool = buildPool(await readCorpus(corpusDir));
  const chars = new Map();
  const bytes = new Map();
  let totalBytes = 0;
  const concat = new Map(concatAt.map((n) => [n, []]));
  let total = 0;
  let i = 0;
  for (const text of generateSpeeches(pool, count, seed)) {
    const part = join(dir, `part-${String(Math.floor(i / PART_SIZE)).padStart(3, '0')}`);
    if (i % PART_SIZE === 0) await mkdir(part, { recursive: true });
    await writeFile(join(part, `speech-${String(i + 1).padStart(5, '0')}.txt`), text);
    total += text.length;
    totalBytes += Buffer.byteLength(text);
    i++;
    for (const [n, list] of concat) if (i <= n) list.push(text);
    chars.set(i, total);
    bytes.set(i, totalBytes);
  }
  const files = {};
  if (concat.size > 0) await mkdir(concatDir, { recursive: true });
  for (const [n, list] of concat) {
    files[n] = join(concatDir, `concat-${n}.txt`);
    await writeFile(files[n], list.join('\f\n'));
  }
  return { chars: (n) => chars.get(n) ?? 0, bytes: (n) => bytes.get(n) ?? 0, concatFiles: files };
}
