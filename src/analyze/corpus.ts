import { existsSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { isJianghuaError, JianghuaError } from '../errors.js';
import { readTextFileSync } from '../io/read-text.js';
import { MAX_AUX_BYTES } from '../io/read-file.js';
import { parseYamlStrict } from '../io/yaml.js';
import { inferLevel, kindId, levelId } from './labels.js';

/** Fields `--by` can group on. */
export const GROUP_FIELDS = ['title', 'level', 'kind', 'year'] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

export interface DocumentMeta {
  title: string;
  level?: string;
  year?: string;
  kind?: string;
  [key: string]: string | undefined;
}


/** From a name like 2022_某县_述职评议.txt: year and level, title = the name itself. */
function metaFromName(file: string, title?: string): DocumentMeta {
  const name = path.basename(file).replace(/\.[^.]+$/u, '');
  const meta: DocumentMeta = { title: title ?? name };
  const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/u;
  const year = YEAR.exec(name) ?? (title ? YEAR.exec(title) : null);
  if (year) meta.year = year[0];
  const source = `${name} ${title ?? ''}`;
  const level = inferLevel(source);
  if (level) meta.level = level;
  return meta;
}

type Table = Map<string, Record<string, string>>;
const tables = new Map<string, Table | null>();
/** corpus.yaml files that could not be used, by folder: reported once by corpusProblems, never blamed on the speeches. */
const problems = new Map<string, JianghuaError>();

/** corpus.yaml: `documents:` as a map file → fields, or a list of { file, ...fields }. */
function parseCorpusYaml(file: string): Table {
  const { data } = parseYamlStrict(readTextFileSync(file, { what: 'corpus.yaml', maxBytes: MAX_AUX_BYTES }).text, file, 'corpus.yaml 是空的（应有 documents：文件名 → 字段）');
  const docs = (data as { documents?: unknown } | null)?.documents;
  const table: Table = new Map();
  const put = (name: unknown, fields: unknown) => {
    if (typeof name !== 'string' || !fields || typeof fields !== 'object') return;
    const clean: Record<string, string> = {};
    for (const [k, v] of Object.entries(fields)) if (v !== null && v !== undefined && k !== 'file') clean[k] = String(v);
    table.set(name, clean);
  };
  if (Array.isArray(docs)) for (const d of docs) put((d as { file?: unknown }).file, d);
  else if (docs && typeof docs === 'object') for (const [k, v] of Object.entries(docs)) put(k, v);
  else throw new JianghuaError('config', 'corpus.yaml 应有 documents（文件名 → 字段）', { file });
  return table;
}

/**
 * The folder's corpus.yaml, read once. One that cannot be used (broken YAML, a FIFO, a device,
 * too large) is remembered as a problem and the folder's speeches fall back to their file names.
 */
function readCorpusYaml(dir: string): Table | null {
  if (tables.has(dir)) return tables.get(dir) ?? null;
  const file = path.join(dir, 'corpus.yaml');
  let table: Table | null = null;
  // lstat-free existence test: a dangling link or a FIFO is there, and reported as what it is
  if (existsSync(file) || isLink(file)) {
    try {
      table = parseCorpusYaml(file);
    } catch (error) {
      if (!isJianghuaError(error)) throw error;
      problems.set(dir, error);
    }
  }
  tables.set(dir, table);
  return table;
}

const isLink = (file: string) => {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
};

/** The folders a file's metadata is looked up in: its own and up to seven above. */
function folders(file: string): string[] {
  const out: string[] = [];
  let dir = path.dirname(path.resolve(file));
  for (let depth = 0; depth < 8; depth++) {
    out.push(dir);
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return out;
}

/** Every corpus.yaml the files' metadata would come from that cannot be used, once each (for warnings before a run). */
export function corpusProblems(files: readonly string[]): JianghuaError[] {
  const seen = new Set<string>();
  const out: JianghuaError[] = [];
  for (const file of files) {
    for (const dir of folders(file)) {
      if (seen.has(dir)) continue;
      seen.add(dir);
      readCorpusYaml(dir);
      const problem = problems.get(dir);
      if (problem) out.push(problem);
    }
  }
  return out;
}

/** Level and kind as ids, however corpus.yaml spells them. */
function normalised(meta: DocumentMeta): DocumentMeta {
  if (meta.level !== undefined) meta.level = levelId(meta.level);
  if (meta.kind !== undefined) meta.kind = kindId(meta.kind);
  return meta;
}

/** Metadata of one file: its folder's (or an ancestor's) corpus.yaml entry, else its name. */
export function documentMeta(file: string, title?: string): DocumentMeta {
  const fallback = metaFromName(file, title);
  for (const dir of folders(file)) {
    const table = readCorpusYaml(dir);
    const rel = path.relative(dir, path.resolve(file)).split(path.sep).join('/');
    const entry = table?.get(rel) ?? table?.get(path.basename(file));
    if (entry) return normalised({ ...fallback, ...entry });
  }
  return fallback;
}
