import { closeSync, openSync, statSync } from 'node:fs';
import { checkFile, readError } from '../io/read-file.js';
import { createRequire } from 'node:module';
import { JianghuaError } from '../errors.js';
import { DATA_DIR } from '../data/index.js';

/** jieba's own dictionaries are ~10 MB; a user's is a word list. */
const MAX_DICT_BYTES = 64 * 1024 * 1024;

/** The 党建 user dictionary shipped in data/ (三会一课, 软弱涣散, 两新组织 stay whole). */
export const USER_DICT = `${DATA_DIR}jieba-user.dict`;

/**
 * Stands in for jieba's IDF table and keyword stop words: they serve only nodejieba's `extract`,
 * which analyze never calls, and the IDF table alone is 13% of the load's instructions and 18 MB
 * (callgrind and RSS, docs/performance.md). cppjieba needs each file to hold one line.
 */
export const UNUSED_DICT = `${DATA_DIR}jieba-unused.utf8`;

interface Jieba {
  load(options?: { userDict?: string; idfDict?: string; stopWordDict?: string }): void;
  cut(sentence: string, strict?: boolean): string[];
  tag(sentence: string): Array<{ word: string; tag: string }>;
}

let jieba: Jieba | undefined;
let loadedDict: string | undefined;
/** The extra dictionary `jieba` was loaded with: the same one again needs no stat and open per document. */
let loadedExtra: string | undefined;

/** A dictionary file cppjieba will open: it splits its list on | and aborts the process on one it cannot open. */
function checkDictionary(d: string): void {
  if (d.includes('|')) throw new JianghuaError('dictionary', '分词词典的路径不能含有“|”（分词程序用它分隔多个词典），请改名或换个目录', { file: d });
  try {
    checkFile(statSync(d), d, { what: '分词词典', maxBytes: MAX_DICT_BYTES }); // before opening: a FIFO would block
    closeSync(openSync(d, 'r')); // readable (stat alone passes a 0000 file for other users)
  } catch (error) {
    if (error instanceof JianghuaError) throw new JianghuaError('dictionary', error.message, { file: d });
    const code = (error as NodeJS.ErrnoException).code;
    throw new JianghuaError('dictionary', code === 'ENOENT' ? '找不到分词词典文件' : readError(error, d, '分词词典').message, { file: d }, { cause: error });
  }
}

/** The user dictionaries for cppjieba (several, separated by |), each checked first. */
export function userDictionaries(extraDict?: string): string {
  const dicts = extraDict ? [USER_DICT, extraDict] : [USER_DICT];
  for (const d of dicts) checkDictionary(d);
  return dicts.join('|');
}

/**
 * nodejieba, loaded once per process (or worker) with the user dictionary. It is a native
 * CommonJS module, so it is required lazily: `jianghua lint` never pays for it.
 * A missing dictionary is checked here, because cppjieba aborts the process on it.
 */
export function loadJieba(extraDict?: string): Jieba {
  if (jieba && extraDict === loadedExtra) return jieba;
  const userDict = userDictionaries(extraDict);
  if (jieba && loadedDict === userDict) return jieba;
  const require = createRequire(import.meta.url);
  const mod = require('nodejieba') as Jieba;
  checkDictionary(UNUSED_DICT); // shipped in data/, but a damaged install must not abort the process
  mod.load({ userDict, idfDict: UNUSED_DICT, stopWordDict: UNUSED_DICT });
  jieba = mod;
  loadedDict = userDict;
  loadedExtra = extraDict;
  tags.clear();
  return mod;
}

/** Characters cut at a time: a 16 MB text is never held by cppjieba (as UTF-8 and token strings) all at once. */
const CUT_CHUNK = 65_536;
/** cppjieba splits its input at these before cutting (SPECIAL_SEPARATORS), so a piece may end after one. */
const CUT_SEPARATORS = new Set(['\n', '。', '，', ' ', '\t']);
/** Marks in no word of jieba's dictionary (it has AT&T, C#, C++): a token of their own, so cutting after one changes no word. */
const WEAK_BREAK = /(?![&#+])[\p{P}\p{S}\p{Z}]/u;

/**
 * Words of a text (dictionary words only: the second argument of cut turns cppjieba's HMM off).
 * A long text is cut in pieces (segmentPieces) that end where cppjieba splits anyway, so the words
 * are the same as from one call.
 */
export function segment(text: string, extraDict?: string): string[] {
  const words: string[] = [];
  for (const piece of segmentPieces(text, extraDict)) for (const word of piece) words.push(word);
  return words;
}

/**
 * The words of `text`, a piece of at most CUT_CHUNK characters at a time:
 * a caller that counts as it goes never holds the millions of token strings of a 16 MB text at once.
 */
export function* segmentPieces(text: string, extraDict?: string): Generator<string[]> {
  const jieba = loadJieba(extraDict);
  for (let from = 0; from < text.length; ) {
    const to = pieceEnd(text, from);
    yield jieba.cut(to - from === text.length ? text : text.slice(from, to), false);
    from = to;
  }
}

/**
 * The end of the piece starting at `from`: after the last separator within CUT_CHUNK; without one,
 * after the last WEAK_BREAK there, else at CUT_CHUNK itself (the one place a word may differ from one
 * call's), so cppjieba never gets more: its lattice for 6 MB without a separator took 700 MB.
 * Only the piece is scanned (a lastIndexOf that misses would rescan the text to its start).
 */
function pieceEnd(text: string, from: number): number {
  const limit = from + CUT_CHUNK;
  if (text.length <= limit) return text.length;
  for (let i = limit - 1; i >= from; i--) if (CUT_SEPARATORS.has(text[i]!)) return i + 1;
  for (let i = limit - 1; i > from; i--) if (WEAK_BREAK.test(text[i]!)) return i + 1;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit + 1 : limit; // never between a surrogate pair
}

/** Part-of-speech tag per word already looked up: a corpus's vocabulary soon stops growing. */
const tags = new Map<string, string>();
const MAX_TAGS = 200_000;
const SEPARATOR = '，';

/**
 * jieba's part-of-speech tag of each word. nodejieba's `tag` segments its input again (with HMM)
 * and looks every word up in the dictionary (x when it is not there), so tagging a whole text
 * costs about 2.7 times a cut; here only words not seen before are tagged, one call for all
 * of them, each alone between separators, and a word jieba splits again gets x.
 */
export function tagWords(words: Iterable<string>, extraDict?: string): Map<string, string> {
  const fresh = [...new Set(words)].filter((w) => !tags.has(w));
  if (fresh.length > 0) {
    if (tags.size + fresh.length > MAX_TAGS) tags.clear();
    const tagged = loadJieba(extraDict).tag(fresh.join(SEPARATOR));
    let k = 0;
    let pieces: Array<{ word: string; tag: string }> = [];
    const close = () => {
      const word = fresh[k++];
      if (word !== undefined) tags.set(word, pieces.length === 1 && pieces[0]?.word === word ? pieces[0].tag : 'x');
      pieces = [];
    };
    for (const w of tagged) {
      if (w.word === SEPARATOR) close();
      else pieces.push(w);
    }
    close();
  }
  return tags;
}
