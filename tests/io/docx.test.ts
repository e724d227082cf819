import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSpeech, speechFromBytes, wordPosition } from '../../src/io/read-speech.js';
import { runCli } from '../helpers/cli.js';
import { tmp } from '../robustness/tmp.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const numbered = (numId: number, ilvl: number, text: string) => p(r(text), `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);

/** A .docx from body XML (and optional numbering / comments parts), zipped with fflate. */
function docx(body: string, parts: Record<string, string> = {}): Buffer {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`),
  };
  for (const [name, xml] of Object.entries(parts)) files[name] = strToU8(xml);
  return Buffer.from(zipSync(files));
}

const NUMBERING = `<?xml version="1.0"?><w:numbering ${W}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`;

describe('reading a .docx as a person reads it in Word', () => {
  it('keeps inserted text and drops deleted and moved-away text (changes accepted)', () => {
    const body = p(`${r('全县')}<w:ins w:id="1" w:author="a"><w:r><w:t>基层</w:t></w:r></w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>农村</w:delText></w:r></w:del>${r('党建')}<w:moveFrom w:id="3" w:author="a"><w:r><w:t>旧处</w:t></w:r></w:moveFrom>`);
    expect(speechFromBytes(docx(body), 'a.docx').text).toBe('全县基层党建');
  });

  it('leaves comments, footnote marks and field codes out of the text', () => {
    const body = p(`<w:commentRangeStart w:id="0"/>${r('压实责任')}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('3')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`);
    const comments = `<?xml version="1.0"?><w:comments ${W}><w:comment w:id="0"><w:p><w:r><w:t>批注：这里要改</w:t></w:r></w:p></w:comment></w:comments>`;
    expect(speechFromBytes(docx(body, { 'word/comments.xml': comments }), 'a.docx').text).toBe('压实责任3');
  });

  it('reads tables row by row, a cell paragraph a line, and counts their paragraphs', () => {
    const cell = (t: string) => `<w:tc><w:tcPr/>${p(r(t))}</w:tc>`;
    const body = p(r('情况如下：')) + `<w:tbl><w:tblPr/><w:tr>${cell('单位')}${cell('得分')}</w:tr><w:tr>${cell('城关镇')}${cell('95')}</w:tr></w:tbl>` + p(r('以上。'));
    const source = speechFromBytes(docx(body), 'a.docx');
    expect(source.text.split('\n')).toEqual(['情况如下：', '单位', '得分', '城关镇', '95', '以上。']);
    expect(wordPosition(source, 6, 1)).toEqual({ line: 6, column: 1 });
  });

  it('writes out automatic numbers (一、 （一）) and not bullets; columns stay those of the Word text', () => {
    const body = numbered(1, 0, '突出政治引领') + numbered(1, 1, '抓实理论学习') + numbered(1, 1, '严格组织生活') + numbered(1, 0, '夯实基层基础') + numbered(1, 1, '扩大组织覆盖') + numbered(2, 0, '要点');
    const source = speechFromBytes(docx(body, { 'word/numbering.xml': NUMBERING }), 'a.docx');
    expect(source.text.split('\n')).toEqual(['一、突出政治引领', '（一）抓实理论学习', '（二）严格组织生活', '二、夯实基层基础', '（一）扩大组织覆盖', '要点']);
    // 突 is the 3rd character of the line but the 1st one a writer can put the cursor before in Word
    expect(wordPosition(source, 1, 3)).toEqual({ line: 1, column: 1 });
    expect(wordPosition(source, 2, 5)).toEqual({ line: 2, column: 2 });
  });

  it('continues a paragraph across a manual line break and counts blank paragraphs', () => {
    const body = p(`${r('在全县党建工作')}<w:r><w:br/></w:r>${r('会议上的讲话')}`) + p('') + p(r('同志们：'));
    const source = speechFromBytes(docx(body), 'a.docx');
    expect(source.text).toBe('在全县党建工作会议上的讲话\n\n同志们：');
    expect(wordPosition(source, 3, 2)).toEqual({ line: 3, column: 2 });
  });

  it('says what is wrong with a file that only looks like a Word file', async () => {
    const dir = tmp();
    const cases: Array<[string, Buffer, RegExp]> = [
      ['not-zip.docx', Buffer.from('纯文本'), /文件名是 \.docx，但内容不是 Word 文档/u],
      ['other.zip.docx', Buffer.from(zipSync({ 'a.txt': strToU8('x') })), /内容不是 Word 文档|不是 Word 文档（没有 word\/document.xml）/u],
      ['bad-xml.docx', Buffer.from(zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body><w:p></w:body>`) })), /Word 文件已损坏：word\/document\.xml 不是合法的 XML/u],
      ['cut.docx', docx(p(r('正文'))).subarray(0, 60), /Word 文件已损坏|不是 Word 文档/u],
    ];
    for (const [name, bytes, message] of cases) {
      writeFileSync(path.join(dir, name), bytes);
      await expect(readSpeech(path.join(dir, name))).rejects.toThrow(message);
    }
  });
});

/** A zip whose one entry inflates to `size` bytes of '0' (deflate compresses that about 1000:1). */
function bomb(size: number, declared = size): Buffer {
  const data = deflateRawSync(Buffer.alloc(size, 0x30), { level: 9 });
  const name = Buffer.from('word/document.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

describe('.docx zip budget', () => {
  it('refuses an entry declared larger than the budget before inflating anything', () => {
    const file = bomb(200 * 1024 * 1024);
    expect(file.length).toBeLessThan(1024 * 1024);
    expect(() => speechFromBytes(file, 'bomb.docx')).toThrow(/^Word 文件中的 word\/document\.xml 解压后 200 MB（压缩比 \d+:1），超过上限 32 MB，疑似压缩炸弹，未读取$/u);
  });

  it('refuses an entry whose ratio is a bomb’s even under the size budget', () => {
    expect(() => speechFromBytes(bomb(20 * 1024 * 1024), 'bomb.docx')).toThrow(/压缩比超过 200:1，疑似压缩炸弹/u);
  });

  it('stops inflating an entry that lies about its size at the size it declared', () => {
    expect(() => speechFromBytes(bomb(64 * 1024 * 1024, 1000), 'liar.docx')).toThrow(/解压后超过它声明的 1 KB，疑似压缩炸弹/u);
  });

  it('inside a folder skips the bomb only, with a one-line Chinese reason (stats, lint, analyze)', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'bomb.docx'), bomb(200 * 1024 * 1024));
    writeFileSync(path.join(dir, 'good.docx'), docx(p(r('在全县党建工作会议上的讲话')) + p(r('同志们：')) + p(r('今天我们召开会议，总结工作，部署任务。'))));
    const stats = await runCli(['stats', dir, '--format', 'json']);
    expect(stats.code).toBe(0);
    expect(stats.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^警告：已跳过 .*bomb\.docx: Word 文件中的 word\/document\.xml 解压后 200 MB.*疑似压缩炸弹，未读取$/u)]);
    expect((JSON.parse(stats.stdout) as { documents: Array<{ file: string; encoding: string }> }).documents.map((d) => [path.basename(d.file), d.encoding])).toEqual([['good.docx', 'docx']]);
    const lint = await runCli(['lint', dir, '--format', 'json']);
    expect(lint.stderr).toMatch(/bomb\.docx: Word 文件中的 word\/document\.xml .*疑似压缩炸弹/u);
    expect((JSON.parse(lint.stdout) as Array<{ filePath: string }>).map((f) => path.basename(f.filePath))).toEqual(['good.docx']);
    const analyze = await runCli(['analyze', dir, '--format', 'json', '--jobs', '1']);
    expect(analyze.code).toBe(0);
    expect(analyze.stderr).toMatch(/bomb\.docx.*疑似压缩炸弹/u);
  });
});
