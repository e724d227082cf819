import { compilePattern, loadData, once } from '../data/index.js';
import { loadLexicon } from '../speech/lexicon.js';

/**
 * Document fields are ids in data (JSON, groups) however they were learned — from corpus.yaml
 * (`level: 县`, `kind: 总结讲话`) or inferred from the text and the file name — and labels on screen.
 */

export interface Level {
  id: string;
  label: string;
  names: string[];
  pattern: RegExp;
}

/** data/levels.yaml, in the order names are tried. */
export function loadLevels(): Level[] {
  return once('levels', () => loadData('levels.yaml').levels.map((l) => ({ ...l, pattern: compilePattern(l.pattern, 'u', 'levels.yaml') })));
}

/** The level id of a value written in corpus.yaml (县, 县级, county); unknown values stay as written. */
export function levelId(value: string): string {
  const v = value.trim();
  return loadLevels().find((l) => l.id === v || l.label === v || l.names.includes(v))?.id ?? v;
}

/** The level a file name or title suggests (2022_某县_述职评议), if any. */
export function inferLevel(source: string): string | undefined {
  return loadLevels().find((l) => l.pattern.test(source))?.id;
}

/** The kind id of a value (summary-speech, 总结讲话); unknown values stay as written. */
export function kindId(value: string): string {
  const v = value.trim();
  return loadLexicon().kinds.find((k) => k.id === v || k.label === v)?.id ?? v;
}

/** What a person reads for a group value: 县级 for county, 总结讲话 for summary-speech. */
export function fieldLabel(field: string | undefined, value: string): string {
  if (field === 'level') return loadLevels().find((l) => l.id === value)?.label ?? value;
  if (field === 'kind') return loadLexicon().kinds.find((k) => k.id === value)?.label ?? value;
  return value;
}
