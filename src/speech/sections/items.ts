/** Items inside a part: numbered items by their outermost family, pivots' problem spans, leftover praise. */

import type { NumberingMarker, Section, SectionKind, SeriesFamily } from '../types.js';
import { stripEnd, type SectionContext } from './context.js';

/** Outer levels first: a part is split by the highest family found in it, then recursively. */
const FAMILY_RANK: Record<SeriesFamily, number> = {
  agenda: 0,
  heading: 1,
  'paren-cn': 2,
  arabic: 3,
  'paren-arabic': 4,
  ordinal: 5,
  di: 5,
  sequence: 5,
};

/** The lowest rank among `markers` (a loop: spreading 10^5 markers into Math.min overflows the stack). */
function outermostRank(markers: readonly NumberingMarker[]): number {
  let rank = Infinity;
  for (const m of markers) rank = Math.min(rank, FAMILY_RANK[m.family]);
  return rank;
}

/**
 * Split [from, to) by its outermost numbering family; recurse into each item. Sentences not
 * inside an item may still hold an embedded problem span (清醒地看到… / stated defects) or a
 * praise sentence, which become `problems` / `achievements` children.
 */
export function items(ctx: SectionContext, from: number, to: number, kind: SectionKind, skip = new Set<number>()): Section[] {
  const children: Section[] = [];
  const covered = new Set<number>(skip);
  const opinionLike = kind === 'opinions' || kind === 'other';
  const candidates = ctx.markersIn(from, to).filter((m) => !covered.has(m.sentence));
  const outer = outermostRank(candidates);
  // 1. embedded problem spans opened by a pivot (但也要清醒地看到…问题), with their own 一是…三是;
  //    a pivot inside an item is left to the recursion into that item
  const firstItem = candidates.find((m) => FAMILY_RANK[m.family] === outer && (FAMILY_RANK[m.family] < FAMILY_RANK.ordinal || m.atParagraphStart));
  const pivotLimit = firstItem?.sentence ?? to;
  if (opinionLike || kind === 'achievements') {
    for (let i = from; i < pivotLimit; i++) {
      if (covered.has(i) || !ctx.tag(i).problems) continue;
      const span = pivotSpan(ctx, i, to);
      const s = ctx.section('problems', i, span.to, { heading: ctx.leadHeading(i) });
      s.children = numbered(ctx, i + 1, span.to, 'problems', span.markers);
      children.push(s);
      for (let k = i; k < span.to; k++) covered.add(k);
      i = span.to - 1;
    }
  }
  // 2. numbered items of the outermost family left after the pivots took their own lists
  const remaining = candidates.filter((m) => !covered.has(m.sentence));
  if (remaining.length > 0) {
    const rank = outermostRank(remaining);
    const level = remaining.filter((m) => FAMILY_RANK[m.family] === rank);
    const items = numbered(ctx, from, to, kind, level, covered);
    for (const item of items) {
      const itemFrom = ctx.sentenceIndexAt(item.start);
      const itemTo = ctx.sentenceIndexAt(item.end - 1) + 1;
      for (let k = itemFrom; k < itemTo; k++) covered.add(k);
    }
    children.push(...items);
  }
  // 3. leftover praise inside an opinion (problems stated in passing are statements, not a part)
  if (opinionLike) {
    for (let i = from; i < to; i++) {
      // praise that names what was fixed (取得新成效：软弱涣散村党组织全部整顿) is praise, unless it turns (但…)
      if (!covered.has(i) && ctx.tag(i).achievements && !/要|但|然而|不过/u.test(ctx.sentences[i]!.text)) children.push(ctx.section('achievements', i, i + 1));
    }
  }
  return children.sort((a, b) => a.start - b.start);
}

/** Items opened by `level` markers: each runs to the next marker of its level or to `to`. */
export function numbered(ctx: SectionContext, from: number, to: number, kind: SectionKind, level: readonly NumberingMarker[], covered = new Set<number>()): Section[] {
  const inRange = level.filter((m) => m.sentence >= from && m.sentence < to && !covered.has(m.sentence));
  return inRange.map((marker, k) => {
    const start = marker.sentence;
    let end = inRange[k + 1]?.sentence ?? to;
    // an item after a colon-list ends with its paragraph when the next item is in a later paragraph
    if (inRange[k + 1] === undefined && !marker.atParagraphStart) end = Math.min(end, ctx.paragraphEnd(start));
    const item = ctx.section(kind, start, end, {
      heading: stripEnd(ctx.sentences[start]!.text),
      headingSpan: ctx.spanOf(start, start + 1),
      numbering: { series: marker.series, index: marker.index },
      marker,
    });
    if (end - start > 1) item.children = items(ctx, start + 1, end, kind);
    return item;
  });
}

/** A pivot's span: to the closing 这些问题 sentence, the paragraph end, or a marker that breaks its list. */
function pivotSpan(ctx: SectionContext, pivot: number, to: number): { to: number; markers: NumberingMarker[] } {
  const paragraphEnd = Math.min(ctx.paragraphEnd(pivot), to);
  const markers: NumberingMarker[] = [];
  for (let i = pivot + 1; i < paragraphEnd; i++) {
    if (ctx.tag(i).problemsEnd) return { to: i + 1, markers };
    const m = ctx.markerAt.get(i);
    if (!m) continue;
    const first = markers[0];
    if (first ? m.series === first.series && m.index === markers[markers.length - 1]!.index + 1 : m.index === 1 && m.series !== '一要') markers.push(m);
    else return { to: i, markers };
  }
  return { to: paragraphEnd, markers };
}
