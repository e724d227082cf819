/**
 * The data layer: every data/*.yaml (and a user's file in the same shape) is read here, validated
 * with its schema (src/data/schemas.ts; a bad entry is an error at file:line:col) and cached per
 * process. Modules ask for a file by name and get typed, checked data; what they build from it
 * (compiled lexicons, taxonomies) they cache with `once`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { MAX_AUX_BYTES, readFileBytesSync } from '../io/read-file.js';
import { decodeText, readTextFileSync } from '../io/read-text.js';
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

/**
 * What `npm run build` validated (scripts/build-data.mjs): each shipped file's value with the
 * SHA-1 of the bytes it came from. Reading it instead of YAML + schema saves most of a cold
 * start; a file edited since the build has another hash and is read and validated as usual.
 */
export const SHIPPED_DATA = fileURLToPath(new URL('./shipped.json', import.meta.url));
type Shipped = Record<string, { sha1: string; value: unknown } | undefined>;
let shipped: Shipped | undefined;

/** What shipped.json records of a file's bytes. */
export const dataHash = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex');

/** The build's value for the shipped file `name` if `bytes` are still what it was built from. */
export function shippedValue(name: string, bytes: Uint8Array): unknown {
  try {
    shipped ??= JSON.parse(readFileSync(SHIPPED_DATA, 'utf8')) as Shipped;
  } catch {
    shipped = {};
  }
  const entry = shipped[name];
  return entry && entry.sha1 === dataHash(bytes) ? entry.value : undefined;
}

/** Read and validate one data file, without the caches (the build uses it to make them). */
export function parseDataFile<N extends DataName>(name: N, dir = DATA_DIR, bytes?: Uint8Array): DataOf<N> {
  const file = path.join(dir, name);
  const what = `数据文件 ${name}`;
  const source = decodeText(bytes ?? readFileBytesSync(file, { what, maxBytes: MAX_AUX_BYTES }), file).text;
  return parseYamlWith(source, file, DATA_SCHEMAS[name], what) as DataOf<N>;
}

/** One shipped data file (or the same file in another folder `dir`), validated and cached. */
export function loadData<N extends DataName>(name: N, dir = DATA_DIR): DataOf<N> {
  const file = path.resolve(dir, name);
  return once(`yaml:${file}`, () => {
    const bytes = readFileBytesSync(file, { what: `数据文件 ${name}`, maxBytes: MAX_AUX_BYTES });
    const built = path.resolve(dir) === path.resolve(DATA_DIR) ? shippedValue(name, bytes) : undefined;
    return (built as DataOf<N> | undefined) ?? parseDataFile(name, dir, bytes);
  });
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
