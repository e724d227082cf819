import type { AnalyzeResult } from '../aggregate.js';
import { familyLabel, groupValues, percent, present, summaryLine, where } from './common.js';

const esc = (s: string) => s.replace(/\|/gu, '\\|').replace(/\n/gu, ' ');
const row = (cells: Array<string | number>) => `| ${cells.map((c) => esc(String(c))).join(' | ')} |`;
const rule = (n: number, right: number[] = []) => `|${Array.from({ length: n }, (_, i) => (right.includes(i) ? ' ---: ' : ' --- ')).join('|')}|`;

export function formatMarkdown(r: AnalyzeResult): string {
  const out = ['# 讲话稿问题分析', '', summaryLine(r), '', '## 问题类别', ''];
  out.push(row(['问题类别', 'id', '提及', '文档', '文档占比', '典型表述', '位置']), rule(7, [2, 3, 4]));
  for (const c of present(r)) out.push(row([c.label, `\`${c.id}\``, c.mentions, c.documents, percent(c.share), c.example?.text ?? '', c.example ? where(c.example) : '']));
  const groups = groupValues(r);
  if (groups.length > 0) {
    out.push('', '## 按分组的提及次数', '', row(['问题类别', ...groups]), rule(groups.length + 1, groups.map((_, i) => i + 1)));
    for (const c of present(r)) out.push(row([c.label, ...groups.map((g) => c.groups?.[g]?.mentions ?? 0)]));
  }
  if (r.stockPhrases.length > 0) {
    out.push('', '## 反复出现的套话', '', row(['提法', '类型', '文档', '次数', '示例']), rule(5, [2, 3]));
    for (const p of r.stockPhrases) out.push(row([p.phrase, familyLabel(p), p.documents, p.occurrences, p.example ? `${where(p.example)} ${p.example.context}` : '']));
  }
  const keyed = r.keywords.filter((k) => k.terms.length > 0);
  if (keyed.length > 0) {
    out.push('', '## 各篇关键词', '', row(['文件', '关键词']), rule(2));
    for (const k of keyed) out.push(row([k.file, k.terms.map((t) => t.term).join('、')]));
  }
  return `${out.join('\n')}\n`;
}
