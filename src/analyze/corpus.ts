import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { JianghuaError } from '../errors.js';
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

/** corpus.yaml: `documents:` as a map file → fields, or a list of { file, ...fields }. */
function readCorpusYaml(dir: string): Table | null {
  if (tables.has(dir)) return tables.get(dir) ?? null;
  const file = path.join(dir, 'corpus.yaml');
  let table: Table | null = null;
  if (existsSync(file)) {
    let raw: unknown;
    try {
      raw = parse(readFileSync(file, 'utf8'));
    } catch (error) {
      const e = error as { message: string; linePos?: Array<{ line: number; col: number }> };
      throw new JianghuaError('yaml-syntax', `corpus.yaml 格式错误：${e.message}`, { file, line: e.linePos?.[0]?.line, column: e.linePos?.[0]?.col });
    }
    const docs = (raw as { documents?: unknown } | null)?.documents;
    table = new Map();
    const put = (name: unknown, fields: unknown) => {
      if (typeof name !== 'string' || !fields || typeof fields !== 'object') return;
      const clean: Record<string, string> = {};
      for (const [k, v] of Object.entries(fields)) if (v !== null && v !== undefined && k !== 'file') clean[k] = String(v);
      table?.set(name, clean);
    };
    if (Array.isArray(docs)) for (const d of docs) put((d as { file?: unknown }).file, d);
    else if (docs && typeof docs === 'object') for (const [k, v] of Object.entries(docs)) put(k, v);
    else throw new JianghuaError('config', 'corpus.yaml 应有 documents（文件名 → 字段）', { file });
  }
  tables.set(dir, table);
  return table;
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
  let dir = path.dirname(path.resolve(file));
  for (let depth = 0; depth < 8; depth++) {
    const table = readCorpusYaml(dir);
    const rel = path.relative(dir, path.resolve(file)).split(path.sep).join('/');
    const entry = table?.get(rel) ?? table?.get(path.basename(file));
    if (entry) return normalised({ ...fallback, ...entry });
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return fallback;
}
