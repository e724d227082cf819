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

function readSource(file: string): Source {
  try {
    return { file, text: readFileSync(file, 'utf8') };
  } catch (error) {
    throw new JianghuaError('not-found', `无法读取模板：${(error as Error).message}`, { file });
  }
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
    const loc = (Handlebars as unknown as { parser: { lexer: { yylloc?: { first_line: number; first_column: number } } } }).parser.lexer.yylloc;
    const line = e.lineNumber ?? loc?.first_line;
    const column = e.column !== undefined ? e.column + 1 : loc ? loc.first_column + 1 : undefined;
    const detail = e.message.replace(/ - \d+:\d+$/u, '').split('\n').pop() ?? e.message;
    throw new JianghuaError('template', `模板语法错误：${detail}`, { file: source.file, line, column });
  }
  const known = new Set([...BUILTIN_HELPERS, ...Object.keys(HELPERS)]);
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
    if ((n.type === 'MustacheStatement' || n.type === 'SubExpression' || n.type === 'BlockStatement') && callee?.type === 'PathExpression') {
      const name = callee.original ?? '';
      if ((params.length > 0 || (hash?.pairs?.length ?? 0) > 0 || n.type === 'SubExpression') && !known.has(name)) {
        fail(n, `模板用了未知的辅助函数“${name}”（可用：${[...known].filter((h) => !h.endsWith('Missing')).join('、')}）`);
      }
    }
    if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') {
      const name = (n.name as { original?: string }).original ?? '';
      if (!partials.has(name) && name !== '@partial-block') fail(n, `模板用了不存在的局部模板“${name}”（可用：${[...partials].join('、')}）`);
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

/** The facts as templates see them: defaults filled, plus the review year. */
function viewModel(facts: Facts): Record<string, unknown> {
  const date = facts.meeting.date;
  const fromName = /(\d{4})年度?/u.exec(facts.meeting.name)?.[1];
  const [y, m] = date.split('-').map(Number) as [number, number];
  // 述职评议会 in the first half of a year reviews the year before
  const year = facts.meeting.year ?? (fromName ? Number(fromName) : m <= 6 ? y - 1 : y);
  // every reporter has a comment object, so templates can test comment.problems in strict mode
  const reporters = facts.reporters.map((r) => ({ ...r, comment: r.comment ?? {} }));
  return {
    ...facts,
    // the closing partial writes 同志们， itself
    closing: facts.closing?.replace(/^同志们[，,！!]\s*/u, ''),
    reporters,
    year,
    oral: reporters.filter((r) => r.mode === 'oral'),
    written: reporters.filter((r) => r.mode === 'written'),
  };
}

/** Render the template to plain lines (one paragraph a line), before any output format. */
export function composeDraft(facts: Facts, options: Omit<DraftOptions, 'format'> = {}): string {
  const env = Handlebars.create();
  for (const [name, fn] of Object.entries(HELPERS)) env.registerHelper(name, fn);
  const partials = partialSources();
  const partialNames = new Set(partials.map((p) => path.basename(p.file, '.hbs')));
  const template = options.template ? resolveTemplate(options.template, options.cwd) : { ...defaultTemplate(facts.kind), builtIn: true };
  const main = readSource(template.path);
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
