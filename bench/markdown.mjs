// Print bench/results.json (or the file given) as Markdown tables: node bench/markdown.mjs [FILE]
// With --update: rewrite the tables in README.md and docs/performance.md (between their
// <!-- bench:readme --> and <!-- bench:results --> markers) from the results instead.
import { readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { markdown, readmeMarkdown, replaceBetween } from './report.mjs';

const args = process.argv.slice(2);
const update = args.includes('--update');
const file = args.find((a) => !a.startsWith('--')) ?? fileURLToPath(new URL('./results.json', import.meta.url));
const results = JSON.parse(readFileSync(file, 'utf8'));
if (!update) process.stdout.write(markdown(results));
else {
  for (const [doc, name, body] of [
    ['../README.md', 'bench:readme', readmeMarkdown(results)],
    ['../docs/performance.md', 'bench:results', markdown(results)],
  ]) {
    const path = fileURLToPath(new URL(doc, import.meta.url));
    writeFileSync(path, replaceBetween(readFileSync(path, 'utf8'), name, body));
    process.stderr.write(`已更新 ${doc.slice(3)}\n`);
  }
}
