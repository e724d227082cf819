/** The one place patterns from data files, user files and config are compiled. */
import { JianghuaError, type Place } from '../errors.js';

/** Why `source` is not a usable pattern (with `flags`), or undefined when it is. */
export function patternProblem(source: string, flags = 'u'): string | undefined {
  try {
    new RegExp(source, flags);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Compile a pattern; a broken one is a config error that says where it came from (`origin`: 配置 placeholder.patterns …). */
export function compilePattern(source: string, flags: string, origin: string, place: Place = {}): RegExp {
  const problem = patternProblem(source, flags);
  if (problem !== undefined) throw new JianghuaError('config', `${origin}中的正则表达式无效：${source}（${problem}）`, place);
  return new RegExp(source, flags);
}

/** One alternation of several patterns, each kept whole: (?:a)|(?:b). */
export function anyOf(sources: readonly string[], flags: string, origin: string, place: Place = {}): RegExp {
  return compilePattern(sources.map((s) => `(?:${s})`).join('|'), flags, origin, place);
}

/** A literal word inside a pattern. */
export const escapeRegex = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Literal words as one alternation source, longest first so 扎扎实实 wins over 扎实. */
export const wordsSource = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).map(escapeRegex).join('|');
