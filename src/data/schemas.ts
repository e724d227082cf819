/**
 * The shape of every file under data/ (and of a user's --taxonomy file): what a user extending
 * them may write. Objects are strict, so a misspelled key is an error at its line, not ignored.
 */
import { z } from 'zod';
import type { SectionKind, SeriesFamily, SpeechKind } from '../speech/types.js';
import { patternProblem } from './regex.js';

/**
 * A JavaScript regular expression with the u flag, in a data file or a rule option: checked when
 * read (so the error points at the entry), not when first run.
 */
export const pattern = () =>
  z.string().min(1).superRefine((source, ctx) => {
    const problem = patternProblem(source);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `“${source}”不是有效的正则表达式（${problem}）` });
  });
const patterns = z.array(pattern());
/** One pattern or a list of alternatives. */
const cue = z.union([pattern(), patterns]);
const words = z.array(z.string());

const FAMILIES = ['heading', 'paren-cn', 'arabic', 'paren-arabic', 'ordinal', 'di', 'sequence', 'agenda'] as const satisfies readonly SeriesFamily[];
const SECTION_KINDS = ['opening', 'achievements', 'problems', 'opinions', 'closing', 'agenda', 'review', 'other'] as const satisfies readonly SectionKind[];
/** Every kind of speech the model tells apart; a rule that applies to any speech lists these. */
export const SPEECH_KINDS = ['summary-speech', 'host-script', 'review', 'report', 'progress-meeting', 'work-meeting', 'self-inspection'] as const satisfies readonly SpeechKind[];

export const numberingSchema = z.strictObject({
  series: z.array(
    z.strictObject({
      id: z.string(),
      family: z.enum(FAMILIES),
      line: z.boolean().default(false),
      pattern: pattern(),
      /** Series of words rather than numerals (首先 1, 其次 2 …). */
      words: z.record(z.string(), z.number().int().nonnegative()).optional(),
    }),
  ),
  lookalikes: words,
});

export const CUE_NAMES = [
  'salutation', 'title', 'opening', 'achievements', 'achievementsExclude', 'achievementsLead', 'problems', 'problemsExclude', 'problemsEnd',
  'transition', 'closingStart', 'closing', 'agendaItem', 'agendaSummary', 'report', 'address', 'writtenReport',
  'stageDirection', 'reviewProblems', 'reviewHopes', 'reviewTurn', 'headingAchievements', 'headingProblems', 'headingDirective',
] as const;
export type CueName = (typeof CUE_NAMES)[number];
export const cuesSchema = z.strictObject(Object.fromEntries(CUE_NAMES.map((n) => [n, cue])) as Record<CueName, typeof cue>);

export const problemCuesSchema = z.strictObject({
  predicates: patterns,
  rhetorical: patterns,
  assertive: patterns,
  directive: patterns,
  summary: patterns,
  frames: patterns,
  leadIns: patterns,
  generic: patterns,
  concessive: patterns,
  evaluative: patterns,
  /** The modal 要 (要加强), written once: directive and cues.yaml's headingDirective include it. */
  modal: pattern(),
  /** Literal words; a bare number in YAML still means its digits. */
  idioms: z.array(z.union([z.string(), z.number()]).transform(String)),
  targeted: pattern(),
  past: pattern(),
  present: pattern(),
  interrogative: pattern(),
});

export const kindsSchema = z.strictObject({
  kinds: z.array(
    z.strictObject({
      id: z.enum(SPEECH_KINDS),
      label: z.string(),
      title: pattern().optional(),
      opening: pattern().optional(),
      sections: z.array(z.enum(SECTION_KINDS)).default([]),
    }),
  ),
});

const categoryOf = (p: typeof pattern) =>
  z.strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/u, { error: '应为小写英文 id（如 party-dues）' }),
    label: z.string(),
    description: z.string().default(''),
    terms: words.nullish().transform((v) => v ?? []),
    patterns: z.array(p()).nullish().transform((v) => v ?? []),
    weak: words.nullish().transform((v) => v ?? []),
  });
export const taxonomyOf = (p: typeof pattern) =>
  z.strictObject({
    /** In a user file: false replaces the shipped categories instead of extending them. */
    extends: z.boolean().optional(),
    generic: z.array(p()).nullish(),
    categories: z.array(categoryOf(p)),
  });
export const taxonomySchema = taxonomyOf(pattern);

export const stockPhrasesSchema = z.strictObject({
  minLength: z.number().int().positive(),
  maxLength: z.number().int().positive(),
  minDocuments: z.number().int().positive(),
  maxTracked: z.number().int().positive(),
  /** A phrase whose rarest content word occurs outside it more often than this share is a topic. */
  minCohesion: z.number().min(0).max(1),
  /** A compound of this many content words at most, this short, is a term (经济发展), not a formula. */
  nounCompound: z.strictObject({ maxTokens: z.number().int().positive(), maxLength: z.number().int().positive() }),
  topics: words,
  edgeChars: z.string(),
  families: z.array(z.strictObject({ id: z.string(), label: z.string(), pattern: pattern() })),
  parallel: z.strictObject({ label: z.string(), minRun: z.number().int().positive(), affixLength: z.number().int().positive(), ignore: words }),
});

export const keywordsSchema = z.strictObject({
  /** jieba part-of-speech tags of content words. */
  contentTags: words,
  minCount: z.number().int().positive(),
});

export const levelsSchema = z.strictObject({
  levels: z.array(z.strictObject({ id: z.string(), label: z.string(), names: words, pattern: pattern() })),
});

export const draftSchema = z.strictObject({
  scopes: z.array(z.strictObject({ suffix: z.string(), unit: z.string() })),
  default: z.string(),
  terminal: z.string(),
});

export const placeholdersSchema = z.strictObject({
  patterns: z.array(z.strictObject({ pattern: pattern(), label: z.string() })),
});

export const announcedCountsSchema = z.strictObject({
  announcements: z.array(z.strictObject({ pattern: pattern(), section: z.enum(['opinions', 'agenda']) })),
});

/** A term entry, in data/canonical-terms.yaml and in the canonical-term rule's `terms` option. */
export const termSchema = z.strictObject({
  find: pattern(),
  write: z.string().min(1).describe('规范写法；{{term}} 代表原文'),
  before: pattern().optional(),
  after: pattern().optional(),
  quoted: z.boolean().optional(),
  first: z.boolean().optional(),
  mixed: z.boolean().optional(),
  /** Checked only where the match is followed by this (不忘初心、牢记使命 only as 主题教育's name). */
  followedBy: pattern().optional(),
  /** false when the write-up is advice rather than a certain replacement. */
  fix: z.boolean().optional(),
  note: z.string().optional(),
});
export const canonicalTermsSchema = z.strictObject({ terms: z.array(termSchema) });

/** A date fact, in data/date-facts.yaml and in the date-fact rule's `facts` option. */
export const dateFactSchema = z
  .strictObject({
    name: z.string().min(1),
    pattern: pattern(),
    /** The year the phrase is bound to … */
    year: z.number().int().optional(),
    /** … or, for anniversaries, the founding year: year = base + the pattern's n group. */
    base: z.number().int().optional(),
  })
  .refine((f) => f.year !== undefined || f.base !== undefined, { message: '应有 year（年份）或 base（周年的起始年）' });
export const dateFactsSchema = z.strictObject({ facts: z.array(dateFactSchema) });

export const adverbialDeSchema = z.strictObject({
  modifiers: words,
  verbs: words,
  /** Leads that make the phrase a noun (……化的建设). */
  nominalizers: words.default([]),
  /** Words after the verb that make it a noun phrase. */
  nounsAfter: words.default([]),
});

/** templates/index.yaml: the built-in templates and what each kind of speech requires. */
export const templateCatalogSchema = z.strictObject({
  templates: z.array(z.strictObject({ name: z.string(), kind: z.string(), file: z.string(), description: z.string() })),
  kinds: z.record(z.string(), z.strictObject({ requires: z.record(z.string(), z.string()) })),
});

/** Every data/*.yaml the code reads, by file name. */
export const DATA_SCHEMAS = {
  'numbering.yaml': numberingSchema,
  'cues.yaml': cuesSchema,
  'problem-cues.yaml': problemCuesSchema,
  'kinds.yaml': kindsSchema,
  'taxonomy.yaml': taxonomySchema,
  'stock-phrases.yaml': stockPhrasesSchema,
  'keywords.yaml': keywordsSchema,
  'levels.yaml': levelsSchema,
  'draft.yaml': draftSchema,
  'placeholders.yaml': placeholdersSchema,
  'announced-counts.yaml': announcedCountsSchema,
  'canonical-terms.yaml': canonicalTermsSchema,
  'date-facts.yaml': dateFactsSchema,
  'adverbial-de.yaml': adverbialDeSchema,
} as const;
export type DataName = keyof typeof DATA_SCHEMAS;
export type DataOf<N extends DataName> = z.output<(typeof DATA_SCHEMAS)[N]>;
