import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadData, once, readYamlFile } from '../data/index.js';
import { templateCatalogSchema } from '../data/schemas.js';
import { JianghuaError } from '../errors.js';
import type { SpeechKindName } from './facts.js';

/** The shipped templates folder (`templates/` beside `src/` and `dist/`). */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));
export const PARTIALS_DIR = path.join(TEMPLATES_DIR, 'partials');

export interface TemplateInfo {
  name: string;
  kind: SpeechKindName;
  description: string;
  path: string;
}

export interface KindInfo {
  label: string;
  /** facts key → Chinese section name */
  requires: Record<string, string>;
}

interface Catalog {
  templates: TemplateInfo[];
  kinds: Record<SpeechKindName, KindInfo>;
}

/** templates/index.yaml, validated, with each template's path resolved. */
export function loadCatalog(): Catalog {
  return once('template-catalog', () => {
    const raw = readYamlFile(path.join(TEMPLATES_DIR, 'index.yaml'), templateCatalogSchema, '模板目录 templates/index.yaml');
    return {
      templates: raw.templates.map(({ file: f, ...t }) => ({ ...t, kind: t.kind as SpeechKindName, path: path.join(TEMPLATES_DIR, f) })),
      // the Chinese name of each kind is data/kinds.yaml's
      kinds: Object.fromEntries(
        Object.entries(raw.kinds).map(([id, k]) => [id, { label: loadData('kinds.yaml').kinds.find((d) => d.id === id)?.label ?? id, ...k }]),
      ) as Catalog['kinds'],
    };
  });
}

export function listTemplates(): TemplateInfo[] {
  return loadCatalog().templates;
}

/** A built-in name, else a path (relative to cwd) to the user's own .hbs file. */
export function resolveTemplate(nameOrPath: string, cwd = process.cwd()): { name: string; path: string; builtIn: boolean } {
  const builtIn = listTemplates().find((t) => t.name === nameOrPath);
  if (builtIn) return { name: builtIn.name, path: builtIn.path, builtIn: true };
  if (/[/\\]|\.hbs$|\.handlebars$/u.test(nameOrPath)) return { name: nameOrPath, path: path.resolve(cwd, nameOrPath), builtIn: false };
  const names = listTemplates().map((t) => t.name).join('、');
  throw new JianghuaError('not-found', `没有名为“${nameOrPath}”的内置模板（可用：${names}；自己的模板请给出文件路径）`);
}

export function defaultTemplate(kind: SpeechKindName): TemplateInfo {
  const t = listTemplates().find((x) => x.kind === kind);
  if (!t) throw new JianghuaError('config', `没有 ${kind} 类型的内置模板`);
  return t;
}
