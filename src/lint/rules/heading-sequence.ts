import { SPEECH_KINDS } from '../../data/schemas.js';
import { parseChineseNumeral, toChineseNumeral } from '../../speech/numerals.js';
import { findSections, innermostAt } from '../../speech/walk.js';
import type { NumberingMarker, Section, SectionKind, Speech } from '../../speech/types.js';
import { compilePattern } from '../../data/regex.js';
import { NO_OPTIONS, type NoOptions } from '../options.js';
import type { Rule, RuleContext } from '../types.js';
import { firstIndex } from '../../sorted.js';

/**
 * How many numbered items a section kind really has after an announcement, for offsets asked in
 * ascending order, so that n announcements in a speech of n sections stay linear.
 */
function itemCounter(speech: Speech, kind: SectionKind): (offset: number) => number | undefined {
  const sections = findSections(speech, kind); // depth first: ascending start, parents before children
  if (kind === 'agenda') {
    const numbered = new Set(sections.flatMap((s) => (s.numbering ? [s.numbering.index] : [])));
    return () => numbered.size || undefined;
  }
  const holding = innermostAt(sections);
  let after = 0;
  return (offset) => {
    // the innermost section that holds the announcement, else the first one after it
    while (after < sections.length && sections[after]!.start < offset) after++;
    const holder = holding(offset) ?? sections[after];
    const items = new Set(holder?.children.flatMap((c) => (c.numbering ? [c.numbering.index] : [])) ?? []);
    return items.size || undefined;
  };
}

function checkAnnounced(speech: Speech, context: RuleContext): void {
  for (const a of context.data('announced-counts.yaml').announcements) {
    const itemsAfter = itemCounter(speech, a.section);
    for (const m of speech.text.matchAll(compilePattern(a.pattern, 'gu', 'announced-counts.yaml'))) {
      const word = m.groups?.n ?? '';
      const announced = word === '两' ? 2 : parseChineseNumeral(word);
      const actual = itemsAfter(m.index);
      if (actual === undefined || Number.isNaN(announced) || actual === announced) continue;
      context.report({ messageId: 'count', data: { phrase: m[0], actual: actual === 2 ? '两' : toChineseNumeral(actual) }, range: [m.index, m.index + m[0].length] });
    }
  }
}

/** Loose markers (not heading a section) belong together when this close. */
const PARAGRAPH_WINDOW = 1;

interface Level {
  items: NumberingMarker[];
  /** Numbered sections of one parent; a loose run may be the tail of a list the model split. */
  sections: boolean;
}

/** Sibling items: the numbered children of one parent, or a loose run inside a paragraph. */
function levels(speech: Speech, lookalike: (m: NumberingMarker) => boolean): Level[] {
  const out: Level[] = [];
  const owned = new Set<number>();
  const visit = (children: readonly Section[]) => {
    const level = children.flatMap((s) => (s.marker ? [s.marker] : []));
    for (const m of level) owned.add(m.start);
    if (level.length) out.push({ items: level, sections: true });
    for (const s of children) visit(s.children);
  };
  visit(speech.sections);
  let run: NumberingMarker[] = [];
  for (const m of speech.markers) {
    if (owned.has(m.start)) continue;
    const last = run[run.length - 1];
    if (last && (last.family !== m.family || m.paragraph - last.paragraph > PARAGRAPH_WINDOW)) {
      out.push({ items: run, sections: false });
      run = [];
    }
    run.push(m);
  }
  if (run.length) out.push({ items: run, sections: false });
  return out.map((level) => ({ ...level, items: level.items.filter((m) => !lookalike(m)) }));
}

/** What may stand before a marker written inside a paragraph. */
const CLAUSE_START = /[。；：！？，\n]/u;

/** The last of `markers` (in text order) that starts before `offset`. */
function lastBefore(markers: readonly NumberingMarker[], offset: number): NumberingMarker | undefined {
  return markers[firstIndex(markers, (m) => m.start >= offset) - 1];
}

/** The marker's text with its number changed: 二是 → 一是, （三） → （一）. */
const restyle = (m: NumberingMarker, index: number) => m.text.replace(toChineseNumeral(m.index), toChineseNumeral(index));

/** Split a level into series: one per family, restarting at 1 (a new list under the same parent). */
function series(level: readonly NumberingMarker[]): NumberingMarker[][] {
  const byFamily = new Map<string, NumberingMarker[][]>();
  for (const m of level) {
    const runs = byFamily.get(m.family) ?? [];
    byFamily.set(m.family, runs);
    const current = runs[runs.length - 1];
    if (!current || (m.index === 1 && current.length > 0)) runs.push([m]);
    else current.push(m);
  }
  return [...byFamily.values()].flat();
}

const rule: Rule<NoOptions> = {
  id: 'heading-sequence',
  meta: {
    description: '编号不连续（一、二、四、）、重复（二要…二要）或同一层级混用体例（一要、二是、三是）',
    defaultSeverity: 'error',
    kinds: SPEECH_KINDS,
    messages: {
      gap: '缺少第{{missing}}项：“{{prev}}”之后是“{{next}}”',
      start: '编号没有从“{{expected}}”开始：这一组的第一个编号是“{{next}}”',
      repeat: '编号重复：“{{prev}}”之后又是“{{next}}”',
      order: '编号顺序颠倒：“{{prev}}”之后是“{{next}}”',
      mixed: '同一层级编号体例不一：“{{first}}”与“{{other}}”混用，应统一为“{{expected}}”',
      count: '前面说“{{phrase}}”，实际编号的有{{actual}}项',
    },
    warnOnly: ['mixed', 'count'],
    options: NO_OPTIONS,
    fixable: false,
  },
  check(speech, context) {
    checkAnnounced(speech, context);
    const lookalikes = context.lexicon.lookalikes;
    const lookalike = (m: NumberingMarker) => lookalikes.some((w) => speech.text.startsWith(w, m.start));
    // counting markers by family, in text order: the one before a marker is found by binary search
    // (a filter of all markers for each series was quadratic: 200 000 heading lines took 205 s)
    const byFamily = new Map<string, NumberingMarker[]>();
    for (const m of speech.markers) {
      if (lookalike(m)) continue;
      const list = byFamily.get(m.family);
      if (list) list.push(m);
      else byFamily.set(m.family, [m]);
    }
    // the nearest earlier marker of the family is the item just before: the series goes on
    const continues = (first: NumberingMarker) => {
      const before = lastBefore(byFamily.get(first.family) ?? [], first.start);
      if (before !== undefined) return before.index === first.index - 1;
      // the model takes 一是 for a marker only where it opens a clause it can see; look for it by text
      const previous = restyle(first, first.index - 1);
      const at = speech.text.lastIndexOf(previous, first.start - 1);
      return at >= 0 && (at === 0 || CLAUSE_START.test(speech.text[at - 1] as string));
    };
    for (const level of levels(speech, lookalike)) {
      for (const items of series(level.items)) {
        const first = items[0];
        if (!first) continue;
        // 首先、其次、然后、最后 are words, not numbers: only their style is checked
        const counted = first.family !== 'sequence';
        // 一是 inside a paragraph, 二是 heading one four paragraphs on: one series the model split
        if (counted && level.sections && first.index > 1 && !continues(first)) {
          context.report({ messageId: 'start', data: { next: first.text, expected: restyle(first, 1) }, range: [first.start, first.end] });
        }
        for (let i = 1; i < items.length; i++) {
          const prev = items[i - 1] as NumberingMarker;
          const m = items[i] as NumberingMarker;
          const data = { prev: prev.text, next: m.text };
          if (!counted) continue;
          if (m.index === prev.index) context.report({ messageId: 'repeat', data, range: [m.start, m.end] });
          else if (m.index < prev.index) context.report({ messageId: 'order', data, range: [m.start, m.end] });
          else if (m.index > prev.index + 1) {
            const from = toChineseNumeral(prev.index + 1);
            const missing = m.index - prev.index > 2 ? `${from}至第${toChineseNumeral(m.index - 1)}` : from;
            context.report({ messageId: 'gap', data: { ...data, missing }, range: [m.start, m.end] });
          }
        }
        // warn once per series, at the first item that departs from the first item's style
        const odd = items.find((m) => m.series !== first.series);
        if (odd) {
          const expected = restyle(first, odd.index);
          context.report({ messageId: 'mixed', data: { first: first.text, other: odd.text, expected }, range: [odd.start, odd.end] });
        }
      }
    }
  },
};

export default rule;
