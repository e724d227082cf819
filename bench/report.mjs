// Formatting of the bench results: the measurements table, the targets table, and the JSON file.
import Table from 'cli-table3';

const table = (head) => new Table({ head, style: { head: [], border: [], compact: true } });

export function formatMs(ms) {
  if (ms === undefined) return '—';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

/** Characters per second as 万字/秒 (ten-thousand characters per second). */
export const formatRate = (rate) => (rate === undefined ? '—' : `${(rate / 1e4).toFixed(1)} 万字/秒`);
export const formatRatio = (ratio) => (ratio === undefined ? '—' : `${ratio.toFixed(2)}×`);
const formatMB = (kb) => (kb === undefined ? '—' : `${(kb / 1024).toFixed(0)} MB`);

export function measurementsTable(rows) {
  const t = table(['编号 id', '项目', '规模', '中位数', '最小–最大', '吞吐', '对原始 jieba', '峰值内存']);
  for (const row of rows) {
    if (row.status !== 'ok') {
      t.push([row.id, row.label, row.workload ?? '', { colSpan: 5, content: row.status === 'skipped' ? row.reason : `失败：${row.reason}` }]);
      continue;
    }
    const { time } = row;
    t.push([
      row.id,
      row.label,
      row.workload ?? '',
      formatMs(time.median),
      `${formatMs(time.min)} – ${formatMs(time.max)}`,
      formatRate(row.charsPerSec),
      formatRatio(row.vsRawJieba),
      formatMB(row.rssKB?.median),
    ]);
  }
  return t.toString();
}

const VERDICT = { true: '达标', false: '未达标', null: '跳过' };

export function targetsTable(targets) {
  const t = table(['编号 id', '目标', '要求', '实测', '结论']);
  for (const target of targets) t.push([target.id, target.label, target.requirement, target.measured, VERDICT[String(target.met)]]);
  return t.toString();
}

const cell = (text) => String(text).replaceAll('|', '\\|');

const source = (src) => (src ? ` · 源码 ${src.commit}${src.uncommittedSrc ? '（含未提交的 src 改动）' : ''}` : '');

/** The same two tables as Markdown, for docs/performance.md and the README. */
export function markdown(results) {
  const { machine, config } = results;
  const lines = [
    `${results.date.slice(0, 16).replace('T', ' ')} UTC · ${machine.cores} 核 ${machine.cpuModel} · Node ${machine.node} · Python/jieba ${machine.python ?? '未安装'} · 负载 ${machine.loadAverageBefore.join(' ')} → ${machine.loadAverageAfter.join(' ')} · 命令 \`${results.command}\`${source(results.source)}`,
    `（每项 ${config.runs}/${config.largeRuns} 次（小/大工作量）或 ${config.coldRuns} 次（冷启动）的中位数）`,
    '',
    '| 编号 id | 项目 | 规模 | 中位数 | 最小–最大 | 吞吐 | 对原始 jieba | 峰值内存 |',
    '|---|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const row of results.rows) {
    if (row.status !== 'ok') {
      lines.push(`| ${row.id} | ${cell(row.label)} | ${row.workload ?? ''} | ${row.status === 'skipped' ? cell(row.reason) : `失败：${cell(row.reason)}`} | | | | |`);
      continue;
    }
    const rss = row.rssKB ? `${(row.rssKB.median / 1024).toFixed(0)} MB` : '—';
    lines.push(`| ${row.id} | ${cell(row.label)} | ${row.workload ?? ''} | ${formatMs(row.time.median)} | ${formatMs(row.time.min)} – ${formatMs(row.time.max)} | ${formatRate(row.charsPerSec)} | ${formatRatio(row.vsRawJieba)} | ${rss} |`);
  }
  lines.push('', '| 编号 id | 目标 | 要求 | 实测 | 结论 |', '|---|---|---|---|---|');
  for (const t of results.targets) lines.push(`| ${t.id} | ${cell(t.label)} | ${cell(t.requirement)} | ${cell(t.measured)} | ${VERDICT[String(t.met)]} |`);
  return `${lines.join('\n')}\n`;
}

/** The README's shorter tables (no ids, no min–max), from the same results. */
export function readmeMarkdown(results) {
  const { machine } = results;
  const lines = [
    `最近一次（${results.date.slice(0, 10)}，${machine.cores} 核 ${machine.cpuModel.split(' ').slice(0, 2).join(' ')}，Node ${machine.node.replace(/^v/u, '')}，commit ${results.source?.commit ?? '?'}，\`${results.command}\`，负载 ${machine.loadAverageBefore[0]} → ${machine.loadAverageAfter[0]}）：`,
    '',
    '| 项目 | 规模 | 中位数 | 吞吐 | 对原始 jieba | 峰值内存 |',
    '|---|---|---:|---:|---:|---:|',
  ];
  for (const row of results.rows) {
    if (row.status !== 'ok') continue;
    const rss = row.rssKB ? `${(row.rssKB.median / 1024).toFixed(0)} MB` : '—';
    lines.push(`| ${cell(row.label)} | ${row.workload ?? ''} | ${formatMs(row.time.median)} | ${formatRate(row.charsPerSec)} | ${formatRatio(row.vsRawJieba)} | ${rss} |`);
  }
  lines.push('', '| 目标 | 要求 | 实测 | 结论 |', '|---|---|---|---|');
  for (const t of results.targets) lines.push(`| ${cell(t.label)} | ${cell(t.requirement)} | ${cell(t.measured)} | ${VERDICT[String(t.met)]} |`);
  return `${lines.join('\n')}\n`;
}

/** Replace what stands between `<!-- NAME:start -->` and `<!-- NAME:end -->` in `text`. */
export function replaceBetween(text, name, body) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`no ${start} … ${end} markers`);
  return `${text.slice(0, a + start.length)}\n${body}${text.slice(b)}`;
}
