import path from 'node:path';
import { compilePattern, escapeRegex, loadData, once, readYamlFile, type DataOf } from '../data/index.js';
import { userTaxonomySchema } from '../data/user-taxonomy.js';

/** The id of findings that fit no category: reported, never dropped. */
export const OTHER = 'other';
const OTHER_LABEL = '其他';

export interface Category {
  id: string;
  label: string;
  description: string;
  terms: string[];
  patterns: RegExp[];
  /** Words that only say where (社区, 企业, 精力): they decide when nothing else does. */
  weak: string[];
  /** Terms and patterns as one alternation: one scan per clause instead of one per term. */
  termsRe: RegExp | undefined;
  weakRe: RegExp | undefined;
}

const alternation = (terms: string[], patterns: RegExp[] = []) =>
  terms.length || patterns.length ? compilePattern([...terms.map(escapeRegex), ...patterns.map((p) => `(?:${p.source})`)].join('|'), 'u', '分类') : undefined;

export interface Taxonomy {
  categories: Category[];
  /** Problem-section sentences that talk about problems in general (存在一些差距和不足). */
  generic: RegExp[];
  labelOf(id: string): string;
}

type RawTaxonomy = DataOf<'taxonomy.yaml'>;

function readCategories(raw: RawTaxonomy, file: string): Category[] {
  return raw.categories.map((c) => {
    const patterns = c.patterns.map((p) => compilePattern(p, 'u', file));
    return { ...c, patterns, termsRe: alternation(c.terms, patterns), weakRe: alternation(c.weak) };
  });
}

/**
 * The shipped taxonomy (data/taxonomy.yaml), optionally extended by a user file: a category with
 * a known id replaces it, a new id is appended; `extends: false` replaces the whole list. The user
 * file is validated like the shipped one (errors at its line:col); the result is built once per file.
 */
export function loadTaxonomy(userFile?: string): Taxonomy {
  return once(`taxonomy:${userFile ? path.resolve(userFile) : ''}`, () => buildTaxonomy(userFile));
}

function buildTaxonomy(userFile: string | undefined): Taxonomy {
  const base = loadData('taxonomy.yaml');
  let categories = readCategories(base, 'taxonomy.yaml');
  let generic = base.generic ?? [];
  let genericFile = 'taxonomy.yaml';
  if (userFile) {
    const raw = readYamlFile(userFile, userTaxonomySchema, '分类文件');
    const own = readCategories(raw, userFile);
    if (raw.generic !== undefined && raw.generic !== null) {
      generic = raw.generic;
      genericFile = userFile;
    }
    if (raw.extends === false) categories = own;
    else {
      const byId = new Map(categories.map((c) => [c.id, c]));
      for (const c of own) byId.set(c.id, c);
      categories = [...byId.values()];
    }
  }
  const labels = new Map(categories.map((c) => [c.id, c.label]));
  return {
    categories,
    generic: generic.map((g) => compilePattern(g, 'u', genericFile)),
    labelOf: (id) => labels.get(id) ?? (id === OTHER ? OTHER_LABEL : id),
  };
}

/** A category that fits a text, with the term (or the text a pattern matched) that decided it. */
export interface Match {
  id: string;
  term: string;
  /** True when only a weak term (社区, 企业 …) matched. */
  weak: boolean;
}

/** The categories whose terms or patterns occur in `text`, in taxonomy order; weak-only matches are marked. */
export function categorize(text: string, taxonomy: Taxonomy): Match[] {
  const plain = text.replace(/[“”"‘’「」]/gu, '');
  const out: Match[] = [];
  for (const c of taxonomy.categories) {
    const term = c.termsRe?.exec(plain)?.[0];
    if (term !== undefined) out.push({ id: c.id, term, weak: false });
    else {
      const weak = c.weakRe?.exec(plain)?.[0];
      if (weak !== undefined) out.push({ id: c.id, term: weak, weak: true });
    }
  }
  return out;
}
