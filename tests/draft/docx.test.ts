import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleFacts, parseFacts, renderDraftDocx } from '../../src/draft/index.js';
import { unzipEntry } from './unzip.js';

const MM = 1440 / 25.4;

describe('docx after GB/T 9704-2012', () => {
  let file: Uint8Array;
  let xml: string;
  beforeAll(async () => {
    file = await renderDraftDocx(parseFacts(exampleFacts('summary-speech')).facts);
    xml = unzipEntry(file, 'word/document.xml') ?? '';
  });

  /** Attribute values of every <w:tag …> element. */
  const attrs = (source: string, tag: string): Array<Record<string, string>> =>
    [...source.matchAll(new RegExp(`<w:${tag} ([^>]*?)/?>`, 'gu'))].map((m) => Object.fromEntries([...m[1]!.matchAll(/w:(\w+)="([^"]*)"/gu)].map((a) => [a[1]!, a[2]!])));

  /** The paragraph (<w:p>) whose text starts with `start`. */
  const paragraph = (start: string) => [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gu)].map((m) => m[1]!).find((p) => p.includes(`<w:t xml:space="preserve">${start}`)) ?? '';

  it('is A4 with margins top 37, bottom 35, left 28, right 26 mm', () => {
    const [size] = attrs(xml, 'pgSz');
    expect(Number(size!.w)).toBe(Math.round(210 * MM));
    expect(Number(size!.h)).toBe(Math.round(297 * MM));
    const [margin] = attrs(xml, 'pgMar');
    for (const [side, value] of [['top', 37], ['bottom', 35], ['left', 28], ['right', 26]] as const) expect(Math.abs(Number(margin![side]) - value * MM)).toBeLessThan(1);
  });

  it('spaces lines exactly so that 22 fit the text height', () => {
    const spacing = attrs(xml, 'spacing');
    expect(spacing.length).toBeGreaterThan(20);
    for (const s of spacing) expect([s.line, s.lineRule]).toEqual([String(Math.floor(((297 - 37 - 35) * MM) / 22)), 'exact']);
    expect(Math.floor(((297 - 37 - 35) * MM) / Number(spacing[0]!.line))).toBe(22);
  });

  it('sets the title in 二号 方正小标宋 centred, the body in 三号 仿宋 indented two characters', () => {
    const title = paragraph('在全县2023年度');
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(attrs(title, 'rFonts')[0]!.eastAsia).toBe('方正小标宋简体');
    expect(attrs(title, 'sz')[0]!.val).toBe('44');
    const body = paragraph('经县委研究决定');
    expect(attrs(body, 'rFonts')[0]!.eastAsia).toBe('仿宋');
    expect(attrs(body, 'sz')[0]!.val).toBe('32');
    expect(attrs(body, 'ind')[0]!.firstLine).toBe('640');
  });

  it('declares a fallback for the title font (宋体) and the GB2312 variants of 仿宋 and 楷体', () => {
    const table = unzipEntry(file, 'word/fontTable.xml') ?? '';
    expect(table).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(table).toContain('<w:font w:name="仿宋"><w:altName w:val="仿宋_GB2312"/>');
    expect(table).toContain('<w:font w:name="楷体"><w:altName w:val="楷体_GB2312"/>');
  });

  it('sets 一、 headings in 黑体 and the leading 一要 sentence in 楷体', () => {
    const heading = paragraph('一、突出政治引领');
    expect(attrs(heading, 'rFonts').map((f) => f.eastAsia)).toEqual(['黑体']);
    const point = paragraph('一要抓实理论学习。');
    expect(attrs(point, 'rFonts').map((f) => f.eastAsia)).toEqual(['楷体', '仿宋']);
  });

  it('numbers pages “— 1 —” in 4号 宋体, odd pages right and even pages left', () => {
    const footers = ['word/footer1.xml', 'word/footer2.xml'].map((f) => unzipEntry(file, f) ?? '');
    for (const footer of footers) {
      expect(footer).toContain('<w:t xml:space="preserve">— </w:t>');
      expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(footer).toContain('<w:t xml:space="preserve"> —</w:t>');
      expect(attrs(footer, 'sz')[0]!.val).toBe('28');
      expect(attrs(footer, 'rFonts')[0]!.eastAsia).toBe('宋体');
    }
    expect(footers.map((f) => attrs(f, 'jc')[0]!.val).sort()).toEqual(['left', 'right']);
    expect(unzipEntry(file, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
  });

  it('reads back with mammoth as the same paragraphs', async () => {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(file) });
    const paragraphs = value.split('\n').filter((l) => l.trim() !== '');
    expect(paragraphs[0]).toBe('在全县2023年度基层党组织书记抓基层党建工作述职评议会上的讲话');
    expect(paragraphs[1]).toBe('同志们：');
    expect(paragraphs).toContain('一要抓实理论学习。落实“第一议题”制度，用好乡镇党校、党群服务中心等阵地，分层分类开展党员教育培训，推动学习往深里走、往实里走。');
    expect(paragraphs[paragraphs.length - 1]).toBe('谢谢大家！');
  });
});
