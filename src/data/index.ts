/**
 * The data layer: every data/*.yaml (and a user's file in the same shape) is read here, validated
 * with its schema (src/data/schemas.ts; a bad entry is an error at file:line:col) and cached per
 * process. Modules ask for a file by name and get typed, checked data; what they build from it
 * (compiled lexicons, taxonomies) they cache with `once`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { MAX_AUX_BYTES } from '../io/read-file.js';
import { readTextFileSync } from '../io/read-text.js';
import { parseYamlWith } from '../io/yaml.js';
import { DATA_SCHEMAS, type DataName, type DataOf } from './schemas.js';

export { DATA_SCHEMAS, type DataName, type DataOf } from './schemas.js';
export { anyOf, compilePattern, escapeRegex, patternProblem, wordsSource } from './regex.js';

/** The shipped data folder (`data/` beside `src/` and `dist/`). */
export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

const built = new Map<string, unknown>();

/** `make()` once per process and `key`: the one cache for what is read or built from data files. */
export function once<T>(key: string, make: () => T): T {
  if (!built.has(key)) built.set(key, make());
  return built.get(key) as T;
}

/** Through the guarded reader: a regular file of bounded size, in any encoding it detects. */
const readSource = (file: string, what: string): string => readTextFileSync(file, { what, maxBytes: MAX_AUX_BYTES }).text;

/** Read and validate one YAML file with `schema` (cached by path); `what` names it in errors (分类文件 …). */
export function readYamlFile<S extends z.ZodType>(file: string, schema: S, what: string): z.output<S> {
  const abs = path.resolve(file);
  return once(`yaml:${abs}`, () => parseYamlWith(readSource(abs, what), file, schema, what));
}

/** One shipped data file (or the same file in another folder `dir`), validated and cached. */
export function loadData<N extends DataName>(name: N, dir = DATA_DIR): DataOf<N> {
  return readYamlFile(path.join(dir, name), DATA_SCHEMAS[name], `数据文件 ${name}`) as DataOf<N>;
}

/** A plain word list (data/stopwords.txt): one entry a line, `#` comments and blank lines skipped. */
export function loadWordList(name: string, dir = DATA_DIR): Set<string> {
  const file = path.join(dir, name);
  return once(`words:${file}`, () =>
    new Set(
      readSource(file, `数据文件 ${name}`)
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#')),
    ),
  );
}
