import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { JianghuaError } from '../errors.js';
import { DATA_DIR } from '../speech/lexicon.js';

/** The 党建 user dictionary shipped in data/ (三会一课, 软弱涣散, 两新组织 stay whole). */
export const USER_DICT = `${DATA_DIR}jieba-user.dict`;

interface Jieba {
  load(options?: { userDict?: string }): void;
  cut(sentence: string, strict?: boolean): string[];
}

let jieba: Jieba | undefined;
let loadedDict: string | undefined;

/**
 * nodejieba, loaded once per process (or worker) with the user dictionary. It is a native
 * CommonJS module, so it is required lazily: `jianghua lint` never pays for it.
 * A missing dictionary is checked here, because cppjieba aborts the process on it.
 */
/** The user dictionaries for cppjieba (several, separated by |), each checked to exist. */
export function userDictionaries(extraDict?: string): string {
  const dicts = extraDict ? [USER_DICT, extraDict] : [USER_DICT];
  for (const d of dicts) if (!existsSync(d)) throw new JianghuaError('dictionary', '找不到分词词典文件', { file: d });
  return dicts.join('|');
}

export function loadJieba(extraDict?: string): Jieba {
  const userDict = userDictionaries(extraDict);
  if (jieba && loadedDict === userDict) return jieba;
  const require = createRequire(import.meta.url);
  const mod = require('nodejieba') as Jieba;
  mod.load({ userDict });
  jieba = mod;
  loadedDict = userDict;
  return mod;
}

/** Words of a text (HMM on, so unknown names are still grouped). */
export function segment(text: string, extraDict?: string): string[] {
  return loadJieba(extraDict).cut(text, false);
}
