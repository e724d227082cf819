import { z } from 'zod';
import { JianghuaError, type Place } from '../errors.js';
import { formatPath } from '../io/yaml.js';
import { didYouMean } from './did-you-mean.js';
import type { OptionsSchema, Rule } from './types.js';

/** Where a path inside one rule's entry is in the config file (the CLI knows; the library does not). */
export type Locate = (path: readonly PropertyKey[], key?: boolean) => Place;

const ZH = { error: z.locales.zhCN().localeError };

/** A regular expression an option holds: the data layer's check (src/data/schemas.ts). */
export { pattern } from '../data/schemas.js';

/** The option names that have neither a default nor `.optional()`. */
export function requiredOptions(schema: OptionsSchema): string[] {
  return Object.entries(schema.shape).flatMap(([key, field]) => ((field as z.ZodType).safeParse(undefined).success ? [] : [key]));
}

const valueAt = (value: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((v, step) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[step] : undefined), value);

function issueMessage(ruleId: string, issue: z.core.$ZodIssue, value: unknown, base: readonly PropertyKey[], shapeKeys: (path: readonly PropertyKey[]) => string[]): { message: string; path: PropertyKey[]; key: boolean } {
  if (issue.code === 'unrecognized_keys') {
    const unknown = issue.keys[0] ?? '';
    const path = [...issue.path, unknown];
    const known = shapeKeys(issue.path);
    return { message: `规则 ${ruleId} 的选项 ${formatPath([...base, ...path] as never)} 不存在${didYouMean(unknown, known)}（可用：${known.join('、')}）`, path, key: true };
  }
  if (issue.code === 'invalid_value' && issue.values.every((v) => typeof v === 'string')) {
    const written = String(valueAt(value, issue.path));
    const values = issue.values;
    return { message: `规则 ${ruleId} 的选项 ${formatPath([...base, ...issue.path] as never)}：“${written}”无效${didYouMean(written, values)}（可用：${values.join('、')}）`, path: [...issue.path], key: false };
  }
  if (issue.code === 'invalid_type' && valueAt(value, issue.path) === undefined) {
    return { message: `规则 ${ruleId} 的选项 ${formatPath([...base, ...issue.path] as never)} 缺少必填的值`, path: [...issue.path], key: false };
  }
  return { message: `规则 ${ruleId} 的选项 ${formatPath([...base, ...issue.path] as never)}：${issue.message}`, path: [...issue.path], key: false };
}

/** The field names of the object schema at `path` (inside arrays too), for did-you-mean. */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: z.ZodType = schema;
  for (const step of path) {
    node = unwrap(node);
    if (node instanceof z.ZodObject) node = (node.shape as Record<string, z.ZodType>)[String(step)] ?? node;
    else if (node instanceof z.ZodArray) node = node.element as z.ZodType;
  }
  node = unwrap(node);
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

const unwrap = (t: z.ZodType): z.ZodType => {
  let node = t;
  while (node instanceof z.ZodDefault || node instanceof z.ZodOptional || node instanceof z.ZodPipe) {
    node = (node instanceof z.ZodPipe ? node.in : node.unwrap()) as z.ZodType;
  }
  return node;
};

/**
 * Check what one layer (a config entry, --rule, a preset) sets: only the keys it names, each
 * against its field; the others keep the lower layer's value. `at` is where the options object
 * sits inside the entry (`[1]` for `[warn, {…}]`, `[]` for `{ severity, … }`).
 */
export function checkOptionLayer(rule: Rule, options: Record<string, unknown>, at: readonly PropertyKey[], locate: Locate): void {
  const shape = rule.meta.options.shape as Record<string, z.ZodType>;
  const known = Object.keys(shape);
  for (const [key, value] of Object.entries(options)) {
    const field = shape[key];
    if (!field) {
      const list = known.length ? `（可用：${known.join('、')}）` : '（此规则没有选项）';
      throw new JianghuaError('config', `规则 ${rule.id} 没有选项“${key}”${didYouMean(key, known)}${list}`, locate([...at, key], true));
    }
    const result = field.safeParse(value, ZH);
    if (!result.success) {
      const issue = result.error.issues[0] as z.core.$ZodIssue;
      const { message, path, key: isKey } = issueMessage(rule.id, issue, value, [key], (p) => keysAt(field, p));
      throw new JianghuaError('config', message, locate([...at, key, ...path], isKey));
    }
  }
}

/** The options a rule runs with: every layer merged, defaults filled, required values demanded. */
export function parseOptions(rule: Rule, merged: Record<string, unknown>, place: Place = {}): Record<string, unknown> {
  const result = rule.meta.options.safeParse(merged, ZH);
  if (result.success) return result.data;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  const { message } = issueMessage(rule.id, issue, merged, [], (p) => keysAt(rule.meta.options, p));
  throw new JianghuaError('config', message, place);
}

/** For a rule that takes no options: any option in a config is then an error. */
export const NO_OPTIONS = z.object({}).strict();
export type NoOptions = typeof NO_OPTIONS;
