import { expect } from 'vitest';
import type { Section, Span, Speech } from '../../src/speech/index.js';

/** Offsets, lines and columns that a result may report for `text`. */
export function expectSpanInside(span: Span, text: string, what: string): void {
  if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length)) {
    expect.fail(`${what}: [${span.start}, ${span.end}) outside [0, ${text.length}]`);
  }
}

export function expectPositionInside(pos: { line: number; column: number }, text: string | readonly string[], what: string): void {
  const lines = typeof text === 'string' ? text.split('\n') : text;
  const line = lines[pos.line - 1];
  if (!(Number.isInteger(pos.line) && Number.isInteger(pos.column) && line !== undefined && pos.column >= 1 && pos.column <= [...line].length + 1)) {
    expect.fail(`${what}: ${pos.line}:${pos.column} is not a place in the text (${lines.length} lines)`);
  }
}

function checkSections(sections: readonly Section[], parent: Span, text: string, path: string): void {
  for (const [i, s] of sections.entries()) {
    const where = `${path}[${i}] ${s.kind}`;
    expectSpanInside(s, text, where);
    if (s.start < parent.start || s.end > parent.end) expect.fail(`${where}: [${s.start}, ${s.end}) not within parent [${parent.start}, ${parent.end})`);
    if (s.headingSpan) expectSpanInside(s.headingSpan, text, `${where}.headingSpan`);
    checkSections(s.children, s, text, `${where}.children`);
  }
}

/** Every span of the model lies in the text, children lie within parents, indices point at things that exist. */
export function checkSpeech(speech: Speech): void {
  const { text } = speech;
  for (const p of speech.paragraphs) {
    expectSpanInside(p, text, `paragraph ${p.index}`);
    for (const s of p.sentences) {
      expectSpanInside(s, text, `sentence ${s.index}`);
      if (s.start < p.start || s.end > p.end) expect.fail(`sentence ${s.index} outside its paragraph ${p.index}`);
      for (const c of s.clauses) {
        expectSpanInside(c, text, `clause of sentence ${s.index}`);
        if (c.start < s.start || c.end > s.end) expect.fail(`clause [${c.start}, ${c.end}) outside sentence ${s.index}`);
      }
    }
  }
  for (const m of speech.markers) {
    expectSpanInside(m, text, `marker ${m.text}`);
    if (!speech.paragraphs[m.paragraph] || !speech.sentences[m.sentence]) expect.fail(`marker ${m.text} points at a missing paragraph/sentence`);
  }
  checkSections(speech.sections, { start: 0, end: text.length }, text, 'sections');
  const lines = text.split('\n');
  // position() counts code points from the line start, so sample sentences rather than all of a 10 000-sentence line
  const sample = speech.sentences.length > 400 ? [...speech.sentences.slice(0, 200), ...speech.sentences.slice(-200)] : speech.sentences;
  for (const offset of [0, text.length, ...sample.map((s) => s.start)]) expectPositionInside(speech.position(offset), lines, `position(${offset})`);
}

/** The data of a speech without its functions and indexes, for determinism checks. */
export function plain(speech: Speech): unknown {
  const { text, title, salutation, paragraphs, markers, sections, kind } = speech;
  return JSON.parse(JSON.stringify({ text, title, salutation, paragraphs, markers, sections, kind }));
}
