import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { JianghuaError } from '../errors.js';
import { defaultTemplate, PARTIALS_DIR, resolveTemplate } from './catalog.js';
import type { Facts } from './facts.js';
import { BUILTIN_HELPERS, HELPERS } from './helpers.js';
import { toBlocks } from './output/blocks.js';
import { formatMarkdown } from './output/md.js';
import { formatText } from './output/txt.js';

export type DraftFormat = 'txt' | 'md';

export interface DraftOptions {
  /** A built-in template name or a path to a .hbs file; default: the built-in one for facts.kind. */
  template?: string;
  format?: DraftFormat;
  /** Folder that relative template paths start from. */
  cwd?: string;
}

const COMPILE_OPTIONS = {
  strict: true,
  noEscape: true,
  preventIndent: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries([...BUILTIN_HELPERS, ...Object.keys(HELPERS)].map((h) => [h, true])),
};

interface Source {
  file: string;
  text: string;
}

/** `shown`: the path as the user typed it, for messages. */
function readSource(file: string, shown = file): Source {
  try {
    return { file: shown, text: readFileSync(file, 'utf8') };
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new JianghuaError('not-found', missing ? '模板文件不存在' : `无法读取模板：${(error as Error).message}`, { file: shown });
  }
}

/** Handlebars' parser messages, in Chinese. */
function explainSyntax(message: string): string {
  const text = message.replace(/ - \d+:\d+$/u, '');
  const mismatch = /^(\S+) doesn't match (\S+)/u.exec(text);
  if (mismatch) return `{{#${mismatch[1]}}} 与 {{/${mismatch[2]}}} 不配对`;
  const got = /got '([^']+)'\s*$/u.exec(text)?.[1];
  if (got === 'EOF') return '模板意外结束（是否少了 }} 或 {{/…}}？）';
  if (got === 'INVALID') return '出现无法识别的写法（是否把 }} 写成了 }，或标签里有多余的符号？）';
  if (got) return `这里不应出现 ${got}（标签写法有误）`;
  return text.split('\n')[0] ?? text;
}

type Node = { type: string; loc?: { start: { line: number; column: number } } } & Record<string, unknown>;

/**
 * Check a template before anything is rendered: syntax, unknown helpers, unknown partials,
 * each reported with the template's file and 1-based line:column.
 */
function check(source: Source, partials: ReadonlySet<string>): void {
  let ast: unknown;
  try {
    ast = Handlebars.parse(source.text);
  } catch (error) {
    const e = error as Error & { lineNumber?: number; column?: number };
    // jison keeps the position of the last token it read
    const loc = (Handlebars as unknown as { Parser?: { lexer?: { yylloc?: { first_line: number; first_column: number } } } }).Parser?.lexer?.yylloc;
    const line = e.lineNumber ?? loc?.first_line;
    const column = e.column !== undefined ? e.column + 1 : loc ? loc.first_column + 1 : undefined;
    throw new JianghuaError('template', `模板语法错误：${explainSyntax(e.message)}`, { file: source.file, line, column });
  }
  const known = new Set([...BUILTIN_HELPERS, ...Object.keys(HELPERS)]);
  // {{#*inline "name"}} partials defined in the template itself
  const inline = new Set<string>();
  const collect = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(collect);
    const n = node as Node;
    const first = (n.params as Array<{ value?: unknown }> | undefined)?.[0]?.value;
    if (n.type === 'DecoratorBlock' && typeof first === 'string') inline.add(first);
    for (const [key, value] of Object.entries(n)) if (key !== 'loc') collect(value);
  };
  collect(ast);
  const fail = (node: Node, message: string): never => {
    throw new JianghuaError('template', message, { file: source.file, line: node.loc?.start.line, column: node.loc ? node.loc.start.column + 1 : undefined });
  };
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node;
    const callee = n.path as { type?: string; original?: string } | undefined;
    const params = (n.params as unknown[] | undefined) ?? [];
    const hash = n.hash as { pairs?: unknown[] } | undefined;
    if (n.type === 'DecoratorBlock' || n.type === 'Decorator') {
      if (callee?.original !== 'inline') fail(n, `模板用了不支持的装饰器“${callee?.original ?? ''}”`);
    } else if ((n.type === 'MustacheStatement' || n.type === 'SubExpression' || n.type === 'BlockStatement') && callee?.type === 'PathExpression') {
      const name = callee.original ?? '';
      if ((params.length > 0 || (hash?.pairs?.length ?? 0) > 0 || n.type === 'SubExpression') && !known.has(name)) {
        fail(n, `模板用了未知的辅助函数“${name}”（可用：${[...known].filter((h) => !h.endsWith('Missing')).join('、')}）`);
      }
    }
    if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') {
      const name = (n.name as { original?: string }).original ?? '';
      if (!partials.has(name) && !inline.has(name) && name !== '@partial-block') fail(n, `模板用了不存在的局部模板“${name}”（可用：${[...partials].join('、')}）`);
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && key !== 'strip') visit(value);
  };
  visit(ast);
}

function partialSources(): Source[] {
  return readdirSync(PARTIALS_DIR)
    .filter((f) => f.endsWith('.hbs'))
    .sort()
    .map((f) => readSource(path.join(PARTIALS_DIR, f)));
}

/** One paragraph a line: a value written as a YAML block (|) must not break a paragraph in two. */
function oneLine<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/\s*\n\s*/gu, '') as T;
  if (Array.isArray(value)) return value.map(oneLine) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, oneLine(v)])) as T;
  return value;
}

// numbering a writer typed into a title (一、 / 一是 / 一要 / （一） / 1. / 第一，): the template numbers items itself
const TYPED_NUMBER = /^\s*(?:[一二三四五六七八九十]+(?:、|是|要)|[（(][一二三四五六七八九十\d]+[)）]|\d+\s*[.．、]|第[一二三四五六七八九十]+[，,、])\s*/u;

function untitled<T extends { title: string }>(item: T): T {
  return { ...item, title: item.title.replace(TYPED_NUMBER, '') };
}

type Comment = NonNullable<Facts['reporters'][number]['comment']>;

/** The template says 某某同志…… / 存在的主要问题是： / 希望某某同志……: drop those words when the writer typed them too. */
function tidyComment(comment: Comment, name: string | undefined): Comment {
  const who = name ? `(?:${name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}同志)?` : '';
  const strip = (text: string | undefined, lead: string) => text?.replace(new RegExp(`^(?:${lead})`, 'u'), '');
  return {
    achievements: strip(comment.achievements, `${who}[，,]?`),
    problems: strip(comment.problems, '存在的(?:主要)?问题(?:是|主要是|有)?[：:]?'),
    hopes: strip(comment.hopes, `希望${who}[，,]?`),
  };
}

/** The facts as templates see them: defaults filled, typed numbering removed, plus the review year. */
function viewModel(input: Facts): Record<string, unknown> {
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
    // the templates write these frames themselves: 同志们， / 主要目的是 / 下面，我讲几点意见
    closing: facts.closing?.replace(/^同志们[，,！!]\s*/u, ''),
    purpose: facts.purpose?.replace(/^(?:这次会议的?|本次会议的?|今天会议的?)?(?:主要)?(?:目的|任务)(?:就)?是[：:]?/u, ''),
    situation: facts.situation?.replace(/[，,。]?下面[^。]{0,20}意见[。：:！!]?$/u, ''),
    reporters,
    year,
    oral: reporters.filter((r) => r.mode === 'oral'),
    written: reporters.filter((r) => r.mode === 'written'),
    // a host script's agenda, in order; items with nothing to do are left out
    agenda: [
      reporters.some((r) => r.mode === 'oral') && 'reports',
      reporters.length > 0 && 'review',
      facts.guests.length > 0 && 'guests',
      'summary',
    ].filter(Boolean),
  };
}

/** Render the template to plain lines (one paragraph a line), before any output format. */
export function composeDraft(facts: Facts, options: Omit<DraftOptions, 'format'> = {}): string {
  const env = Handlebars.create();
  for (const [name, fn] of Object.entries(HELPERS)) env.registerHelper(name, fn);
  const partials = partialSources();
  const partialNames = new Set(partials.map((p) => path.basename(p.file, '.hbs')));
  const template = options.template ? resolveTemplate(options.template, options.cwd) : { ...defaultTemplate(facts.kind), builtIn: true };
  const main = readSource(template.path, template.builtIn ? template.path : options.template);
  // everything is checked before anything is rendered
  for (const p of partials) check(p, partialNames);
  check(main, partialNames);
  for (const p of partials) env.registerPartial(path.basename(p.file, '.hbs'), env.compile(p.text, COMPILE_OPTIONS));
  const render = env.compile(main.text, COMPILE_OPTIONS);
  try {
    return render(viewModel(facts), { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  } catch (error) {
    if (error instanceof JianghuaError) throw error.place.file ? error : new JianghuaError(error.code, error.message, { file: main.file });
    if (error instanceof RangeError) throw new JianghuaError('template', '模板递归过深（局部模板是否在调用自身？）', { file: main.file }, { cause: error });
    const e = error as Error & { lineNumber?: number; column?: number };
    const message = e.message.replace(/ - \d+:\d+$/u, '').replace(/^"(.+)" not defined in .*$/u, '模板引用了不存在的字段“$1”');
    throw new JianghuaError('template', `模板渲染失败：${message}`, { file: main.file, line: e.lineNumber, column: e.column !== undefined ? e.column + 1 : undefined }, { cause: error });
  }
}

/** Facts → a finished speech as plain text (txt) or Markdown (md). */
export function renderDraft(facts: Facts, options: DraftOptions = {}): string {
  const blocks = toBlocks(composeDraft(facts, options));
  return options.format === 'md' ? formatMarkdown(blocks) : formatText(blocks);
}
