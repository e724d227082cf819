// Regenerate the report screenshots in docs/analyze/ (needs `npm run build` and Debian's chromium):
//   node docs/analyze/screenshots.mjs
// The seeds give the 5-document report; 2,000 synthetic speeches (bench/workload.mjs, seed 13) the large one.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWorkload } from '../../bench/workload.mjs';
import { openBrowser } from '../../tests/helpers/browser.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const here = (name) => path.join(ROOT, 'docs/analyze', name);
const work = mkdtempSync(path.join(tmpdir(), 'jianghua-shots-'));
// run from the checkout with relative paths, so that the page shows corpus/…, not this machine's folders
const report = (inputs, out, extra = []) => execFileSync(process.execPath, ['bin/jianghua.js', 'analyze', ...inputs, '--format', 'html', '-o', out, '--force', '--no-progress', ...extra], { stdio: 'inherit', cwd: ROOT });

report(['corpus'], here('example-report.html'));
await writeWorkload(path.join(work, 'w'), { count: 2000, seed: 13 });
const big = path.join(work, 'r2000.html');
report([path.join(work, 'w')], big, ['--jobs', '2']);

const browser = await openBrowser();
const page = await browser.context.newPage();
await page.setViewportSize({ width: 1280, height: 900 });
for (const [file, name] of [[here('example-report.html'), 'report-5'], [big, 'report-2000']]) {
  await page.goto(`file://${file}`);
  await page.screenshot({ path: here(`${name}.png`) });
  await (await page.$('table.heat')).screenshot({ path: here(`${name}-heat.png`) });
}
await page.goto(`file://${here('example-report.html')}`);
const box = await (await page.$('section[id^="cat-"]')).boundingBox();
await page.screenshot({ path: here('report-clauses.png'), fullPage: true, clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 560) } });
await browser.close();
