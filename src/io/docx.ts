import { createRequire } from 'node:module';
import type * as XmlDom from '@xmldom/xmldom';
import { JianghuaError } from '../errors.js';
import { toChineseNumeral } from '../speech/numerals.js';
import { readZipEntries, zipHas } from './zip.js';

/**
 * The text of a Word file as a person reads it in Word with changes accepted: one line per
 * paragraph (body, then table cells row by row), automatic numbers written out (一、 from
 * numbering.xml), inserted text kept, deleted and moved-away text, comments, footnotes,
 * field codes and drawings left out. Each line remembers its paragraph, so findings are
 * reported as 段:列 a writer can find in Word.
 */
export interface DocxText {
  /** One line per paragraph. */
  lines: string[];
  /** For each line: its paragraph (1-based, every paragraph mark counted, blank ones too) and the shift from line column to paragraph column. */
  places: Array<{ paragraph: number; shift: number }>;
}

const W = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const DOCUMENT = 'word/document.xml';

type El = Element;
const isW = (n: Node, name: string): boolean => n.nodeType === 1 && (n as El).localName === name && W.has((n as El).namespaceURI ?? '');
const children = (n: Node): El[] => Array.from(n.childNodes as unknown as ArrayLike<Node>).filter((c): c is El => c.nodeType === 1);
const child = (n: Node, name: string): El | undefined => children(n).find((c) => isW(c, name));
const wAttr = (n: El | undefined, name: string) => {
  if (!n) return undefined;
  for (const ns of W) if (n.hasAttributeNS(ns, name)) return n.getAttributeNS(ns, name) ?? undefined;
  return n.getAttribute(`w:${name}`) ?? undefined;
};

/** xmldom, loaded on the first Word file (text speeches never pay for it). */
let xmldom: typeof XmlDom | undefined;

function parseXml(xml: string, part: string, file: string): Document {
  xmldom ??= createRequire(import.meta.url)('@xmldom/xmldom') as typeof XmlDom;
  const { DOMParser } = xmldom;
  let failure: string | undefined;
  const onError = (msg: string) => {
    failure ??= msg;
  };
  const doc = new DOMParser({ locator: {}, errorHandler: { warning: () => undefined, error: onError, fatalError: onError } }).parseFromString(xml, 'text/xml');
  if (failure !== undefined || !doc?.documentElement) {
    const at = /line:(\d+),col:(\d+)/u.exec(failure ?? '');
    throw new JianghuaError('unreadable', `Word 文件已损坏：${part} 不是合法的 XML${at ? `（第 ${at[1]} 行第 ${at[2]} 列）` : ''}，无法读取`, { file });
  }
  return doc;
}

/** Subtrees a reader of the accepted text never sees. */
const HIDDEN = new Set(['del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'footnoteReference', 'endnoteReference', 'commentReference', 'drawing', 'pict', 'object', 'AlternateContent', 'pPr', 'rPr', 'sectPr', 'tblPr', 'trPr', 'tcPr', 'tblGrid']);

/**
 * The text of one paragraph. A manual line break (Shift+Enter, or a title set on two lines)
 * continues the paragraph: the pieces are joined, with a space only between Latin letters or digits.
 */
function paragraphText(p: El): string {
  const lines = [''];
  const stack: Node[] = children(p).reverse();
  while (stack.length) {
    const n = stack.pop() as El;
    const name = n.localName ?? '';
    if (!W.has(n.namespaceURI ?? '')) {
      if (name !== 'AlternateContent') stack.push(...children(n).reverse());
      continue;
    }
    if (HIDDEN.has(name)) continue;
    if (name === 'p') continue; // a text box's own paragraphs: not part of this one
    if (name === 't') lines[lines.length - 1] += n.textContent ?? '';
    else if (name === 'tab' || name === 'ptab') lines[lines.length - 1] += '\t';
    else if (name === 'noBreakHyphen') lines[lines.length - 1] += '-';
    else if (name === 'sym') {
      const code = Number.parseInt(wAttr(n, 'char') ?? '', 16);
      if (Number.isFinite(code)) lines[lines.length - 1] += String.fromCodePoint(code >= 0xf000 ? code - 0xf000 : code);
    } else if (name === 'br' || name === 'cr') {
      if (wAttr(n, 'type') !== 'page' && wAttr(n, 'type') !== 'column') lines.push('');
    } else stack.push(...children(n).reverse());
  }
  return lines.reduce((text, line) => (/[\p{L}\p{N}]$/u.test(text) && /^[\p{L}\p{N}]/u.test(line) && !/\p{Script=Han}$/u.test(text) && !/^\p{Script=Han}/u.test(line) ? `${text} ${line}` : text + line));
}

interface Level {
  start: number;
  format: string;
  text: string;
}

/** Automatic numbering: numId → abstract levels and the counters of that list. */
class Numbering {
  private readonly levels = new Map<string, Map<number, Level>>();
  private readonly counters = new Map<string, number[]>();
  private readonly styleNum = new Map<string, { numId: string; ilvl: number }>();

  constructor(numbering: Document | undefined, styles: Document | undefined) {
    if (numbering) {
      const abstract = new Map<string, El>();
      for (const a of children(numbering.documentElement)) if (isW(a, 'abstractNum')) abstract.set(wAttr(a, 'abstractNumId') ?? '', a);
      for (const num of children(numbering.documentElement)) {
        if (!isW(num, 'num')) continue;
        const a = abstract.get(wAttr(child(num, 'abstractNumId'), 'val') ?? '');
        if (!a) continue;
        const levels = new Map<number, Level>();
        for (const lvl of children(a)) {
          if (!isW(lvl, 'lvl')) continue;
          levels.set(Number(wAttr(lvl, 'ilvl') ?? 0), { start: Number(wAttr(child(lvl, 'start'), 'val') ?? 1), format: wAttr(child(lvl, 'numFmt'), 'val') ?? 'decimal', text: wAttr(child(lvl, 'lvlText'), 'val') ?? '' });
        }
        for (const o of children(num)) {
          const start = isW(o, 'lvlOverride') ? wAttr(child(o, 'startOverride'), 'val') : undefined;
          const level = levels.get(Number(wAttr(o, 'ilvl') ?? 0));
          if (start !== undefined && level) levels.set(Number(wAttr(o, 'ilvl') ?? 0), { ...level, start: Number(start) });
        }
        this.levels.set(wAttr(num, 'numId') ?? '', levels);
      }
    }
    if (styles) {
      for (const s of children(styles.documentElement)) {
        const numPr = isW(s, 'style') ? child(child(s, 'pPr') ?? s, 'numPr') : undefined;
        const numId = wAttr(child(numPr ?? s, 'numId'), 'val');
        if (numPr && numId) this.styleNum.set(wAttr(s, 'styleId') ?? '', { numId, ilvl: Number(wAttr(child(numPr, 'ilvl'), 'val') ?? 0) });
      }
    }
  }

  /** The number a paragraph shows (一、 （二） 3.), or '' when it has none. */
  label(p: El): string {
    const pPr = child(p, 'pPr');
    const numPr = pPr && child(pPr, 'numPr');
    const byStyle = this.styleNum.get(wAttr(pPr && child(pPr, 'pStyle'), 'val') ?? '');
    const numId = (numPr && wAttr(child(numPr, 'numId'), 'val')) ?? byStyle?.numId;
    const ilvl = Number((numPr && wAttr(child(numPr, 'ilvl'), 'val')) ?? byStyle?.ilvl ?? 0);
    const levels = numId === undefined ? undefined : this.levels.get(numId);
    if (!numId || numId === '0' || !levels?.has(ilvl)) return '';
    const counters = this.counters.get(numId) ?? [];
    counters[ilvl] = (counters[ilvl] ?? (levels.get(ilvl) as Level).start - 1) + 1;
    counters.length = ilvl + 1; // deeper levels start again
    this.counters.set(numId, counters);
    const level = levels.get(ilvl) as Level;
    if (level.format === 'bullet' || level.format === 'none') return '';
    return level.text.replace(/%([1-9])/gu, (_m, d: string) => {
      const k = Number(d) - 1;
      const l = levels.get(k);
      return formatNumber(counters[k] ?? l?.start ?? 1, l?.format ?? 'decimal');
    });
  }
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';
const LEGAL: Record<string, string> = { 一: '壹', 二: '贰', 三: '叁', 四: '肆', 五: '伍', 六: '陆', 七: '柒', 八: '捌', 九: '玖', 十: '拾', 百: '佰', 零: '零' };

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographDigital':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return toChineseNumeral(n);
    case 'chineseLegalSimplified':
      return [...toChineseNumeral(n)].map((c) => LEGAL[c] ?? c).join('');
    case 'ideographTraditional':
      return STEMS[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac':
      return BRANCHES[(n - 1) % 12] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/gu, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    default:
      return String(n);
  }
}

/** Body paragraphs in reading order: tables row by row, content controls opened, nested tables too. */
function paragraphs(body: El): El[] {
  const out: El[] = [];
  const stack: El[] = children(body).reverse();
  while (stack.length) {
    const n = stack.pop() as El;
    if (isW(n, 'p')) out.push(n);
    else if (!HIDDEN.has(n.localName ?? '')) stack.push(...children(n).reverse());
  }
  return out;
}

/** Is this buffer a Word document (a ZIP with word/document.xml)? */
export function isDocx(buf: Buffer, file: string): boolean {
  return buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50 && zipHas(buf, DOCUMENT, file);
}

export function readDocx(buf: Buffer, file: string): DocxText {
  const parts = readZipEntries(buf, [DOCUMENT, 'word/numbering.xml', 'word/styles.xml'], file);
  const xml = parts.get(DOCUMENT);
  if (xml === undefined) throw new JianghuaError('binary', '这是 ZIP 文件，但不是 Word 文档（没有 word/document.xml），无法读取', { file });
  const doc = parseXml(xml, DOCUMENT, file);
  const optional = (part: string) => (parts.has(part) ? parseXml(parts.get(part) as string, part, file) : undefined);
  const numbering = new Numbering(optional('word/numbering.xml'), optional('word/styles.xml'));
  const body = child(doc.documentElement, 'body');
  const lines: string[] = [];
  const places: DocxText['places'] = [];
  for (const [i, p] of (body ? paragraphs(body) : []).entries()) {
    const label = numbering.label(p);
    lines.push(label + paragraphText(p));
    // columns count from the paragraph's start in Word, where the automatic number is no text
    places.push({ paragraph: i + 1, shift: label.length ? -label.length : 0 });
  }
  return { lines, places };
}
