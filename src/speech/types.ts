import type { LineIndex, Position } from './text.js';

/** A half-open range [start, end) of UTF-16 offsets into `Speech.text`. */
export interface Span {
  start: number;
  end: number;
}

export interface Clause extends Span {
  text: string;
}

export interface Sentence extends Span {
  text: string;
  /** Index of the paragraph that holds it. */
  paragraph: number;
  /** Index among all sentences of the speech. */
  index: number;
  clauses: Clause[];
}

export interface Paragraph extends Span {
  index: number;
  /** 1-based line of the paragraph (one paragraph is one line). */
  line: number;
  /** The text without indentation or trailing white space. */
  text: string;
  /** Leading white space as written: spaces, NBSP, full-width spaces, tabs. */
  indent: string;
  sentences: Sentence[];
}

export type SeriesId = '一、' | '（一）' | '1.' | '（1）' | '一是' | '一要' | '第一' | '其一' | '首先';
export type SeriesFamily = 'heading' | 'paren-cn' | 'arabic' | 'paren-arabic' | 'ordinal' | 'di' | 'sequence' | 'agenda';

/** A numbering marker that opens an enumerated item: 一、 （一） 二是 三要 第四 其次 …. */
export interface NumberingMarker extends Span {
  series: SeriesId;
  family: SeriesFamily;
  /** 1-based position in its series (最后 takes the index after its predecessor). */
  index: number;
  /** The marker as written: 二要, （三）, 其次. */
  text: string;
  paragraph: number;
  sentence: number;
  /** True when the marker opens its paragraph. */
  atParagraphStart: boolean;
  /** True for an item after a comma (要做到一要…，二要…): counted by lint, but it opens no section. */
  midSentence?: boolean;
}

export type SectionKind = 'opening' | 'achievements' | 'problems' | 'opinions' | 'closing' | 'agenda' | 'review' | 'other';

export interface Section extends Span {
  kind: SectionKind;
  /** The heading or lead sentence, without final punctuation. */
  heading?: string;
  headingSpan?: Span;
  numbering?: { series: SeriesId; index: number };
  marker?: NumberingMarker;
  children: Section[];
}

/** The genres parseSpeech tells apart (data/kinds.yaml gives their names and cues). */
export type SpeechKind = 'summary-speech' | 'host-script' | 'review' | 'report' | 'progress-meeting' | 'work-meeting' | 'self-inspection';

export interface Speech {
  /** Normalised text: no BOM, LF line ends. All offsets refer to it. */
  text: string;
  lines: LineIndex;
  title?: Paragraph;
  salutation?: Paragraph;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  /** Every accepted numbering marker, in document order. */
  markers: NumberingMarker[];
  sections: Section[];
  /** The genre the structure suggests. */
  kind: SpeechKind;
  /** 1-based line and code-point column of an offset. */
  position(offset: number): Position;
}
