import type { PredicateMatch } from './problems.js';

/**
 * A list of literal words (data/problem-cues.yaml `idioms`), found by their first character:
 * most characters of a speech start no word, so a scan costs one map lookup per character,
 * where an alternation of two hundred words as a regular expression tries them all.
 */
export class WordList {
  private readonly byFirst = new Map<number, string[]>();
  /** 1 where some word starts with that UTF-16 unit: a table test per character before any map lookup. */
  private readonly starts = new Uint8Array(0x10000);

  constructor(words: readonly string[]) {
    for (const word of words) {
      if (!word) continue;
      const key = word.charCodeAt(0);
      const list = this.byFirst.get(key) ?? [];
      list.push(word);
      this.byFirst.set(key, list);
      this.starts[key] = 1;
    }
    // longest first, as a regular expression's alternation of the same words would prefer
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  /** Every occurrence, left to right, not overlapping. */
  findAll(text: string, from = 0): PredicateMatch[] {
    const out: PredicateMatch[] = [];
    for (let i = from; i < text.length; i++) {
      const word = this.at(text, i);
      if (word === undefined) continue;
      out.push({ cue: word, index: i });
      i += word.length - 1;
    }
    return out;
  }

  /** The first occurrence. */
  find(text: string): PredicateMatch | undefined {
    for (let i = 0; i < text.length; i++) {
      const word = this.at(text, i);
      if (word !== undefined) return { cue: word, index: i };
    }
    return undefined;
  }

  private at(text: string, i: number): string | undefined {
    if (this.starts[text.charCodeAt(i)] === 0) return undefined;
    const list = this.byFirst.get(text.charCodeAt(i));
    return list?.find((w) => text.startsWith(w, i));
  }
}
