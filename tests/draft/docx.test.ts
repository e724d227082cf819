import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleFacts, parseFacts, renderDraftDocx } from '../../src/draft/index.js';
import { CHAR_SPACING } from '../../src/draft/output/docx.js';
import { titleLines } from '../../src/draft/output/title-lines.js';
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
    const spacing = attrs(xml, 'spacing').filter((s) => s.line !== undefined); // paragraph spacing, not the runs' character spacing
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

  it('reads back with mammoth as the same paragraphs (the title one paragraph across its line break)', async () => {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(file) });
    const paragraphs = value.split('\n').filter((l) => l.trim() !== '');
    expect(paragraphs[0]).toBe('在全县2023年度基层党组织书记抓基层党建工作述职评议会上的讲话');
    expect(paragraphs[1]).toBe('同志们：');
    expect(paragraphs).toContain('一要抓实理论学习。落实“第一议题”制度，用好乡镇党校、党群服务中心等阵地，分层分类开展党员教育培训，推动学习往深里走、往实里走。');
    expect(paragraphs[paragraphs.length - 1]).toBe('谢谢大家！');
  });

  it('fits 28 characters a line: −0.25 pt character spacing on every body run, a 22-line grid', () => {
    expect(attrs(xml, 'docGrid')).toEqual([{ type: 'lines', linePitch: String(Math.floor(((297 - 37 - 35) * MM) / 22)) }]);
    const body = paragraph('经县委研究决定');
    expect(body).toContain('<w:spacing w:val="-5"/>');
    // 156 mm of text: 28 characters at 16 − 0.25 pt fit, 29 do not
    const width = (210 - 28 - 26) * (72 / 25.4);
    expect(28 * 15.75).toBeLessThanOrEqual(width);
    expect(29 * 15.75).toBeGreaterThan(width);
    expect(CHAR_SPACING).toBe(-5);
  });

  it('justifies the body and turns widow/orphan control off on every paragraph', () => {
    const paragraphs = [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gu)].map((m) => m[1]!).filter((p) => p.includes('<w:t'));
    expect(paragraphs.length).toBeGreaterThan(20);
    for (const p of paragraphs) expect(p).toContain('<w:widowControl w:val="false"/>');
    const aligned = paragraphs.map((p) => attrs(p, 'jc')[0]?.val);
    // all but the title (and a date line, centred) are justified
    expect(aligned[0]).toBe('center');
    expect(aligned.slice(1).every((a) => a === 'both' || a === 'center')).toBe(true);
    expect(aligned.filter((a) => a === 'center').length).toBeLessThanOrEqual(2);
    expect(attrs(paragraph('一要抓实理论学习。'), 'jc')[0]!.val).toBe('both');
  });

  it('gives 一、 headings outline level 1 (w:outlineLvl 0), so the navigation pane of Word lists them', () => {
    expect(attrs(paragraph('一、突出政治引领'), 'outlineLvl')).toEqual([{ val: '0' }]);
    expect(attrs(paragraph('经县委研究决定'), 'outlineLvl')).toEqual([]);
  });

  it('breaks the title into whole-word lines in one centred paragraph, off the character grid', () => {
    const title = paragraph('在全县2023年度');
    expect([...title.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/gu)].map((m) => m[1])).toEqual(['在全县2023年度基层党组织书记', '抓基层党建工作述职评议会上的讲话']);
    expect(title).toContain('<w:br/>');
  });

  it('fills the document properties from the facts: title, author and last editor', () => {
    const core = unzipEntry(file, 'docProps/core.xml') ?? '';
    expect(core).toContain('<dc:title>在全县2023年度基层党组织书记抓基层党建工作述职评议会上的讲话</dc:title>');
    expect(core).toContain('<dc:creator>县委</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>县委</cp:lastModifiedBy>');
    expect(core).not.toContain('Un-named');
  });

  it('uses the title lines the facts give', async () => {
    const input = parseFacts(exampleFacts('summary-speech')).facts;
    const own = await renderDraftDocx({ ...input, title: ['在全县2023年度基层党组织书记抓基层党建工作', '述职评议会上的讲话'] });
    const doc = unzipEntry(own, 'word/document.xml') ?? '';
    expect(doc).toContain('<w:t xml:space="preserve">在全县2023年度基层党组织书记抓基层党建工作</w:t></w:r><w:r><w:rPr>');
    expect(doc).toContain('<w:br/><w:t xml:space="preserve">述职评议会上的讲话</w:t>');
  });
});

describe('title lines', () => {
  it.each([
    ['在全县2023年度基层党组织书记抓基层党建工作述职评议会上的讲话', ['在全县2023年度基层党组织书记', '抓基层党建工作述职评议会上的讲话']],
    ['在全市推进新时代党的建设新的伟大工程暨基层党组织标准化规范化建设现场会上的讲话', ['在全市推进新时代党的建设新的伟大工程暨', '基层党组织标准化规范化建设现场会上的讲话']],
    ['在全县党建工作会议上的讲话', ['在全县党建工作会议上的讲话']],
  ])('%s', (title, lines) => {
    const got = titleLines(title, 20);
    expect(got.join('')).toBe(title);
    for (const line of got) expect([...line].length).toBeLessThanOrEqual(20);
    expect(got).toEqual(lines);
  });

  it('never breaks inside 《》 or a number', () => {
    const got = titleLines('关于认真学习贯彻《中国共产党支部工作条例（试行）》的实施意见2024', 20);
    expect(got.join('')).toBe('关于认真学习贯彻《中国共产党支部工作条例（试行）》的实施意见2024');
    for (const line of got) expect((line.match(/《/gu) ?? []).length).toBe((line.match(/》/gu) ?? []).length);
    expect(got.some((l) => /\d$/u.test(l) && !l.endsWith('2024'))).toBe(false);
  });
});
