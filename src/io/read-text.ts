import { JianghuaError } from '../errors.js';
import { isSpace } from '../speech/text.js';
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

/**
 * Paragraphs (lines with text) a speech may have: a long speech has hundreds, a year's 述职 reports
 * thrown into one file tens of thousands. Past it the speech model's per-paragraph cost, not the
 * 16 MB size limit, bounds the work: 4 million one-character lines took 15 s and 2.5 GB to outline.
 */
export const MAX_PARAGRAPHS = 200_000;

/** A text with more than MAX_PARAGRAPHS paragraphs is refused, like a file over the size limit. */
export function requireSpeechSize(text: string, file: string): string {
  if (text.length < 2 * MAX_PARAGRAPHS) return text; // each paragraph but the last takes a character and a line end
  let paragraphs = 0;
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    for (let i = at; i < end; i++) {
      if (!isSpace(text.charCodeAt(i))) {
        paragraphs++;
        break;
      }
    }
    at = end + 1;
  }
  if (paragraphs > MAX_PARAGRAPHS) throw new JianghuaError('unreadable', `段落过多（${paragraphs} 段，上限 ${MAX_PARAGRAPHS} 段），不像是讲话稿，未读取`, { file });
  return text;
}

/** A text file, guarded (read-file.ts) and decoded in whatever encoding it has (decode.ts). */
export async function readTextFile(file: string, options: ReadOptions = {}): Promise<DecodedText> {
  return decodeText(await readFileBytes(file, options), file);
}

export function readTextFileSync(file: string, options: ReadOptions = {}): DecodedText {
  return decodeText(readFileBytesSync(file, options), file);
}
