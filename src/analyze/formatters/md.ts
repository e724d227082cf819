import type { AnalyzeReport } from '../result.js';
import { familyLabel, groupLabel, groupValues, keywordList, percent, present, summaryLine, where } from './common.js';
import { REPORT_MARK } from '../document.js';

/** A table cell: | and line ends would break the row; <, > and & would be HTML to a Markdown renderer (a file named <img onerror=…>). */
const esc = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/\|/gu, '\\|').replace(/\r?\n|\r/gu, ' ');
const row = (cells: Array<string | number>) => `| ${cells.map((c) => esc(String(c))).join(' | ')} |`;
const rule = (n: number, right: number[] = []) => `|${Array.from({ length: n }, (_, i) => (right.includes(i) ? ' ---: ' : ' --- ')).join('|')}|`;

export function formatMarkdown(r: AnalyzeReport): string {
  const out = [REPORT_MARK, '# 讲话稿问题分析', '', summaryLine(r), '', '## 问题类别', ''];
  out.push(row(['问题类别', 'id', '提及', '文档', '文档占比', '典型表述', '位置']), rule(7, [2, 3, 4]));
  for (const c of present(r)) out.push(row([c.label, `\`${c.id}\``, c.mentions, c.documents, percent(c.share), c.example?.text ?? '', c.example ? where(c.example) : '']));
  if (r.groups && r.groups.length > 0) {
    out.push('', '## 各分组', '', row(['分组', '文档', '提及', '每篇提及', '关键词（对数似然比）']), rule(5, [1, 2, 3]));
    for (const g of r.groups) out.push(row([groupLabel(r, g.value), g.documents, g.mentions, g.perDocument.toFixed(2), keywordList(g.keywords)]));
    const groups = groupValues(r);
    out.push('', '## 按分组的提及次数', '', row(['问题类别', ...groups.map((g) => groupLabel(r, g))]), rule(groups.length + 1, groups.map((_, i) => i + 1)));
    for (const c of present(r)) out.push(row([c.label, ...groups.map((g) => c.groups?.[g]?.mentions ?? 0)]));
  }
  if (r.stockPhrases.length > 0) {
    out.push('', '## 反复出现的套话', '', row(['提法', '类型', '文档', '次数', '得分', '示例']), rule(6, [2, 3, 4]));
    for (const p of r.stockPhrases) out.push(row([p.phrase, familyLabel(p), p.documents, p.occurrences, p.score.toFixed(2), p.example ? `${where(p.example)} ${p.example.context}` : '']));
  }
  let keyed = false;
  for (const k of r.keywords) {
    if (k.terms.length === 0) continue;
    if (!keyed) out.push('', '## 各篇关键词（对数似然比）', '', row(['文件', '关键词']), rule(2));
    keyed = true;
    out.push(row([k.file, keywordList(k.terms)]));
  }
  return `${out.join('\n')}\n`;
}
