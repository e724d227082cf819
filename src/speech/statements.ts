import type { Lexicon } from './lexicon.js';
import { defectSignals, findDefect, isDirective, isProblemSummary, type PredicateMatch } from './problems.js';
import type { NumberingMarker, Section, Sentence, Span, Speech } from './types.js';
import { innermostAt, walkSections } from './walk.js';
import { firstIndex } from '../sorted.js';

/** One problem statement: a clause (or a 、-joined run of clauses) that states a shortcoming. */
export interface ProblemStatement extends Span {
  text: string;
  /** Index of the sentence that holds it. */
  sentence: number;
  /** The defect predicate or evaluative phrase as written; empty inside a problems part when the clause names none. */
  cue: string;
  /** True inside a problems part, where every stated clause counts. */
  inPart: boolean;
  /** The heading of the numbered item it stands under (二是党务力量薄弱): the topic of its clauses. */
  context?: string;
}

interface Unit extends Span {
  text: string;
}

/**
 * The clauses of a sentence as the genre counts them: split at ，；： and joined across 、 where
 * a piece cannot stand alone (重要性、紧迫性认识不足; 程序化、表面化), but not where each piece
 * states its own defect (时间精力投入不多、要素保障不够); a leading numbering marker left out.
 */
function units(text: string, sentence: Sentence, markerEnd: ReadonlyMap<number, number>, standsAlone: (piece: Span) => boolean): Unit[] {
  const out: Unit[] = [];
  let lastAlone = false;
  for (const clause of sentence.clauses) {
    const last = out[out.length - 1];
    const alone = standsAlone(clause);
    if (last && text[last.end] === '、' && !(lastAlone && alone)) {
      last.end = clause.end;
      last.text = text.slice(last.start, last.end);
      lastAlone ||= alone;
      continue;
    }
    lastAlone = alone;
    const start = markerEnd.get(clause.start) ?? clause.start;
    if (start < clause.end) out.push({ start, end: clause.end, text: text.slice(start, clause.end) });
  }
  return out;
}

/** The problems parts with, for each, the innermost numbered heading as the topic of its clauses. */
function problemParts(speech: Speech): Array<{ section: Section; context?: string }> {
  const parts: Array<{ section: Section; context?: string }> = [];
  for (const { section, parent } of walkSections(speech.sections)) {
    if (section.kind !== 'problems') continue;
    // a part's own title (二、正视问题 / 一、存在的问题及原因) names the part: its clauses are not the topic
    const title = section.marker?.family === 'heading';
    const context = section.marker && !title ? section.heading : parent?.kind === 'problems' && parent.marker?.family !== 'heading' ? parent.heading : undefined;
    parts.push({ section, ...(context ? { context } : {}) });
  }
  return parts;
}

const LEADING_CONNECTIVE = /^(?:但是?|而且|并且|同时|另外|此外|甚至|特别是|尤其是|其中|也|却)[，,]?/u;
/** Quoted words are named, not said: 习惯于“要我学” asks for nothing. */
const QUOTED = /“[^”]*”|‘[^’]*’|"[^"]*"/gu;

export class StatementFinder {
  private readonly markerEnd: Map<number, number>;
  constructor(
    private readonly text: string,
    markers: readonly NumberingMarker[],
    private readonly lexicon: Lexicon,
  ) {
    this.markerEnd = new Map(markers.map((m) => [m.start, m.end]));
  }

  /**
   * A unit that only frames (从述职情况看, 对照上级要求, ……中), talks about problems in general,
   * concedes (虽然……), reports a settled matter (已整改到位) or praises: never a statement.
   */
  private isFrame(text: string, defect: boolean): boolean {
    const p = this.lexicon.problem;
    const plain = text.replace(/[“”"‘’]/gu, '').replace(LEADING_CONNECTIVE, '');
    if (plain === '' || (!defect && p.frames.test(plain))) return true;
    return p.leadIns.test(plain) || p.generic.test(plain) || p.concessive.test(plain) || this.lexicon.cues.achievements.test(plain);
  }

  /** Every defect signal of a sentence (one scan for all its clauses), at offsets into the speech. */
  private sentenceDefects(sentence: Sentence): PredicateMatch[][] {
    return defectSignals(sentence.text, this.lexicon).map((list) => list.map((d) => ({ cue: d.cue, index: sentence.start + d.index })));
  }

  /**
   * The first predicate in [start, end), else the first evaluative phrase or idiom (findDefect's order); index relative
   * to `start`. Each list is in text order, so a binary search finds it: a sentence of 64 000 clauses was quadratic.
   */
  private static defectIn(defects: PredicateMatch[][], span: Span): PredicateMatch | undefined {
    for (const list of defects) {
      const hit = list[firstIndex(list, (d) => d.index >= span.start)];
      if (hit && hit.index < span.end) return { cue: hit.cue, index: hit.index - span.start };
    }
    return undefined;
  }

  private isDirectiveUnit(text: string): boolean {
    const body = text.replace(QUOTED, '“”').replace(LEADING_CONNECTIVE, '');
    return isDirective(body, this.lexicon) || this.lexicon.problem.modal.test(body);
  }

  /**
   * The units of a sentence that may state a problem, each with its defect signal: frames,
   * concessions, what is said of the past (过去……，现在……) and the praise before a turn are left
   * out, and a directive silences what follows it (……，会后要进一步完善) until a fact is stated
   * again (……，目前，还有4个村……).
   */
  private *candidates(sentence: Sentence, inPart: boolean): Generator<{ unit: Unit; defect: PredicateMatch | undefined }> {
    // outside a part only units with a defect are kept; the others matter only as directives
    const defectsOnly = !inPart;
    if (this.lexicon.cues.reviewHopes.test(sentence.text)) return;
    // 这些问题，……根子都在责任没有真正压实: after the close, only what names a defect is a problem
    const summary = isProblemSummary(sentence.text, this.lexicon);
    const p = this.lexicon.problem;
    let past = false;
    let first = true;
    const defects = this.sentenceDefects(sentence);
    if (!inPart && defects.every((list) => list.length === 0)) return;
    const all = units(this.text, sentence, this.markerEnd, (piece) => piece.end - piece.start >= 2 && StatementFinder.defectIn(defects, piece) !== undefined);
    // the clause before a turn (党建品牌有特色，但……) is the praise the turn answers
    const turnAt = all.findIndex((u, k) => k > 0 && TURN_START.test(u.text));
    let directed = false;
    for (const [k, unit] of all.entries()) {
      const plain = unit.text.replace(LEADING_CONNECTIVE, '');
      if (p.past.test(plain)) past = true;
      else if (p.present.test(plain)) past = false;
      // 要选优配强……，目前，全县还有4个村……: a fact stated after the directive resumes the statements
      if (directed && (p.present.test(plain) || TURN_START.test(unit.text))) directed = false;
      const opener = first;
      first = false;
      if (past || directed || p.interrogative.test(unit.text)) continue;
      // in a close, the words 这些问题 themselves are not the defect
      const defect = summary ? findDefect(unit.text.replace(p.summary, ''), this.lexicon) : StatementFinder.defectIn(defects, unit);
      if (summary && (!defect || (opener && !SUMMARY_CAUSE.test(unit.text)))) continue;
      if (turnAt !== -1 && k < turnAt && !defect) continue;
      if (defectsOnly && !defect) {
        // the same outcome as below, with the costlier frame test only for a directive
        if (this.isDirectiveUnit(unit.text) && !this.isFrame(unit.text, false)) directed = true;
        continue;
      }
      if (this.isFrame(unit.text, defect !== undefined)) continue;
      if (this.isDirectiveUnit(unit.text)) {
        directed = true;
        continue;
      }
      yield { unit, defect };
    }
  }

  /** Every clause of a problems-part sentence that states something, whatever its predicate. */
  inPart(sentence: Sentence, context: string | undefined, lead = false): ProblemStatement[] {
    const out: ProblemStatement[] = [];
    for (const { unit, defect } of this.candidates(sentence, true)) {
      // the part's own pivot (但问题依然不少 / 我们的工作还有不小差距) leads in, it states nothing
      if (lead && this.lexicon.cues.problems.test(unit.text)) continue;
      out.push({ start: unit.start, end: unit.end, text: unit.text, sentence: sentence.index, cue: defect?.cue ?? '', inPart: true, ...(context ? { context } : {}) });
    }
    return out;
  }

  /**
   * Outside problems parts (opinions, praise, remarks): a clause with a defect predicate or an
   * evaluative phrase, stated (部分/有的/还/仍/存在/目前 … before it), not asked for; and the
   * problems a directive names with 针对……的问题. Once a sentence states one, its other
   * clauses with a defect predicate join it without needing their own scope word. In praise a
   * problem must follow a turn (但/不过/同时).
   */
  outsidePart(sentence: Sentence, inPraise = false): ProblemStatement[] {
    const targeted = this.lexicon.problem.targeted.exec(sentence.text);
    if (targeted?.groups?.problem) {
      const start = sentence.start + targeted.index + targeted[0].indexOf(targeted.groups.problem);
      const end = start + targeted.groups.problem.length;
      return [{ start, end, text: this.text.slice(start, end), sentence: sentence.index, cue: '针对', inPart: false }];
    }
    const defects = [...this.candidates(sentence, false)];
    // the first clause that is stated as fact; a scope word later in the sentence covers the clauses
    // before it too (机关党建弱化虚化、“两张皮”等问题还没得到根本解决), unless they are praise
    const stated = defects.findIndex(({ unit }) => {
      const before = this.text.slice(sentence.start, unit.end);
      return this.lexicon.problem.assertive.test(before) && !(inPraise && !TURN.test(before));
    });
    if (stated === -1) return [];
    return defects.slice(inPraise ? stated : 0).map(({ unit, defect }) => ({ start: unit.start, end: unit.end, text: unit.text, sentence: sentence.index, cue: defect!.cue, inPart: false }));
  }
}

/** 这些问题的产生与……有关系: a close that names a cause. */
const SUMMARY_CAUSE = /(?:与|和|同)[^，。；]{1,20}有关|在于|根子|源于|因为/u;
const TURN_START = /^(?:但是?|然而|不过|可是)/u;
const TURN = /但|然而|不过|同时|可是|只是|遗憾的是|美中不足/u;

/**
 * The problem statements of a speech, in document order. Inside the parts the model marks as
 * problems (the problems part, a 点评's problems, a problem span inside an opinion) every stated
 * clause counts; elsewhere the open grammar decides.
 */
export function findProblemStatements(speech: Speech, lexicon: Lexicon): ProblemStatement[] {
  const finder = new StatementFinder(speech.text, speech.markers, lexicon);
  const parts = problemParts(speech);
  // the title sentence of a part headed 二、存在的问题 names the part; it states nothing
  const titles = new Set(parts.filter((p) => p.section.marker?.family === 'heading' && lexicon.cues.headingProblems.test(p.section.heading?.slice(p.section.marker.text.length) ?? '')).map((p) => p.section.start));
  const praiseAt = innermostAt([...walkSections(speech.sections)].filter((e) => e.section.kind === 'achievements').map((e) => e.section));
  const partAt = innermostAt(parts.map((p) => ({ start: p.section.start, end: p.section.end, part: p })));
  const out: ProblemStatement[] = [];
  for (const sentence of speech.sentences) {
    if (titles.has(sentence.start)) continue;
    // the innermost part, so that a sentence takes the context of its own numbered item
    const part = partAt(sentence.start)?.part;
    // the close (这些问题的产生……) speaks of all the items, not of the last one
    if (part) out.push(...finder.inPart(sentence, isProblemSummary(sentence.text, lexicon) ? undefined : part.context, sentence.start === part.section.start && !part.section.marker));
    else out.push(...finder.outsidePart(sentence, praiseAt(sentence.start) !== undefined));
  }
  return out;
}
