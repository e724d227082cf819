import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { JianghuaError } from '../errors.js';
import { WordList } from './words.js';
import type { SectionKind, SeriesFamily, SeriesId, SpeechKind } from './types.js';

/** The shipped data folder (`data/` beside `src/` and `dist/`). */
export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

/** Read one YAML data file; a broken file is a clear error naming it. */
export function loadDataFile<T>(name: string, dir = DATA_DIR): T {
  const file = `${dir}${dir.endsWith('/') ? '' : '/'}${name}`;
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new JianghuaError('config', `无法读取数据文件：${(error as Error).message}`, { file });
  }
  try {
    return parse(source) as T;
  } catch (error) {
    const e = error as { message: string; linePos?: Array<{ line: number; col: number }> };
    throw new JianghuaError('yaml-syntax', `数据文件格式错误：${e.message}`, { file, line: e.linePos?.[0]?.line, column: e.linePos?.[0]?.col });
  }
}

function regex(source: string, file: string, flags = 'u'): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new JianghuaError('config', `正则表达式无效：${source}（${(error as Error).message}）`, { file });
  }
}

const anyOf = (sources: string[], file: string) => regex(sources.map((s) => `(?:${s})`).join('|'), file);

export interface SeriesDef {
  id: SeriesId;
  family: SeriesFamily;
  line: boolean;
  pattern: RegExp;
  words?: Record<string, number>;
}

export interface KindDef {
  id: SpeechKind;
  label: string;
  /** Said in the title (述职报告, 推进会). */
  title?: RegExp;
  /** Said in the first paragraphs (今天召开……推进会). */
  opening?: RegExp;
  /** The parts `required-sections` asks of this kind. */
  sections: SectionKind[];
}

export interface Lexicon {
  series: SeriesDef[];
  /** Any series' marker at the start of a text (一是 / （二） / 第三，), from the same patterns. */
  leadingMarker: RegExp;
  kinds: KindDef[];
  lookalikes: string[];
  cues: {
    salutation: RegExp;
    title: RegExp;
    opening: RegExp;
    achievements: RegExp;
    achievementsExclude: RegExp;
    achievementsLead: RegExp;
    problems: RegExp;
    problemsExclude: RegExp;
    problemsEnd: RegExp;
    transition: RegExp;
    closingStart: RegExp;
    closing: RegExp;
    agendaItem: RegExp;
    agendaOverview: RegExp;
    agendaSummary: RegExp;
    report: RegExp;
    address: RegExp;
    writtenReport: RegExp;
    stageDirection: RegExp;
    reviewProblems: RegExp;
    reviewHopes: RegExp;
    reviewTurn: RegExp;
    headingAchievements: RegExp;
    headingProblems: RegExp;
    headingDirective: RegExp;
  };
  problem: {
    predicates: RegExp;
    /** Global versions, to scan a whole sentence at once. */
    predicatesAll: RegExp;
    evaluativeAll: RegExp;
    rhetorical: RegExp;
    /** Global version, to mask every rhetorical 不 in a clause. */
    rhetoricalAll: RegExp;
    assertive: RegExp;
    directive: RegExp;
    summary: RegExp;
    frames: RegExp;
    leadIns: RegExp;
    generic: RegExp;
    concessive: RegExp;
    /** Idioms and state words, matched as literal words. */
    idioms: WordList;
    targeted: RegExp;
    past: RegExp;
    present: RegExp;
    interrogative: RegExp;
  };
}

interface RawNumbering {
  series: Array<{ id: SeriesId; family: SeriesFamily; line?: boolean; pattern: string; words?: Record<string, number> }>;
  lookalikes: string[];
}
type RawCues = Record<string, string | string[]>;
interface RawKinds {
  kinds: Array<{ id: SpeechKind; label: string; title?: string; opening?: string; sections?: SectionKind[] }>;
}
type RawProblems = Record<'predicates' | 'rhetorical' | 'assertive' | 'directive' | 'summary' | 'frames' | 'leadIns' | 'generic' | 'concessive' | 'evaluative' | 'idioms', string[]> & Record<'targeted' | 'past' | 'present' | 'interrogative', string>;

let cached: Lexicon | undefined;

/** The lexicons under `data/`, parsed once per process. */
export function loadLexicon(dir = DATA_DIR): Lexicon {
  if (cached && dir === DATA_DIR) return cached;
  const numbering = loadDataFile<RawNumbering>('numbering.yaml', dir);
  const cues = loadDataFile<RawCues>('cues.yaml', dir);
  const problems = loadDataFile<RawProblems>('problem-cues.yaml', dir);
  const kinds = loadDataFile<RawKinds>('kinds.yaml', dir);
  const cue = (key: string): RegExp => {
    const value = cues[key];
    if (value === undefined) throw new JianghuaError('config', `cues.yaml 缺少 ${key}`, { file: `${dir}cues.yaml` });
    return Array.isArray(value) ? anyOf(value, 'cues.yaml') : regex(value, 'cues.yaml');
  };
  const lexicon: Lexicon = {
    series: numbering.series.map((s) => ({ ...s, line: s.line ?? false, pattern: regex(s.pattern, 'numbering.yaml') })),
    // one alternation of every series; group names cannot repeat in one expression
    leadingMarker: anyOf(numbering.series.map((s) => s.pattern.replace(/\(\?<\w+>/gu, '(?:')), 'numbering.yaml'),
    lookalikes: numbering.lookalikes,
    kinds: kinds.kinds.map((k) => ({
      id: k.id,
      label: k.label,
      sections: k.sections ?? [],
      ...(k.title ? { title: regex(k.title, 'kinds.yaml') } : {}),
      ...(k.opening ? { opening: regex(k.opening, 'kinds.yaml') } : {}),
    })),
    cues: {
      salutation: cue('salutation'),
      title: cue('title'),
      opening: cue('opening'),
      achievements: cue('achievements'),
      achievementsExclude: cue('achievementsExclude'),
      achievementsLead: cue('achievementsLead'),
      problems: cue('problems'),
      problemsExclude: cue('problemsExclude'),
      problemsEnd: cue('problemsEnd'),
      transition: cue('transition'),
      closingStart: cue('closingStart'),
      closing: cue('closing'),
      agendaItem: cue('agendaItem'),
      agendaOverview: cue('agendaOverview'),
      agendaSummary: cue('agendaSummary'),
      report: cue('report'),
      address: cue('address'),
      writtenReport: cue('writtenReport'),
      stageDirection: cue('stageDirection'),
      reviewProblems: cue('reviewProblems'),
      reviewHopes: cue('reviewHopes'),
      reviewTurn: cue('reviewTurn'),
      headingAchievements: cue('headingAchievements'),
      headingProblems: cue('headingProblems'),
      headingDirective: cue('headingDirective'),
    },
    problem: {
      predicates: anyOf(problems.predicates, 'problem-cues.yaml'),
      rhetorical: anyOf(problems.rhetorical, 'problem-cues.yaml'),
      predicatesAll: regex(problems.predicates.map((s) => `(?:${s})`).join('|'), 'problem-cues.yaml', 'gu'),
      evaluativeAll: regex(problems.evaluative.map((s) => `(?:${s})`).join('|'), 'problem-cues.yaml', 'gu'),
      rhetoricalAll: regex(problems.rhetorical.map((s) => `(?:${s})`).join('|'), 'problem-cues.yaml', 'gu'),
      assertive: anyOf(problems.assertive, 'problem-cues.yaml'),
      directive: anyOf(problems.directive, 'problem-cues.yaml'),
      summary: anyOf(problems.summary, 'problem-cues.yaml'),
      frames: anyOf(problems.frames, 'problem-cues.yaml'),
      leadIns: anyOf(problems.leadIns, 'problem-cues.yaml'),
      generic: anyOf(problems.generic, 'problem-cues.yaml'),
      concessive: anyOf(problems.concessive, 'problem-cues.yaml'),
      idioms: new WordList(problems.idioms.map(String)),
      targeted: regex(problems.targeted, 'problem-cues.yaml'),
      past: regex(problems.past, 'problem-cues.yaml'),
      present: regex(problems.present, 'problem-cues.yaml'),
      interrogative: regex(problems.interrogative, 'problem-cues.yaml'),
    },
  };
  if (dir === DATA_DIR) cached = lexicon;
  return lexicon;
}
