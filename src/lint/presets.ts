import { loadLexicon } from '../speech/lexicon.js';
import type { SpeechKind } from '../speech/types.js';
import type { RuleSetting } from './types.js';

/**
 * One preset per genre (textlint's idea): which parts a 总结讲话, a 主持词, a 述职报告 … must
 * have, as data/kinds.yaml says. Config files and --rule layer on top of these.
 */
export const PRESETS = Object.fromEntries(
  loadLexicon().kinds.map((k) => [k.id, { 'required-sections': { options: { sections: k.sections } } }]),
) as unknown as Record<SpeechKind, Record<string, Partial<RuleSetting>>>;
