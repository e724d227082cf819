import { loadLexicon } from './lexicon.js';
import { countHan, excerpt } from './text.js';
import type { Section, SectionKind, SeriesId, Speech } from './types.js';

/** The JSON shape of `jianghua outline --format json` (contracts.md). */
export interface OutlineNode {
  kind: SectionKind;
  heading?: string;
  numbering?: { series: SeriesId; index: number };
  line: number;
  endLine: number;
  /** Han characters in the section, children included. */
  chars: number;
  children: OutlineNode[];
}

export interface Outline {
  title?: string;
  salutation?: string;
  kind: Speech['kind'];
  /** Set for a Word file: `line` and `endLine` are paragraphs (段), as Word counts them. */
  unit?: 'paragraph';
  sections: OutlineNode[];
}

export const KIND_LABELS: Record<SectionKind, string> = {
  opening: '开场',
  achievements: '成绩',
  problems: '问题',
  opinions: '意见',
  closing: '号召',
  agenda: '议程',
  review: '点评',
  other: '其他',
};

/** 总结讲话, 主持词 …: the names data/kinds.yaml gives the genres. */
export const SPEECH_KIND_LABELS = Object.fromEntries(loadLexicon().kinds.map((k) => [k.id, k.label])) as Record<Speech['kind'], string>;

function node(speech: Speech, s: Section): OutlineNode {
  return {
    kind: s.kind,
    ...(s.heading ? { heading: s.heading } : {}),
    ...(s.numbering ? { numbering: s.numbering } : {}),
    line: speech.position(s.start).line,
    endLine: speech.position(Math.max(s.start, s.end - 1)).line,
    chars: countHan(speech.text.slice(s.start, s.end)),
    children: s.children.map((c) => node(speech, c)),
  };
}

export function outline(speech: Speech): Outline {
  return {
    ...(speech.title ? { title: speech.title.text } : {}),
    ...(speech.salutation ? { salutation: speech.salutation.text } : {}),
    kind: speech.kind,
    sections: speech.sections.map((s) => node(speech, s)),
  };
}

const ellipsis = (text: string, max: number) => excerpt(text, max, '…');

/** A readable indented tree: kind, heading, lines and length of each part. */
export function formatOutline(o: Outline, options: { headingWidth?: number; paint?: (kind: SectionKind, text: string) => string } = {}): string {
  const width = options.headingWidth ?? 36;
  const paint = options.paint ?? ((_k, t) => t);
  const lines: string[] = [];
  if (o.title) lines.push(`标题：${o.title}`);
  lines.push(`体裁：${SPEECH_KIND_LABELS[o.kind]}`);
  const unit = o.unit === 'paragraph' ? '段' : '行';
  const walk = (nodes: OutlineNode[], depth: number) => {
    for (const n of nodes) {
      const range = n.line === n.endLine ? `第${n.line}${unit}` : `第${n.line}–${n.endLine}${unit}`;
      const heading = n.heading ? ` ${ellipsis(n.heading, width)}` : '';
      lines.push(`${'  '.repeat(depth)}${paint(n.kind, `【${KIND_LABELS[n.kind]}】`)}${heading}  ${range}，${n.chars}字`);
      walk(n.children, depth + 1);
    }
  };
  walk(o.sections, 0);
  return `${lines.join('\n')}\n`;
}
