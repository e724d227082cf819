import type { Section, SectionKind, Speech } from './types.js';

/** Depth-first, parents before children. */
export function* walkSections(sections: readonly Section[], depth = 0, parent?: Section): Generator<{ section: Section; depth: number; parent?: Section }> {
  for (const section of sections) {
    yield { section, depth, ...(parent ? { parent } : {}) };
    yield* walkSections(section.children, depth + 1, section);
  }
}

export function findSections(speech: Speech, kind: SectionKind): Section[] {
  return [...walkSections(speech.sections)].filter((e) => e.section.kind === kind).map((e) => e.section);
}

/**
 * The innermost of `sections` holding an offset, for offsets asked in ascending order. Sections of a
 * speech nest or are apart, so a stack of the ones still open answers n queries over n sections in
 * O(n) in all, where a search of every section per query would be quadratic on a long speech.
 */
export function innermostAt<S extends { start: number; end: number }>(sections: readonly S[]): (offset: number) => S | undefined {
  const ordered = [...sections].sort((a, b) => a.start - b.start || b.end - a.end);
  const open: S[] = [];
  let next = 0;
  return (offset) => {
    while (next < ordered.length && ordered[next]!.start <= offset) {
      const s = ordered[next++]!;
      while (open.length > 0 && open[open.length - 1]!.end <= s.start) open.pop();
      open.push(s);
    }
    while (open.length > 0 && open[open.length - 1]!.end <= offset) open.pop();
    return open[open.length - 1];
  };
}
