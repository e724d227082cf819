/** What the section finders share: the speech's sentences, their cue tags, and helpers over sentence indices. */
import type { Lexicon } from '../lexicon.js';
import { StatementFinder } from '../statements.js';
import type { NumberingMarker, Paragraph, Section, SectionKind, Sentence } from '../types.js';
import { firstIndex } from '../../sorted.js';

/** Cues each sentence is tested for once. */
export interface Tags {
  achievements: boolean;
  problems: boolean;
  problemsEnd: boolean;
  transition: boolean;
  closing: boolean;
  report: boolean;
  stage: boolean;
  summaryAgenda: boolean;
}

export const stripEnd = (text: string) => text.replace(/[。！？；…：:，,!?;\s]+$/u, '');

/** Ranges are half-open sentence indices [from, to). */
export class SectionContext {
  readonly tags: Tags[];
  /** The marker that opens a sentence; agenda markers stand mid-sentence and are kept apart. */
  readonly markerAt = new Map<number, NumberingMarker>();
  /** Markers other than agenda ones, in text order (so sentence order too). */
  private readonly itemMarkers: readonly NumberingMarker[];
  readonly finder: StatementFinder;

  constructor(
    text: string,
    readonly paragraphs: readonly Paragraph[],
    readonly sentences: readonly Sentence[],
    readonly markers: readonly NumberingMarker[],
    readonly lexicon: Lexicon,
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
    this.itemMarkers = markers.filter((m) => m.family !== 'agenda');
    for (const m of this.itemMarkers) if (!this.markerAt.has(m.sentence)) this.markerAt.set(m.sentence, m);
  }

  /** Non-agenda markers of sentences [from, to), found by binary search: a part never scans the whole speech. */
  markersIn(from: number, to: number): NumberingMarker[] {
    const first = this.firstMarkerAt(from);
    return this.itemMarkers.slice(first, Math.max(first, this.firstMarkerAt(to)));
  }

  /** The index in itemMarkers of the first marker at sentence `sentence` or later. */
  private firstMarkerAt(sentence: number): number {
    return firstIndex(this.itemMarkers, (m) => m.sentence >= sentence);
  }

  tag(i: number): Tags {
    return this.tags[i] as Tags;
  }

  range(from: number, to: number): number[] {
    const out: number[] = [];
    for (let i = from; i < to; i++) out.push(i);
    return out;
  }

  isFirstInParagraph(s: Sentence): boolean {
    return this.paragraphs[s.paragraph]!.sentences[0] === s;
  }

  paragraphStart(i: number): number {
    return this.paragraphs[this.sentences[i]!.paragraph]!.sentences[0]!.index;
  }

  paragraphEnd(i: number): number {
    const p = this.paragraphs[this.sentences[i]!.paragraph]!;
    return p.sentences[p.sentences.length - 1]!.index + 1;
  }

  nextParagraphStart(i: number, limit: number): number {
    return Math.min(this.paragraphEnd(i), limit);
  }

  /** The first sentence after the last of `sections`. */
  after(sections: readonly Section[]): number {
    return this.sentenceIndexAt(sections[sections.length - 1]!.end - 1) + 1;
  }

  /** The index of the sentence that contains `offset`. */
  sentenceIndexAt(offset: number): number {
    return Math.max(0, firstIndex(this.sentences, (s) => s.start > offset) - 1);
  }

  spanOf(from: number, to: number): { start: number; end: number } {
    return { start: this.sentences[from]!.start, end: this.sentences[Math.max(from, to - 1)]!.end };
  }

  /** The pivot clause (在肯定成绩的同时), or the sentence's start when that clause says little (目前). */
  leadHeading(i: number): string {
    const sentence = this.sentences[i]!;
    const clause = sentence.clauses[0]?.text ?? sentence.text;
    if ([...clause].length >= 5) return stripEnd(clause);
    const chars = [...stripEnd(sentence.text)];
    return chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : chars.join('');
  }

  agendaHeading(i: number): string {
    const text = this.sentences[i]!.text;
    const colon = text.search(/[：:]/u);
    return stripEnd(colon > 0 ? text.slice(0, colon) : text);
  }

  /** A section over sentences [from, to); `extra` fields left undefined are left out. */
  section(kind: SectionKind, from: number, to: number, extra: { [K in keyof Section]?: Section[K] | undefined } = {}): Section {
    const s: Section = { kind, ...this.spanOf(from, Math.max(to, from + 1)), children: [] };
    for (const [key, value] of Object.entries(extra)) if (value !== undefined) (s as unknown as Record<string, unknown>)[key] = value;
    return s;
  }
}
