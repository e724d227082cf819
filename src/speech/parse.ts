import { loadLexicon, type Lexicon } from './lexicon.js';
import { detectKind } from './kind.js';
import { findMarkers } from './numbering.js';
import { SectionBuilder } from './sections/index.js';
import { splitParagraphs } from './sentences.js';
import { LineIndex, normalizeText } from './text.js';
import type { Paragraph, Speech } from './types.js';

export interface ParseOptions {
  /** Lexicons to use instead of the shipped `data/` (tests, user extensions). */
  lexicon?: Lexicon;
}

const TERMINAL = /[。！？；…!?;：:]$/u;

/** A first line such as 在……上的讲话, set apart from the salutation, is the title. */
function findTitle(paragraphs: readonly Paragraph[], text: string, lexicon: Lexicon): Paragraph | undefined {
  const first = paragraphs[0];
  const second = paragraphs[1];
  if (!first || !second || lexicon.cues.salutation.test(first.text) || first.text.length > 80) return undefined;
  if (lexicon.lineMarker.test(first.text) || /^[（(]/u.test(first.text) || TERMINAL.test(first.text)) return undefined;
  const blankAfter = second.line > first.line + 1 || /^\s*$/u.test(text.slice(first.end, second.start).replace(/\n/u, ''));
  const beforeSalutation = lexicon.cues.salutation.test(second.text);
  return lexicon.cues.title.test(first.text) || (blankAfter && second.line > first.line + 1) || beforeSalutation ? first : undefined;
}

/**
 * Parse a speech into paragraphs, sentences, clauses, numbering markers and sections.
 * Pure and synchronous: no file access, no word segmentation.
 */
export function parseSpeech(raw: string, options: ParseOptions = {}): Speech {
  const lexicon = options.lexicon ?? loadLexicon();
  const text = normalizeText(raw);
  const lines = new LineIndex(text);
  const paragraphs = splitParagraphs(text, lexicon.leadingMarker);
  const sentences = paragraphs.flatMap((p) => p.sentences);
  const markers = findMarkers(paragraphs, lexicon);
  const title = findTitle(paragraphs, text, lexicon);
  const bodyParagraphs = title ? paragraphs.slice(1) : paragraphs;
  // a date or speaker line (（2024年1月18日）) may stand between the title and 同志们：
  const salutation = bodyParagraphs.slice(0, 3).find((p) => lexicon.cues.salutation.test(p.text));
  const from = title ? title.sentences.length : 0;
  // sections open at sentences: items after a comma are recorded for lint but open no section
  const sectionMarkers = markers.filter((m) => !m.midSentence && (!title || m.paragraph > 0));
  const structure = new SectionBuilder(text, paragraphs, sentences, sectionMarkers, lexicon).build(from);
  const { sections } = structure;
  const kind = detectKind(structure.kind, structure.proven, title, bodyParagraphs, lexicon);
  return {
    text,
    lines,
    ...(title ? { title } : {}),
    ...(salutation ? { salutation } : {}),
    paragraphs,
    sentences,
    markers,
    sections,
    kind,
    position: (offset: number) => lines.position(offset),
  };
}
