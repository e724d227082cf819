import { anyOf, compilePattern, DATA_DIR, loadData, once } from '../data/index.js';
import { CUE_NAMES, type CueName } from '../data/schemas.js';
import { WordList } from './words.js';
import type { SectionKind, SeriesFamily, SeriesId, SpeechKind } from './types.js';

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
  /** A marker of a series that stands at a paragraph's start (一、 （一） 1. （1）: `line: true`). */
  lineMarker: RegExp;
  kinds: KindDef[];
  lookalikes: string[];
  /** data/cues.yaml: one expression per cue. */
  cues: Record<CueName, RegExp>;
  problem: {
    predicates: RegExp;
    /** Global versions, to scan a whole sentence at once. */
    predicatesAll: RegExp;
    evaluativeAll: RegExp;
    rhetorical: RegExp;
    /** Global version, to mask every rhetorical 不 in a clause. */
    rhetoricalAll: RegExp;
    assertive: RegExp;
    /** The modal 要 (要加强), not the 要 of 重要 / 主要 / 需要 / 要求. */
    modal: RegExp;
    /** Opens with a directive word or the modal 要. */
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

/**
 * Numbering series as one pattern source, for code that needs "a marker here" (a colon before an
 * enumeration, a typed number in a draft title): each series anchored at the start as in
 * data/numbering.yaml, named groups made plain (a name cannot repeat in one expression).
 */
export function seriesSource(series: readonly SeriesDef[], keep: (series: SeriesDef) => boolean = () => true): string {
  return series
    .filter(keep)
    .map((s) => `(?:${s.pattern.source.replace(/\(\?<\w+>/gu, '(?:')})`)
    .join('|');
}

/** The speech lexicons (data/numbering.yaml, cues.yaml, problem-cues.yaml, kinds.yaml), compiled once per process and folder. */
export function loadLexicon(dir = DATA_DIR): Lexicon {
  return once(`lexicon:${dir}`, () => buildLexicon(dir));
}

function buildLexicon(dir: string): Lexicon {
  const numbering = loadData('numbering.yaml', dir);
  const cues = loadData('cues.yaml', dir);
  const problems = loadData('problem-cues.yaml', dir);
  const kinds = loadData('kinds.yaml', dir);
  const one = (source: string, file: string, flags = 'u') => compilePattern(source, flags, file);
  const all = (sources: readonly string[], file: string, flags = 'u') => anyOf(sources, flags, file);
  const cue = (value: string | string[]) => (Array.isArray(value) ? all(value, 'cues.yaml') : one(value, 'cues.yaml'));
  const series: SeriesDef[] = numbering.series.map((s) => ({ id: s.id as SeriesId, family: s.family, line: s.line, pattern: one(s.pattern, 'numbering.yaml'), ...(s.words ? { words: s.words } : {}) }));
  return {
    series,
    leadingMarker: one(seriesSource(series), 'numbering.yaml'),
    lineMarker: one(seriesSource(series, (s) => s.line), 'numbering.yaml'),
    lookalikes: numbering.lookalikes,
    kinds: kinds.kinds.map((k) => ({
      id: k.id,
      label: k.label,
      sections: k.sections,
      ...(k.title ? { title: one(k.title, 'kinds.yaml') } : {}),
      ...(k.opening ? { opening: one(k.opening, 'kinds.yaml') } : {}),
    })),
    cues: {
      ...(Object.fromEntries(CUE_NAMES.map((name) => [name, cue(cues[name])])) as Record<CueName, RegExp>),
      headingDirective: all([...[cues.headingDirective].flat(), problems.modal], 'cues.yaml'),
    },
    problem: {
      predicates: all(problems.predicates, 'problem-cues.yaml'),
      rhetorical: all(problems.rhetorical, 'problem-cues.yaml'),
      predicatesAll: all(problems.predicates, 'problem-cues.yaml', 'gu'),
      evaluativeAll: all(problems.evaluative, 'problem-cues.yaml', 'gu'),
      rhetoricalAll: all(problems.rhetorical, 'problem-cues.yaml', 'gu'),
      assertive: all(problems.assertive, 'problem-cues.yaml'),
      modal: one(problems.modal, 'problem-cues.yaml'),
      directive: all([`^(?:${problems.modal})`, ...problems.directive], 'problem-cues.yaml'),
      summary: all(problems.summary, 'problem-cues.yaml'),
      frames: all(problems.frames, 'problem-cues.yaml'),
      leadIns: all(problems.leadIns, 'problem-cues.yaml'),
      generic: all(problems.generic, 'problem-cues.yaml'),
      concessive: all(problems.concessive, 'problem-cues.yaml'),
      idioms: new WordList(problems.idioms),
      targeted: one(problems.targeted, 'problem-cues.yaml'),
      past: one(problems.past, 'problem-cues.yaml'),
      present: one(problems.present, 'problem-cues.yaml'),
      interrogative: one(problems.interrogative, 'problem-cues.yaml'),
    },
  };
}
