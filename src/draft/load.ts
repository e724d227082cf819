import { readTextFile } from '../io/read-text.js';
import { parseFacts, type LoadedFacts } from './facts.js';
import { checkRequired } from './required.js';

/** Read, parse and validate a facts file (any encoding readTextFile knows); `file` is named as given in messages. */
export async function loadFactsFile(file: string, options: { allowMissing?: boolean; name?: string } = {}): Promise<LoadedFacts> {
  const { text } = await readTextFile(file);
  const name = options.name ?? file;
  const loaded = parseFacts(text, name);
  if (!options.allowMissing) checkRequired(loaded.facts, { file: name, locate: loaded.locate });
  return loaded;
}
