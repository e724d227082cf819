import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SPEECH_KIND_LABELS } from '../speech/outline.js';
import { RULES, ruleDocsUrl } from './rules/index.js';
import type { Rule } from './types.js';

/** The part of docs/rules/<id>.md that `npm run docs` writes from the rule's meta. */
export const BEGIN = '<!-- 以下至 meta:end 由 npm run docs 按规则的 meta 生成，请勿手改 -->';
export const END = '<!-- meta:end -->';

const SEVERITY = { off: '关闭（off）', warn: '警告（warn）', error: '错误（error）' } as const;

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  items?: JsonSchema;
  default?: unknown;
  exclusiveMinimum?: number;
  minimum?: number;
}

function typeName(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  switch (s.type) {
    case 'array':
      return `${s.items ? typeName(s.items) : ''}列表`;
    case 'object':
      return '键值对';
    case 'string':
      return '字符串';
    case 'integer':
      return s.exclusiveMinimum === 0 || (s.minimum ?? 0) >= 1 ? '正整数' : '整数';
    case 'number':
      return s.exclusiveMinimum === 0 ? '正数' : '数字';
    case 'boolean':
      return 'true / false';
    default:
      return '—';
  }
}

/** The options table: name, type, default, description — the schema is the only source. */
function optionsTable(rule: Rule): string {
  const shape = rule.meta.options.shape as Record<string, z.ZodType>;
  const keys = Object.keys(shape);
  if (keys.length === 0) return '没有选项。';
  const rows = keys.map((key) => {
    const field = shape[key] as z.ZodType;
    const json = z.toJSONSchema(field, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    const required = !field.safeParse(undefined).success;
    const fallback = required ? '无（打开本规则时必填）' : json.default === undefined ? '无' : `\`${JSON.stringify(json.default)}\``;
    return `| \`${key}\` | ${typeName(json)} | ${fallback} | ${field.description ?? ''} |`;
  });
  return ['| 选项 | 类型 | 默认 | 说明 |', '|---|---|---|---|', ...rows].join('\n');
}

export function ruleDocHeader(rule: Rule): string {
  const m = rule.meta;
  return [
    BEGIN,
    '',
    m.description,
    '',
    '| 规则 | 默认级别 | 可自动修复 | 适用体裁 |',
    '|---|---|---|---|',
    `| \`${rule.id}\` | ${SEVERITY[m.defaultSeverity]}${m.warnOnly?.length ? `；${m.warnOnly.map((id) => `\`${id}\``).join('、')} 只报警告` : ''} | ${m.fixable ? '是（`--fix`）' : '否'} | ${m.kinds.map((k) => SPEECH_KIND_LABELS[k]).join('、')} |`,
    '',
    '### 选项',
    '',
    optionsTable(rule),
    '',
    END,
  ].join('\n');
}

/** The doc with its generated part brought up to date (inserted under the title when missing). */
export function syncRuleDoc(rule: Rule, doc: string): string {
  const header = ruleDocHeader(rule);
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin !== -1 && end > begin) return doc.slice(0, begin) + header + doc.slice(end + END.length);
  const title = `# ${rule.id}\n`;
  const rest = doc.startsWith(title) ? doc.slice(title.length).replace(/^\n+/u, '') : doc;
  return `${title}\n${header}\n\n${rest}`;
}

/** `npm run docs`: rewrite every rule page's generated part; returns the pages that changed. */
export function writeRuleDocs(): string[] {
  const changed: string[] = [];
  for (const rule of RULES.values()) {
    const file = fileURLToPath(ruleDocsUrl(rule.id));
    let doc = '';
    try {
      doc = readFileSync(file, 'utf8');
    } catch {
      doc = `# ${rule.id}\n`;
    }
    const next = syncRuleDoc(rule, doc);
    if (next !== doc) {
      writeFileSync(file, next);
      changed.push(file);
    }
  }
  return changed;
}
