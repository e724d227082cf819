// Raw segmentation ceiling: nodejieba `cut` over every document, one thread, dictionary loaded once.
// Usage: node bench/raw-nodejieba.mjs <concat-file> → one JSON line {loadMs, cutMs, docs, chars, tokens}.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const USER_DICT = fileURLToPath(new URL('../data/jieba-user.dict', import.meta.url));
const docs = readFileSync(process.argv[2] ?? '', 'utf8').split('\f\n');

let t = performance.now();
const jieba = createRequire(import.meta.url)('nodejieba');
jieba.load(existsSync(USER_DICT) ? { userDict: USER_DICT } : {});
const loadMs = performance.now() - t;

t = performance.now();
let tokens = 0;
let chars = 0;
for (const doc of docs) {
  tokens += jieba.cut(doc).length;
  chars += doc.length;
}
const cutMs = performance.now() - t;
process.stdout.write(`${JSON.stringify({ loadMs, cutMs, docs: docs.length, chars, tokens, userDict: existsSync(USER_DICT) })}\n`);
