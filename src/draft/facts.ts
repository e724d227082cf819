import { z } from 'zod';
import { JianghuaError } from '../errors.js';
import { describeYamlIssue, formatPath, locate, parseYamlStrict, yamlSchemaError, type IssueWording, type Path } from '../io/yaml.js';

/** 会议事实：英文键、中文值。Dates stay strings (YAML core schema has no timestamps). */
const text = (what: string) => z.string({ error: `${what}应为文字` }).trim().min(1, { error: `${what}不能为空` });

const isoDate = z
  .string({ error: '日期应写成 YYYY-MM-DD 格式的文字，如 2024-01-18' })
  .regex(/^\d{4}-\d{2}-\d{2}$/u, { error: '日期应写成 YYYY-MM-DD，如 2024-01-18' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, { error: '不是有效的日期' });

const item = z.object({ title: text('标题'), detail: text('展开说明').optional() }).strict();

/**
 * Entries a list may hold: many times what a speech has (a 述职评议会 hears a few dozen secretaries),
 * and few enough that a Word file stays fast and small. The docx writer takes about 20 KB of memory a
 * paragraph: 60 000 achievements took 16 s and 1.3 GB.
 */
export const MAX_ITEMS = { guests: 100, reporters: 300, achievements: 100, problems: 100, opinions: 30, points: 50 } as const;
const tooMany = (what: string, max: number) => `${what}最多 ${max} 条，一篇讲话写不了更多（请拆成几篇，或删去重复的条目）`;

export const factsSchema = z
  .object({
    kind: z.enum(['summary-speech', 'host-script', 'progress-meeting'], { error: '讲话类型只能是 summary-speech（总结讲话）、host-script（主持词）或 progress-meeting（推进会讲话）' }),
    title: z
      .union([text('讲话标题'), z.array(text('标题的一行'), { error: '讲话标题应为文字，或分行写的文字列表' }).min(1, { error: '标题不能为空' }).max(4, { error: '标题最多分四行' })], { error: '讲话标题应为文字，或分行写的文字列表' })
      .optional()
      .describe('讲话标题；不填时按会议名称生成“在……上的讲话”；写成列表时每项为 Word 文档标题的一行'),
    meeting: z
      .object({
        name: text('会议名称').describe('会议全称，如 全县2023年度基层党组织书记抓基层党建工作述职评议会'),
        date: isoDate.describe('会议日期，YYYY-MM-DD'),
        year: z.number({ error: '年度应为数字，如 2023' }).int().min(1921).max(2100).optional().describe('述职年度（默认为会议日期的上一年）'),
        region: text('地区').optional().describe('地区，如 清河县；用于“全县”“我县”等说法'),
        organizer: text('主办单位').optional().describe('研究决定召开会议的单位，如 县委'),
      })
      .strict(),
    speaker: text('讲话人').optional().describe('讲话人职务，如 县委书记'),
    purpose: text('会议目的').optional().describe('这次会议的主要目的（接在“主要目的是”之后）'),
    situation: text('形势').optional().describe('转入意见前对当年形势的一两句话'),
    guests: z
      .array(z.object({ org: text('嘉宾单位'), title: text('嘉宾职务'), name: text('嘉宾姓名').optional() }).strict())
      .max(MAX_ITEMS.guests, { error: tooMany('来宾', MAX_ITEMS.guests) })
      .default([])
      .describe('到会指导的上级领导'),
    reporters: z
      .array(
        z
          .object({
            org: text('述职单位'),
            name: text('述职人姓名').optional(),
            mode: z.enum(['oral', 'written'], { error: '述职方式只能是 oral（现场）或 written（书面）' }).default('oral'),
            comment: z
              .object({ achievements: text('点评成绩').optional(), problems: text('点评问题').optional(), hopes: text('点评希望').optional() })
              .strict()
              .optional(),
          })
          .strict(),
      )
      .max(MAX_ITEMS.reporters, { error: tooMany('述职人', MAX_ITEMS.reporters) })
      .default([])
      .describe('述职的党组织书记'),
    achievements: z.array(item).max(MAX_ITEMS.achievements, { error: tooMany('成绩', MAX_ITEMS.achievements) }).default([]).describe('成绩，每条一个“一是……”'),
    problems: z.array(item).max(MAX_ITEMS.problems, { error: tooMany('问题', MAX_ITEMS.problems) }).default([]).describe('问题，每条一个“一是……”'),
    opinions: z
      .array(
        z
          .object({ title: text('意见标题'), intro: text('意见导语').optional(), points: z.array(item).max(MAX_ITEMS.points, { error: tooMany('一条意见的要点', MAX_ITEMS.points) }).default([]) })
          .strict(),
      )
      .max(MAX_ITEMS.opinions, { error: tooMany('意见', MAX_ITEMS.opinions) })
      .default([])
      .describe('意见，每条一个“一、”标题，points 为“一要……”'),
    closing: text('结束语').optional().describe('号召的话，接在“同志们，”之后'),
  })
  .strict();

export type Facts = z.output<typeof factsSchema>;
export type FactsInput = z.input<typeof factsSchema>;
export type SpeechKindName = Facts['kind'];

/** JSON Schema (draft-07) of the facts file, for editors (yaml-language-server). */
export function factsJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(factsSchema, { target: 'draft-07', io: 'input' }),
    title: 'jianghua 会议事实文件',
    description: 'jianghua draft 的输入：会议事实（英文键，中文值）',
  };
}

export { formatPath };

const WORDING: IssueWording = { path: formatPath, unknownKey: () => '是否拼错了？可用的字段见 jianghua schema' };

export interface LoadedFacts {
  facts: Facts;
  /** Where a top-level key (or a deeper path) starts, for later messages. */
  locate(path: Path): { line: number; column: number };
}

/** Characters XML 1.0 forbids (Word and LibreOffice refuse a .docx holding them): C0 controls but tab and line ends, lone surrogates, U+FFFE/U+FFFF. */
export const XML_ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

/** The first string value (or key) holding an XML-illegal character, with its path. */
function illegalCharacter(data: unknown): { path: Path; char: string } | undefined {
  const stack: Array<{ value: unknown; path: Path }> = [{ value: data, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const m = XML_ILLEGAL.exec(value);
      if (m) return { path, char: m[0] };
    } else if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const m = XML_ILLEGAL.exec(k);
        if (m) return { path: [...path, k], char: m[0] };
        stack.push({ value: v, path: [...path, k] });
      }
    }
  }
  return undefined;
}

/** Parse and validate a facts file's text; every failure is a JianghuaError with file:line:col. */
export function parseFacts(source: string, file = 'facts.yaml'): LoadedFacts {
  const { doc, counter, data } = parseYamlStrict(source, file, '会议事实文件是空的（可运行 jianghua init 生成示例）');
  const bad = illegalCharacter(data);
  if (bad) {
    const code = `U+${(bad.char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw new JianghuaError('schema', `会议事实不符合要求：${formatPath(bad.path)}：含有不能写进文档的字符 ${code}（控制字符或非字符，多半是复制粘贴带来的），请删去`, { file, ...locate(doc, counter, bad.path) });
  }
  const result = factsSchema.safeParse(data, { error: z.locales.zhCN().localeError });
  const where = (path: Path) => locate(doc, counter, path);
  if (!result.success) throw yamlSchemaError(file, '会议事实', result.error.issues.map((issue) => describeYamlIssue(doc, counter, issue, WORDING)));
  return { facts: result.data, locate: where };
}

/** Validate an object built in code (library use): same schema, messages without file positions. */
export function validateFacts(data: unknown): Facts {
  const result = factsSchema.safeParse(data, { error: z.locales.zhCN().localeError });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new JianghuaError('schema', `会议事实不符合要求：${formatPath(issue.path)}：${issue.message}`);
}
