import { codePointLength } from '../speech/text.js';
import { GOLD_KINDS, OTHER_CATEGORY, type PlacedClause, type PlacedEntry, type PlacedNotProblem } from './gold.js';

/**
 * Scoring by position, not wording: a pure function of the placed gold, the model's findings and
 * its outlines, so it can be checked on synthetic findings. All lengths are in code points.
 */

/** What scoring needs of a finding (analyze's Finding has more). */
export interface ScoredFinding {
  line: number;
  /** 1-based, in code points. */
  column: number;
  text: string;
  categories: readonly string[];
}

/** What scoring needs of an outline; kinds are strings, as the speech model's kinds keep growing. */
export interface OutlineShapeNode {
  kind: string;
  numbering?: { series: string; index: number };
  children: readonly OutlineShapeNode[];
}
export interface OutlineShape {
  kind: string;
  sections: readonly OutlineShapeNode[];
}

export interface ScoreFile {
  file: string;
  gold: PlacedEntry;
  findings: readonly ScoredFinding[];
  outline: OutlineShape;
}

export interface ScoreOptions {
  /** Category labels for the per-category table (the taxonomy's). */
  labelOf?: (id: string) => string;
  /** Order of the per-category table and the confusion table (the taxonomy's). */
  categoryOrder?: readonly string[];
}

/** What the scoring counts, over one file or all. */
export interface Counts {
  findings: number;
  gold: number;
  found: number;
  categoryRight: number;
  right: number;
  traps: number;
  falseAlarms: number;
}

export interface Measures extends Counts {
  /** right / findings; null when there are no findings. */
  precision: number | null;
  /** found / gold; null when there is no gold clause. */
  clauseRecall: number | null;
  /** categoryRight / gold. */
  categoryRecall: number | null;
}

export type CheckName = 'kind' | 'opinions.count' | 'opinions.series' | 'reviews' | 'problems';

export interface OutlineCheck {
  check: CheckName;
  expected: string | number | boolean | null;
  found: string | number | boolean | null;
  passed: boolean;
}

export interface FileResult {
  file: string;
  /** The kind the gold names and the kind the model gave. */
  kind: { expected: string; found: string };
  measures: Measures;
  outline: { passed: number; total: number; checks: OutlineCheck[] };
}

export interface CategoryResult {
  id: string;
  label: string;
  /** correct / predicted; null when no right finding carries the id. */
  precision: number | null;
  /** recalled / gold; null when no gold clause accepts the id. */
  recall: number | null;
  /** All findings carrying the id, right or wrong. */
  findings: number;
  /** Right findings carrying the id. */
  predicted: number;
  /** Of those, the ones overlapping a gold clause that accepts the id. */
  correct: number;
  /** Gold clauses accepting the id. */
  gold: number;
  /** Of those, the ones overlapped by a finding carrying the id. */
  recalled: number;
}

export const MISSED = '(missed)';

/** counts[r][c]: gold clauses of category rows[r] whose best-overlapping finding says columns[c]. */
export interface Confusion {
  rows: string[];
  columns: string[];
  counts: number[][];
}

interface Located {
  file: string;
  line: number;
  column: number;
  text: string;
}
export interface Miss extends Located {
  /** The accepted ids. */
  categories: string[];
}
/** A finding at a gold clause whose category it gets wrong; the place and text are the finding's. */
export interface WrongCategory extends Located {
  categories: string[];
  gold: { line: number; column: number; text: string; categories: string[] };
}
export interface FalseAlarm extends Located {
  categories: string[];
}
export interface Trap extends FalseAlarm {
  notProblem: { line: number; column: number; text: string };
}
export interface FailedCheck extends OutlineCheck {
  file: string;
}

export interface EvalResult {
  files: FileResult[];
  measures: Measures;
  categories: CategoryResult[];
  confusion: Confusion;
  outline: { passed: number; total: number; failed: FailedCheck[] };
  misses: Miss[];
  wrongCategories: WrongCategory[];
  falseAlarms: FalseAlarm[];
  traps: Trap[];
}

interface Range {
  start: number;
  end: number;
}

const overlap = (a: Range, b: Range) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

function union(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

const coveredBy = (r: Range, merged: readonly Range[]) => merged.reduce((n, m) => n + overlap(r, m), 0);
/** At least half: 2·part ≥ whole, in integers. */
const atLeastHalf = (part: number, whole: number) => whole > 0 && 2 * part >= whole;
const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

function byLine<T extends { line: number }>(items: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const list = map.get(item.line);
    if (list) list.push(item);
    else map.set(item.line, [item]);
  }
  return map;
}

interface PlacedFinding extends Range {
  finding: ScoredFinding;
}

const NAMED_KINDS: readonly string[] = GOLD_KINDS.filter((k) => k !== 'other');

function* walk(nodes: readonly OutlineShapeNode[]): Generator<OutlineShapeNode> {
  for (const n of nodes) {
    yield n;
    yield* walk(n.children);
  }
}

/**
 * The top-level opinions: the first outermost opinions node outside any review; its numbered
 * opinions children, or else the numbered opinions nodes beside it (the top level when it is there).
 */
export function opinionItems(outline: OutlineShape): OutlineShapeNode[] {
  const find = (nodes: readonly OutlineShapeNode[]): { node: OutlineShapeNode; level: readonly OutlineShapeNode[] } | undefined => {
    for (const n of nodes) {
      if (n.kind === 'review') continue;
      if (n.kind === 'opinions') return { node: n, level: nodes };
      const inner = find(n.children);
      if (inner) return inner;
    }
    return undefined;
  };
  const hit = find(outline.sections);
  if (!hit) return [];
  const numbered = (nodes: readonly OutlineShapeNode[]) => nodes.filter((n) => n.kind === 'opinions' && n.numbering);
  const children = numbered(hit.node.children);
  return children.length > 0 ? children : numbered(hit.level);
}

/** The outline checks of one file: kind, opinions count and series, reviews, problems part. */
export function outlineChecks(gold: PlacedEntry, outline: OutlineShape): OutlineCheck[] {
  const checks: OutlineCheck[] = [];
  const kindPassed = gold.kind === 'other' ? !NAMED_KINDS.includes(outline.kind) : outline.kind === gold.kind;
  checks.push({ check: 'kind', expected: gold.kind, found: outline.kind, passed: kindPassed });
  if (gold.opinions) {
    const items = opinionItems(outline);
    const series = items[0]?.numbering?.series ?? null;
    checks.push({ check: 'opinions.count', expected: gold.opinions.count, found: items.length, passed: items.length === gold.opinions.count });
    checks.push({ check: 'opinions.series', expected: gold.opinions.series, found: series, passed: series === gold.opinions.series });
  }
  const reviews = [...walk(outline.sections)].filter((n) => n.kind === 'review').length;
  checks.push({ check: 'reviews', expected: gold.reviews, found: reviews, passed: reviews === gold.reviews });
  const expectProblems = gold.sections.includes('problems');
  const hasProblems = [...walk(outline.sections)].some((n) => n.kind === 'problems');
  checks.push({ check: 'problems', expected: expectProblems, found: hasProblems, passed: expectProblems === hasProblems });
  return checks;
}

type Tally = Counts;

const emptyTally = (): Tally => ({ findings: 0, gold: 0, found: 0, categoryRight: 0, right: 0, traps: 0, falseAlarms: 0 });

function measuresOf(t: Tally): Measures {
  return { precision: ratio(t.right, t.findings), clauseRecall: ratio(t.found, t.gold), categoryRecall: ratio(t.categoryRight, t.gold), ...t };
}

interface CategoryTally {
  findings: number;
  predicted: number;
  correct: number;
  gold: number;
  recalled: number;
}

/** Score the model against the gold: per file, micro-averaged totals, per category, confusion, lists. */
export function scoreEvaluation(files: readonly ScoreFile[], options: ScoreOptions = {}): EvalResult {
  const total = emptyTally();
  const perCategory = new Map<string, CategoryTally>();
  const category = (id: string) => {
    let t = perCategory.get(id);
    if (!t) perCategory.set(id, (t = { findings: 0, predicted: 0, correct: 0, gold: 0, recalled: 0 }));
    return t;
  };
  const confusion = new Map<string, Map<string, number>>();
  const result: Omit<EvalResult, 'measures' | 'categories' | 'confusion'> = {
    files: [],
    outline: { passed: 0, total: 0, failed: [] },
    misses: [],
    wrongCategories: [],
    falseAlarms: [],
    traps: [],
  };

  for (const input of files) {
    const { file, gold } = input;
    const tally = emptyTally();
    const findings: PlacedFinding[] = input.findings.map((f) => ({ finding: f, start: f.column - 1, end: f.column - 1 + codePointLength(f.text) }));
    const findingsOn = byLine(findings.map((f) => ({ ...f, line: f.finding.line })));
    const clausesOn = byLine<PlacedClause>(gold.problems);
    const notProblemsOn = byLine<PlacedNotProblem>(gold.notProblems);

    for (const clause of gold.problems) {
      tally.gold++;
      const here = findingsOn.get(clause.line) ?? [];
      if (atLeastHalf(coveredBy(clause, union(here)), clause.end - clause.start)) tally.found++;
      else result.misses.push({ file, line: clause.line, column: clause.start + 1, text: clause.text, categories: clause.categories });
      const touching = here.filter((f) => overlap(f, clause) > 0);
      // the best-overlapping finding (the earliest on a tie) names the confusion column
      const best = touching.reduce<PlacedFinding | undefined>((b, f) => (!b || overlap(f, clause) > overlap(b, clause) ? f : b), undefined);
      const accepted = (f: PlacedFinding) => f.finding.categories.find((id) => clause.categories.includes(id));
      const predictedAccepted = (best && accepted(best)) ?? touching.map(accepted).find((id) => id !== undefined);
      if (predictedAccepted !== undefined) tally.categoryRight++;
      else if (best) {
        result.wrongCategories.push({
          file,
          line: best.finding.line,
          column: best.finding.column,
          text: best.finding.text,
          categories: [...best.finding.categories],
          gold: { line: clause.line, column: clause.start + 1, text: clause.text, categories: clause.categories },
        });
      }
      for (const id of new Set(clause.categories)) {
        const t = category(id);
        t.gold++;
        if (touching.some((f) => f.finding.categories.includes(id))) t.recalled++;
      }
      const row = predictedAccepted ?? clause.categories[0] ?? OTHER_CATEGORY; // gold clauses have at least one
      const column = best ? (accepted(best) ?? best.finding.categories[0] ?? OTHER_CATEGORY) : MISSED;
      const cells = confusion.get(row) ?? new Map<string, number>();
      cells.set(column, (cells.get(column) ?? 0) + 1);
      confusion.set(row, cells);
    }

    for (const f of findings) {
      tally.findings++;
      const { finding } = f;
      const ids = [...new Set(finding.categories)];
      for (const id of ids) category(id).findings++;
      const golds = clausesOn.get(finding.line) ?? [];
      if (atLeastHalf(coveredBy(f, union(golds)), f.end - f.start)) {
        tally.right++;
        for (const id of ids) {
          const t = category(id);
          t.predicted++;
          if (golds.some((g) => overlap(f, g) > 0 && g.categories.includes(id))) t.correct++;
        }
        continue;
      }
      const alarm = { file, line: finding.line, column: finding.column, text: finding.text, categories: [...finding.categories] };
      const trap = (notProblemsOn.get(finding.line) ?? []).find((np) => atLeastHalf(overlap(f, np), np.end - np.start));
      if (trap) {
        tally.traps++;
        result.traps.push({ ...alarm, notProblem: { line: trap.line, column: trap.start + 1, text: trap.text } });
      } else {
        tally.falseAlarms++;
        result.falseAlarms.push(alarm);
      }
    }

    const checks = outlineChecks(gold, input.outline);
    const passed = checks.filter((c) => c.passed).length;
    result.outline.passed += passed;
    result.outline.total += checks.length;
    for (const c of checks) if (!c.passed) result.outline.failed.push({ file, ...c });
    for (const key of Object.keys(total) as Array<keyof Tally>) total[key] += tally[key];
    result.files.push({ file, kind: { expected: gold.kind, found: input.outline.kind }, measures: measuresOf(tally), outline: { passed, total: checks.length, checks } });
  }

  const order = orderIds([...perCategory.keys()], options.categoryOrder);
  const labelOf = options.labelOf ?? ((id: string) => id);
  const categories = order.map((id): CategoryResult => {
    const t = perCategory.get(id) as CategoryTally;
    return { id, label: labelOf(id), precision: ratio(t.correct, t.predicted), recall: ratio(t.recalled, t.gold), ...t };
  });
  const rows = order.filter((id) => confusion.has(id));
  const seenColumns = new Set([...confusion.values()].flatMap((cells) => [...cells.keys()]));
  const columns = [...orderIds([...seenColumns].filter((c) => c !== MISSED), options.categoryOrder), ...(seenColumns.has(MISSED) ? [MISSED] : [])];
  const counts = rows.map((r) => columns.map((c) => confusion.get(r)?.get(c) ?? 0));
  return { ...result, measures: measuresOf(total), categories, confusion: { rows, columns, counts } };
}

/** Taxonomy order first, then ids it does not know in the order met, `other` last. */
function orderIds(ids: readonly string[], order: readonly string[] = []): string[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  const indexed = ids.map((id, i) => ({ id, key: id === OTHER_CATEGORY ? Number.MAX_SAFE_INTEGER : (rank.get(id) ?? order.length + i) }));
  return indexed.sort((a, b) => a.key - b.key).map((x) => x.id);
}
