import { JianghuaError } from '../errors.js';
import { DATA_DIR, loadDataFile } from '../speech/lexicon.js';

/** The lint lexicons under data/, read once per process and only by the rules that use them. */
const cache = new Map<string, unknown>();

export function lintData<T>(name: string, check: (raw: unknown) => boolean): T {
  if (!cache.has(name)) {
    const raw = loadDataFile<unknown>(name);
    if (!check(raw)) throw new JianghuaError('config', `数据文件结构不对：${name}`, { file: `${DATA_DIR}${name}` });
    cache.set(name, raw);
  }
  return cache.get(name) as T;
}

/** Compile a user or data-file pattern; a broken one names where it came from. */
export function compile(source: string, flags: string, origin: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new JianghuaError('config', `${origin}中的正则表达式无效：${source}（${(error as Error).message}）`);
  }
}

export const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
