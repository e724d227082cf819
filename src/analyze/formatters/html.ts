import path from 'node:path';
import type { Finding } from '../findings.js';
import { fieldLabel } from '../labels.js';
import type { AnalyzeResult, CategorySummary, DocumentSummary } from '../result.js';
import { familyLabel, groupLabel, keywordList, percent, present, summaryLine, where } from './common.js';

const esc = (s: string | number) => String(s).replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
const anchor = (category: string, doc: number) => `f-${category}-${doc}`;

/** Up to this many documents the heat map has a column each; beyond, the top ones and the rest. */
const ALL_DOCUMENTS = 40;
const TOP_DOCUMENTS = 30;
/** Clauses listed per category: a report of 5,000 speeches stays a page (the CSV has them all). */
const CLAUSES_PER_CATEGORY = 300;
/** Column titles are cut (whole characters, with …) at this display width; the tooltip has it all. */
const TITLE_WIDTH = 20;

const STYLE = `*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2em auto;max-width:1200px;color:#222;padding:0 1em;line-height:1.5}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}h3{font-size:1.05em;margin:1.4em 0 .4em}
nav a{margin-right:1em}
.scroll{max-width:100%;overflow-x:auto}
table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ddd;padding:.25em .5em;vertical-align:top}th{background:#f4f4f4;font-weight:600}
td.n,th.n{text-align:right;white-space:nowrap}.nowrap{white-space:nowrap}td.file{word-break:break-all;min-width:12em}
.heat td.c{text-align:center;width:2.1em;min-width:2.1em;padding:.2em 0}.heat a{color:inherit;text-decoration:none;display:block}
.heat th.label{white-space:nowrap;text-align:left}
.heat th.doc{writing-mode:vertical-rl;white-space:nowrap;font-weight:normal;padding:.4em .1em;vertical-align:bottom;text-align:left}
.heat th.flat{font-weight:normal;vertical-align:bottom;white-space:nowrap}
svg text{font-size:12px}.bar{fill:#b03a2e}.muted{color:#666;font-size:.85em}li{margin:.3em 0}
mark{background:#ffd7a8;padding:0 .1em}q{quotes:none}
:target{background:#fff3c4}`;

const displayWidth = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);

/** A text cut to whole characters (never mid-glyph) within `width` columns, with … when cut. */
function short(text: string, width = TITLE_WIDTH): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const c of text) {
    if (displayWidth(out + c) > width - 1) break;
    out += c;
  }
  return `${out}…`;
}

/** A bar per category, drawn as inline SVG (no script, no network). */
function barChart(r: AnalyzeResult): string {
  const cats = present(r);
  if (cats.length === 0) return '<p>没有找到问题表述。</p>';
  const max = Math.max(...cats.map((c) => c.mentions));
  const rowH = 22;
  const labelW = 12 + 7 * Math.max(...cats.map((c) => displayWidth(c.label)));
  const barW = 640;
  const bars = cats
    .map((c, i) => {
      const y = i * rowH;
      const w = Math.max(1, Math.round((c.mentions / max) * barW));
      return `<g><text x="${labelW - 6}" y="${y + 15}" text-anchor="end">${esc(c.label)}</text><a href="#cat-${esc(c.id)}"><rect class="bar" x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 6}"><title>${esc(c.label)}：${c.mentions} 次，${c.documents} 篇</title></rect></a><text x="${labelW + w + 6}" y="${y + 15}">${c.mentions}</text></g>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${labelW + barW + 60}" height="${cats.length * rowH}" viewBox="0 0 ${labelW + barW + 60} ${cats.length * rowH}" style="max-width:100%;height:auto" role="img" aria-label="问题类别提及次数">${bars}</svg>`;
}

interface HeatColumn {
  head: string;
  title: string;
  className: 'doc' | 'flat';
  /** Count in a category, and what the colour compares (per document for a group). */
  value(c: CategorySummary): { n: number; shade: number; tip: string; href: string };
}

const cell = (c: CategorySummary, col: HeatColumn, max: number) => {
  const { n, shade, tip, href } = col.value(c);
  if (n === 0) return '<td class="c"></td>';
  const k = Math.min(1, shade / max);
  return `<td class="c" style="background:rgba(176,58,46,${(0.15 + 0.85 * k).toFixed(2)});color:${k > 0.5 ? '#fff' : '#222'}"><a href="${href}" title="${esc(tip)}">${n}</a></td>`;
};

/** The heat map's columns: --by groups, else each document (or the top ones and the rest). */
function heatColumns(r: AnalyzeResult, shown: ReadonlySet<string>): { columns: HeatColumn[]; note: string } {
  if (r.groups && r.groups.length > 0) {
    // many groups (--by title): the groups with most mentions, then the rest in one column
    const ranked = [...r.groups].sort((a, b) => b.mentions - a.mentions || (a.value < b.value ? -1 : 1));
    const keep = new Set((r.groups.length > ALL_DOCUMENTS ? ranked.slice(0, TOP_DOCUMENTS) : ranked).map((g) => g.value));
    const columns = r.groups.filter((g) => keep.has(g.value)).map<HeatColumn>((g) => ({
      head: `${short(groupLabel(r, g.value))}<br>${g.documents} 篇`,
      title: `${groupLabel(r, g.value)}：${g.documents} 篇，每篇 ${g.perDocument} 条问题表述`,
      className: 'flat',
      value: (c) => {
        const n = c.groups?.[g.value]?.mentions ?? 0;
        return { n, shade: n / g.documents, tip: `${c.label} · ${groupLabel(r, g.value)}：${n} 次，${g.documents} 篇中 ${c.groups?.[g.value]?.documents ?? 0} 篇，每篇 ${(n / g.documents).toFixed(2)} 次`, href: `#cat-${c.id}` };
      },
    }));
    const rest = r.groups.filter((g) => !keep.has(g.value));
    if (rest.length > 0) {
      const docs = rest.reduce((n, g) => n + g.documents, 0);
      columns.push({
        head: `其余 ${rest.length} 组<br>${docs} 篇`,
        title: `提及较少的其余 ${rest.length} 组，合计`,
        className: 'flat',
        value: (c) => {
          const n = rest.reduce((sum, g) => sum + (c.groups?.[g.value]?.mentions ?? 0), 0);
          return { n, shade: n / docs, tip: `${c.label} · 其余 ${rest.length} 组：共 ${n} 次`, href: `#cat-${c.id}` };
        },
      });
    }
    return { columns, note: '<p class="muted">每列是一个分组，颜色按每篇的提及次数（分组大小不同也可比较），数字是提及次数。</p>' };
  }
  const docs = r.documents.map((d, i) => ({ d, i })).filter(({ d }) => !d.error);
  const ranked = [...docs].sort((a, b) => (b.d.findings ?? 0) - (a.d.findings ?? 0) || a.i - b.i);
  const top = docs.length > ALL_DOCUMENTS ? new Set(ranked.slice(0, TOP_DOCUMENTS).map(({ i }) => i)) : new Set(docs.map(({ i }) => i));
  const columns = docs
    .filter(({ i }) => top.has(i))
    .map<HeatColumn>(({ d, i }) => {
      const title = d.title ?? path.basename(d.file);
      return {
        head: short(title),
        title: `${title}（${d.file}）`,
        className: 'doc',
        value: (c) => {
          const n = d.categories?.[c.id] ?? 0;
          return { n, shade: n, tip: `${c.label} · ${title}：${n} 次`, href: shown.has(anchor(c.id, i)) ? `#${anchor(c.id, i)}` : `#cat-${c.id}` };
        },
      };
    });
  const rest = docs.filter(({ i }) => !top.has(i)).map(({ d }) => d);
  if (rest.length > 0) {
    const sum = (c: CategorySummary) => rest.reduce((s, d) => s + (d.categories?.[c.id] ?? 0), 0);
    columns.push({
      head: `其余 ${rest.length} 篇`,
      title: `问题表述较少的其余 ${rest.length} 篇，合计`,
      className: 'flat',
      value: (c) => {
        const n = sum(c);
        return { n, shade: n / rest.length, tip: `${c.label} · 其余 ${rest.length} 篇：共 ${n} 次`, href: `#cat-${c.id}` };
      },
    });
  }
  const note = rest.length > 0 ? `<p class="muted">共 ${docs.length} 篇：列出问题表述最多的 ${TOP_DOCUMENTS} 篇，其余 ${rest.length} 篇合为一列（颜色按每篇平均）。</p>` : '';
  return { columns, note };
}

/** Categories × documents (or × groups): each cell's colour is its count; a click opens the clauses. */
function heatMap(r: AnalyzeResult, shown: ReadonlySet<string>): string {
  const cats = present(r);
  if (cats.length === 0) return '';
  const { columns, note } = heatColumns(r, shown);
  const max = Math.max(1e-9, ...cats.flatMap((c) => columns.map((col) => col.value(c).shade)));
  const head = columns.map((col) => `<th class="${col.className}" title="${esc(col.title)}">${col.head.split('<br>').map(esc).join('<br>')}</th>`).join('');
  const rows = cats.map((c) => `<tr><th class="label" title="${esc(c.label)}（${esc(c.id)}）">${esc(c.label)}</th>${columns.map((col) => cell(c, col, max)).join('')}</tr>`).join('\n');
  return `${note}<div class="scroll"><table class="heat"><tr><th></th>${head}</tr>\n${rows}</table></div>`;
}

const PALETTE = ['#b03a2e', '#1f618d', '#117a65', '#b9770e', '#6c3483', '#5d6d7e'];

/** With --by year: mentions per document of each year, for the most mentioned categories. */
function trendChart(r: AnalyzeResult): string {
  if (r.groups?.[0]?.field !== 'year' || r.groups.length < 2) return '';
  const years = r.groups;
  const cats = present(r).slice(0, PALETTE.length);
  const rate = (c: CategorySummary, i: number) => (c.groups?.[years[i]?.value ?? '']?.mentions ?? 0) / (years[i]?.documents ?? 1);
  const max = Math.max(1e-9, ...cats.flatMap((c) => years.map((_, i) => rate(c, i))));
  const W = 640;
  const H = 220;
  const left = 40;
  const x = (i: number) => left + (years.length === 1 ? W / 2 : (i * W) / (years.length - 1));
  const y = (v: number) => 10 + H - (v / max) * H;
  const axis = years.map((g, i) => `<text x="${x(i)}" y="${H + 28}" text-anchor="middle">${esc(g.value)}</text>`).join('');
  const ticks = [0, 0.5, 1].map((k) => `<text x="${left - 6}" y="${y(k * max) + 4}" text-anchor="end">${(k * max).toFixed(1)}</text><line x1="${left}" x2="${left + W}" y1="${y(k * max)}" y2="${y(k * max)}" stroke="#eee"/>`).join('');
  const lines = cats
    .map((c, k) => {
      const points = years.map((_, i) => `${x(i).toFixed(1)},${y(rate(c, i)).toFixed(1)}`).join(' ');
      return `<polyline fill="none" stroke="${PALETTE[k]}" stroke-width="2" points="${points}"><title>${esc(c.label)}</title></polyline>`;
    })
    .join('');
  const legend = cats.map((c, k) => `<span class="nowrap" style="margin-right:1em"><span style="color:${PALETTE[k]}">■</span> ${esc(c.label)}</span>`).join(' ');
  return `<h2 id="trend">按年份的变化</h2><p class="muted">每篇讲话的提及次数（该年份的提及次数 ÷ 该年份的篇数），提及最多的 ${cats.length} 类。</p>
<svg xmlns="http://www.w3.org/2000/svg" width="${W + left + 30}" height="${H + 40}" viewBox="0 0 ${W + left + 30} ${H + 40}" style="max-width:100%;height:auto" role="img" aria-label="按年份的变化">${ticks}${axis}${lines}</svg><p>${legend}</p>`;
}

function phrases(r: AnalyzeResult): string {
  if (r.stockPhrases.length === 0) return '<p>没有跨文档反复出现的提法。</p>';
  const rows = r.stockPhrases
    .map((p) => `<tr><td class="nowrap">${esc(p.phrase)}</td><td class="nowrap">${esc(familyLabel(p))}</td><td class="n">${p.documents}</td><td class="n">${p.occurrences}</td><td class="n">${p.score.toFixed(2)}</td><td>${p.example ? `${esc(p.example.context)} <span class="muted nowrap">${esc(where(p.example))}</span>` : ''}</td></tr>`)
    .join('\n');
  return `<p class="muted">得分 = 覆盖面（出现的篇数 ÷ 总篇数）× 凝固度（出现次数 ÷ 其中最少见的词的出现次数），见 docs/analyze.md。</p><div class="scroll"><table><tr><th class="nowrap">提法</th><th class="nowrap">类型</th><th class="n">文档</th><th class="n">次数</th><th class="n">得分</th><th>示例</th></tr>\n${rows}</table></div>`;
}

const fieldCell = (field: 'level' | 'kind', d: DocumentSummary) => esc(d[field] ? fieldLabel(field, d[field]) : '');

function documents(r: AnalyzeResult): string {
  const keywords = new Map(r.keywords.map((k) => [k.file, keywordList(k.terms)]));
  const rows = r.documents
    .map((d) =>
      d.error
        ? `<tr><td class="file">${esc(d.file)}</td><td colspan="8">已跳过：${esc(d.error)}</td></tr>`
        : `<tr><td class="file">${esc(d.file)}</td><td>${esc(d.title ?? '')}</td><td class="nowrap">${fieldCell('level', d)}</td><td class="nowrap">${esc(d.year ?? '')}</td><td class="nowrap">${fieldCell('kind', d)}</td><td class="n">${d.findings ?? 0}</td><td class="n">${d.chars ?? 0}</td><td class="n">${percent(d.density ?? 0)}</td><td>${esc(keywords.get(d.file) ?? '')}</td></tr>`,
    )
    .join('\n');
  return `<div class="scroll"><table><tr><th>文件</th><th>标题</th><th class="nowrap">层级</th><th class="nowrap">年份</th><th class="nowrap">体裁</th><th class="n">问题表述</th><th class="n">汉字数</th><th class="n">套话密度</th><th>关键词（对数似然比）</th></tr>\n${rows}</table></div>`;
}

/** The clause marked inside its sentence (the first place it occurs). */
function inSentence(f: Finding): string {
  const at = f.sentence.indexOf(f.text);
  if (at < 0) return `<mark>${esc(f.text)}</mark>`;
  return `${esc(f.sentence.slice(0, at))}<mark>${esc(f.text)}</mark>${esc(f.sentence.slice(at + f.text.length))}`;
}

/** Per category, its clauses by document: what a heat-map cell opens. Returns the anchors written too. */
function drillDown(r: AnalyzeResult): { html: string; anchors: Set<string> } {
  const index = new Map(r.documents.map((d, i) => [d.file, i]));
  const anchors = new Set<string>();
  const html = present(r)
    .map((c) => {
      const byDoc = new Map<number, string[]>();
      let listed = 0;
      for (const f of r.findings) {
        if (!f.categories.includes(c.id) || listed >= CLAUSES_PER_CATEGORY) continue;
        listed++;
        const i = index.get(f.file) ?? -1;
        const list = byDoc.get(i) ?? [];
        list.push(`<li><q>${inSentence(f)}</q> <span class="muted nowrap">${esc(`${f.file}:${f.line}`)} · ${esc(f.cue)}</span></li>`);
        byDoc.set(i, list);
      }
      const blocks = [...byDoc]
        .map(([i, items]) => {
          anchors.add(anchor(c.id, i));
          const d = r.documents[i];
          return `<div id="${anchor(c.id, i)}"><p class="muted">${esc(d?.title ?? '')} <span class="nowrap">${esc(d?.file ?? '')}</span></p><ul>${items.join('')}</ul></div>`;
        })
        .join('');
      const more = c.mentions > listed ? `<p class="muted">只列出前 ${listed} 条（共 ${c.mentions} 条）；全部见 <code>--format csv --table findings</code>。</p>` : '';
      return `<section id="cat-${esc(c.id)}"><h3>${esc(c.label)} <span class="muted">${esc(c.id)} · ${c.mentions} 次 · ${c.documents} 篇（${percent(c.share)}）</span></h3>${blocks}${more}</section>`;
    })
    .join('\n');
  return { html, anchors };
}

/** One self-contained page: inline CSS and SVG, no script, nothing fetched. */
export function formatHtml(r: AnalyzeResult): string {
  const drill = drillDown(r);
  const by = r.groups?.[0]?.field;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>讲话稿问题分析</title><style>${STYLE}</style></head>
<body>
<h1>讲话稿问题分析</h1>
<p id="summary">${esc(summaryLine(r))}</p>
<nav><a href="#categories">问题类别</a><a href="#heat">热力图</a>${by === 'year' ? '<a href="#trend">按年份</a>' : ''}<a href="#phrases">套话</a><a href="#documents">各篇文档</a><a href="#clauses">问题原文</a></nav>
<h2 id="categories">问题类别（提及次数）</h2>
${barChart(r)}
<h2 id="heat">问题类别 × ${by ? `${esc(byLabel(by))}` : '文档'}</h2>
<p class="muted">颜色越深，问题表述越多；点击格子查看原文分句。</p>
${heatMap(r, drill.anchors)}
${trendChart(r)}
<h2 id="phrases">反复出现的套话</h2>
${phrases(r)}
<h2 id="documents">各篇文档</h2>
${documents(r)}
<h2 id="clauses">问题表述原文</h2>
${drill.html}
</body></html>
`;
}

const BY_LABELS: Record<string, string> = { year: '年份', level: '层级', kind: '体裁', title: '标题' };
const byLabel = (field: string) => BY_LABELS[field] ?? field;
