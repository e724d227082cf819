// Print bench/results.json (or the file given) as Markdown tables: node bench/markdown.mjs [FILE]
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { markdown } from './report.mjs';

const file = process.argv[2] ?? fileURLToPath(new URL('./results.json', import.meta.url));
process.stdout.write(markdown(JSON.parse(readFileSync(file, 'utf8'))));
