import { readdirSync } from 'node:fs';
import { readTextFileSync } from '../io/read-text.js';
import { MAX_AUX_BYTES } from '../io/read-file.js';
import path from 'node:path';
import Handlebars from 'handlebars';
import { JianghuaError } from '../errors.js';
import { defaultTemplate, PARTIALS_DIR, resolveTemplate } from './catalog.js';
import type { Facts } from './facts.js';
import { checkTemplate, type Source } from './check.js';
import { BUILTIN_HELPERS, HELPERS } from './helpers.js';
import { toBlocks } from './output/blocks.js';
import { formatMarkdown } from './output/md.js';
import { formatText } from './output/txt.js';
import { viewModel } from './view.js';

export type DraftFormat = 'txt' | 'md';

export interface DraftOptions {
  /** A built-in template name or a path to a .hbs file; default: the built-in one for facts.kind. */
  template?: string;
  format?: DraftFormat;
  /** Folder that relative template paths start from. */
  cwd?: string;
  /** Where `{{log …}}` goes (the CLI: stderr); never into the speech. Default: nowhere. */
  onLog?: (message: string) => void;
}

/**
 * Render budgets: a template could expand without end (40 inline partials each calling the one
 * before twice; 20 nested #each). Every partial and #each body rendered counts, and so do the
 * characters they produce; a real speech needs a few hundred renders and a few hundred KB.
 */
export const RENDER_LIMITS = { renders: 200_000, chars: 64 * 1024 * 1024 };

type Program = (context: unknown, options?: unknown) => string;

/** Count renders and output of template bodies (partials, #each), and stop past RENDER_LIMITS. */
function budgeted(env: typeof Handlebars, file: string): void {
  let renders = 0;
  let chars = 0;
  const count = (fn: Program): Program =>
    function (this: unknown, context, options) {
      if (++renders > RENDER_LIMITS.renders) throw new JianghuaError('template', `模板展开过多（超过 ${RENDER_LIMITS.renders} 次局部模板或 #each 展开），已停止：局部模板是否层层调用、#each 是否嵌套过深？`, { file });
      const out = fn.call(this, context, options);
      chars += out.length;
      if (chars > RENDER_LIMITS.chars) throw new JianghuaError('template', `模板展开的文字过多（超过 ${RENDER_LIMITS.chars / 1024 / 1024} MB），已停止`, { file });
      return out;
    };
  const registry = env as unknown as { helpers: Record<string, (...args: unknown[]) => unknown>; decorators: Record<string, (...args: unknown[]) => unknown> };
  const each = registry.helpers.each as (this: unknown, context: unknown, options: { fn: Program }) => unknown;
  env.registerHelper('each', function (this: unknown, context: unknown, options: { fn: Program }) {
    return each.call(this, context, { ...options, fn: count(options.fn) });
  });
  const inline = registry.decorators.inline as (fn: unknown, props: unknown, container: unknown, options: { fn: Program }) => unknown;
  env.registerDecorator('inline', (fn: unknown, props: unknown, container: unknown, options: { fn: Program }) => inline(fn, props, container, { ...options, fn: count(options.fn) }));
  for (const [name, partial] of Object.entries(env.partials)) if (typeof partial === 'function') env.registerPartial(name, count(partial as Program) as unknown as Handlebars.Template);
}

const COMPILE_OPTIONS = {
  strict: true,
  noEscape: true,
  preventIndent: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries([...BUILTIN_HELPERS, ...Object.keys(HELPERS)].map((h) => [h, true])),
};

/** `shown`: the path as the user typed it, for messages. */
function readSource(file: string, shown = file): Source {
  try {
    return { file: shown, text: readTextFileSync(file, { what: '模板文件', maxBytes: MAX_AUX_BYTES }).text };
  } catch (error) {
    throw error instanceof JianghuaError ? new JianghuaError(error.code, error.message, { ...error.place, file: shown }, { cause: error }) : error;
  }
}

function partialSources(): Source[] {
  return readdirSync(PARTIALS_DIR)
    .filter((f) => f.endsWith('.hbs'))
    .sort()
    .map((f) => readSource(path.join(PARTIALS_DIR, f)));
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
  for (const p of partials) checkTemplate(p, partialNames);
  checkTemplate(main, partialNames);
  for (const p of partials) env.registerPartial(path.basename(p.file, '.hbs'), env.compile(p.text, COMPILE_OPTIONS));
  // {{log}} would print to stdout, into the drafted speech when it goes there
  env.registerHelper('log', (...args: unknown[]) => void options.onLog?.(args.slice(0, -1).map(String).join(' ')));
  budgeted(env, main.file);
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
