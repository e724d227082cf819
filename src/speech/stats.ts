import { loadLexicon } from './lexicon.js';
import { countHan } from './text.js';
import type { Section, Speech } from './types.js';

export const DEFAULT_RATE = 210;

export interface SpeechStats {
  /** Han characters. */
  chars: number;
  sentences: number;
  paragraphs: number;
  /** Characters read aloud: Han plus digits, without stage directions such as （述职毕）. */
  spokenChars: number;
  /** Estimated speaking time at `rate` characters a minute. */
  minutes: number;
  rate: number;
  /** Share of Han characters in each part, 0–1. */
  shares: { achievements: number; problems: number; opinions: number };
}

/** Han characters owned by each kind: a section's own text, less what its children own. */
function ownedChars(speech: Speech, sections: readonly Section[], into: Map<string, number>): void {
  for (const s of sections) {
    const total = countHan(speech.text.slice(s.start, s.end));
    const inChildren = s.children.reduce((n, c) => n + countHan(speech.text.slice(c.start, c.end)), 0);
    into.set(s.kind, (into.get(s.kind) ?? 0) + total - inChildren);
    ownedChars(speech, s.children, into);
  }
}

export function speechStats(speech: Speech, rate = DEFAULT_RATE): SpeechStats {
  const stage = loadLexicon().cues.stageDirection;
  const chars = countHan(speech.text);
  let spoken = 0;
  for (const s of speech.sentences) {
    if (stage.test(s.text)) continue;
    spoken += countHan(s.text) + (s.text.match(/[0-9０-９]/gu)?.length ?? 0);
  }
  if (speech.title) spoken -= countHan(speech.title.text);
  const owned = new Map<string, number>();
  ownedChars(speech, speech.sections, owned);
  const share = (k: string) => (chars === 0 ? 0 : Math.round(((owned.get(k) ?? 0) / chars) * 1000) / 1000);
  return {
    chars,
    sentences: speech.sentences.length,
    paragraphs: speech.paragraphs.length,
    spokenChars: spoken,
    minutes: Math.round((spoken / rate) * 10) / 10,
    rate,
    shares: { achievements: share('achievements'), problems: share('problems'), opinions: share('opinions') },
  };
}
