import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleFacts, parseFacts, renderDraft } from '../../src/draft/index.js';
import { runCli } from '../helpers/cli.js';
import { tmp } from '../robustness/tmp.js';

const MINIMAL = 'kind: summary-speech\nmeeting:\n  name: 全县述职评议会\n  date: 2024-01-18\nachievements:\n  - title: 政治建设持续加强\n';

describe('draft details a writer would otherwise fix by hand', () => {
  it.each(['讲话.pdf', '讲话.doc', '讲话.html'])('refuses -o %s with the list of formats, writing nothing', async (name) => {
    const dir = tmp();
    const facts = path.join(dir, 'facts.yaml');
    await runCli(['init', '-o', facts]);
    const r = await runCli(['draft', facts, '-o', path.join(dir, name)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/不支持输出 \.\w+ 文件：可用的格式为 txt、md、docx/u);
    expect(existsSync(path.join(dir, name))).toBe(false);
    // with --format the writer chose the format, whatever the name says
    expect((await runCli(['draft', facts, '-o', path.join(dir, name), '--format', 'txt'])).code).toBe(0);
  });

  it('reviews a written report the facts comment on (书面述职 点评) after the oral ones', () => {
    const input = parseFacts(exampleFacts('host-script')).facts;
    const reporters = input.reporters.map((r) => (r.mode === 'written' ? { ...r, comment: { achievements: '推动公立医院党建工作提质增效', problems: '“双带头人”培育不够', hopes: '进一步加强医院党支部建设' } } : r));
    const text = renderDraft({ ...input, reporters });
    const written = reporters.find((r) => r.mode === 'written')!;
    const lines = text.split('\n').map((l) => l.trim());
    const at = lines.indexOf(`${written.org}${written.name}同志作了书面述职。${written.name}同志推动公立医院党建工作提质增效。`);
    expect(at).toBeGreaterThan(lines.findIndex((l) => l.startsWith('现在，请')));
    expect(lines.slice(at + 1, at + 3)).toEqual(['存在的主要问题是：“双带头人”培育不够。', `希望${written.name}同志进一步加强医院党支部建设。`]);
  });

  it('warns, with the place in the facts, about 点评 a built-in template will not write', async () => {
    const dir = tmp();
    const facts = path.join(dir, 'facts.yaml');
    writeFileSync(facts, `${MINIMAL}problems:\n  - title: 责任落实不够到位\nopinions:\n  - title: 突出政治引领\nreporters:\n  - org: 城关镇党委\n    name: 王强\n    comment:\n      hopes: 进一步压实责任\n`);
    const r = await runCli(['draft', facts]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`警告：${facts}:15:7: 总结讲话不逐一点评述职人，城关镇党委王强的点评没有写进讲话稿（点评用于 host-script 主持词）\n`);
  });

  it.each([
    ['an unclosed double quote', '  - title: "组织建设全面进步\n', 7, 12, '双引号（"）没有闭合'],
    ["an unclosed single quote", "  - title: '组织建设全面进步\n", 7, 12, "单引号（'）没有闭合"],
    ['an unclosed [', '  - title: [组织建设\n', 7, 12, '方括号（[）没有闭合'],
  ])('names where %s opened, not where the parser gave up', async (_label, line, lineNo, column, message) => {
    const dir = tmp();
    const facts = path.join(dir, 'facts.yaml');
    writeFileSync(facts, `${MINIMAL}${line}  - title: 乡村振兴成效明显\nproblems:\n  - title: 责任落实不够到位\nopinions:\n  - title: 突出政治引领\n`);
    const r = await runCli(['draft', facts]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^jianghua: ${facts.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}:${lineNo}:${column}: YAML 格式错误：${message.replace(/[()[\]]/gu, '\\$&')}（从这里开始，到第 \\d+ 行第 \\d+ 列仍未闭合）\\n$`, 'u'));
  });

  it('says 热烈 once in the welcome, and addresses a guest without a name by office', () => {
    const input = parseFacts(exampleFacts('summary-speech')).facts;
    const text = renderDraft({ ...input, guests: [{ org: '市委组织部', title: '副部长' }] });
    const welcome = text.split('\n').find((l) => l.includes('专程到会指导'))!;
    expect(welcome.endsWith('。市委组织部副部长专程到会指导，让我们以热烈的掌声对领导的到来表示欢迎和衷心的感谢！')).toBe(true);
    for (const kind of ['summary-speech', 'host-script', 'progress-meeting'] as const) {
      for (const sentence of renderDraft(parseFacts(exampleFacts(kind)).facts).split(/[。！？]/u)) expect((sentence.match(/热烈/gu) ?? []).length).toBeLessThanOrEqual(1);
    }
  });
});
