import type { Finding } from '../findings.js';
import { fieldLabel } from '../labels.js';
import type { AnalyzeReport } from '../result.js';
import { chunked, forEach, type Write } from './json.js';
import { familyLabel, groupLabel, groupValues, keywordList, where, withKeywords } from './common.js';

/** The tables an analyst can take to Excel, one CSV each. */
export const CSV_TABLES = ['categories', 'findings', 'phrases', 'documents', 'groups'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

type Value = string | number | undefined;
/** =, +, -, @ (and tab, CR) open a formula in Excel and LibreOffice: a leading ' keeps text text (OWASP). */
const FORMULA = /^[=+\-@\t\r]/u;

const cell = (v: Value) => {
  const s = v === undefined ? '' : typeof v === 'string' && FORMULA.test(v) ? `'${v}` : String(v);
  return /[",\n\r]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
};
const line = (row: Value[]) => `${row.map(cell).join(',')}\r\n`;

/** A table's header and rows; findings come as a stream (a large corpus keeps them on disk). */
function* rows(r: AnalyzeReport, table: Exclude<CsvTable, 'findings'>): Generator<Value[]> {
  switch (table) {
    case 'categories': {
      const groups = groupValues(r);
      yield ['id', '类别', '提及次数', '文档数', '文档占比', '典型表述', '位置', ...groups.map((g) => groupLabel(r, g))];
      for (const c of r.categories) yield [c.id, c.label, c.mentions, c.documents, c.share, c.example?.text, c.example ? where(c.example) : '', ...groups.map((g) => c.groups?.[g]?.mentions ?? 0)];
      return;
    }
    case 'phrases':
      yield ['提法', '类型', '文档数', '次数', '得分', '首次出现', '上下文'];
      for (const p of r.stockPhrases) yield [p.phrase, familyLabel(p), p.documents, p.occurrences, p.score, p.example ? where(p.example) : '', p.example?.context];
      return;
    case 'documents': {
      yield ['文件', '标题', '层级', '年份', '体裁', '汉字数', '问题表述', '套话密度', '关键词（对数似然比）', '未读取的原因'];
      for (const [d, terms] of withKeywords(r)) yield [d.file, d.title, d.level ? fieldLabel('level', d.level) : '', d.year, d.kind ? fieldLabel('kind', d.kind) : '', d.chars, d.findings, d.density, terms && keywordList(terms), d.error];
      return;
    }
    case 'groups':
      yield ['分组', '文档数', '提及次数', '每篇提及', '关键词（对数似然比）'];
      for (const g of r.groups ?? []) yield [groupLabel(r, g.value), g.documents, g.mentions, g.perDocument, keywordList(g.keywords)];
      return;
  }
}

const FINDING_HEAD = ['文件', '行', '列', '问题表述', '类别', '类别 id', '缺陷信号', '所在句'];

/**
 * One table as CSV: UTF-8 with a BOM so that Excel reads the Chinese, CRLF rows, written a
 * row at a time. `findings` is only read for the findings table.
 */
export async function writeCsv(r: AnalyzeReport, table: CsvTable, findings: AsyncIterable<Finding> | Iterable<Finding>, write: Write): Promise<void> {
  const out = chunked(write, '\uFEFF');
  const put = (row: Value[]) => out.put(line(row));
  if (table === 'findings') {
    const labels = new Map(r.categories.map((c) => [c.id, c.label]));
    await put(FINDING_HEAD);
    await forEach(findings, (f) => put([f.file, f.line, f.column, f.text, f.categories.map((id) => labels.get(id) ?? id).join('；'), f.categories.join(';'), f.cue, f.sentence]));
  } else for (const row of rows(r, table)) await put(row);
  await out.end();
}
