import { readTextFileSync } from '../io/read-text.js';
import { MAX_AUX_BYTES } from '../io/read-file.js';
import { parseYamlStrict } from '../io/yaml.js';
import path from 'node:path';
import { JianghuaError } from '../errors.js';
import { DATA_DIR, loadDataFile } from '../speech/lexicon.js';

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

const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const alternation = (terms: string[], patterns: RegExp[] = []) => (terms.length || patterns.length ? new RegExp([...terms.map(escape), ...patterns.map((p) => `(?:${p.source})`)].join('|'), 'u') : undefined);

export interface Taxonomy {
  categories: Category[];
  /** Problem-section sentences that talk about problems in general (存在一些差距和不足). */
  generic: RegExp[];
  labelOf(id: string): string;
}

interface RawCategory {
  id?: unknown;
  label?: unknown;
  description?: unknown;
  terms?: unknown;
  patterns?: unknown;
  weak?: unknown;
}
interface RawTaxonomy {
  extends?: boolean;
  generic?: unknown;
  categories?: unknown;
}

function strings(value: unknown, where: string, file: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new JianghuaError('config', `分类文件中 ${where} 应为字符串列表`, { file });
  }
  return value as string[];
}

function regex(source: string, file: string): RegExp {
  try {
    return new RegExp(source, 'u');
  } catch (error) {
    throw new JianghuaError('config', `正则表达式无效：${source}（${(error as Error).message}）`, { file });
  }
}

function readCategories(raw: RawTaxonomy, file: string): Category[] {
  if (!Array.isArray(raw.categories)) throw new JianghuaError('config', '分类文件缺少 categories 列表', { file });
  return (raw.categories as RawCategory[]).map((c, i) => {
    if (typeof c?.id !== 'string' || !/^[a-z][a-z0-9-]*$/u.test(c.id)) {
      throw new JianghuaError('config', `categories[${i}].id 应为小写英文 id（如 party-dues）`, { file });
    }
    if (typeof c.label !== 'string') throw new JianghuaError('config', `categories[${i}].label 应为中文标签`, { file });
    return {
      id: c.id,
      label: c.label,
      description: typeof c.description === 'string' ? c.description : '',
      terms: strings(c.terms, `categories[${i}].terms`, file),
      patterns: strings(c.patterns, `categories[${i}].patterns`, file).map((p) => regex(p, file)),
      weak: strings(c.weak, `categories[${i}].weak`, file),
    };
  }).map((c) => ({ ...c, termsRe: alternation(c.terms, c.patterns), weakRe: alternation(c.weak) }));
}

function readRaw(file: string): RawTaxonomy {
  const raw = loadDataFile<RawTaxonomy | null>(path.basename(file), path.dirname(file));
  if (!raw || typeof raw !== 'object') throw new JianghuaError('config', '分类文件是空的或格式不对', { file });
  return raw;
}

/** A user's --taxonomy file, through the guarded reader (regular file, size) and the strict YAML reader. */
function readUserTaxonomy(file: string): RawTaxonomy {
  const { text } = readTextFileSync(file, { what: '分类文件', maxBytes: MAX_AUX_BYTES });
  const { data } = parseYamlStrict(text, file, '分类文件是空的');
  if (typeof data !== 'object' || Array.isArray(data)) throw new JianghuaError('config', '分类文件是空的或格式不对', { file });
  return data as RawTaxonomy;
}

/**
 * The shipped taxonomy (data/taxonomy.yaml), optionally extended by a user file: a category with
 * a known id replaces it, a new id is appended; `extends: false` replaces the whole list.
 */
export function loadTaxonomy(userFile?: string): Taxonomy {
  const base = readRaw(`${DATA_DIR}taxonomy.yaml`);
  let categories = readCategories(base, 'taxonomy.yaml');
  let generic = strings(base.generic, 'generic', 'taxonomy.yaml');
  if (userFile) {
    const raw = readUserTaxonomy(userFile);
    const own = readCategories(raw, userFile);
    if (raw.generic !== undefined) generic = strings(raw.generic, 'generic', userFile);
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
    generic: generic.map((g) => regex(g, 'taxonomy.yaml')),
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
