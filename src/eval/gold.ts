import { z } from 'zod';
import { JianghuaError } from '../errors.js';
import { readTextFile } from '../io/read-text.js';
import { describeYamlIssue, locate, parseYamlStrict, yamlSchemaError, type IssueWording, type Path, type YamlProblem } from '../io/yaml.js';
import { codePointLength, normalizeText } from '../speech/text.js';

/** Speech kinds a gold file may name; `other` means “none of these”. */
export const GOLD_KINDS = ['summary-speech', 'host-script', 'review', 'report', 'progress-meeting', 'work-meeting', 'other'] as const;
export const GOLD_SECTIONS = ['achievements', 'problems', 'opinions'] as const;
export const OTHER_CATEGORY = 'other';

/** A place in the gold file, 1-based. */
export interface GoldPlace {
  line: number;
  column: number;
}

export interface GoldClause {
  /** 1-based line of the speech file. */
  line: number;
  text: string;
  /** Accepted category ids: any one of them is right. */
  categories: string[];
  /** Where the entry's text stands in the gold file. */
  at: GoldPlace;
}

export interface GoldNotProblem {
  line: number;
  text: string;
  at: GoldPlace;
}

export interface GoldEntry {
  /** The speech file, relative to the evaluated folder. */
  file: string;
  kind: string;
  title?: string | null | undefined;
  sections: string[];
  opinions: { count: number; series: string } | null;
  reviews: number;
  problems: GoldClause[];
  notProblems: GoldNotProblem[];
  /** Where the file's key stands in the gold file. */
  at: GoldPlace;
}

export interface Gold {
  file: string;
  entries: GoldEntry[];
}

/** A gold text placed on its line: [start, end) in code points from the line's start. */
export interface Placed {
  start: number;
  end: number;
}
export type PlacedClause = GoldClause & Placed;
export type PlacedNotProblem = GoldNotProblem & Placed;
export interface PlacedEntry extends Omit<GoldEntry, 'problems' | 'notProblems'> {
  problems: PlacedClause[];
  notProblems: PlacedNotProblem[];
}

const SHAPE = {
  root: '标注文件应为以讲话稿文件名为键的映射，如 A.txt: {kind: summary-speech, sections: [...], opinions: null, reviews: 0, problems: [...]}',
  entry: '应为映射：kind、title、sections、opinions、reviews、problems、notProblems',
  kind: `应为 ${GOLD_KINDS.join('、')} 之一`,
  title: '应为标题文字，或 null（没有标题）',
  sections: `应为列表，取值 ${GOLD_SECTIONS.join('、')}，如 [achievements, problems, opinions]`,
  opinions: '应为 {count: 3, series: "一、"}，或 null（没有意见部分）',
  count: '应为意见条数（0 或正整数）',
  series: '应为第一条意见的编号体例，如 "一、"、"（一）"、"1."、"一要"、"第一"',
  reviews: '应为点评块的个数（0 或正整数）',
  problems: '应为列表，每条形如 {line: 8, text: "该行中的原文", categories: [responsibility]}',
  notProblems: '应为列表，每条形如 {line: 6, text: "该行中的原文"}',
  line: '应为讲话稿中的行号（从 1 开始的正整数）',
  text: '应为该行中的一段原文（不能为空）',
  categories: '应为类别 id 列表（至少一个），如 [responsibility]；哪类都不符合写 [other]',
  category: '应为类别 id，如 responsibility',
} as const;

const error = (message: string) => ({ error: message });
const line = z.number(error(SHAPE.line)).int(error(SHAPE.line)).min(1, error(SHAPE.line));
const text = z.string(error(SHAPE.text)).min(1, error(SHAPE.text));
const count = (shape: string) => z.number(error(shape)).int(error(shape)).min(0, error(shape));

const entrySchema = z
  .object(
    {
      kind: z.enum(GOLD_KINDS, error(SHAPE.kind)),
      title: z.string(error(SHAPE.title)).nullable().optional(),
      sections: z.array(z.enum(GOLD_SECTIONS, error(SHAPE.sections)), error(SHAPE.sections)),
      opinions: z.object({ count: count(SHAPE.count), series: z.string(error(SHAPE.series)).min(1, error(SHAPE.series)) }, error(SHAPE.opinions)).strict().nullable(),
      reviews: count(SHAPE.reviews),
      problems: z
        .array(z.object({ line, text, categories: z.array(z.string(error(SHAPE.category)).min(1, error(SHAPE.category)), error(SHAPE.categories)).min(1, error(SHAPE.categories)) }, error(SHAPE.problems)).strict(), error(SHAPE.problems))
        .default([]),
      notProblems: z.array(z.object({ line, text }, error(SHAPE.notProblems)).strict(), error(SHAPE.notProblems)).default([]),
    },
    error(SHAPE.entry),
  )
  .strict();

const goldSchema = z.record(z.string(), entrySchema, error(SHAPE.root));

/** “A.txt” problems[3].text — the file key quoted, as its name may contain dots. */
function formatPath(path: Path): string {
  if (path.length === 0) return '（根）';
  const [file, ...rest] = path;
  const tail = rest.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
  return `“${String(file)}”${tail ? ` ${tail}` : ''}`;
}

const WORDING: IssueWording = {
  path: formatPath,
  unknownKey: (path) => (path.length === 2 ? SHAPE.entry : '拼错了吗？'),
  missing: (path, issue) => `缺少必填字段 ${path}：${issue.message}`,
};

function fail(file: string, issues: YamlProblem[]): never {
  throw yamlSchemaError(file, '标注文件', issues);
}

export interface GoldOptions {
  /** Known category ids (the taxonomy's); `other` is always accepted. Unchecked when absent. */
  categories?: Iterable<string>;
}

/** Parse and validate a gold file's text; every failure is a JianghuaError at gold file:line:col. */
export function parseGold(source: string, file = 'gold.yaml', options: GoldOptions = {}): Gold {
  const { doc, counter, data } = parseYamlStrict(source, file, '标注文件是空的');
  const result = goldSchema.safeParse(data, { error: z.locales.zhCN().localeError });
  if (!result.success) fail(file, result.error.issues.map((issue) => describeYamlIssue(doc, counter, issue, WORDING)));

  const known = options.categories ? new Set([...options.categories, OTHER_CATEGORY]) : undefined;
  const unknownIds: Array<{ message: string } & GoldPlace> = [];
  const entries = Object.entries(result.data).map(([name, e]): GoldEntry => {
    const problems = e.problems.map((p, i) => {
      p.categories.forEach((id, j) => {
        if (known && !known.has(id)) {
          const path = [name, 'problems', i, 'categories', j];
          unknownIds.push({ message: `${formatPath(path)}：没有这个类别 id “${id}”（可用：${[...known].join('、')}）`, ...locate(doc, counter, path) });
        }
      });
      return { ...p, at: locate(doc, counter, [name, 'problems', i, 'text']) };
    });
    const notProblems = e.notProblems.map((p, i) => ({ ...p, at: locate(doc, counter, [name, 'notProblems', i, 'text']) }));
    return { file: name, ...e, problems, notProblems, at: locate(doc, counter, [name], true) };
  });
  if (unknownIds.length > 0) fail(file, unknownIds);
  return { file, entries };
}

/** Read and validate a gold file (any encoding the speech reader accepts). */
export async function loadGold(file: string, options: GoldOptions = {}): Promise<Gold> {
  const { text } = await readTextFile(file);
  return parseGold(text, file, options);
}

/**
 * Place each gold text on its line of the speech: its first occurrence, or, when the same text is
 * labelled several times on one line, successive occurrences. A text not on its line is an error
 * at the gold entry, naming the speech file and line.
 */
export function placeEntry(entry: GoldEntry, speechText: string, where: { gold: string; speech: string }): PlacedEntry {
  const lines = normalizeText(speechText).split('\n');
  const place = <T extends { line: number; text: string; at: GoldPlace }>(items: T[]): Array<T & Placed> => {
    const last = new Map<string, number>(); // line + text → UTF-16 index of the previous occurrence used
    return items.map((item) => {
      const lineText = lines[item.line - 1];
      const fail = (message: string): never => {
        throw new JianghuaError('schema', message, { file: where.gold, line: item.at.line, column: item.at.column });
      };
      if (lineText === undefined) fail(`${where.speech} 只有 ${lines.length} 行，没有第 ${item.line} 行（标注“${item.text}”）`);
      const key = `${item.line}\u0000${item.text}`;
      const previous = last.get(key);
      const index = (lineText as string).indexOf(item.text, previous === undefined ? 0 : previous + 1);
      if (index < 0) {
        fail(previous === undefined ? `“${item.text}”不在 ${where.speech}:${item.line} 这一行中（应为该行原文的一部分）` : `“${item.text}”在 ${where.speech}:${item.line} 中出现的次数少于标注的条数`);
      }
      last.set(key, index);
      const start = codePointLength(lineText as string, 0, index);
      return { ...item, start, end: start + codePointLength(item.text) };
    });
  };
  return { ...entry, problems: place(entry.problems), notProblems: place(entry.notProblems) };
}
