import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_DIR } from '../data/index.js';
import type { SpeechKindName } from './facts.js';

/** Shipped example facts, one per kind: what `init` writes (under templates/, which the package ships). */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../templates/examples/', import.meta.url));
/** The facts JSON Schema as shipped, for editors (`jianghua schema` prints the same). */
export const SCHEMA_FILE = path.join(DATA_DIR, 'facts.schema.json');

/**
 * An example facts file with a yaml-language-server line pointing at the schema,
 * relative to where the file will live (absolute when printed to stdout).
 */
export function exampleFacts(kind: SpeechKindName, target?: string): string {
  const body = readFileSync(path.join(EXAMPLES_DIR, `${kind}.yaml`), 'utf8');
  let ref = target ? path.relative(path.dirname(target), SCHEMA_FILE) : SCHEMA_FILE;
  if (path.sep === '\\') ref = ref.replaceAll('\\', '/');
  return `# yaml-language-server: $schema=${ref}\n${body}`;
}
