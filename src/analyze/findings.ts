import { findPredicate, isDirective, isProblemSummary } from '../speech/problems.js';
import type { Lexicon } from '../speech/lexicon.js';
import type { Clause, Section, Speech } from '../speech/types.js';
import { walkSections } from '../speech/walk.js';
import { OTHER, classify, type Taxonomy } from './taxonomy.js';

/** One problem statement: a clause (or a run of clauses) with its position. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  /** The whole sentence that holds the clause. */
  sentence: string;
  /** The problem clause as written. */
  text: string;
  categories: string[];
  /** The defect predicate: 不够, 薄弱, 不规范 …. */
  cue: string;
}

/** Problem sections with, for each, the innermost numbered heading (一是责任意识不强) as context. */
function problemSpans(speech: Speech): Array<{ section: Section; context?: string }> {
  const spans: Array<{ section: Section; context?: string }> = [];
  for (const { section, parent } of walkSections(speech.sections)) {
    if (section.kind !== 'problems') continue;
    const context = section.marker ? section.heading : parent?.kind === 'problems' && parent.marker ? parent.heading : undefined;
    spans.push({ section, ...(context ? { context } : {}) });
  }
  return spans;
}

/**
 * The problem statements of one speech: only inside the sections the speech model marks as
 * problems (the problems part, a reporter's 存在的主要问题是, problem spans inside opinions).
 * Each clause with a defect predicate is a finding; subjects listed before it with 、 belong
 * to it (重要性、紧迫性、艰巨性认识不足), and a fixed shape may span two clauses (重形式、轻实效).
 */
export function findProblems(speech: Speech, file: string, taxonomy: Taxonomy, lexicon: Lexicon): Finding[] {
  const findings: Finding[] = [];
  const markerEnd = new Map(speech.markers.map((m) => [m.start, m.end]));
  const seen = new Set<number>();
  // innermost span first, so a sentence takes the context of its numbered item
  const spans = problemSpans(speech).sort((a, b) => b.section.start - a.section.start || a.section.end - b.section.end);
  const contextOf = (offset: number) => spans.find((s) => s.section.start <= offset && offset < s.section.end)?.context;
  const sentences = speech.sentences.filter((s) => spans.some((p) => p.section.start <= s.start && s.start < p.section.end));
  for (const sentence of sentences) {
    if (seen.has(sentence.index)) continue;
    seen.add(sentence.index);
    const clauses = sentence.clauses;
    let consumed = 0; // clauses before this index already belong to a finding
    let previous: string[] = []; // categories of the last finding in this sentence: 思路不活，点子不多 share a topic
    for (let i = 0; i < clauses.length; i++) {
      const clause = clauses[i] as Clause;
      let last = i;
      let predicate = findPredicate(clause.text, lexicon);
      const next = clauses[i + 1];
      if (!predicate && next) {
        // 重形式、轻实效 / 喊口号多、抓落实少: a shape across two clauses
        const joined = speech.text.slice(clause.start, next.end);
        const p = findPredicate(joined, lexicon);
        if (p && p.index < clause.text.length && p.index + p.cue.length > next.start - clause.start) {
          predicate = p;
          last = i + 1;
        }
      }
      if (!predicate || isDirective(clause.text, lexicon) || isProblemSummary(clause.text, lexicon)) continue;
      // subjects enumerated with 、 before the predicate clause
      let first = i;
      while (first > consumed && speech.text[(clauses[first] as Clause).start - 1] === '、') first--;
      let start = (clauses[first] as Clause).start;
      start = markerEnd.get(start) ?? start;
      const end = (clauses[last] as Clause).end;
      const text = speech.text.slice(start, end);
      let categories = classify(text, taxonomy);
      if (categories.length === 0 && taxonomy.generic.some((g) => g.test((predicate as { cue: string }).cue))) {
        consumed = last + 1;
        i = last;
        continue; // 还存在一些差距和不足: talk about problems, not one
      }
      if (categories.length === 0) categories = previous;
      if (categories.length === 0) categories = classify(speech.text.slice(sentence.start, start), taxonomy);
      if (categories.length === 0) categories = classify(contextOf(sentence.start) ?? '', taxonomy);
      const { line, column } = speech.position(start);
      findings.push({ file, line, column, sentence: sentence.text, text, categories: categories.length ? categories : [OTHER], cue: predicate.cue });
      previous = categories;
      consumed = last + 1;
      i = last;
    }
  }
  return findings;
}
