import type { Lexicon } from './lexicon.js';
import type { Paragraph, SpeechKind } from './types.js';

/** How many paragraphs after the title the opening may take to name the meeting. */
const OPENING_PARAGRAPHS = 3;

/**
 * The genre of a speech. What the structure proves comes first (an agenda or several 请……述职
 * is a host script; several 点评 blocks opened by ××同志： are a review); then what the title and
 * the opening say the meeting is (data/kinds.yaml, in its order); then the structure's guess.
 */
export function detectKind(structural: SpeechKind, proven: boolean, title: Paragraph | undefined, body: readonly Paragraph[], lexicon: Lexicon): SpeechKind {
  if (proven) return structural;
  const opening = body.slice(0, OPENING_PARAGRAPHS).map((p) => p.text).join('\n');
  for (const kind of lexicon.kinds) {
    if (title && kind.title?.test(title.text)) return kind.id;
    if (kind.opening?.test(opening)) return kind.id;
  }
  return structural;
}
