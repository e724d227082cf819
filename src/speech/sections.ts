import type { Lexicon } from './lexicon.js';
import { findDefect } from './problems.js';
import { StatementFinder } from './statements.js';
import type { NumberingMarker, Paragraph, Section, SectionKind, Sentence, SeriesFamily, SpeechKind } from './types.js';

/**
 * Cut a speech into its parts. The genre's order is fixed (开场 → 成绩 → 问题 → 意见 → 号召),
 * so the parser looks for the boundaries between parts by cue phrases, then numbers the items
 * inside each part by their markers. Ranges are half-open sentence indices [from, to).
 */

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

interface Tags {
  achievements: boolean;
  problems: boolean;
  problemsEnd: boolean;
  transition: boolean;
  closing: boolean;
  report: boolean;
  stage: boolean;
  summaryAgenda: boolean;
}

export interface Structure {
  sections: Section[];
  kind: SpeechKind;
  /** True when the structure itself proves the kind (an agenda, 请……述职, ××同志： blocks). */
  proven: boolean;
}

/** Where a 点评 starts: after 请……述职 (the review is the next paragraphs) or inline (××同志：…, ××同志的书面述职报告，…). */
interface ReviewStart {
  sentence: number;
  inline: boolean;
}

const stripEnd = (text: string) => text.replace(/[。！？；…：:，,!?;\s]+$/u, '');

export class SectionBuilder {
  private readonly tags: Tags[];
  private readonly markerAt = new Map<number, NumberingMarker>();

  private readonly finder: StatementFinder;

  constructor(
    text: string,
    private readonly paragraphs: readonly Paragraph[],
    private readonly sentences: readonly Sentence[],
    private readonly markers: readonly NumberingMarker[],
    private readonly lexicon: Lexicon,
  ) {
    this.finder = new StatementFinder(text, markers, lexicon);
    const c = lexicon.cues;
    this.tags = sentences.map((s) => {
      const first = this.isFirstInParagraph(s);
      return {
        achievements: c.achievements.test(s.text) && !c.achievementsExclude.test(s.text),
        problems: c.problems.test(s.text) && !c.problemsExclude.test(s.text),
        problemsEnd: c.problemsEnd.test(s.text),
        transition: c.transition.test(s.text),
        closing: first && (c.closingStart.test(s.text) || c.closing.test(s.text)),
        report: first && c.report.test(s.text),
        stage: c.stageDirection.test(s.text),
        summaryAgenda: c.agendaSummary.test(s.text),
      };
    });
    // the marker that opens a sentence; agenda markers stand mid-sentence and are kept apart
    for (const m of markers) if (m.family !== 'agenda' && !this.markerAt.has(m.sentence)) this.markerAt.set(m.sentence, m);
  }

  build(from: number): Structure {
    const to = this.sentences.length;
    if (from >= to) return { sections: [], kind: 'summary-speech', proven: false };
    const agenda = this.markers.filter((m) => m.family === 'agenda' && m.sentence >= from);
    const reports = this.range(from, to).filter((i) => this.tag(i).report);
    if (agenda.length >= 2 || reports.length >= 2) return { sections: this.hostScript(from, to, agenda), kind: 'host-script', proven: true };
    const addressed = this.range(from, to).filter((i) => this.isFirstInParagraph(this.sentences[i]!) && this.lexicon.cues.address.test(this.sentences[i]!.text));
    if (addressed.length >= 2) return { sections: this.addressedReviews(from, to, addressed), kind: 'review', proven: true };
    const sections = this.body(from, to);
    const top = new Set(sections.map((s) => s.kind));
    const kind: SpeechKind = top.has('problems') || top.has('achievements') || !top.has('opinions') ? 'summary-speech' : 'progress-meeting';
    return { sections, kind, proven: false };
  }

  /** 书记点评: one block per 述职人, each opened by ××同志：; an opening and closing remarks may stand around them. */
  private addressedReviews(from: number, to: number, starts: number[]): Section[] {
    const sections: Section[] = [];
    if (starts[0]! > from) sections.push(this.section('opening', from, starts[0]!));
    const reviews = this.reviews(starts.map((sentence) => ({ sentence, inline: true })), to);
    sections.push(...reviews);
    const after = this.after(reviews);
    if (after < to) sections.push(...this.remarks(after, to));
    return sections;
  }

  /** What a host says around the 点评 (总的看…但从述职看，也反映出一些共性问题：…): other, with any problem span in it. */
  private remarks(from: number, to: number): Section[] {
    const closingAt = this.range(from, to).find((i) => this.tag(i).closing && i > from);
    const end = closingAt ?? to;
    const out: Section[] = [];
    if (end > from) {
      const other = this.section('other', from, end);
      other.children = this.items(from, end, 'other');
      out.push(other);
    }
    if (closingAt !== undefined) out.push(this.section('closing', closingAt, to));
    return out;
  }

  /** The 点评 that start in [from, to): after each 请……述职, and inline after ××同志的书面述职报告. */
  private reviewStarts(from: number, to: number): ReviewStart[] {
    const c = this.lexicon.cues;
    const starts: ReviewStart[] = [];
    for (let i = from; i < to; i++) {
      if (this.tag(i).report) starts.push({ sentence: i, inline: false });
      else if (this.isFirstInParagraph(this.sentences[i]!) && c.writtenReport.test(this.sentences[i]!.text)) starts.push({ sentence: i, inline: true });
    }
    return starts;
  }

  // ---- host script: 议程, 请…述职, 点评, then the host's own 总结讲话 ----

  private hostScript(from: number, to: number, agenda: NumberingMarker[]): Section[] {
    const sections: Section[] = [];
    const starts = agenda.map((m) => this.paragraphStart(m.sentence));
    if (starts.length === 0) return this.reportsWithoutAgenda(from, to);
    if ((starts[0] as number) > from) sections.push(this.section('opening', from, starts[0] as number));
    // after a last item that is not the host's own speech, 同志们，…散会 closes the meeting
    const lastStart = starts[starts.length - 1] as number;
    const closingAt = this.tag(agenda[agenda.length - 1]!.sentence).summaryAgenda
      ? undefined
      : this.range(this.nextParagraphStart(lastStart, to), to).find((i) => this.tag(i).closing);
    agenda.forEach((marker, k) => {
      const start = starts[k] as number;
      const end = starts[k + 1] ?? closingAt ?? to;
      const item = this.section('agenda', start, end, {
        heading: this.agendaHeading(marker.sentence),
        headingSpan: this.spanOf(marker.sentence, marker.sentence + 1),
        numbering: { series: marker.series, index: marker.index },
        marker,
      });
      const bodyFrom = this.nextParagraphStart(start, end);
      if (this.tag(marker.sentence).summaryAgenda) item.children = this.body(bodyFrom, end);
      else item.children = this.reviewsAndRemarks(bodyFrom, end);
      sections.push(item);
    });
    if (closingAt !== undefined) sections.push(...this.hostClosing(closingAt, to));
    return sections;
  }

  /** The host's last words: a speech of its own when it numbers opinions (第一，要抓好整改…), else the closing. */
  private hostClosing(from: number, to: number): Section[] {
    const numbered = this.markers.some((m) => m.atParagraphStart && m.index === 1 && m.family !== 'agenda' && m.sentence > from && m.sentence < to);
    return numbered ? this.body(from, to) : [this.section('closing', from, to)];
  }

  /** An agenda item's 点评, then what the host says after the last one. */
  private reviewsAndRemarks(from: number, to: number): Section[] {
    const starts = this.reviewStarts(from, to);
    if (starts.length === 0) return from < to && this.range(from, to).some((i) => this.tag(i).problems) ? this.remarks(from, to) : [];
    const reviews = this.reviews(starts, to);
    const after = this.after(reviews);
    return after < to ? [...reviews, ...this.remarks(after, to)] : reviews;
  }

  private reportsWithoutAgenda(from: number, to: number): Section[] {
    const starts = this.reviewStarts(from, to);
    const first = starts[0]!.sentence;
    const sections: Section[] = [];
    if (first > from) sections.push(this.section('opening', from, first));
    const reviews = this.reviews(starts, to);
    sections.push(...reviews);
    const after = this.after(reviews);
    if (after < to) sections.push(...this.body(after, to));
    return sections;
  }

  /** Whether a 点评 sentence turns to problems, to hopes, or neither. */
  private reviewCue(text: string): SectionKind | undefined {
    const c = this.lexicon.cues;
    if (c.reviewHopes.test(text)) return 'opinions';
    if (c.reviewProblems.test(text)) return 'problems';
    // 但是，…… / 同时，……: a turn only when what follows states a shortcoming
    if (c.reviewTurn.test(text) && findDefect(text, this.lexicon)) return 'problems';
    return undefined;
  }

  /** Each start opens a review: praise, then its problems (存在的主要问题是 / 但是 …), then 希望. */
  private reviews(starts: readonly ReviewStart[], to: number): Section[] {
    return starts.map(({ sentence: start, inline }, k) => {
      const limit = starts[k + 1]?.sentence ?? to;
      const heading = stripEnd(inline ? (this.sentences[start]!.text.split(/[：:，,]/u)[0] ?? '') : this.sentences[start]!.text);
      const review = this.section('review', start, limit, { heading });
      const children: Section[] = [];
      let sawHopes = false;
      let end = limit;
      // sentence by sentence, so that a 点评 written as one paragraph still splits at its problems and 希望
      for (let i = inline ? start : this.nextParagraphStart(start, limit); i < limit; i++) {
        const sentence = this.sentences[i]!;
        if (this.tag(i).stage) continue;
        const opensParagraph = this.isFirstInParagraph(sentence);
        const last = children[children.length - 1];
        // no lead-in at all: a sentence after the praise that states shortcomings turns to problems
        const cued = this.reviewCue(sentence.text) ?? (last?.kind === 'achievements' && this.finder.outsidePart(sentence).length >= 2 ? 'problems' : undefined);
        const kind: SectionKind = cued ?? (opensParagraph || !last ? 'achievements' : last.kind);
        // after the hopes, an unrelated paragraph ends the review (the host's remarks, the next item)
        if (sawHopes && opensParagraph && kind !== 'opinions') {
          end = i;
          break;
        }
        sawHopes ||= kind === 'opinions';
        if (last && last.kind === kind && !cued) Object.assign(last, this.spanOf(this.sentenceIndexAt(last.start), i + 1));
        else children.push(this.section(kind, i, i + 1, { heading: kind === 'achievements' ? undefined : stripEnd(sentence.clauses[0]?.text ?? sentence.text) }));
      }
      for (const child of children) {
        if (child.kind === 'problems') child.children = this.items(this.sentenceIndexAt(child.start), this.sentenceIndexAt(child.end - 1) + 1, 'problems');
      }
      review.children = children;
      if (end < limit) Object.assign(review, this.spanOf(start, end));
      return review;
    });
  }

  // ---- a speech body: opening, achievements, problems, opinions, other, closing ----

  private body(from: number, to: number): Section[] {
    if (from >= to) return [];
    const idx = this.range(from, to);
    const headings = this.markers.filter((m) => m.family === 'heading' && m.atParagraphStart && m.sentence >= from && m.sentence < to);
    const headingKinds = headings.map((h) => this.headingKind(h));
    if (headingKinds.some((k) => k !== 'opinions')) return this.headedBody(from, to, headings, headingKinds);
    const transition = idx.find((i) => this.tag(i).transition);
    const firstHeading = headings[0];
    let opinionsAt = transition ?? firstHeading?.sentence;

    // preamble: opening → achievements → problems
    const preambleEnd = opinionsAt ?? to;
    const ach = idx.find((i) => i < preambleEnd && (this.tag(i).achievements || this.lexicon.cues.achievementsLead.test(this.sentences[i]!.text)));
    const prob = idx.find((i) => i < preambleEnd && (ach === undefined || i > ach) && this.tag(i).problems) ?? (ach === undefined ? undefined : this.unannouncedProblems(ach, preambleEnd));
    const sections: Section[] = [];
    const achStart = ach === undefined ? undefined : Math.max(from, this.paragraphStart(ach));
    const probStart = prob;
    let probEnd: number | undefined;
    if (probStart !== undefined) {
      const endCue = idx.find((i) => i > probStart && i < preambleEnd && this.tag(i).problemsEnd);
      probEnd = endCue !== undefined ? endCue + 1 : opinionsAt !== undefined ? this.paragraphStart(opinionsAt) : this.paragraphEnd(probStart);
      probEnd = Math.max(probEnd, probStart + 1);
    }
    const openingEnd = achStart ?? probStart ?? (opinionsAt !== undefined ? this.paragraphStart(opinionsAt) : undefined) ?? to;
    if (openingEnd > from) sections.push(this.section('opening', from, openingEnd));
    if (achStart !== undefined) {
      const achEnd = probStart ?? (opinionsAt !== undefined ? Math.max(achStart + 1, this.paragraphStart(opinionsAt)) : this.paragraphEnd(ach as number));
      const s = this.section('achievements', achStart, achEnd);
      s.children = this.items(achStart, achEnd, 'achievements');
      sections.push(s);
    }
    let cursor = sections.length ? this.after(sections) : from;
    if (probStart !== undefined && probEnd !== undefined) {
      const s = this.section('problems', probStart, probEnd, { heading: this.leadHeading(probStart) });
      s.children = this.items(probStart, probEnd, 'problems');
      sections.push(s);
      cursor = probEnd;
    }
    if (opinionsAt === undefined) {
      // no transition and no 一、 headings: top-level 一要/一是 paragraphs after the problems are the opinions
      const top = this.markers.find((m) => m.atParagraphStart && m.index === 1 && m.sentence >= cursor && m.sentence < to && m.family !== 'agenda');
      opinionsAt = top?.sentence;
    }
    if (opinionsAt === undefined) {
      if (cursor < to) sections.push(...this.tail(cursor, to));
      return sections;
    }
    // the transition's paragraph joins the opinions, unless its lead sentences state the meeting's purpose
    const lead = this.range(this.paragraphStart(opinionsAt), opinionsAt);
    const leadIsOpening = lead.some((i) => this.lexicon.cues.opening.test(this.sentences[i]!.text));
    const opinionsStart = Math.max(cursor, leadIsOpening ? opinionsAt : this.paragraphStart(opinionsAt));
    if (opinionsStart > cursor) {
      // with no 成绩 or 问题 before it, the lead-in still belongs to the opening
      const previous = sections[sections.length - 1];
      if (previous?.kind === 'opening') Object.assign(previous, this.spanOf(this.sentenceIndexAt(previous.start), opinionsStart));
      else sections.push(this.section('other', cursor, opinionsStart));
    }
    const closingAt = idx.find((i) => i > opinionsAt && this.tag(i).closing && this.paragraphStart(i) > this.paragraphStart(opinionsAt));
    const blockEnd = closingAt ?? to;
    const opinions = this.section('opinions', opinionsStart, blockEnd, transition === opinionsAt ? { heading: stripEnd(this.sentences[opinionsAt]!.text) } : {});
    const { children, end } = this.topOpinions(opinionsStart, blockEnd, transition === opinionsAt ? opinionsAt : undefined);
    opinions.children = children;
    if (end < blockEnd) Object.assign(opinions, this.spanOf(opinionsStart, end));
    sections.push(opinions);
    if (end < blockEnd) sections.push(this.section('other', end, blockEnd));
    if (closingAt !== undefined) sections.push(this.section('closing', closingAt, to));
    return sections;
  }

  /**
   * Problems with no pivot at all: after the achievements, the first paragraph whose opening
   * states shortcomings (a 一是 that restarts the series after 四是 is the usual sign, but the
   * content decides, since a list of achievements may restart too).
   */
  private unannouncedProblems(ach: number, end: number): number | undefined {
    for (let i = this.paragraphEnd(ach); i < end; i = this.paragraphEnd(i)) {
      const first = this.sentences[i]!;
      if (this.tag(i).achievements || this.tag(i).transition) continue;
      const [opening = 0, next = 0] = this.paragraphs[first.paragraph]!.sentences.slice(0, 2).map((sentence) => this.finder.outsidePart(sentence).length);
      if (opening > 0 && opening + next >= 2) return i;
    }
    return undefined;
  }

  /** What a 一、 heading announces: 主要成效 → achievements, 存在的问题 → problems, anything else → opinions. */
  private headingKind(marker: NumberingMarker): SectionKind {
    const c = this.lexicon.cues;
    const text = stripEnd(this.sentences[marker.sentence]!.text.slice(marker.text.length));
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
  private headedBody(from: number, to: number, headings: NumberingMarker[], kinds: SectionKind[]): Section[] {
    const sections: Section[] = [];
    const first = headings[0]!.sentence;
    if (first > from) sections.push(this.section('opening', from, first));
    const lastHeading = headings[headings.length - 1]!.sentence;
    const closingAt = this.range(lastHeading + 1, to).find((i) => this.tag(i).closing && this.paragraphStart(i) > this.paragraphStart(lastHeading));
    const end = closingAt ?? to;
    headings.forEach((marker, k) => {
      const next = headings[k + 1]?.sentence ?? end;
      sections.push(...this.numbered(marker.sentence, next, kinds[k]!, [marker]));
    });
    // two or more opinion headings in a row (二、……三、……四、……) are one opinions part, as after 下面我讲几点意见
    const opinions = sections.filter((s) => s.kind === 'opinions' && s.marker?.family === 'heading');
    if (opinions.length >= 2) {
      const at = sections.indexOf(opinions[0]!);
      const last = opinions[opinions.length - 1]!;
      const contiguous = sections.indexOf(last) - at === opinions.length - 1;
      if (contiguous) sections.splice(at, opinions.length, { kind: 'opinions', start: opinions[0]!.start, end: last.end, children: opinions });
    }
    if (closingAt !== undefined) sections.push(this.section('closing', closingAt, to));
    return sections;
  }

  /** After the achievements/problems with no opinions: closing if cued, else other. */
  private tail(from: number, to: number): Section[] {
    const closingAt = this.range(from, to).find((i) => this.tag(i).closing);
    const out: Section[] = [];
    if (closingAt === undefined) return [this.section('other', from, to)];
    if (closingAt > from) out.push(this.section('other', from, closingAt));
    out.push(this.section('closing', closingAt, to));
    return out;
  }

  /**
   * The numbered opinions. The last one ends where its own items end when they were whole
   * paragraphs, so that a trailing reminder (岁末年初…) is `other`, not part of opinion 三.
   */
  private topOpinions(from: number, to: number, transition: number | undefined): { children: Section[]; end: number } {
    const contentFrom = transition !== undefined ? transition + 1 : from;
    const children = this.items(contentFrom, to, 'opinions');
    const numbered = children.filter((c) => c.numbering);
    const last = numbered[numbered.length - 1];
    if (!last || last !== children[children.length - 1]) return { children, end: to };
    const lastFrom = this.sentenceIndexAt(last.start);
    const subParagraphItems = last.children.filter((c) => c.marker?.atParagraphStart);
    const headingOnly = this.paragraphs[this.sentences[lastFrom]!.paragraph]!.sentences.length === 1;
    let end = to;
    if (subParagraphItems.length > 0) {
      const lastSub = subParagraphItems[subParagraphItems.length - 1]!;
      end = this.paragraphEnd(this.sentenceIndexAt(lastSub.start));
    } else if (!headingOnly && last.marker?.atParagraphStart) {
      end = this.paragraphEnd(lastFrom);
    }
    if (end >= to) return { children, end: to };
    this.clip(last, this.sentences[end - 1]!.end);
    return { children, end };
  }

  /** Shorten a section and its descendants so that none reaches past `endOffset`. */
  private clip(section: Section, endOffset: number): void {
    section.end = Math.min(section.end, endOffset);
    section.children = section.children.filter((c) => c.start < endOffset);
    for (const child of section.children) this.clip(child, endOffset);
  }

  /**
   * Split [from, to) by its outermost numbering family; recurse into each item. Sentences not
   * inside an item may still hold an embedded problem span (清醒地看到… / stated defects) or a
   * praise sentence, which become `problems` / `achievements` children.
   */
  private items(from: number, to: number, kind: SectionKind, skip = new Set<number>()): Section[] {
    const children: Section[] = [];
    const covered = new Set<number>(skip);
    const opinionLike = kind === 'opinions' || kind === 'other';
    const candidates = this.markers.filter((m) => m.family !== 'agenda' && m.sentence >= from && m.sentence < to && !covered.has(m.sentence));
    const outer = Math.min(...candidates.map((m) => FAMILY_RANK[m.family]));
    // 1. embedded problem spans opened by a pivot (但也要清醒地看到…问题), with their own 一是…三是;
    //    a pivot inside an item is left to the recursion into that item
    const firstItem = candidates.find((m) => FAMILY_RANK[m.family] === outer && (FAMILY_RANK[m.family] < FAMILY_RANK.ordinal || m.atParagraphStart));
    const pivotLimit = firstItem?.sentence ?? to;
    if (opinionLike || kind === 'achievements') {
      for (let i = from; i < pivotLimit; i++) {
        if (covered.has(i) || !this.tag(i).problems) continue;
        const span = this.pivotSpan(i, to);
        const s = this.section('problems', i, span.to, { heading: this.leadHeading(i) });
        s.children = this.numbered(i + 1, span.to, 'problems', span.markers);
        children.push(s);
        for (let k = i; k < span.to; k++) covered.add(k);
        i = span.to - 1;
      }
    }
    // 2. numbered items of the outermost family left after the pivots took their own lists
    const remaining = candidates.filter((m) => !covered.has(m.sentence));
    if (remaining.length > 0) {
      const rank = Math.min(...remaining.map((m) => FAMILY_RANK[m.family]));
      const level = remaining.filter((m) => FAMILY_RANK[m.family] === rank);
      const items = this.numbered(from, to, kind, level, covered);
      for (const item of items) {
        const itemFrom = this.sentenceIndexAt(item.start);
        const itemTo = this.sentenceIndexAt(item.end - 1) + 1;
        for (let k = itemFrom; k < itemTo; k++) covered.add(k);
      }
      children.push(...items);
    }
    // 3. leftover praise inside an opinion (problems stated in passing are statements, not a part)
    if (opinionLike) {
      for (let i = from; i < to; i++) {
        // praise that names what was fixed (取得新成效：软弱涣散村党组织全部整顿) is praise, unless it turns (但…)
        if (!covered.has(i) && this.tag(i).achievements && !/要|但|然而|不过/u.test(this.sentences[i]!.text)) children.push(this.section('achievements', i, i + 1));
      }
    }
    return children.sort((a, b) => a.start - b.start);
  }

  /** Items opened by `level` markers: each runs to the next marker of its level or to `to`. */
  private numbered(from: number, to: number, kind: SectionKind, level: readonly NumberingMarker[], covered = new Set<number>()): Section[] {
    const inRange = level.filter((m) => m.sentence >= from && m.sentence < to && !covered.has(m.sentence));
    return inRange.map((marker, k) => {
      const start = marker.sentence;
      let end = inRange[k + 1]?.sentence ?? to;
      // an item after a colon-list ends with its paragraph when the next item is in a later paragraph
      if (inRange[k + 1] === undefined && !marker.atParagraphStart) end = Math.min(end, this.paragraphEnd(start));
      const item = this.section(kind, start, end, {
        heading: stripEnd(this.sentences[start]!.text),
        headingSpan: this.spanOf(start, start + 1),
        numbering: { series: marker.series, index: marker.index },
        marker,
      });
      if (end - start > 1) item.children = this.items(start + 1, end, kind);
      return item;
    });
  }

  /** A pivot's span: to the closing 这些问题 sentence, the paragraph end, or a marker that breaks its list. */
  private pivotSpan(pivot: number, to: number): { to: number; markers: NumberingMarker[] } {
    const paragraphEnd = Math.min(this.paragraphEnd(pivot), to);
    const markers: NumberingMarker[] = [];
    for (let i = pivot + 1; i < paragraphEnd; i++) {
      if (this.tag(i).problemsEnd) return { to: i + 1, markers };
      const m = this.markerAt.get(i);
      if (!m) continue;
      const first = markers[0];
      if (first ? m.series === first.series && m.index === markers[markers.length - 1]!.index + 1 : m.index === 1 && m.series !== '一要') markers.push(m);
      else return { to: i, markers };
    }
    return { to: paragraphEnd, markers };
  }

  // ---- helpers over sentence indices ----

  private tag(i: number): Tags {
    return this.tags[i] as Tags;
  }

  private range(from: number, to: number): number[] {
    const out: number[] = [];
    for (let i = from; i < to; i++) out.push(i);
    return out;
  }

  private isFirstInParagraph(s: Sentence): boolean {
    return this.paragraphs[s.paragraph]!.sentences[0] === s;
  }

  private paragraphStart(i: number): number {
    return this.paragraphs[this.sentences[i]!.paragraph]!.sentences[0]!.index;
  }

  private paragraphEnd(i: number): number {
    const p = this.paragraphs[this.sentences[i]!.paragraph]!;
    return p.sentences[p.sentences.length - 1]!.index + 1;
  }

  private nextParagraphStart(i: number, limit: number): number {
    return Math.min(this.paragraphEnd(i), limit);
  }


  /** The first sentence after the last of `sections`. */
  private after(sections: readonly Section[]): number {
    return this.sentenceIndexAt(sections[sections.length - 1]!.end - 1) + 1;
  }

  /** The index of the sentence that contains `offset`. */
  private sentenceIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.sentences[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private spanOf(from: number, to: number): { start: number; end: number } {
    return { start: this.sentences[from]!.start, end: this.sentences[Math.max(from, to - 1)]!.end };
  }

  /** The pivot clause (在肯定成绩的同时), or the sentence's start when that clause says little (目前). */
  private leadHeading(i: number): string {
    const sentence = this.sentences[i]!;
    const clause = sentence.clauses[0]?.text ?? sentence.text;
    if ([...clause].length >= 5) return stripEnd(clause);
    const chars = [...stripEnd(sentence.text)];
    return chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : chars.join('');
  }

  private agendaHeading(i: number): string {
    const text = this.sentences[i]!.text;
    const colon = text.search(/[：:]/u);
    return stripEnd(colon > 0 ? text.slice(0, colon) : text);
  }

  private section(kind: SectionKind, from: number, to: number, extra: Partial<Section> = {}): Section {
    const s: Section = { kind, ...this.spanOf(from, Math.max(to, from + 1)), children: [] };
    for (const [key, value] of Object.entries(extra)) if (value !== undefined) (s as unknown as Record<string, unknown>)[key] = value;
    return s;
  }
}
