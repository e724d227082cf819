import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tmp } from '../robustness/tmp.js';

interface LintFile {
  filePath: string;
  positionUnit?: string;
  messages: Array<{ ruleId: string; line: number; column: number; message: string }>;
}

/** The README's workflow through Word: init → draft -o 讲话.docx → edit the Word file → lint 讲话.docx. */
describe('init → draft → edit in Word → lint', () => {
  it('finds defects planted in the Word file at their paragraphs (段:列), and none hidden in changes or comments', async () => {
    const dir = tmp();
    const facts = path.join(dir, 'facts.yaml');
    const docx = path.join(dir, '讲话.docx');
    expect((await runCli(['init', '-o', facts])).code).toBe(0);
    expect((await runCli(['draft', facts, '-o', docx])).code).toBe(0);
    const clean = await runCli(['lint', docx, '--format', 'json']);
    expect(clean.code).toBe(0);
    expect((JSON.parse(clean.stdout) as LintFile[])[0]!.messages.filter((m) => m.ruleId !== 'duplicate-sentence')).toEqual([]);

    // edit as a writer would in Word: a placeholder typed into one paragraph, a half-width comma into another,
    // and, as tracked changes and a comment, text that must not count
    const files = unzipSync(readFileSync(docx));
    let xml = Buffer.from(files['word/document.xml']!).toString('utf8');
    const paragraphs = [...xml.matchAll(/<w:p>.*?<\/w:p>/gu)].map((m) => m[0]);
    const indexOf = (start: string) => paragraphs.findIndex((p) => p.includes(`<w:t xml:space="preserve">${start}`));
    const placeholderAt = indexOf('刚才，城关镇党委');
    const commaAt = indexOf('一要抓实理论学习。');
    expect(placeholderAt).toBeGreaterThan(2);
    expect(commaAt).toBeGreaterThan(placeholderAt);
    xml = xml.replace('>刚才，城关镇党委、', '>刚才，××镇党委、');
    xml = xml.replace('落实“第一议题”制度，用好', '落实“第一议题”制度,用好');
    xml = xml.replace(
      /(<w:t xml:space="preserve">谢谢大家！<\/w:t><\/w:r>)/u,
      '$1<w:del w:id="90" w:author="审稿人"><w:r><w:delText>（此处待补××）</w:delText></w:r></w:del><w:commentRangeStart w:id="91"/><w:r><w:commentReference w:id="91"/></w:r>',
    );
    files['word/document.xml'] = strToU8(xml);
    files['word/comments.xml'] = strToU8('<?xml version="1.0"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="91"><w:p><w:r><w:t>TODO 这句××再斟酌</w:t></w:r></w:p></w:comment></w:comments>');
    const edited = Buffer.from(zipSync(files));
    writeFileSync(docx, edited);

    const linted = await runCli(['lint', docx, '--format', 'json']);
    expect(linted.code).toBe(1);
    const [result] = JSON.parse(linted.stdout) as LintFile[];
    expect(result!.positionUnit).toBe('paragraph');
    const found = result!.messages.filter((m) => m.ruleId !== 'duplicate-sentence').map((m) => [m.ruleId, m.line, m.column]);
    // paragraphs count from 1, every paragraph mark (the blank one after the title too), as in Word
    expect(found).toEqual([
      ['placeholder', placeholderAt + 1, 4],
      ['punctuation-width', commaAt + 1, '一要抓实理论学习。落实“第一议题”制度'.length + 1],
    ]);

    const stylish = await runCli(['lint', docx]);
    expect(stylish.stdout).toContain('讲话.docx（Word 文件，位置为 段:列）');
    expect(stylish.stdout).toMatch(new RegExp(`\\n\\s+${placeholderAt + 1}:4\\s+错误`, 'u'));

    const fix = await runCli(['lint', docx, '--fix']);
    expect(fix.code).toBe(2);
    expect(fix.stderr).toContain('讲话.docx: Word 文件（.docx）不能用 --fix 自动修复，未作改动');
    expect(readFileSync(docx).equals(edited)).toBe(true);
  });

  it('outlines and counts the Word file like the text one, by paragraph', async () => {
    const dir = tmp();
    const facts = path.join(dir, 'facts.yaml');
    await runCli(['init', '-o', facts]);
    await runCli(['draft', facts, '-o', path.join(dir, '讲话.docx')]);
    await runCli(['draft', facts, '-o', path.join(dir, '讲话.txt')]);
    const word = await runCli(['outline', path.join(dir, '讲话.docx'), '--format', 'json']);
    const text = await runCli(['outline', path.join(dir, '讲话.txt'), '--format', 'json']);
    const kinds = (o: string) => (JSON.parse(o) as { sections: Array<{ kind: string }> }).sections.map((s) => s.kind);
    expect(kinds(word.stdout)).toEqual(kinds(text.stdout));
    expect((JSON.parse(word.stdout) as { unit?: string }).unit).toBe('paragraph');
    expect((await runCli(['outline', path.join(dir, '讲话.docx')])).stdout).toMatch(/【成绩】.*第\d+–\d+段/u);
    const stats = JSON.parse((await runCli(['stats', dir, '--format', 'json'])).stdout) as { documents: Array<{ chars: number; encoding: string }> };
    expect(stats.documents.map((d) => d.encoding)).toEqual(['docx', 'utf-8']);
    expect(stats.documents[0]!.chars).toBe(stats.documents[1]!.chars);
  });
});
