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
  /** The sentence that holds the clause; of a sentence over 2 × CONTEXT characters, the clause with CONTEXT either side, cut ends marked …. */
  sentence: string;
  /** The problem clause as written. */
  text: string;
  categories: string[];
  /** The defect predicate: 不够, 薄弱, 不规范 …; empty in a problems part when the clause names none. */
  cue: string;
  /** Why each category was chosen, in the order of `categories` (absent for `other`). */
  evidence?: Evidence[];
}

/**
 * Characters of a sentence kept on each side of its clause. A real sentence has a few hundred; one line
 * of 64 000 clauses without a full stop repeated the whole sentence in each finding: 41 G characters
 * of findings, and the disk filled.
 */
const CONTEXT = 300;

/** `speech.text[from, to)`, cut to CONTEXT characters before `start` and after `end` (never inside a surrogate pair). */
function around(text: string, from: number, to: number, start: number, end: number): string {
  if (to - from <= 2 * CONTEXT) return text.slice(from, to);
  const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
  const low = (i: number) => (i > 0 && isLow(text.charCodeAt(i)) ? i - 1 : i); // a cut never splits a surrogate pair
  const a = Math.max(from, low(start - CONTEXT));
  const b = Math.min(to, low(end + CONTEXT));
  return `${a > from ? '…' : ''}${text.slice(a, b)}${b < to ? '…' : ''}`;
}

interface Decision {
  categories: string[];
  evidence: Evidence[];
}

/** At most this many categories a finding: a clause has a topic or two, not a list. */
const MAX_CATEGORIES = 3;

function decide(sources: Array<[Match[], Evidence['source']]>): Decision {
  const out: Decision = { categories: [], evidence: [] };
  for (const [matches, source] of sources) {
    for (const m of matches) {
      if (out.categories.includes(m.id) || out.categories.length >= MAX_CATEGORIES) continue;
      out.categories.push(m.id);
      out.evidence.push({ source, term: m.term });
    }
  }
  return out;
}

const strong = (matches: Match[]) => matches.filter((m) => !m.weak);
const weak = (matches: Match[]) => matches.filter((m) => m.weak);

/**
 * The problem statements of one speech (src/speech/statements.ts) with their categories. A
 * clause's own terms decide, joined by the heading of the numbered item it stands under
 * (二是党务力量薄弱: the topic of every clause below it); a clause with no terms of its own takes
 * the finding before it in the same sentence (思路不活，点子不多 share a topic) before the heading;
 * failing all, the sentence's opening words, and last the weak words that only say where (社区, 企业).
 */
export function findProblems(speech: Speech, file: string, taxonomy: Taxonomy, lexicon: Lexicon): Finding[] {
  const findings: Finding[] = [];
  let previous: { sentence: number; decision: Decision } | undefined;
  const headings = new Map<string, Match[]>(); // every clause under 二是党务力量薄弱 asks about the same heading
  for (const statement of findProblemStatements(speech, lexicon)) {
    const sentence = speech.sentences[statement.sentence]!;
    const own = categorize(statement.text, taxonomy);
    const ownStrong = strong(own);
    if (ownStrong.length === 0 && statement.cue && taxonomy.generic.some((g) => g.test(statement.cue))) continue; // 还存在一些差距和不足
    const heading = statement.context ? headings.get(statement.context) ?? headings.set(statement.context, categorize(statement.context, taxonomy)).get(statement.context)! : [];
    const before = previous?.sentence === statement.sentence ? previous.decision : undefined;
    const inherited: Match[] = before ? before.categories.map((id, k) => ({ id, term: before.evidence[k]!.term, weak: false })) : [];
    let decided = decide([
      [ownStrong, 'text'],
      [ownStrong.length ? [] : inherited, 'previous'],
      [strong(heading), 'heading'],
    ]);
    if (decided.categories.length === 0) {
      // the sentence's opening words: at most CONTEXT characters before the clause, so a giant sentence stays linear
      const opening = categorize(speech.text.slice(Math.max(sentence.start, statement.start - CONTEXT), statement.start), taxonomy);
      decided = decide([
        [strong(opening), 'sentence'],
        [weak(own), 'text'],
        [weak(heading), 'heading'],
      ]);
    }
    findings.push(toFinding(speech, file, around(speech.text, sentence.start, sentence.end, statement.start, statement.end), statement, decided));
    if (decided.categories.length) previous = { sentence: statement.sentence, decision: decided };
  }
  return findings;
}

function toFinding(speech: Speech, file: string, sentence: string, statement: ProblemStatement, decided: Decision): Finding {
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
