import type { SpeechKind } from '../speech/types.js';
import type { RuleSetting } from './types.js';

/**
 * One preset per genre (textlint's idea): which parts a 总结讲话, a 主持词 or a 推进会讲话 must
 * have. Config files and --rule layer on top of these.
 */
export const PRESETS: Record<SpeechKind, Record<string, Partial<RuleSetting>>> = {
  'summary-speech': { 'required-sections': { options: { sections: ['achievements', 'problems', 'opinions'] } } },
  'host-script': { 'required-sections': { options: { sections: ['agenda', 'review'] } } },
  'progress-meeting': { 'required-sections': { options: { sections: ['opinions'] } } },
};
