/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/analyze/formatters/html.js';
import type { AnalyzeResult } from '../../src/analyze/index.js';
import { CORPUS, runCli } from '../helpers/cli.js';
// @ts-expect-error: a plain ES module shared with the docs' screenshot script
import { hasChromium, openBrowser } from '../helpers/browser.mjs';

/**
 * The HTML report in a real browser (Debian's chromium, headless, through playwright-core): what a
 * person sees at 1280 px, with the seeds (5 documents) and with 2,000 documents.
 */

interface Browser {
  context: { newPage(): Promise<Page> };
  close(): Promise<void>;
}
interface Page {
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  goto(url: string): Promise<unknown>;
  evaluate<T>(fn: () => T): Promise<T>;
  close(): Promise<void>;
}

const tmp = () => mkdtempSync(path.join(tmpdir(), 'jianghua-html-'));

/** 2,000 documents from the seeds' result: each seed 400 times, with its own file name and title. */
function scaled(r: AnalyzeResult, copies: number): AnalyzeResult {
  const documents = Array.from({ length: copies }, (_, k) => r.documents.map((d) => ({ ...d, file: `${d.file}#${k}`, title: `${d.title ?? ''}（第${k + 1}份）`, findings: (d.findings ?? 0) + (k % 7) }))).flat();
  const findings = Array.from({ length: 3 }, (_, k) => r.findings.map((f) => ({ ...f, file: `${f.file}#${k}` }))).flat();
  return { ...r, documents, findings, keywords: documents.map((d) => ({ file: d.file, terms: r.keywords[0]?.terms ?? [] })) };
}

/** What the page shows: overflow, clipped labels, anchors without a target, wrapped short cells. */
function inspect() {
  const clipped = [...document.querySelectorAll<HTMLElement>('th, td, svg text, h1, h2, h3')]
    .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
    .filter((el) => getComputedStyle(el).overflow !== 'visible')
    .map((el) => el.textContent);
  const missing = [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].map((a) => a.getAttribute('href')?.slice(1) ?? '').filter((id) => !document.getElementById(id));
  /** Lines the text of an element takes on screen (columns, for vertical text). */
  const lines = (el: Element, vertical = false) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(vertical ? r.left : r.top))).size;
  };
  // one line each: a category label, a phrase and its family, a document column title
  const stacked = [...document.querySelectorAll('.heat th.label, #phrases + p + div td:nth-child(-n+2)')].filter((el) => lines(el) > 1).map((el) => el.textContent);
  const titles = [...document.querySelectorAll<HTMLElement>('.heat th.doc')].map((th) => ({ text: th.textContent ?? '', title: th.title, lines: lines(th, true) }));
  return {
    scrollWidth: document.documentElement.scrollWidth,
    clipped,
    missing,
    stacked,
    titles,
    summary: document.getElementById('summary')?.textContent ?? '',
    columns: document.querySelectorAll('.heat tr:first-child th').length - 1,
    marks: document.querySelectorAll('section[id^="cat-"] mark').length,
    trend: document.querySelectorAll('#trend ~ svg polyline').length,
  };
}

// skipped only when asked to, by name: a missing browser fails rather than passing in silence
describe.skipIf(process.env.JIANGHUA_SKIP_BROWSER === '1')('the HTML report in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    if (!hasChromium()) throw new Error('找不到 chromium（/usr/bin/chromium）：apt-get install -y chromium，或设 CHROMIUM_PATH；确实不测浏览器时设 JIANGHUA_SKIP_BROWSER=1');
    browser = (await openBrowser()) as Browser;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function look(html: string) {
    const file = path.join(tmp(), 'report.html');
    writeFileSync(file, html);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`file://${file}`);
    const seen = await page.evaluate(inspect);
    await page.close();
    return seen;
  }

  it('5 documents: every label whole, anchors resolve, nothing wider than 1280 px', async () => {
    const out = path.join(tmp(), 'r.html');
    expect((await runCli(['analyze', CORPUS, '--format', 'html', '-o', out])).code).toBe(0);
    const json = JSON.parse((await runCli(['analyze', CORPUS, '--format', 'json'])).stdout) as AnalyzeResult;
    const { readFileSync } = await import('node:fs');
    const seen = await look(readFileSync(out, 'utf8'));
    expect(seen.scrollWidth).toBeLessThanOrEqual(1280);
    expect(seen.clipped).toEqual([]);
    expect(seen.missing).toEqual([]);
    expect(seen.stacked).toEqual([]);
    expect(seen.columns).toBe(5);
    expect(seen.summary).toBe(`共分析 5 篇讲话稿，找到问题表述 ${json.findings.length} 条。`);
    // each clause marked inside its sentence, once under each of its categories
    expect(seen.marks).toBe(json.categories.reduce((s, c) => s + c.mentions, 0));
    for (const t of seen.titles) {
      // a title cut in code ends with …, and the tooltip holds it whole
      expect(t.title.startsWith(t.text.replace(/…$/u, ''))).toBe(true);
      expect(t.lines).toBe(1); // one vertical line, not stacked
    }
  }, 60_000);

  it('2,000 documents: the top 30 and the rest in one column, still 1280 px', async () => {
    const json = JSON.parse((await runCli(['analyze', CORPUS, '--format', 'json'])).stdout) as AnalyzeResult;
    const big = scaled(json, 400);
    const seen = await look(formatHtml(big));
    expect(seen.scrollWidth).toBeLessThanOrEqual(1280);
    expect(seen.columns).toBe(31);
    expect(seen.clipped).toEqual([]);
    expect(seen.missing).toEqual([]);
    expect(seen.stacked).toEqual([]);
    expect(seen.summary).toContain('共分析 2000 篇讲话稿');
  }, 60_000);

  it('--by title with 100 groups: the top 30 groups and the rest', async () => {
    const json = JSON.parse((await runCli(['analyze', CORPUS, '--by', 'title', '--format', 'json'])).stdout) as AnalyzeResult;
    const groups = Array.from({ length: 100 }, (_, k) => ({ field: 'title', value: `第${k + 1}组讲话稿的一个很长的标题`, documents: 1 + (k % 3), mentions: 100 - k, perDocument: 1, keywords: [] }));
    const categories = json.categories.map((c) => ({ ...c, groups: Object.fromEntries(groups.map((g) => [g.value, { mentions: c.mentions ? g.mentions % 7 : 0, documents: 1 }])) }));
    const seen = await look(formatHtml({ ...json, groups, categories }));
    expect(seen.columns).toBe(31);
    expect(seen.scrollWidth).toBeLessThanOrEqual(1280);
    expect(seen.clipped).toEqual([]);
  }, 60_000);

  it('--by year: the heat map by group and a trend line per category', async () => {
    const out = path.join(tmp(), 'r.html');
    expect((await runCli(['analyze', CORPUS, '--by', 'year', '--format', 'html', '-o', out])).code).toBe(0);
    const { readFileSync } = await import('node:fs');
    const seen = await look(readFileSync(out, 'utf8'));
    expect(seen.columns).toBe(3); // 2020, 2022, 2023
    expect(seen.trend).toBe(6);
    expect(seen.scrollWidth).toBeLessThanOrEqual(1280);
    expect(seen.missing).toEqual([]);
  }, 60_000);
});
