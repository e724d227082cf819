import { compilePattern, escapeRegex, once } from '../data/index.js';
import { loadLexicon } from '../speech/lexicon.js';
import type { Facts } from './facts.js';

/** One paragraph a line: a value written as a YAML block (|) must not break a paragraph in two. */
function oneLine<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/\s*\n\s*/gu, '') as T;
  if (Array.isArray(value)) return value.map(oneLine) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, oneLine(v)])) as T;
  return value;
}

// numbering a writer typed into a title (一、 / 一是 / 一要 / （一） / 1. / 第一，), any series of
// data/numbering.yaml and the comma after it: the template numbers items itself
const typedNumber = () => once('draft-typed-number', () => compilePattern(`^\\s*(?:${loadLexicon().leadingMarker.source})[，,、：:]?\\s*`, 'u', 'numbering.yaml'));

function untitled<T extends { title: string }>(item: T): T {
  return { ...item, title: item.title.replace(typedNumber(), '') };
}

type Comment = NonNullable<Facts['reporters'][number]['comment']>;

/** The template says 某某同志…… / 存在的主要问题是： / 希望某某同志……: drop those words when the writer typed them too. */
function tidyComment(comment: Comment, name: string | undefined): Comment {
  const who = name ? `(?:${escapeRegex(name)}同志)?` : '';
  const strip = (text: string | undefined, lead: string) => text?.replace(compilePattern(`^(?:${lead})`, 'u', '会议事实'), '');
  return {
    achievements: strip(comment.achievements, `${who}[，,]?`),
    problems: strip(comment.problems, '存在的(?:主要)?问题(?:是|主要是|有)?[：:]?'),
    hopes: strip(comment.hopes, `希望${who}[，,]?`),
  };
}

export const hasComment = (c: Comment | undefined): boolean => Boolean(c?.achievements || c?.problems || c?.hopes);

/** The facts as templates see them: defaults filled, typed numbering removed, plus the review year. */
export function viewModel(input: Facts): Record<string, unknown> {
  const lines = oneLine(input);
  const facts = {
    ...lines,
    achievements: lines.achievements.map(untitled),
    problems: lines.problems.map(untitled),
    opinions: lines.opinions.map((o) => ({ ...untitled(o), points: o.points.map(untitled) })),
  };
  const date = facts.meeting.date;
  const fromName = /(\d{4})年度?/u.exec(facts.meeting.name)?.[1];
  const [y, m] = date.split('-').map(Number) as [number, number];
  // 述职评议会 in the first half of a year reviews the year before
  const year = facts.meeting.year ?? (fromName ? Number(fromName) : m <= 6 ? y - 1 : y);
  // every reporter has a comment object, so templates can test comment.problems in strict mode
  const reporters = facts.reporters.map((r) => ({ ...r, comment: tidyComment(r.comment ?? {}, r.name) }));
  return {
    ...facts,
    // a title given as lines (for the Word layout) is one title to the templates
    title: Array.isArray(facts.title) ? facts.title.join('') : facts.title,
    // the templates write these frames themselves: 同志们， / 主要目的是 / 下面，我讲几点意见
    closing: facts.closing?.replace(/^同志们[，,！!]\s*/u, ''),
    purpose: facts.purpose?.replace(/^(?:这次会议的?|本次会议的?|今天会议的?)?(?:主要)?(?:目的|任务)(?:就)?是[：:]?/u, ''),
    situation: facts.situation?.replace(/[，,。]?下面[^。]{0,20}意见[。：:！!]?$/u, ''),
    reporters,
    year,
    oral: reporters.filter((r) => r.mode === 'oral'),
    written: reporters.filter((r) => r.mode === 'written'),
    // written reports the facts comment on: the host script reviews them after the oral ones
    reviewedWritten: reporters.filter((r) => r.mode === 'written' && hasComment(r.comment)),
    // a host script's agenda, in order; items with nothing to do are left out
    agenda: [
      reporters.some((r) => r.mode === 'oral') && 'reports',
      reporters.length > 0 && 'review',
      facts.guests.length > 0 && 'guests',
      'summary',
    ].filter(Boolean),
  };
}
