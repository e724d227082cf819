/** Reading YAML strictly (facts, gold, config, the data files): Chinese errors, places of nodes, zod validation. */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, LineCounter } from 'yaml';
import { z } from 'zod';
import { JianghuaError } from '../errors.js';

type YamlModule = typeof Yaml;
let yamlModule: YamlModule | undefined;
/** The yaml package, loaded on first use: a lint run without a config file never parses YAML (start-up time). */
const yaml = (): YamlModule => (yamlModule ??= createRequire(import.meta.url)('yaml') as YamlModule);

/** A path into a parsed YAML document, as zod reports it. */
export type Path = ReadonlyArray<PropertyKey>;

/** opinions[1].title — the form users see in the file. */
export function formatPath(path: Path): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('') || '（根）';
}

/** The closest node to `path` that exists in the document, as 1-based line:column; `key`: the key of the last step. */
export function locate(doc: Document, counter: LineCounter, path: Path, key = false): { line: number; column: number } {
  const { isMap, isNode, isScalar } = yaml();
  const at = (offset: number) => {
    const { line, col } = counter.linePos(offset);
    return { line, column: col };
  };
  if (key && path.length > 0) {
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1) as unknown[], true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
      if (isNode(pair?.key) && pair.key.range) return at(pair.key.range[0]);
    }
  }
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return at(node.range[0]);
  }
  return { line: 1, column: 1 };
}

// yaml's error codes, in Chinese (its own messages stay in parentheses for the details)
export const YAML_CODES: Record<string, string> = {
  BAD_INDENT: '缩进不正确',
  TAB_AS_INDENT: '不能用制表符缩进，请用空格',
  DUPLICATE_KEY: '键重复',
  MISSING_CHAR: '缺少必要的符号',
  MULTILINE_IMPLICIT_KEY: '键不能跨行（冒号后要有空格，或把值加引号）',
  BLOCK_AS_IMPLICIT_KEY: '这里应该是“键: 值”',
  UNEXPECTED_TOKEN: '出现了意外的符号',
  BAD_SCALAR_START: '值不能以这个符号开头，请加引号',
  BAD_ALIAS: '别名（*）写法错误',
  BAD_DIRECTIVE: '指令（%）写法错误',
  MULTIPLE_DOCS: '一个文件只能有一个文档（不要用 ---- 分隔）',
  KEY_OVER_1024_CHARS: '键太长',
  BAD_DQ_ESCAPE: '双引号中的转义写法错误',
  TAG_RESOLVE_FAILED: '无法识别的标签（!）',
};

/**
 * A YAML parse or conversion error in Chinese: yaml's code translated, its own detail in
 * parentheses, without the English position suffix; a stack overflow (nesting thousands deep)
 * and an alias bomb are said as what they are, never as an internal error.
 */
export function explainYamlError(error: { message: string; code?: string }): string {
  const message = error.message.split('\n')[0] ?? '';
  if (/Maximum call stack size exceeded/u.test(message) || error instanceof RangeError) return 'YAML 嵌套过深，已拒绝读取';
  if (/alias count|resource exhaustion/iu.test(message)) return 'YAML 别名（*）展开过多，已拒绝读取';
  const detail = message.replace(/ at line \d+, column \d+:?$/u, '');
  return `${(error.code && YAML_CODES[error.code]) || 'YAML 格式错误'}（${detail}）`;
}

/**
 * Parse a user's YAML file strictly (unique keys, core schema) with bounded alias expansion: a
 * syntax error, a "billion laughs" file or an empty file is a JianghuaError at file:line:col.
 * `what` starts the syntax error's message (配置文件格式错误); `emptyMessage: null` accepts an empty file.
 */
export function parseYamlStrict(source: string, file: string, emptyMessage: string | null, what = 'YAML '): { doc: Document; counter: LineCounter; data: unknown } {
  const { LineCounter, parseDocument } = yaml();
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, uniqueKeys: true, prettyErrors: true, schema: 'core', strict: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    // the parser notices an unclosed quote or bracket where it gives up; the writer needs where it opened
    const opened = unclosedAt(source, first.pos[0]);
    if (opened) {
      const start = counter.linePos(opened.offset);
      const noticed = pos ? `，到第 ${pos.line} 行第 ${pos.col} 列仍未闭合` : '';
      throw new JianghuaError('yaml-syntax', `${what}格式错误：${opened.what}没有闭合（从这里开始${noticed}）`, { file, line: start.line, column: start.col });
    }
    throw new JianghuaError('yaml-syntax', `${what}格式错误：${explainYamlError(first)}`, { file, line: pos?.line, column: pos?.col });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new JianghuaError('yaml-syntax', `${what}格式错误：${explainYamlError(error as Error)}`, { file, line: 1, column: 1 });
  }
  if ((data === null || data === undefined) && emptyMessage !== null) throw new JianghuaError('empty', emptyMessage, { file });
  return { doc, counter, data };
}

const OPENERS: Record<string, string> = { 'double-quoted-scalar': '双引号（"）', 'single-quoted-scalar': "单引号（'）", 'flow-collection': '括号' };

/**
 * The quoted scalar or flow collection (`[`, `{`) that is still open where the parser reported an
 * error at `errorAt`: the innermost one that starts before it and is not properly closed.
 */
function unclosedAt(source: string, errorAt: number): { offset: number; what: string } | undefined {
  let found: { offset: number; what: string } | undefined;
  // an explicit stack: a document nested thousands deep must not overflow the call stack
  const stack: unknown[] = [...new (yaml().Parser)().parse(source)];
  while (stack.length) {
    const token = stack.pop();
    if (!token || typeof token !== 'object') continue;
    const t = token as { type?: string; offset?: number; source?: string; start?: { source?: string }; end?: Array<{ source?: string }> };
    const what = t.type ? OPENERS[t.type] : undefined;
    if (what && t.offset !== undefined && t.offset <= errorAt) {
      const text = t.source ?? '';
      const quote = t.type === 'double-quoted-scalar' ? '"' : "'";
      const open =
        t.type === 'flow-collection'
          ? !t.end?.some((e) => e.source === ']' || e.source === '}')
          : text.length < 2 || !text.endsWith(quote) || (quote === '"' && /(?<!\\)(?:\\\\)*\\"$/u.test(text));
      if (open && (!found || t.offset > found.offset)) found = { offset: t.offset, what: t.type === 'flow-collection' ? `${t.start?.source === '{' ? '花括号（{）' : '方括号（[）'}` : what };
    }
    for (const value of Object.values(token)) if (value && typeof value === 'object') stack.push(value);
  }
  return found;
}

/** A scalar from a YAML file as text (2022 → "2022"); a map or list as its JSON. */
export function yamlText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}

/** One problem of a YAML file, at its place. */
export interface YamlProblem {
  message: string;
  line: number;
  column: number;
}

/** How a file's messages word a zod issue (facts, gold and the data files differ in their hints). */
export interface IssueWording {
  /** The path as the file's users read it; default formatPath. */
  path?: (path: Path) => string;
  /** The hint after an unknown key (是否拼错了？…). */
  unknownKey?: (path: Path) => string;
  /** The message for a missing field; default 缺少必填字段 <path>. */
  missing?: (path: string, issue: z.core.$ZodIssue) => string;
}

/** One zod issue as a Chinese message with its path and place; an unknown key points at the key itself. */
export function describeYamlIssue(doc: Document, counter: LineCounter, issue: z.core.$ZodIssue, wording: IssueWording = {}): YamlProblem {
  const unknown = issue.code === 'unrecognized_keys';
  const path = (unknown ? [...issue.path, issue.keys[0] ?? ''] : issue.path) as Path;
  const shown = (wording.path ?? formatPath)(path);
  const message = unknown
    ? `${shown}：没有这个字段（${wording.unknownKey?.(path) ?? '是否拼错了？'}）`
    : path.length > 0 && !doc.hasIn(path as unknown[])
      ? (wording.missing?.(shown, issue) ?? `缺少必填字段 ${shown}`)
      : `${shown}：${issue.message}`;
  return { message, ...locate(doc, counter, path, unknown) };
}

/** The first problem is the error's place; a few more are listed so one run finds them all. */
export function yamlSchemaError(file: string, what: string, problems: readonly YamlProblem[]): JianghuaError {
  const [first, ...rest] = problems;
  const more = rest.slice(0, 5).map((d) => `\n  ${d.line}:${d.column}: ${d.message}`);
  if (rest.length > 5) more.push(`\n  ……另有 ${rest.length - 5} 处`);
  return new JianghuaError('schema', `${what}不符合要求：${first!.message}${more.join('')}`, { file, line: first!.line, column: first!.column });
}

/**
 * Parse strictly and validate with a zod schema; every failure is a JianghuaError at file:line:col.
 * `what` names the file in the messages (数据文件 taxonomy.yaml, 分类文件 …).
 */
export function parseYamlWith<S extends z.ZodType>(source: string, file: string, schema: S, what: string, wording: IssueWording = {}): z.output<S> {
  const { doc, counter, data } = parseYamlStrict(source, file, `${what}是空的`, what);
  const result = schema.safeParse(data, { error: z.locales.zhCN().localeError });
  if (result.success) return result.data;
  throw yamlSchemaError(file, what, result.error.issues.map((issue) => describeYamlIssue(doc, counter, issue, wording)));
}
