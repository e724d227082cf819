import type { Block } from './blocks.js';
import { titleLines } from './title-lines.js';
import { XML_ILLEGAL } from '../facts.js';

// GB/T 9704-2012 (党政机关公文格式): A4, margins in mm, 22 lines of 三号 仿宋 a page.
const TWIPS_PER_MM = 1440 / 25.4;
const mm = (v: number) => Math.round(v * TWIPS_PER_MM);
export const LAYOUT = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  /** text height 225 mm / 22 lines, exact line spacing */
  line: Math.floor(((297 - 37 - 35) * TWIPS_PER_MM) / 22),
  /** half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt */
  size: { title: 44, body: 32, pageNumber: 28 },
  font: { title: '方正小标宋简体', body: '仿宋', heading1: '黑体', heading2: '楷体', pageNumber: '宋体' },
  /** what Word substitutes when a font is not installed (w:altName in the font table) */
  fallback: { 方正小标宋简体: '宋体', 仿宋: '仿宋_GB2312', 楷体: '楷体_GB2312', 黑体: 'SimHei', 宋体: 'SimSun' } as Record<string, string>,
  /** two characters of 三号 = 32 pt = 640 twips */
  indent: 640,
  /** GB/T 9704 7.1: 28 characters a line, 22 lines a page */
  charsPerLine: 28,
} as const;

/** Width of the text block in points (156 mm). */
const TEXT_WIDTH_PT = (LAYOUT.width - LAYOUT.margin.left - LAYOUT.margin.right) / 20;

/**
 * 28 characters of 三号 (16 pt) in 156 mm need a pitch of 15.79 pt, a little under the font size.
 * Word gets there with a linesAndChars grid and a negative charSpace, but LibreOffice then gives
 * each 16 pt character two grid cells (14 a line, measured by check:docx). Character spacing on
 * the runs works in both: the largest whole-twip step that still fits 28, −0.25 pt (15.75 pt pitch,
 * 441 pt of 442.3; a 29th would need 456.8), and the justified line takes up the rest.
 */
export const CHAR_SPACING = Math.floor((TEXT_WIDTH_PT / LAYOUT.charsPerLine - LAYOUT.size.body / 2) * 20);

/** Characters of the 二号 title that fit a line (the grid does not apply to it). */
export const TITLE_CHARS_PER_LINE = Math.floor(TEXT_WIDTH_PT / (LAYOUT.size.title / 2));

/** Document properties: Word shows them in 文件 → 信息, and lists the file by them. */
export interface DocxMeta {
  title?: string;
  /** 作者: the organiser or the speaker. */
  creator?: string;
  /** The title's lines as the facts give them; otherwise broken at word boundaries. */
  titleLines?: readonly string[];
}

/** The font table, with a fallback for each font (docx writes an empty one unless fonts are embedded). */
function fontTable(): string {
  const fonts = [...new Set(Object.values(LAYOUT.font))]
    .map((name) => `<w:font w:name="${name}"><w:altName w:val="${LAYOUT.fallback[name] ?? '宋体'}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`;
}

/** Classified paragraphs → a .docx file laid out as a Chinese office document. Loads docx lazily. */
export async function formatDocx(input: readonly Block[], meta: DocxMeta = {}): Promise<Uint8Array> {
  // the last guard for library callers and custom templates: text XML 1.0 cannot hold never reaches the file
  const clean = (text: string) => text.replace(new RegExp(XML_ILLEGAL.source, 'gu'), '');
  const blocks = input.map((b) => ({ ...b, text: clean(b.text), ...(b.lead ? { lead: clean(b.lead) } : {}) }));
  meta = { ...meta, ...(meta.title ? { title: clean(meta.title) } : {}), ...(meta.creator ? { creator: clean(meta.creator) } : {}), ...(meta.titleLines ? { titleLines: meta.titleLines.map(clean) } : {}) };
  const { AlignmentType, Document, DocumentGridType, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } = await import('docx');
  const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
  const run = (text: string, face: string, size: number = LAYOUT.size.body) => new TextRun({ text, font: font(face), size, characterSpacing: CHAR_SPACING });
  const spacing = { line: LAYOUT.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  // justified, and no widow/orphan control: every page holds its 22 lines
  const body = { spacing, alignment: AlignmentType.BOTH, widowControl: false };

  const paragraphs = blocks.map((b) => {
    switch (b.type) {
      case 'title': {
        // one paragraph, broken at word boundaries; off the grid, which is sized for the 三号 body
        const lines = meta.titleLines?.length ? meta.titleLines : titleLines(b.text, TITLE_CHARS_PER_LINE);
        const children = lines.map((line, i) => new TextRun({ text: line, font: font(LAYOUT.font.title), size: LAYOUT.size.title, snapToGrid: false, ...(i > 0 ? { break: 1 } : {}) }));
        return new Paragraph({ alignment: AlignmentType.CENTER, spacing, widowControl: false, children });
      }
      case 'date':
        return new Paragraph({ alignment: AlignmentType.CENTER, spacing, widowControl: false, children: [run(b.text, LAYOUT.font.heading2)] });
      case 'salutation':
        return new Paragraph({ ...body, children: [run(b.text, LAYOUT.font.body)] });
      case 'heading1':
        // outline levels: Word's navigation pane and LibreOffice's navigator list the headings
        return new Paragraph({ ...body, outlineLevel: 0, indent: { firstLine: LAYOUT.indent }, children: [run(b.text, LAYOUT.font.heading1)] });
      case 'heading2':
        return new Paragraph({ ...body, outlineLevel: 1, indent: { firstLine: LAYOUT.indent }, children: [run(b.text, LAYOUT.font.heading2)] });
      default: {
        // the leading 一要……。 sentence reads as a second-level heading (楷体)
        const children = b.lead ? [run(b.lead, LAYOUT.font.heading2), run(b.text.slice(b.lead.length), LAYOUT.font.body)] : [run(b.text, LAYOUT.font.body)];
        return new Paragraph({ ...body, indent: { firstLine: LAYOUT.indent }, children });
      }
    }
  });
  // a blank line after the title block, as in printed speeches
  const titleEnd = blocks.findIndex((b) => b.type !== 'title' && b.type !== 'date');
  if (titleEnd > 0) paragraphs.splice(titleEnd, 0, new Paragraph({ spacing, children: [] }));

  // page number “— 1 —”, 4号 宋体: odd pages on the right, even pages on the left, one character in
  const pageNumber = (alignment: 'right' | 'left') =>
    new Footer({
      children: [
        new Paragraph({
          alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: alignment === 'right' ? { right: 280 } : { left: 280 },
          children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(LAYOUT.font.pageNumber), size: LAYOUT.size.pageNumber, snapToGrid: false })],
        }),
      ],
    });

  const author = meta.creator ?? 'jianghua';
  const doc = new Document({
    ...(meta.title !== undefined ? { title: meta.title } : {}),
    creator: author,
    lastModifiedBy: author,
    evenAndOddHeaderAndFooters: true,
    // the Normal style carries the body size too: LibreOffice sizes the character grid from it, not from the defaults
    styles: {
      default: { document: { run: { font: font(LAYOUT.font.body), size: LAYOUT.size.body } } },
      paragraphStyles: [{ id: 'Normal', name: 'Normal', run: { font: font(LAYOUT.font.body), size: LAYOUT.size.body } }],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: LAYOUT.width, height: LAYOUT.height },
            margin: { ...LAYOUT.margin, header: mm(15), footer: mm(28) - mm(7) },
          },
          // the line grid, 22 lines a page; the 28 characters a line come from CHAR_SPACING
          grid: { linePitch: LAYOUT.line, type: DocumentGridType.LINES },
        },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children: paragraphs,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTable() }]));
}
