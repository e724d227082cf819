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
