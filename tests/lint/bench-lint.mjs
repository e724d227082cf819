// Lint benchmark: 1,000 drafts (the five seeds, varied) in one `jianghua lint` run.
//   npm run build && node tests/lint/bench-lint.mjs [count]   (the shared harness: bench/run.mjs, rows lint-cold and lint-many)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const count = Number(process.argv[2] ?? 1000);
const seeds = readdirSync(`${root}corpus`).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(`${root}corpus/${f}`, 'utf8'));
const dir = path.join(tmpdir(), `jianghua-lint-bench-${process.pid}`);
mkdirSync(dir, { recursive: true });
for (let i = 0; i < count; i++) {
  // vary each copy so nothing can be cached by content
  const text = (seeds[i % seeds.length] ?? '').replace(/同志们/u, `同志们（第${i}稿）`);
  writeFileSync(path.join(dir, `draft-${String(i).padStart(4, '0')}.txt`), text);
}
const bin = `${root}bin/jianghua.js`;
const time = (args) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, code: r.status, out: r.stdout };
};
const one = [0, 1, 2].map(() => time(['lint', `${root}corpus/004_4ec0006700eed63b.txt`]).ms);
const all = time(['lint', dir, '--format', 'json']);
const messages = JSON.parse(all.out).reduce((n, r) => n + r.messages.length, 0);
console.log(`one file: ${one.map((m) => m.toFixed(0)).join(' / ')} ms (three runs, process start included)`);
console.log(`${count} files: ${(all.ms / 1000).toFixed(2)} s, ${(all.ms / count).toFixed(2)} ms/file, ${messages} messages, exit ${all.code}`);
rmSync(dir, { recursive: true, force: true });
