/** A host script (议程, 请……述职, 点评, the host's own 总结讲话) and a secretary's 点评 of several reporters. */

import { findDefect } from '../problems.js';
import type { NumberingMarker, Section, SectionKind } from '../types.js';
import { body } from './body.js';
import { stripEnd, type SectionContext } from './context.js';
import { items } from './items.js';

/** Where a 点评 starts: after 请……述职 (the review is the next paragraphs) or inline (××同志：…, ××同志的书面述职报告，…). */
interface ReviewStart {
  sentence: number;
  inline: boolean;
}

/** 书记点评: one block per 述职人, each opened by ××同志：; an opening and closing remarks may stand around them. */
export function addressedReviews(ctx: SectionContext, from: number, to: number, starts: number[]): Section[] {
  const sections: Section[] = [];
  if (starts[0]! > from) sections.push(ctx.section('opening', from, starts[0]!));
  const reviews = reviewSections(ctx, starts.map((sentence) => ({ sentence, inline: true })), to);
  sections.push(...reviews);
  const after = ctx.after(reviews);
  if (after < to) sections.push(...remarks(ctx, after, to));
  return sections;
}

/** What a host says around the 点评 (总的看…但从述职看，也反映出一些共性问题：…): other, with any problem span in it. */
function remarks(ctx: SectionContext, from: number, to: number): Section[] {
  const closingAt = ctx.range(from, to).find((i) => ctx.tag(i).closing && i > from);
  const end = closingAt ?? to;
  const out: Section[] = [];
  if (end > from) {
    const other = ctx.section('other', from, end);
    other.children = items(ctx, from, end, 'other');
    out.push(other);
  }
  if (closingAt !== undefined) out.push(ctx.section('closing', closingAt, to));
  return out;
}

/** The 点评 that start in [from, to): after each 请……述职, and inline after ××同志的书面述职报告. */
function reviewStarts(ctx: SectionContext, from: number, to: number): ReviewStart[] {
  const c = ctx.lexicon.cues;
  const starts: ReviewStart[] = [];
  for (let i = from; i < to; i++) {
    if (ctx.tag(i).report) starts.push({ sentence: i, inline: false });
    else if (ctx.isFirstInParagraph(ctx.sentences[i]!) && c.writtenReport.test(ctx.sentences[i]!.text)) starts.push({ sentence: i, inline: true });
  }
  return starts;
}

export function hostScript(ctx: SectionContext, from: number, to: number, agenda: NumberingMarker[]): Section[] {
  const sections: Section[] = [];
  const starts = agenda.map((m) => ctx.paragraphStart(m.sentence));
  if (starts.length === 0) return reportsWithoutAgenda(ctx, from, to);
  if ((starts[0] as number) > from) sections.push(ctx.section('opening', from, starts[0] as number));
  // after a last item that is not the host's own speech, 同志们，…散会 closes the meeting
  const lastStart = starts[starts.length - 1] as number;
  const closingAt = ctx.tag(agenda[agenda.length - 1]!.sentence).summaryAgenda
    ? undefined
    : ctx.range(ctx.nextParagraphStart(lastStart, to), to).find((i) => ctx.tag(i).closing);
  agenda.forEach((marker, k) => {
    const start = starts[k] as number;
    const end = starts[k + 1] ?? closingAt ?? to;
    const item = ctx.section('agenda', start, end, {
      heading: ctx.agendaHeading(marker.sentence),
      headingSpan: ctx.spanOf(marker.sentence, marker.sentence + 1),
      numbering: { series: marker.series, index: marker.index },
      marker,
    });
    const bodyFrom = ctx.nextParagraphStart(start, end);
    if (ctx.tag(marker.sentence).summaryAgenda) item.children = body(ctx, bodyFrom, end);
    else item.children = reviewsAndRemarks(ctx, bodyFrom, end);
    sections.push(item);
  });
  if (closingAt !== undefined) sections.push(...hostClosing(ctx, closingAt, to));
  return sections;
}

/** The host's last words: a speech of its own when it numbers opinions (第一，要抓好整改…), else the closing. */
function hostClosing(ctx: SectionContext, from: number, to: number): Section[] {
  const numbered = ctx.markers.some((m) => m.atParagraphStart && m.index === 1 && m.family !== 'agenda' && m.sentence > from && m.sentence < to);
  return numbered ? body(ctx, from, to) : [ctx.section('closing', from, to)];
}

/** An agenda item's 点评, then what the host says after the last one. */
function reviewsAndRemarks(ctx: SectionContext, from: number, to: number): Section[] {
  const starts = reviewStarts(ctx, from, to);
  if (starts.length === 0) return from < to && ctx.range(from, to).some((i) => ctx.tag(i).problems) ? remarks(ctx, from, to) : [];
  const reviews = reviewSections(ctx, starts, to);
  const after = ctx.after(reviews);
  return after < to ? [...reviews, ...remarks(ctx, after, to)] : reviews;
}

function reportsWithoutAgenda(ctx: SectionContext, from: number, to: number): Section[] {
  const starts = reviewStarts(ctx, from, to);
  const first = starts[0]!.sentence;
  const sections: Section[] = [];
  if (first > from) sections.push(ctx.section('opening', from, first));
  const reviews = reviewSections(ctx, starts, to);
  sections.push(...reviews);
  const after = ctx.after(reviews);
  if (after < to) sections.push(...body(ctx, after, to));
  return sections;
}

/** Whether a 点评 sentence turns to problems, to hopes, or neither. */
function reviewCue(ctx: SectionContext, text: string): SectionKind | undefined {
  const c = ctx.lexicon.cues;
  if (c.reviewHopes.test(text)) return 'opinions';
  if (c.reviewProblems.test(text)) return 'problems';
  // 但是，…… / 同时，……: a turn only when what follows states a shortcoming
  if (c.reviewTurn.test(text) && findDefect(text, ctx.lexicon)) return 'problems';
  return undefined;
}

/** Each start opens a review: praise, then its problems (存在的主要问题是 / 但是 …), then 希望. */
function reviewSections(ctx: SectionContext, starts: readonly ReviewStart[], to: number): Section[] {
  return starts.map(({ sentence: start, inline }, k) => {
    const limit = starts[k + 1]?.sentence ?? to;
    const heading = stripEnd(inline ? (ctx.sentences[start]!.text.split(/[：:，,]/u)[0] ?? '') : ctx.sentences[start]!.text);
    const review = ctx.section('review', start, limit, { heading });
    const children: Section[] = [];
    let sawHopes = false;
    let end = limit;
    // sentence by sentence, so that a 点评 written as one paragraph still splits at its problems and 希望
    for (let i = inline ? start : ctx.nextParagraphStart(start, limit); i < limit; i++) {
      const sentence = ctx.sentences[i]!;
      if (ctx.tag(i).stage) continue;
      const opensParagraph = ctx.isFirstInParagraph(sentence);
      const last = children[children.length - 1];
      // no lead-in at all: a sentence after the praise that states shortcomings turns to problems
      const cued = reviewCue(ctx, sentence.text) ?? (last?.kind === 'achievements' && ctx.finder.outsidePart(sentence).length >= 2 ? 'problems' : undefined);
      const kind: SectionKind = cued ?? (opensParagraph || !last ? 'achievements' : last.kind);
      // after the hopes, an unrelated paragraph ends the review (the host's remarks, the next item)
      if (sawHopes && opensParagraph && kind !== 'opinions') {
        end = i;
        break;
      }
      sawHopes ||= kind === 'opinions';
      if (last && last.kind === kind && !cued) Object.assign(last, ctx.spanOf(ctx.sentenceIndexAt(last.start), i + 1));
      else children.push(ctx.section(kind, i, i + 1, { heading: kind === 'achievements' ? undefined : stripEnd(sentence.clauses[0]?.text ?? sentence.text) }));
    }
    for (const child of children) {
      if (child.kind === 'problems') child.children = items(ctx, ctx.sentenceIndexAt(child.start), ctx.sentenceIndexAt(child.end - 1) + 1, 'problems');
    }
    review.children = children;
    if (end < limit) Object.assign(review, ctx.spanOf(start, end));
    return review;
  });
}
