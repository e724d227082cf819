import { JianghuaError } from '../errors.js';
import { readTextFile } from '../io/read-text.js';
import { parseFacts, type LoadedFacts } from './facts.js';
import { checkRequired } from './required.js';

/** Read, parse and validate a facts file (any encoding readTextFile knows); `file` is named as given in messages. */
export async function loadFactsFile(file: string, options: { allowMissing?: boolean; name?: string } = {}): Promise<LoadedFacts> {
  const name = options.name ?? file;
  const { text } = await readTextFile(file).catch((error: unknown) => {
    // name the file as the user gave it
    throw error instanceof JianghuaError ? new JianghuaError(error.code, error.message, { ...error.place, file: name }) : error;
  });
  const loaded = parseFacts(text, name);
  if (!options.allowMissing) checkRequired(loaded.facts, { file: name, locate: (path) => loaded.locate(path) });
  return loaded;
}
