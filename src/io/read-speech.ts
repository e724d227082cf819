import { JianghuaError } from '../errors.js';
import { decodeText, type Encoding } from './decode.js';
import { isDocx, readDocx, type DocxText } from './docx.js';
import { readFileBytes, readFileBytesSync, type ReadOptions } from './read-file.js';
import { requireContent, requireSpeechSize } from './read-text.js';

/**
 * The one reader of speech files, for lint, outline, stats and analyze: a text file in any
 * encoding decode.ts knows, or a Word file (.docx, recognised by its content, not its name).
 */
export interface SpeechSource {
  /** One paragraph a line (a Word file's manual line breaks continue their paragraph). */
  text: string;
  source: 'text' | 'docx';
  /** The text file's encoding; a Word file's XML is always UTF-8 and has none. */
  encoding?: Encoding;
  /** The file's bytes as read (lint --fix writes back against them). */
  bytes: Buffer;
  /** Word files: where each line is in the document, for 段:列 positions (see wordPosition). */
  places?: DocxText['places'];
}

/** Bytes already read → the speech's text (possibly empty); throws a JianghuaError naming the file when it is no text or too many paragraphs. */
export function speechFromBytes(bytes: Buffer, file: string): SpeechSource {
  if (isDocx(bytes, file)) {
    const { lines, places } = readDocx(bytes, file);
    return { text: requireSpeechSize(lines.join('\n'), file), source: 'docx', bytes, places };
  }
  if (/\.docx$/iu.test(file)) throw new JianghuaError('binary', '文件名是 .docx，但内容不是 Word 文档（不是 ZIP 格式），无法读取', { file });
  const { text, encoding } = decodeText(bytes, file);
  return { text: requireSpeechSize(text, file), source: 'text', encoding, bytes };
}

/** Read a speech; white space only is an error too (nothing to outline, count or analyse). */
export async function readSpeech(file: string, options: ReadOptions = {}): Promise<SpeechSource> {
  const source = speechFromBytes(await readFileBytes(file, options), file);
  requireContent(source.text, file);
  return source;
}

/** readSpeech for a caller with nothing else to do meanwhile (an analyze worker): no event-loop round trips per file. */
export function readSpeechSync(file: string, options: ReadOptions = {}): SpeechSource {
  const source = speechFromBytes(readFileBytesSync(file, options), file);
  requireContent(source.text, file);
  return source;
}

/**
 * A 1-based line:column of the text → paragraph:column in the Word file (or the same line:column
 * for a text file). Columns count code points, as lint's do.
 */
export function wordPosition(source: Pick<SpeechSource, 'places'>, line: number, column: number): { line: number; column: number } {
  const place = source.places?.[line - 1];
  return place ? { line: place.paragraph, column: Math.max(1, column + place.shift) } : { line, column };
}

/** What positions in a report on this source count: 行:列 for text, 段:列 for Word files. */
export const positionUnit = (source: Pick<SpeechSource, 'source'>): 'line' | 'paragraph' => (source.source === 'docx' ? 'paragraph' : 'line');
