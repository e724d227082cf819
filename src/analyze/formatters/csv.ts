import type { AnalyzeResult } from '../aggregate.js';
import { groupValues, where } from './common.js';

const cell = (v: string | number) => {
  const s = String(v);
  return /[",\n\r]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
};

/** The category table as CSV, UTF-8 with a BOM so that Excel reads the Chinese; CRLF rows. */
export function formatCsv(r: AnalyzeResult): string {
  const groups = groupValues(r);
  const rows: Array<Array<string | number>> = [['id', '类别', '提及次数', '文档数', '文档占比', '典型表述', '位置', ...groups]];
  for (const c of r.categories) {
    rows.push([c.id, c.label, c.mentions, c.documents, c.share, c.example?.text ?? '', c.example ? where(c.example) : '', ...groups.map((g) => c.groups?.[g]?.mentions ?? 0)]);
  }
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
