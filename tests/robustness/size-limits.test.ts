import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ANALYZE_CHARS } from '../../src/analyze/document.js';
import { MAX_PARAGRAPHS, requireSpeechSize } from '../../src/io/read-text.js';
import { runCli } from '../helpers/cli.js';
import { seed, tmp } from './tmp.js';

// millions of one-character lines fit in 16 MB; the speech model pays per paragraph (4 M took 15 s, 2.5 GB)
const lines = (n: number, line = '党') => `${line}\n`.repeat(n);

describe('a text with more paragraphs than a speech could have is refused before parsing', () => {
  it('past MAX_PARAGRAPHS lines with text: one Chinese line with the count', () => {
    expect(() => requireSpeechSize(lines(MAX_PARAGRAPHS + 1), 'a.txt')).toThrow(`段落过多（${MAX_PARAGRAPHS + 1} 段，上限 ${MAX_PARAGRAPHS} 段），不像是讲话稿，未读取`);
  });

  it('exactly MAX_PARAGRAPHS is accepted; blank and white-space lines are no paragraphs', () => {
    expect(() => requireSpeechSize(lines(MAX_PARAGRAPHS), 'a.txt')).not.toThrow();
    expect(() => requireSpeechSize(`${lines(MAX_PARAGRAPHS - 1)}${'\n \u3000\t\n'.repeat(MAX_PARAGRAPHS)}末尾`, 'a.txt')).not.toThrow();
    expect(() => requireSpeechSize(`${lines(MAX_PARAGRAPHS)}末尾`, 'a.txt')).toThrow('段落过多');
  });

  it.each([['outline'], ['stats'], ['lint'], ['analyze']])('%s: exit 2 alone, skipped in a folder beside a real speech', async (command) => {
    const dir = tmp();
    const many = path.join(dir, 'many.txt');
    writeFileSync(many, lines(MAX_PARAGRAPHS + 5, '一是党建。'));
    const alone = await runCli([command, many]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('段落过多');
    expect(alone.stderr).not.toMatch(/\n\s+at /u);
    if (command === 'outline') return; // outline takes one file
    writeFileSync(path.join(dir, 'speech.txt'), seed('001_ee2f5de62b8467af.txt'));
    const folder = await runCli([command, dir, '--format', 'json']);
    expect(folder.code).toBeLessThan(2);
    expect(folder.stderr).toMatch(/已跳过 .*many\.txt[:：] ?段落过多/u);
    expect(folder.stdout).toContain('speech.txt');
  });
});

describe('analyze takes at most MAX_ANALYZE_CHARS characters a document (a corpus pasted into one file)', () => {
  // long lines of ordinary sentences: far fewer paragraphs than MAX_PARAGRAPHS
  const longText = (chars: number) => {
    const line = `${'各级党组织要认真落实主体责任，推动基层党建工作不断取得新成效。'.repeat(30)}\n`;
    return line.repeat(Math.ceil(chars / line.length)).slice(0, chars);
  };

  it('over it: skipped with the count; alone exit 2; outline and lint still read the file', async () => {
    const dir = tmp();
    const long = path.join(dir, 'long.txt');
    writeFileSync(long, longText(MAX_ANALYZE_CHARS + 10));
    const alone = await runCli(['analyze', long, '--format', 'json']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain(`文本过长（${MAX_ANALYZE_CHARS + 10} 字，每篇上限 ${MAX_ANALYZE_CHARS} 字），像是多篇讲话合在一个文件里：请拆成单篇再分析`);
    writeFileSync(path.join(dir, 'speech.txt'), seed('003_2f38f797e70dc8f3.txt'));
    const folder = await runCli(['analyze', dir, '--format', 'json']);
    expect(folder.code).toBe(0);
    const report = JSON.parse(folder.stdout) as { documents: Array<{ file: string; error?: string }> };
    expect(report.documents.find((d) => d.file.endsWith('long.txt'))?.error).toContain('文本过长');
    expect(report.documents.find((d) => d.file.endsWith('speech.txt'))?.error).toBeUndefined();
    expect((await runCli(['outline', long])).code).toBe(0);
  });
});
