import type { HelperDelegate, HelperOptions } from 'handlebars';
import { JianghuaError } from '../errors.js';
import { loadData } from '../data/index.js';
import { yamlText } from '../io/yaml.js';
import { toChineseNumeral } from '../speech/numerals.js';

const load = () => loadData('draft.yaml');

/** Split Handlebars' trailing options object off the positional arguments. */
function split(args: unknown[]): { params: unknown[]; options: HelperOptions } {
  const options = args[args.length - 1] as HelperOptions;
  return { params: args.slice(0, -1), options };
}

function toIndex(value: unknown, helper: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new JianghuaError('template', `辅助函数 ${helper} 需要非负整数，得到的是：${String(value)}`);
  return n;
}

const asText = (value: unknown): string => yamlText(value).trim();

/** 0-based index → 一, 二 … 十一, 二十 ({{cn @index}}); an optional offset shifts it ({{cn @index 1}} → 二). */
export function cn(index: number, offset = 0): string {
  return toChineseNumeral(index + 1 + offset);
}

/** A count in words as speeches say it: 2 → 两 (讲两点意见), 4 → 四, 11 → 十一. */
export function countWords(n: number): string {
  return n === 2 ? '两' : toChineseNumeral(n);
}

const SERIES = ['一、', '（一）', '一是', '一要', '第一', '其一', '1.', '（1）'] as const;

/** The marker of item `index` (0-based) in one of the genre's series: 一、 （一） 一是 一要 第一 其一 1. （1）. */
export function seriesMarker(form: string, index: number): string {
  if (!(SERIES as readonly string[]).includes(form)) throw new JianghuaError('template', `不认识的编号形式“${form}”（可用：${SERIES.join(' ')}）`);
  return form.includes('1') ? form.replace('1', String(index + 1)) : form.replace('一', cn(index));
}

/** A、B和C: items joined with 、 and the last one with a conjunction. */
export function joinList(items: readonly string[], conj = '和'): string {
  const list = items.map(asText).filter((s) => s !== '');
  if (list.length <= 1) return list[0] ?? '';
  return `${list.slice(0, -1).join('、')}${conj}${list[list.length - 1]}`;
}

/** 2024-01-18 → 2024年1月18日 (part: full | year | month-day). */
export function formatDate(iso: string, part = 'full'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!m) throw new JianghuaError('template', `日期应为 YYYY-MM-DD：${iso}`);
  const [, y, mo, d] = m;
  const monthDay = `${Number(mo)}月${Number(d)}日`;
  return part === 'year' ? `${y}年` : part === 'month-day' ? monthDay : `${y}年${monthDay}`;
}

/** End a sentence once: add 。 unless it already ends in terminal punctuation. */
export function sentence(text: string): string {
  const t = asText(text);
  if (t === '') return '';
  return load().terminal.includes(t[t.length - 1]!) ? t : `${t}。`;
}

/** A heading or title: no trailing punctuation. */
export function bare(text: string): string {
  return asText(text).replace(/[。！？；：，、…!?;:,.]+$/u, '');
}

/** 清河县 → 全县 (prefix 全) or 我县 (prefix 我); no region: the default unit (县). */
export function scope(region: unknown, prefix = '全'): string {
  const { scopes, default: fallback } = load();
  const r = asText(region);
  const unit = scopes.find((s) => r.endsWith(s.suffix))?.unit ?? fallback;
  return `${prefix}${unit}`;
}

interface PersonLike {
  org?: string;
  title?: string;
  name?: string;
}

/** 市委组织部副部长张明同志; without a name just the office. */
export function person(p: PersonLike): string {
  const name = asText(p.name);
  return `${asText(p.org)}${asText(p.title)}${name ? `${name}同志` : p.title ? '' : '主要负责同志'}`;
}

/** An item's own field only: `key="toString"` (or a key taken from the data) must not reach the prototype. */
const field = (x: unknown, key: string): unknown => (typeof x === 'object' && x !== null && Object.hasOwn(x, key) ? (x as Record<string, unknown>)[key] : undefined);

function pluck(list: unknown, key: string | undefined): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((x) => (key !== undefined ? asText(field(x, String(key))) : typeof x === 'object' && x !== null ? person(x as PersonLike) : asText(x)));
}

/** Every helper a template may call; `knownHelpersOnly` rejects any other name at compile time. */
export const HELPERS: Record<string, HelperDelegate> = {
  cn: (...args: unknown[]) => {
    const { params } = split(args);
    return cn(toIndex(params[0], 'cn'), params[1] === undefined ? 0 : Number(params[1]));
  },
  num: (...args: unknown[]) => toChineseNumeral(toIndex(split(args).params[0], 'num')),
  count: (...args: unknown[]) => {
    const v = split(args).params[0];
    return countWords(Array.isArray(v) ? v.length : toIndex(v, 'count'));
  },
  series: (...args: unknown[]) => {
    const { params } = split(args);
    const offset = params[2] === undefined ? 0 : toIndex(params[2], 'series');
    return seriesMarker(asText(params[0]), toIndex(params[1], 'series') + offset);
  },
  join: (...args: unknown[]) => {
    const { params, options } = split(args);
    const conj = asText(params[1] ?? options.hash.conj ?? '和');
    return joinList(pluck(params[0], options.hash.key as string | undefined), conj);
  },
  date: (...args: unknown[]) => {
    const { params } = split(args);
    return formatDate(asText(params[0]), params[1] === undefined ? 'full' : asText(params[1]));
  },
  sentence: (...args: unknown[]) => sentence(asText(split(args).params[0])),
  bare: (...args: unknown[]) => bare(asText(split(args).params[0])),
  scope: (...args: unknown[]) => {
    const { params } = split(args);
    return scope(params[0], params[1] === undefined ? '全' : asText(params[1]));
  },
  person: (...args: unknown[]) => person(split(args).params[0] ?? {}),
  where: (...args: unknown[]) => {
    const { params } = split(args);
    const [list, key, value] = params;
    return Array.isArray(list) ? (list as unknown[]).filter((x) => (x as Record<string, unknown>)[asText(key)] === value) : [];
  },
  first: (...args: unknown[]) => {
    const v = split(args).params[0];
    return Array.isArray(v) ? (v as unknown[])[0] : undefined;
  },
  rest: (...args: unknown[]) => {
    const v = split(args).params[0];
    return Array.isArray(v) ? (v as unknown[]).slice(1) : [];
  },
  eq: (...args: unknown[]) => {
    const { params } = split(args);
    return params[0] === params[1];
  },
};

/** Built-in Handlebars helpers that stay available. */
export const BUILTIN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log', 'blockHelperMissing', 'helperMissing'];
