import type { Lexicon } from './lexicon.js';

/** 要 as a modal (要加强), not inside 重要 / 主要 / 需要 / 要求 / 要素 …. */
export const MODAL_YAO = /(?<![重主需只不紧必首简纲提摘想扼次显概纪政险机切])要(?![素求务点件闻害领旨事职地道员])/u;

export interface PredicateMatch {
  /** The defect predicate as written: 不够规范, 薄弱, 有待加强. */
  cue: string;
  /** Offset of the predicate inside the searched text. */
  index: number;
}

/** Mask rhetorical 不 (不断, 不跑偏, 不敢腐) so that it cannot be read as a defect. */
export function maskRhetorical(text: string, lexicon: Lexicon): string {
  const re = lexicon.problem.rhetoricalAll;
  re.lastIndex = 0;
  return re.test(text) ? text.replace(re, (m) => '◇'.repeat(m.length)) : text;
}

function first(re: RegExp, masked: string, text: string): PredicateMatch | undefined {
  const m = re.exec(masked);
  return m ? { cue: text.slice(m.index, m.index + m[0].length), index: m.index } : undefined;
}

/** The first defect predicate in `text`, ignoring rhetorical negation. */
export function findPredicate(text: string, lexicon: Lexicon): PredicateMatch | undefined {
  return first(lexicon.problem.predicates, maskRhetorical(text, lexicon), text);
}

/** A defect predicate or an evaluative phrase (形同虚设, 只有23个, 习惯于…): the open grammar's signal. */
export function findDefect(text: string, lexicon: Lexicon): PredicateMatch | undefined {
  const masked = maskRhetorical(text, lexicon);
  const m = first(lexicon.problem.predicates, masked, text) ?? first(lexicon.problem.evaluative, masked, text);
  if (m) return m;
  const idiom = lexicon.problem.idioms.find(masked);
  return idiom ? { cue: text.slice(idiom.index, idiom.index + idiom.cue.length), index: idiom.index } : undefined;
}

/** A clause that asks for action (要着力解决…问题, 补齐短板) rather than stating a defect. */
export function isDirective(text: string, lexicon: Lexicon): boolean {
  return lexicon.problem.directive.test(text.replace(lexicon.leadingMarker, ''));
}

/** 这些问题，务必引起高度重视: talk about the problems, not a problem. */
export function isProblemSummary(text: string, lexicon: Lexicon): boolean {
  return lexicon.problem.summary.test(text);
}
