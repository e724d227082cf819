import Handlebars from 'handlebars';
import { JianghuaError } from '../errors.js';
import { BUILTIN_HELPERS, HELPERS } from './helpers.js';

/** A template's text and the name to show in messages. */
export interface Source {
  file: string;
  text: string;
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

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

type Node = { type: string; loc?: { start: { line: number; column: number } } } & Record<string, unknown>;

/**
 * Check a template before anything is rendered: syntax, unknown helpers, unknown partials,
 * each reported with the template's file and 1-based line:column.
 */
export function checkTemplate(source: Source, partials: ReadonlySet<string>): void {
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
    // prototype access renders empty in Handlebars 4.6+; a template that tries is refused outright
    const reached = n.type === 'PathExpression' ? ((n.parts as string[] | undefined) ?? []) : n.type === 'StringLiteral' ? [String(n.value)] : [];
    const forbidden = reached.find((part) => PROTOTYPE_KEYS.has(part));
    if (forbidden) fail(n, `模板不能访问“${forbidden}”（对象原型的内部属性）`);
    if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') {
      const name = (n.name as { original?: string }).original ?? '';
      if (!partials.has(name) && !inline.has(name) && name !== '@partial-block') fail(n, `模板用了不存在的局部模板“${name}”（可用：${[...partials].join('、')}）`);
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && key !== 'strip') visit(value);
  };
  visit(ast);
}
