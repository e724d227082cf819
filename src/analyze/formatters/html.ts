import path from 'node:path';
import type { AnalyzeResult } from '../result.js';
import { familyLabel, percent, present, summaryLine, where } from './common.js';

const esc = (s: string | number) => String(s).replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
const anchor = (category: string, doc: number) => `f-${category}-${doc}`;
/** Columns of the heat map at most. */
const HEAT_COLUMNS = 80;

const STYLE = `body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ddd;padding:.25em .5em}th{background:#f4f4f4}
td.n{text-align:right}.heat td.c{text-align:center;min-width:2.2em}.heat a{color:inherit;text-decoration:none;display:block}
.heat th.doc{writing-mode:vertical-rl;white-space:nowrap;font-weight:normal;max-height:14em;overflow:hidden}
svg text{font-size:12px}.bar{fill:#b03a2e}.muted{color:#777;font-size:.85em}li{margin:.2em 0}
:target{background:#fff3c4}`;

/** A bar per category, drawn as inline SVG (no script, no network). */
function barChart(r: AnalyzeResult): string {
  const cats = present(r);
  if (cats.length === 0) return '<p>没有找到问题表述。</p>';
  const max = Math.max(...cats.map((c) => c.mentions));
  const rowH = 22;
  const labelW = 150;
  const barW = 560;
  const bars = cats
    .map((c, i) => {
      const y = i * rowH;
      const w = Math.max(1, Math.round((c.mentions / max) * barW));
      return `<g><text x="${labelW - 6}" y="${y + 15}" text-anchor="end">${esc(c.label)}</text><a href="#cat-${esc(c.id)}"><rect class="bar" x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 6}"><title>${esc(c.label)}：${c.mentions} 次，${c.documents} 篇</title></rect></a><text x="${labelW + w + 6}" y="${y + 15}">${c.mentions}</text></g>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${labelW + barW + 60}" height="${cats.length * rowH}" role="img" aria-label="问题类别提及次数">${bars}</svg>`;
}

/** Categories × documents: each cell's colour is its count; a click lists the clauses. */
function heatMap(r: AnalyzeResult): string {
  const cats = present(r);
  // a page stays readable: the documents with most findings, in corpus order
  const all = r.documents.map((d, i) => ({ d, i })).filter(({ d }) => !d.error);
  const keep = new Set([...all].sort((a, b) => (b.d.findings ?? 0) - (a.d.findings ?? 0)).slice(0, HEAT_COLUMNS).map(({ i }) => i));
  const docs = all.filter(({ i }) => keep.has(i));
  const note = all.length > docs.length ? `<p class="muted">只列出问题表述最多的 ${docs.length} 篇（共 ${all.length} 篇）。</p>` : '';
  const max = Math.max(1, ...docs.flatMap(({ d }) => Object.values(d.categories ?? {})));
  const head = docs.map(({ d }) => `<th class="doc" title="${esc(d.file)}">${esc(d.title ?? path.basename(d.file))}</th>`).join('');
  const rows = cats
    .map((c) => {
      const cells = docs
        .map(({ d, i }) => {
          const n = d.categories?.[c.id] ?? 0;
          if (n === 0) return '<td class="c"></td>';
          const alpha = (0.15 + 0.85 * (n / max)).toFixed(2);
          return `<td class="c" style="background:rgba(176,58,46,${alpha});color:${n / max > 0.5 ? '#fff' : '#222'}"><a href="#${anchor(c.id, i)}" title="${esc(c.label)} · ${esc(d.file)}">${n}</a></td>`;
        })
        .join('');
      return `<tr><th>${esc(c.label)}</th>${cells}</tr>`;
    })
    .join('\n');
  return `${note}<table class="heat"><tr><th></th>${head}</tr>\n${rows}</table>`;
}

function examples(r: AnalyzeResult): string {
  const index = new Map(r.documents.map((d, i) => [d.file, i]));
  return present(r)
    .map((c) => {
      const byDoc = new Map<number, string[]>();
      for (const f of r.findings) {
        if (!f.categories.includes(c.id)) continue;
        const i = index.get(f.file) ?? -1;
        const list = byDoc.get(i) ?? [];
        list.push(`<li>${esc(f.text)} <span class="muted">${esc(where(f))} · ${esc(f.cue)}</span></li>`);
        byDoc.set(i, list);
      }
      const blocks = [...byDoc]
        .map(([i, items]) => `<div id="${anchor(c.id, i)}"><p class="muted">${esc(r.documents[i]?.file ?? '')}</p><ul>${items.join('')}</ul></div>`)
        .join('');
      return `<h3 id="cat-${esc(c.id)}">${esc(c.label)} <span class="muted">${esc(c.id)} · ${c.mentions} 次 · ${c.documents} 篇（${percent(c.share)}）</span></h3>${blocks}`;
    })
    .join('\n');
}

function phrases(r: AnalyzeResult): string {
  if (r.stockPhrases.length === 0) return '<p>没有跨文档反复出现的提法。</p>';
  const rows = r.stockPhrases
    .map((p) => `<tr><td>${esc(p.phrase)}</td><td>${esc(familyLabel(p))}</td><td class="n">${p.documents}</td><td class="n">${p.occurrences}</td><td>${p.example ? `${esc(p.example.context)} <span class="muted">${esc(where(p.example))}</span>` : ''}</td></tr>`)
    .join('\n');
  return `<table><tr><th>提法</th><th>类型</th><th>文档</th><th>次数</th><th>示例</th></tr>\n${rows}</table>`;
}

function documents(r: AnalyzeResult): string {
  const keywords = new Map(r.keywords.map((k) => [k.file, k.terms.map((t) => t.term).join('、')]));
  const rows = r.documents
    .map((d) =>
      d.error
        ? `<tr><td>${esc(d.file)}</td><td colspan="4">已跳过：${esc(d.error)}</td></tr>`
        : `<tr><td>${esc(d.file)}</td><td class="n">${d.findings ?? 0}</td><td class="n">${d.chars ?? 0}</td><td class="n">${percent(d.density ?? 0)}</td><td>${esc(keywords.get(d.file) ?? '')}</td></tr>`,
    )
    .join('\n');
  return `<table><tr><th>文件</th><th>问题表述</th><th>汉字数</th><th>套话密度</th><th>关键词</th></tr>\n${rows}</table>`;
}

/** One self-contained page: inline CSS and SVG, no script, nothing fetched. */
export function formatHtml(r: AnalyzeResult): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>讲话稿问题分析</title><style>${STYLE}</style></head>
<body>
<h1>讲话稿问题分析</h1>
<p>${esc(summaryLine(r))}</p>
<h2>问题类别（提及次数）</h2>
${barChart(r)}
<h2>问题类别 × 文档</h2>
<p class="muted">颜色越深，该篇讲话在此类别下的问题表述越多；点击格子查看原文分句。</p>
${heatMap(r)}
<h2>反复出现的套话</h2>
${phrases(r)}
<h2>各篇文档</h2>
${documents(r)}
<h2>问题表述原文</h2>
${examples(r)}
</body></html>
`;
}
