import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/linter.js';
import { RULES } from '../../src/lint/rules/index.js';
import type { SpeechKind } from '../../src/speech/types.js';

interface Common {
  name?: string;
  text: string;
  options?: Record<string, unknown>;
  kind?: SpeechKind;
  markdown?: boolean;
}

export type ValidCase = string | Common;

export interface ExpectedError {
  messageId: string;
  data?: Record<string, string | number>;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface InvalidCase extends Common {
  errors: ExpectedError[];
  /** The text after --fix. Required whenever the rule fixes something here (as ESLint's RuleTester
   * demands); the text itself when a fixable rule must leave it alone. */
  output?: string;
}

const fill = (template: string, data: Record<string, string | number>) => template.replace(/\{\{\s*(\w+)\s*\}\}/gu, (_, k: string) => String(data[k]));

/** Run one rule alone, every other rule off. */
export function runRule(ruleId: string, c: Common, fix = false) {
  const rule = RULES.get(ruleId);
  if (!rule) throw new Error(`unknown rule ${ruleId}`);
  const severity = rule.meta.defaultSeverity === 'off' ? 'warn' : rule.meta.defaultSeverity;
  const rules = Object.fromEntries([...RULES.keys()].map((id) => [id, id === ruleId ? ([severity, c.options ?? {}] as [string, Record<string, unknown>]) : 'off']));
  return lintText(c.text, { rules: rules as never, ...(c.kind ? { kind: c.kind } : {}), markdown: c.markdown ?? false, fix });
}

/**
 * textlint-tester / ESLint RuleTester in small: valid cases must give nothing; invalid cases must
 * give exactly the listed errors, in order, at the exact line:column, and — when the rule fixes —
 * the exact `output`. Rejects unknown messageIds, errorless invalid cases, duplicate cases, a fix
 * without `output` and an `output` for a rule that cannot fix.
 */
export function ruleTester(ruleId: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const rule = RULES.get(ruleId);
  if (!rule) throw new Error(`unknown rule ${ruleId}`);
  const seen = new Set<string>();
  const key = (c: Common) => JSON.stringify([c.text, c.options ?? null, c.kind ?? null, c.markdown ?? false]);
  for (const c of [...cases.valid.map((v) => (typeof v === 'string' ? { text: v } : v)), ...cases.invalid]) {
    if (seen.has(key(c))) throw new Error(`${ruleId}: duplicate case ${JSON.stringify(c.text)}`);
    seen.add(key(c));
  }
  describe(ruleId, () => {
    describe('valid', () => {
      for (const v of cases.valid) {
        const c = typeof v === 'string' ? { text: v } : v;
        it(c.name ?? c.text.slice(0, 40), () => {
          expect(runRule(ruleId, c).messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        if (c.errors.length === 0) throw new Error(`${ruleId}: invalid case without errors: ${c.text}`);
        for (const e of c.errors) {
          if (!(e.messageId in rule.meta.messages)) throw new Error(`${ruleId}: unknown messageId ${e.messageId}`);
        }
        it(c.name ?? c.text.slice(0, 40), () => {
          const result = runRule(ruleId, c, rule.meta.fixable);
          if (result.output !== undefined && c.output === undefined) {
            throw new Error(`${ruleId}: the rule fixed the text; add output: ${JSON.stringify(result.output)}`);
          }
          const messages = rule.meta.fixable ? runRule(ruleId, c).messages : result.messages;
          const actual = messages.map((m, i) => {
            const e = c.errors[i];
            return {
              messageId: m.messageId,
              line: m.line,
              column: m.column,
              ...(e?.endLine !== undefined ? { endLine: m.endLine } : {}),
              ...(e?.endColumn !== undefined ? { endColumn: m.endColumn } : {}),
              ...(e?.data !== undefined ? { message: m.message } : {}),
            };
          });
          const expected = c.errors.map((e) => ({
            messageId: e.messageId,
            line: e.line,
            column: e.column,
            ...(e.endLine !== undefined ? { endLine: e.endLine } : {}),
            ...(e.endColumn !== undefined ? { endColumn: e.endColumn } : {}),
            ...(e.data !== undefined ? { message: fill(rule.meta.messages[e.messageId] as string, e.data) } : {}),
          }));
          expect(actual).toEqual(expected);
          if (c.output !== undefined) {
            if (!rule.meta.fixable) throw new Error(`${ruleId}: output given, but the rule is not fixable`);
            expect(result.output ?? c.text).toBe(c.output);
          }
        });
      }
    });
  });
}
