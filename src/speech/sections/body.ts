/** A speech body: opening, achievements, problems, opinions, other, closing — by cues or by 一、 headings. */

import type { NumberingMarker, Section, SectionKind } from '../types.js';
import { stripEnd, type SectionContext } from './context.js';
import { items, numbered } from './items.js';

export function body(ctx: SectionContext, from: number, to: number): Section[] {
  if (from >= to) return [];
  const idx = ctx.range(from, to);
  const headings = ctx.markers.filter((m) => m.family === 'heading' && m.atParagraphStart && m.sentence >= from && m.sentence < to);
  const headingKinds = headings.map((h) => headingKind(ctx, h));
  if (headingKinds.some((k) => k !== 'opinions')) return headedBody(ctx, from, to, headings, headingKinds);
  const transition = idx.find((i) => ctx.tag(i).transition);
  const firstHeading = headings[0];
  let opinionsAt = transition ?? firstHeading?.sentence;

  // preamble: opening → achievements → problems
  const preambleEnd = opinionsAt ?? to;
  const ach = idx.find((i) => i < preambleEnd && (ctx.tag(i).achievements || ctx.lexicon.cues.achievementsLead.test(ctx.sentences[i]!.text)));
  const prob = idx.find((i) => i < preambleEnd && (ach === undefined || i > ach) && ctx.tag(i).problems) ?? (ach === undefined ? undefined : unannouncedProblems(ctx, ach, preambleEnd));
  const sections: Section[] = [];
  const achStart = ach === undefined ? undefined : Math.max(from, ctx.paragraphStart(ach));
  const probStart = prob;
  let probEnd: number | undefined;
  if (probStart !== undefined) {
    const endCue = idx.find((i) => i > probStart && i < preambleEnd && ctx.tag(i).problemsEnd);
    probEnd = endCue !== undefined ? endCue + 1 : opinionsAt !== undefined ? ctx.paragraphStart(opinionsAt) : ctx.paragraphEnd(probStart);
    probEnd = Math.max(probEnd, probStart + 1);
  }
  const openingEnd = achStart ?? probStart ?? (opinionsAt !== undefined ? ctx.paragraphStart(opinionsAt) : undefined) ?? to;
  if (openingEnd > from) sections.push(ctx.section('opening', from, openingEnd));
  if (achStart !== undefined) {
    const achEnd = probStart ?? (opinionsAt !== undefined ? Math.max(achStart + 1, ctx.paragraphStart(opinionsAt)) : ctx.paragraphEnd(ach as number));
    const s = ctx.section('achievements', achStart, achEnd);
    s.children = items(ctx, achStart, achEnd, 'achievements');
    sections.push(s);
  }
  let cursor = sections.length ? ctx.after(sections) : from;
  if (probStart !== undefined && probEnd !== undefined) {
    const s = ctx.section('problems', probStart, probEnd, { heading: ctx.leadHeading(probStart) });
    s.children = items(ctx, probStart, probEnd, 'problems');
    sections.push(s);
    cursor = probEnd;
  }
  if (opinionsAt === undefined) {
    // no transition and no 一、 headings: top-level 一要/一是 paragraphs after the problems are the opinions
    const top = ctx.markers.find((m) => m.atParagraphStart && m.index === 1 && m.sentence >= cursor && m.sentence < to && m.family !== 'agenda');
    opinionsAt = top?.sentence;
  }
  if (opinionsAt === undefined) {
    if (cursor < to) sections.push(...tail(ctx, cursor, to));
    return sections;
  }
  // the transition's paragraph joins the opinions, unless its lead sentences state the meeting's purpose
  const lead = ctx.range(ctx.paragraphStart(opinionsAt), opinionsAt);
  const leadIsOpening = lead.some((i) => ctx.lexicon.cues.opening.test(ctx.sentences[i]!.text));
  const opinionsStart = Math.max(cursor, leadIsOpening ? opinionsAt : ctx.paragraphStart(opinionsAt));
  if (opinionsStart > cursor) {
    // with no 成绩 or 问题 before it, the lead-in still belongs to the opening
    const previous = sections[sections.length - 1];
    if (previous?.kind === 'opening') Object.assign(previous, ctx.spanOf(ctx.sentenceIndexAt(previous.start), opinionsStart));
    else sections.push(ctx.section('other', cursor, opinionsStart));
  }
  const closingAt = idx.find((i) => i > opinionsAt && ctx.tag(i).closing && ctx.paragraphStart(i) > ctx.paragraphStart(opinionsAt));
  const blockEnd = closingAt ?? to;
  const opinions = ctx.section('opinions', opinionsStart, blockEnd, transition === opinionsAt ? { heading: stripEnd(ctx.sentences[opinionsAt]!.text) } : {});
  const { children, end } = topOpinions(ctx, opinionsStart, blockEnd, transition === opinionsAt ? opinionsAt : undefined);
  opinions.children = children;
  if (end < blockEnd) Object.assign(opinions, ctx.spanOf(opinionsStart, end));
  sections.push(opinions);
  if (end < blockEnd) sections.push(ctx.section('other', end, blockEnd));
  if (closingAt !== undefined) sections.push(ctx.section('closing', closingAt, to));
  return sections;
}

/**
 * Problems with no pivot at all: after the achievements, the first paragraph whose opening
 * states shortcomings (a 一是 that restarts the series after 四是 is the usual sign, but the
 * content decides, since a list of achievements may restart too).
 */
function unannouncedProblems(ctx: SectionContext, ach: number, end: number): number | undefined {
  for (let i = ctx.paragraphEnd(ach); i < end; i = ctx.paragraphEnd(i)) {
    const first = ctx.sentences[i]!;
    if (ctx.tag(i).achievements || ctx.tag(i).transition) continue;
    const [opening = 0, next = 0] = ctx.paragraphs[first.paragraph]!.sentences.slice(0, 2).map((sentence) => ctx.finder.outsidePart(sentence).length);
    if (opening > 0 && opening + next >= 2) return i;
  }
  return undefined;
}

/** What a 一、 heading announces: 主要成效 → achievements, 存在的问题 → problems, anything else → opinions. */
function headingKind(ctx: SectionContext, marker: NumberingMarker): SectionKind {
  const c = ctx.lexicon.cues;
  const text = stripEnd(ctx.sentences[marker.sentence]!.text.slice(marker.text.length));
  // the first clause names the part (肯定成绩，进一步坚定……); the rest may say anything
  const first = text.split(/[，,：:]/u)[0] ?? text;
  for (const part of first === text ? [text] : [first, text]) {
    if (c.headingDirective.test(part)) return 'opinions';
    // 肯定成绩、正视问题 names both: the achievements come first, and the pivot inside finds the problems
    if (c.headingAchievements.test(part)) return 'achievements';
    if (c.headingProblems.test(part)) return 'problems';
  }
  return 'opinions';
}

/** A body cut by 一、 headings that name their parts: each heading is one part of its own kind. */
function headedBody(ctx: SectionContext, from: number, to: number, headings: NumberingMarker[], kinds: SectionKind[]): Section[] {
  const sections: Section[] = [];
  const first = headings[0]!.sentence;
  if (first > from) sections.push(ctx.section('opening', from, first));
  const lastHeading = headings[headings.length - 1]!.sentence;
  const closingAt = ctx.range(lastHeading + 1, to).find((i) => ctx.tag(i).closing && ctx.paragraphStart(i) > ctx.paragraphStart(lastHeading));
  const end = closingAt ?? to;
  headings.forEach((marker, k) => {
    const next = headings[k + 1]?.sentence ?? end;
    sections.push(...numbered(ctx, marker.sentence, next, kinds[k]!, [marker]));
  });
  // two or more opinion headings in a row (二、……三、……四、……) are one opinions part, as after 下面我讲几点意见
  const opinions = sections.filter((s) => s.kind === 'opinions' && s.marker?.family === 'heading');
  if (opinions.length >= 2) {
    const at = sections.indexOf(opinions[0]!);
    const last = opinions[opinions.length - 1]!;
    const contiguous = sections.indexOf(last) - at === opinions.length - 1;
    if (contiguous) sections.splice(at, opinions.length, { kind: 'opinions', start: opinions[0]!.start, end: last.end, children: opinions });
  }
  if (closingAt !== undefined) sections.push(ctx.section('closing', closingAt, to));
  return sections;
}

/** After the achievements/problems with no opinions: closing if cued, else other. */
function tail(ctx: SectionContext, from: number, to: number): Section[] {
  const closingAt = ctx.range(from, to).find((i) => ctx.tag(i).closing);
  const out: Section[] = [];
  if (closingAt === undefined) return [ctx.section('other', from, to)];
  if (closingAt > from) out.push(ctx.section('other', from, closingAt));
  out.push(ctx.section('closing', closingAt, to));
  return out;
}

/**
 * The numbered opinions. The last one ends where its own items end when they were whole
 * paragraphs, so that a trailing reminder (岁末年初…) is `other`, not part of opinion 三.
 */
function topOpinions(ctx: SectionContext, from: number, to: number, transition: number | undefined): { children: Section[]; end: number } {
  const contentFrom = transition !== undefined ? transition + 1 : from;
  const children = items(ctx, contentFrom, to, 'opinions');
  const numbered = children.filter((c) => c.numbering);
  const last = numbered[numbered.length - 1];
  if (!last || last !== children[children.length - 1]) return { children, end: to };
  const lastFrom = ctx.sentenceIndexAt(last.start);
  const subParagraphItems = last.children.filter((c) => c.marker?.atParagraphStart);
  const headingOnly = ctx.paragraphs[ctx.sentences[lastFrom]!.paragraph]!.sentences.length === 1;
  let end = to;
  if (subParagraphItems.length > 0) {
    const lastSub = subParagraphItems[subParagraphItems.length - 1]!;
    end = ctx.paragraphEnd(ctx.sentenceIndexAt(lastSub.start));
  } else if (!headingOnly && last.marker?.atParagraphStart) {
    end = ctx.paragraphEnd(lastFrom);
  }
  if (end >= to) return { children, end: to };
  clip(ctx, last, ctx.sentences[end - 1]!.end);
  return { children, end };
}

/** Shorten a section and its descendants so that none reaches past `endOffset`. */
function clip(ctx: SectionContext, section: Section, endOffset: number): void {
  section.end = Math.min(section.end, endOffset);
  section.children = section.children.filter((c) => c.start < endOffset);
  for (const child of section.children) clip(ctx, child, endOffset);
}
