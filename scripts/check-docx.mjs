#!/usr/bin/env node
// Rendering check of the drafted .docx (GB/T 9704-2012: 28 characters a line, 22 lines a page):
// draft → LibreOffice (soffice --headless) → PDF → poppler's pdftotext -bbox-layout → measure.
// Usage: node scripts/check-docx.mjs [--facts FILE] [--keep DIR] [--png FILE]; exit 0 pass, 1 fail, 2 missing tools.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

for (const tool of ['soffice', 'pdftotext']) {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
    console.error(`check:docx: 找不到 ${tool}（Debian: apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk）`);
    process.exit(2);
  }
}

const keep = flag('--keep');
if (keep) mkdirSync(keep, { recursive: true });
const dir = keep ?? mkdtempSync(path.join(tmpdir(), 'jianghua-check-docx-'));
const facts = flag('--facts') ?? path.join(dir, 'facts.yaml');
const cli = path.join(ROOT, 'bin', 'jianghua.js');
if (!flag('--facts')) execFileSync(process.execPath, [cli, 'init', '-o', facts, '--force'], { stdio: 'ignore' });
const docx = path.join(dir, '讲话.docx');
execFileSync(process.execPath, [cli, 'draft', facts, '-o', docx, '--force'], { stdio: 'ignore' });
// a profile of its own: a user's running LibreOffice (or another check) does not block this one
const profile = `file://${path.join(dir, 'lo-profile')}`;
execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'ignore', timeout: 120_000 });
const pdf = docx.replace(/\.docx$/u, '.pdf');
const html = path.join(dir, 'layout.html');
execFileSync('pdftotext', ['-bbox-layout', pdf, html]);

// A4 in points; margins 37/35/28/26 mm
const MM = 72 / 25.4;
const page = { width: 210 * MM, height: 297 * MM, top: 37 * MM, bottom: (297 - 35) * MM, left: 28 * MM, right: (210 - 26) * MM };
const PITCH = (page.right - page.left) / 28;
const FULL_WIDTH = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…·]/u;
const HANGING = /[，。、；：！？”’）》]/u;

const pages = readFileSync(html, 'utf8').split('<page ').slice(1);
const report = { pages: pages.length, linesPerPage: [], fullLines: 0, columns: {}, failures: [] };
for (const [p, body] of pages.entries()) {
  const lines = [...body.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/gu)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    text: [...m[5].matchAll(/>([^<]*)<\/word>/gu)].map((w) => w[1]).join(''),
  }));
  const inBody = lines.filter((l) => l.yMin >= page.top - 2 && l.yMin < page.bottom);
  // lines a page holds, counted in line pitches from its first line to its last (a blank line is a line too)
  const tops = [...new Set(inBody.map((l) => l.yMin))].sort((a, b) => a - b);
  const pitch = Math.min(...tops.slice(1).map((t, i) => t - tops[i]).filter((d) => d > 5));
  const slots = tops.length ? Math.round((tops.at(-1) - tops[0]) / pitch) + 1 : 0;
  report.linesPerPage.push(slots);
  if (p < pages.length - 1 && slots !== 22) report.failures.push(`第 ${p + 1} 页有 ${slots} 行（应为 22 行）`);
  for (const [i, l] of inBody.entries()) {
    const chars = [...l.text];
    // a full line reaches the right margin; the last line of a paragraph does not
    if (l.xMax < page.right - PITCH / 2 || chars.length < 10) continue;
    // a number or Latin word that did not fit moves whole to the next line, leaving one column empty: not a grid failure
    if (/^[0-9A-Za-z]/u.test(inBody[i + 1]?.text ?? '')) continue;
    const hanging = l.xMax > page.right + 2 && HANGING.test(chars.at(-1) ?? '') ? 1 : 0;
    const indent = Math.round((l.xMin - page.left) / PITCH);
    const half = chars.filter((c) => !FULL_WIDTH.test(c)).length;
    const columns = indent + chars.length - hanging - half / 2;
    report.fullLines++;
    const key = half === 0 ? String(columns) : 'mixed';
    report.columns[key] = (report.columns[key] ?? 0) + 1;
    if (half === 0 && columns !== 28) report.failures.push(`第 ${p + 1} 页“${l.text.slice(0, 12)}……”一行 ${columns} 字（应为 28 字）`);
    if (half > 0 && (columns > 28 || columns < 25)) report.failures.push(`第 ${p + 1} 页“${l.text.slice(0, 12)}……”一行约 ${columns} 字（含半角字符，应不超过 28 字）`);
  }
}
if (report.fullLines === 0) report.failures.push('没有找到排满的行：PDF 里没有正文？');

// through LibreOffice and back: a placeholder planted in the XML, the file saved again by LibreOffice,
// and lint must still find it in the same paragraph
{
  const { unzipSync, zipSync, strToU8 } = await import('fflate');
  const files = unzipSync(readFileSync(docx));
  const xml = Buffer.from(files['word/document.xml']).toString('utf8');
  const paragraphs = [...xml.matchAll(/<w:p>.*?<\/w:p>/gu)].map((m) => m[0]);
  const at = paragraphs.findIndex((p) => p.includes('>刚才，'));
  files['word/document.xml'] = strToU8(xml.replace('>刚才，', '>刚才，××'));
  const planted = path.join(dir, 'planted.docx');
  writeFileSync(planted, zipSync(files));
  const out = path.join(dir, 'resaved');
  mkdirSync(out, { recursive: true });
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', out, planted], { stdio: 'ignore', timeout: 120_000 });
  const lint = spawnSync(process.execPath, [cli, 'lint', path.join(out, 'planted.docx'), '--format', 'json'], { encoding: 'utf8' });
  const found = JSON.parse(lint.stdout || '[]')[0]?.messages.find((m) => m.ruleId === 'placeholder');
  report.roundTrip = { paragraph: at + 1, found: found ? `${found.line}:${found.column}` : null };
  if (at < 0 || !found || found.line !== at + 1 || found.column !== 4) report.failures.push(`LibreOffice 另存后，lint 没有在第 ${at + 1} 段第 4 列找到植入的 ××（找到：${report.roundTrip.found}）`);
}

const png = flag('--png');
if (png) {
  execFileSync('pdftoppm', ['-png', '-gray', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(dir, 'page')]);
  copyFileSync(path.join(dir, 'page.png'), png);
}
const soffice = execFileSync('soffice', ['--version'], { encoding: 'utf8' }).trim();
writeFileSync(path.join(dir, 'report.json'), JSON.stringify(report, null, 2));
console.log(`${soffice}\n页数 ${report.pages}；每页行数 ${report.linesPerPage.join('、')}；排满的行 ${report.fullLines} 行，每行字数分布 ${JSON.stringify(report.columns)}`);
console.log(`LibreOffice 另存后 lint：植入第 ${report.roundTrip.paragraph} 段，报告于 段:列 ${report.roundTrip.found}`);
if (!flag('--keep')) rmSync(dir, { recursive: true, force: true });
if (report.failures.length) {
  console.error(`check:docx 未通过：\n  ${report.failures.join('\n  ')}`);
  process.exit(1);
}
console.log('check:docx 通过：每个整页 22 行，每个排满的行 28 字，LibreOffice 另存的文件 lint 定位正确');
