import type { Lexicon } from '../speech/lexicon.js';
import { findProblemStatements, type ProblemStatement } from '../speech/statements.js';
import type { Speech } from '../speech/types.js';
import { OTHER, categorize, type Match, type Taxonomy } from './taxonomy.js';

/** What decided a finding's category: a term of the taxonomy, where it was found. */
export interface Evidence {
  /** `text`: the clause itself; `sentence`: the clauses before it; `heading`: its numbered item's heading; `previous`: the finding before it in the sentence. */
  source: 'text' | 'sentence' | 'heading' | 'previous';
  /** The taxonomy term or pattern that matched, as written in the text. */
  term: string;
}

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
  /** The defect predicate: 不够, 薄弱, 不规范 …; empty in a problems part when the clause names none. */
  cue: string;
  /** Why each category was chosen, in the order of `categories` (absent for `other`). */
  evidence?: Evidence[];
}

const evidenceOf = (matches: Match[], source: Evidence['source']) => ({ categories: matches.map((m) => m.id), evidence: matches.map((m) => ({ source, term: m.term })) });

/**
 * The problem statements of one speech (src/speech/statements.ts) with their categories. The
 * clause decides its category by its own words; failing that, the clause before it in the same
 * sentence (思路不活，点子不多 share a topic), the sentence's opening words, then the heading
 * of the numbered item it stands under (二是党务力量薄弱).
 */
export function findProblems(speech: Speech, file: string, taxonomy: Taxonomy, lexicon: Lexicon): Finding[] {
  const findings: Finding[] = [];
  let previous: { sentence: number; categories: string[]; evidence: Evidence[] } | undefined;
  for (const statement of findProblemStatements(speech, lexicon)) {
    const sentence = speech.sentences[statement.sentence]!;
    let decided = evidenceOf(categorize(statement.text, taxonomy), 'text');
    if (decided.categories.length === 0 && statement.cue && taxonomy.generic.some((g) => g.test(statement.cue))) continue; // 还存在一些差距和不足
    if (decided.categories.length === 0 && previous?.sentence === statement.sentence) decided = { categories: previous.categories, evidence: previous.evidence.map((e) => ({ ...e, source: 'previous' })) };
    if (decided.categories.length === 0) decided = evidenceOf(categorize(speech.text.slice(sentence.start, statement.start), taxonomy), 'sentence');
    if (decided.categories.length === 0 && statement.context) decided = evidenceOf(categorize(statement.context, taxonomy), 'heading');
    findings.push(toFinding(speech, file, sentence.text, statement, decided));
    if (decided.categories.length) previous = { sentence: statement.sentence, ...decided };
  }
  return findings;
}

function toFinding(speech: Speech, file: string, sentence: string, statement: ProblemStatement, decided: { categories: string[]; evidence: Evidence[] }): Finding {
  const { line, column } = speech.position(statement.start);
  const categorized = decided.categories.length > 0;
  return {
    file,
    line,
    column,
    sentence,
    text: statement.text,
    categories: categorized ? decided.categories : [OTHER],
    cue: statement.cue,
    ...(categorized ? { evidence: decided.evidence } : {}),
  };
}
