import { JianghuaError } from '../errors.js';
import { decodeText, type DecodedText } from './decode.js';
import { readFileBytes, readFileBytesSync, type ReadOptions } from './read-file.js';

export { decodeText, type DecodedText, type Encoding } from './decode.js';
export { MAX_AUX_BYTES, MAX_TEXT_BYTES, readFileBytes, type ReadOptions } from './read-file.js';

/** The bytes of a speech file, with the reader's checks; for callers that must write it back. */
export const readSpeechBytes = readFileBytes;

/** White space only is no speech: an input error naming the file (every command that reads speeches agrees). */
export function requireContent(text: string, file: string): string {
  if (text.trim() === '') throw new JianghuaError('empty', '文件是空的，没有可分析的内容', { file });
  return text;
}

/** A text file, guarded (read-file.ts) and decoded in whatever encoding it has (decode.ts). */
export async function readTextFile(file: string, options: ReadOptions = {}): Promise<DecodedText> {
  return decodeText(await readFileBytes(file, options), file);
}

export function readTextFileSync(file: string, options: ReadOptions = {}): DecodedText {
  return decodeText(readFileBytesSync(file, options), file);
}
