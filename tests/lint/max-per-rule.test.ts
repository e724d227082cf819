import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText, MAX_PER_RULE } from '../../src/lint/linter.js';
import { runCli } from '../helpers/cli.js';

// varied sentences, each with one slip a rule reports: an unclosed bracket, a half-width comma
const TOPICS = ['基层党建', '安全生产', '乡村振兴', '营商环境', '生态环保', '民生实事', '招商引资', '作风建设'];
const unclosed = (n: number) => Array.from({ length: n }, (_, i) => `${TOPICS[i % TOPICS.length]}工作（第${i + 1}项要继续抓紧抓实。`).join('\n');
const halfWidth = (n: number) => Array.from({ length: n }, (_, i) => `${TOPICS[i % TOPICS.length]}要落实,第${i + 1}项任务要见效。`).join('\n');
const byRule = <M extends { ruleId: string }>(messages: M[], id: string): M[] => messages.filter((m) => m.ruleId === id);

describe('a rule lists at most maxPerRule messages a file, and counts the rest', () => {
  it('past the limit one closing message stands for the rest; the counts stay exact', () => {
    const result = lintText(unclosed(1500), { maxPerRule: 100 });
    const listed = byRule(result.messages, 'paired-punctuation');
    expect(listed).toHaveLength(101);
    const closing = listed.filter((m) => m.omitted !== undefined);
    expect(closing).toHaveLength(1);
    expect(closing[0]!.omitted).toBe(1400);
    expect(closing[0]!.message).toBe('paired-punctuation 在本文件还有 1400 处未列出（每条规则每个文件最多列出 100 处，可用 --max-per-rule 调整）');
    // placed at the first report it stands for: the 101st line
    expect(closing[0]!.line).toBe(101);
    expect(result.errorCount).toBe(1500 + byRule(result.messages, 'required-sections').length);
  });

  it('the default limit is MAX_PER_RULE; 0 lists everything', () => {
    const n = MAX_PER_RULE + 20;
    expect(byRule(lintText(unclosed(n)).messages, 'paired-punctuation')).toHaveLength(MAX_PER_RULE + 1);
    expect(byRule(lintText(unclosed(n), { maxPerRule: 0 }).messages, 'paired-punctuation')).toHaveLength(n);
  });

  it('under the limit nothing changes', () => {
    const text = unclosed(40);
    expect(lintText(text, { maxPerRule: 40 })).toEqual(lintText(text, { maxPerRule: 0 }));
  });

  it('--fix still applies the fixes of the reports it did not list', () => {
    const result = lintText(halfWidth(600), { maxPerRule: 50, fix: true });
    expect(result.output).toBeDefined();
    expect(result.output).not.toContain(',');
    expect(result.output!.split('\n')[599]).toBe('作风建设要落实，第600项任务要见效。');
  });
});

describe('jianghua lint --max-per-rule', () => {
  const file = (text: string) => {
    const f = path.join(mkdtempSync(path.join(tmpdir(), 'jianghua-cap-')), '讲话.txt');
    writeFileSync(f, text);
    return f;
  };

  it('json carries `omitted` on the closing message; errorCount counts every report', async () => {
    const r = await runCli(['lint', file(unclosed(300)), '--format', 'json', '--max-per-rule', '10']);
    expect(r.code).toBe(1);
    const [result] = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; omitted?: number }>; errorCount: number }>;
    const listed = byRule(result!.messages, 'paired-punctuation');
    expect(listed).toHaveLength(11);
    expect(listed.find((m) => m.omitted !== undefined)?.omitted).toBe(290);
    expect(result!.errorCount).toBeGreaterThanOrEqual(300);
  });

  it('--max-warnings compares the full count, not the listed one', async () => {
    const f = file(halfWidth(50));
    const r = await runCli(['lint', f, '--max-per-rule', '5', '--max-warnings', '40', '--rule', 'required-sections:off']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('警告 50 个，超过上限 40 个');
    expect(r.stdout).toContain('punctuation-width 在本文件还有 45 处未列出');
  });

  it('--fix writes every fix, listed or not', async () => {
    const f = file(halfWidth(80));
    const r = await runCli(['lint', f, '--fix', '--max-per-rule', '3', '--rule', 'required-sections:off']);
    expect(r.code).toBe(0);
    expect(readFileSync(f, 'utf8')).not.toContain(',');
  });

  it('a value that is not a count: exit 2', async () => {
    const r = await runCli(['lint', file(unclosed(3)), '--max-per-rule', '-1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('应为非负整数');
  });
});
