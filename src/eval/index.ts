import { stat } from 'node:fs/promises';
import path from 'node:path';
import { analyzeText, readDocument } from '../analyze/document.js';
import { loadTaxonomy } from '../analyze/taxonomy.js';
import { JianghuaError } from '../errors.js';
import { outline, parseSpeech } from '../speech/index.js';
import { loadGold, placeEntry } from './gold.js';
import { scoreEvaluation, type EvalResult, type ScoreFile } from './score.js';

export { GOLD_KINDS, GOLD_SECTIONS, loadGold, parseGold, placeEntry, type Gold, type GoldEntry, type GoldClause, type GoldNotProblem, type PlacedEntry } from './gold.js';
export { MISSED, opinionItems, outlineChecks, scoreEvaluation } from './score.js';
export type * from './score.js';
export { formatEvalText, KIND_NAMES, type TextOptions } from './format.js';

export interface EvaluateOptions {
  /** A taxonomy file, as analyze's --taxonomy: its ids are the ones the gold may use. */
  taxonomy?: string;
  /** Called after each speech is analysed (progress). */
  onFile?: (file: string, done: number, total: number) => void;
}

/**
 * Score the model (analyze's findings, the speech outline) against a hand-labelled gold file
 * whose keys are speech files under `dir`. Bad gold is a JianghuaError at gold file:line:col.
 */
export async function evaluate(dir: string, goldFile: string, options: EvaluateOptions = {}): Promise<EvalResult> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new JianghuaError('not-found', '找不到讲话稿目录', { file: dir });
  if (!info.isDirectory()) throw new JianghuaError('usage', '应为讲话稿所在的目录（标注文件中的文件名相对于它）', { file: dir });
  const taxonomy = loadTaxonomy(options.taxonomy);
  const gold = await loadGold(goldFile, { categories: taxonomy.categories.map((c) => c.id) });
  // every gold text is placed before the (slower) analysis, so bad gold fails at once
  const read: Array<{ file: string; text: string; speech: ReturnType<typeof parseSpeech>; gold: ScoreFile['gold'] }> = [];
  for (const entry of gold.entries) {
    const file = path.join(dir, entry.file);
    const speechInfo = await stat(file).catch(() => undefined);
    if (!speechInfo?.isFile()) {
      throw new JianghuaError('not-found', `找不到讲话稿 ${file}（标注的文件名相对于 ${dir}）`, { file: goldFile, line: entry.at.line, column: entry.at.column });
    }
    const { text } = await readDocument(file);
    const speech = parseSpeech(text);
    read.push({ file, text, speech, gold: placeEntry(entry, speech.text, { gold: goldFile, speech: file }) });
  }
  const files: ScoreFile[] = [];
  for (const { file, text, speech, gold: placed } of read) {
    const { findings } = analyzeText(file, text, options.taxonomy ? { taxonomy: options.taxonomy } : {});
    files.push({ file, gold: placed, findings, outline: outline(speech) });
    options.onFile?.(file, files.length, read.length);
  }
  return scoreEvaluation(files, { labelOf: (id) => taxonomy.labelOf(id), categoryOrder: taxonomy.categories.map((c) => c.id) });
}
