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
