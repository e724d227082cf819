import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { syncRuleDoc } from '../../src/lint/docs.js';
import { lintText } from '../../src/lint/linter.js';
import { RULES, ruleDocsUrl } from '../../src/lint/rules/index.js';
import type { RuleEntry } from '../../src/lint/settings.js';

/**
 * docs/rules/<id>.md: the header is what `npm run docs` writes from meta, and every example runs.
 * In ## 反例, each ```text (or ```markdown) block is linted with this rule alone — configured by a
 * ```yaml block before it in the section, if any — and each `→` line's backticked `行:列  级别  说明`
 * must be one of its findings. In ## 正例, each block gives no finding of the rule.
 */
interface Example {
  text: string;
  markdown: boolean;
  config?: RuleEntry;
  expected: Array<{ position?: string; level: string; message: string }>;
}

function examples(doc: string, section: string, id: string): Example[] {
  const body = doc.split(/^## /mu).find((part) => part.startsWith(`${section}\n`)) ?? '';
  const out: Example[] = [];
  let config: RuleEntry | undefined;
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(\w+)$/u.exec(lines[i] as string);
    if (fence) {
      const end = lines.indexOf('```', i + 1);
      const block = lines.slice(i + 1, end).join('\n');
      i = end;
      if (fence[1] === 'yaml') {
        config = (parse(block) as { rules: Record<string, RuleEntry> }).rules[id];
        continue;
      }
      out.push({ text: `${block}\n`, markdown: fence[1] === 'markdown', ...(config !== undefined ? { config } : {}), expected: [] });
      continue;
    }
    const arrow = /^→[^`]*`(?:(\d+:\d+)\s+)?(错误|警告)\s+([^`]+)`/u.exec(lines[i] as string);
    if (arrow) out[out.length - 1]?.expected.push({ ...(arrow[1] ? { position: arrow[1] } : {}), level: arrow[2] as string, message: (arrow[3] as string).trim() });
  }
  return out;
}

const run = (id: string, e: Example) => {
  const entry = e.config ?? (RULES.get(id)?.meta.defaultSeverity === 'off' ? 'warn' : RULES.get(id)?.meta.defaultSeverity);
  const rules = Object.fromEntries([...RULES.keys()].map((r) => [r, r === id ? entry : 'off'])) as Record<string, RuleEntry>;
  return lintText(e.text, { rules, markdown: e.markdown }).messages.map((m) => ({ position: `${m.line}:${m.column}`, level: m.severity === 2 ? '错误' : '警告', message: m.message }));
};

describe('rule docs', () => {
  for (const [id, rule] of RULES) {
    const doc = readFileSync(fileURLToPath(ruleDocsUrl(id)), 'utf8');

    it(`${id}: the header is generated from meta (run npm run docs if this fails)`, () => {
      expect(syncRuleDoc(rule, doc)).toBe(doc);
    });

    it(`${id}: every 反例 gives the findings it shows, every 正例 none`, () => {
      const bad = examples(doc, '反例', id);
      expect(bad.length).toBeGreaterThan(0);
      for (const e of bad) {
        expect(e.expected.length, `反例 without a → line: ${e.text}`).toBeGreaterThan(0);
        const found = run(id, e);
        for (const x of e.expected) expect(found).toContainEqual(x.position ? x : expect.objectContaining({ level: x.level, message: x.message }));
      }
      for (const e of examples(doc, '正例', id)) expect(run(id, e)).toEqual([]);
    });
  }
});
