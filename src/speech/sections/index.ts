import type { Lexicon } from '../lexicon.js';
import type { NumberingMarker, Paragraph, Section, Sentence, SpeechKind } from '../types.js';
import { body } from './body.js';
import { SectionContext } from './context.js';
import { addressedReviews, hostScript } from './host-script.js';

/**
 * Cut a speech into its parts. The genre's order is fixed (开场 → 成绩 → 问题 → 意见 → 号召),
 * so the parser looks for the boundaries between parts by cue phrases, then numbers the items
 * inside each part by their markers: a host script and 点评 in host-script.ts, a speech body in
 * body.ts, the items inside a part in items.ts, the shared sentence helpers in context.ts.
 */

export interface Structure {
  sections: Section[];
  kind: SpeechKind;
  /** True when the structure itself proves the kind (an agenda, 请……述职, ××同志： blocks). */
  proven: boolean;
}

export class SectionBuilder {
  private readonly ctx: SectionContext;

  constructor(text: string, paragraphs: readonly Paragraph[], sentences: readonly Sentence[], markers: readonly NumberingMarker[], lexicon: Lexicon) {
    this.ctx = new SectionContext(text, paragraphs, sentences, markers, lexicon);
  }

  /** The parts from sentence `from` on (after the title), and the kind the structure suggests. */
  build(from: number): Structure {
    const ctx = this.ctx;
    const to = ctx.sentences.length;
    if (from >= to) return { sections: [], kind: 'summary-speech', proven: false };
    const agenda = ctx.markers.filter((m) => m.family === 'agenda' && m.sentence >= from);
    const reports = ctx.range(from, to).filter((i) => ctx.tag(i).report);
    if (agenda.length >= 2 || reports.length >= 2) return { sections: hostScript(ctx, from, to, agenda), kind: 'host-script', proven: true };
    const addressed = ctx.range(from, to).filter((i) => ctx.isFirstInParagraph(ctx.sentences[i]!) && ctx.lexicon.cues.address.test(ctx.sentences[i]!.text));
    if (addressed.length >= 2) return { sections: addressedReviews(ctx, from, to, addressed), kind: 'review', proven: true };
    const sections = body(ctx, from, to);
    const top = new Set(sections.map((s) => s.kind));
    const kind: SpeechKind = top.has('problems') || top.has('achievements') || !top.has('opinions') ? 'summary-speech' : 'progress-meeting';
    return { sections, kind, proven: false };
  }
}
