import type { Lexicon } from './lexicon.js';

export interface PredicateMatch {
  /** The defect predicate as written: 不够规范, 薄弱, 有待加强. */
  cue: string;
  /** Offset of the predicate inside the searched text. */
  index: number;
}

/** Mask rhetorical 不 (不断, 不跑偏, 不敢腐) so that it cannot be read as a defect. */
function maskRhetorical(text: string, lexicon: Lexicon): string {
  const re = lexicon.problem.rhetoricalAll;
  re.lastIndex = 0;
  return re.test(text) ? text.replace(re, (m) => '◇'.repeat(m.length)) : text;
}

/** The first defect predicate in `text`, ignoring rhetorical negation. */
export function findPredicate(text: string, lexicon: Lexicon): PredicateMatch | undefined {
  const m = lexicon.problem.predicates.exec(maskRhetorical(text, lexicon));
  return m ? { cue: text.slice(m.index, m.index + m[0].length), index: m.index } : undefined;
}

/**
 * Every defect signal in `text`, ignoring rhetorical negation, in three lists by rank: the
 * predicates (不够, 薄弱), then evaluative shapes (只有23个, 重……轻……), then idioms (形同虚设).
 * One scan of a whole sentence serves all its clauses.
 */
export function defectSignals(text: string, lexicon: Lexicon): PredicateMatch[][] {
  const masked = maskRhetorical(text, lexicon);
  const at = (index: number, length: number): PredicateMatch => ({ cue: text.slice(index, index + length), index });
  const scan = (re: RegExp) => {
    const found: PredicateMatch[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(masked); m; m = re.exec(masked)) {
      found.push(at(m.index, m[0].length));
      if (m[0].length === 0) re.lastIndex++;
    }
    return found;
  };
  const idioms = lexicon.problem.idioms.findAll(masked).map((m) => at(m.index, m.cue.length));
  return [scan(lexicon.problem.predicatesAll), scan(lexicon.problem.evaluativeAll), idioms];
}

/** The open grammar's signal: the first predicate, else the first evaluative shape, else the first idiom. */
export function findDefect(text: string, lexicon: Lexicon): PredicateMatch | undefined {
  for (const list of defectSignals(text, lexicon)) if (list[0]) return list[0];
  return undefined;
}

/** A clause that asks for action (要着力解决…问题, 补齐短板) rather than stating a defect. */
export function isDirective(text: string, lexicon: Lexicon): boolean {
  return lexicon.problem.directive.test(text.replace(lexicon.leadingMarker, ''));
}

/** 这些问题，务必引起高度重视: talk about the problems, not a problem. */
export function isProblemSummary(text: string, lexicon: Lexicon): boolean {
  return lexicon.problem.summary.test(text);
}
