import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { tmp } from './tmp.js';

const BEFORE = '同志们：\n今年以来,全县基层党建工作取得了新成效.一是加强学习;二是压实责任.\n';
const AFTER = '同志们：\n今年以来，全县基层党建工作取得了新成效。一是加强学习；二是压实责任。\n';

function jianghua(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${ROOT}bin/jianghua.js`, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('two processes on the same folder (needs npm run build)', () => {
  it('two lint runs read the same folder and report the same findings', async () => {
    const dir = tmp();
    for (let i = 0; i < 40; i++) writeFileSync(path.join(dir, `${i}.txt`), BEFORE);
    const [a, b] = await Promise.all([jianghua(['lint', dir, '--format', 'json']), jianghua(['lint', dir, '--format', 'json'])]);
    expect(a.code).toBe(1);
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout));
    expect(readFileSync(path.join(dir, '0.txt'), 'utf8')).toBe(BEFORE);
  });

  it('two lint --fix runs on the same folder leave every file whole: fixed once, never torn or doubled', async () => {
    const dir = tmp();
    for (let i = 0; i < 40; i++) writeFileSync(path.join(dir, `${i}.txt`), BEFORE);
    const runs = await Promise.all([jianghua(['lint', dir, '--fix', '--format', 'json']), jianghua(['lint', dir, '--fix', '--format', 'json'])]);
    for (const run of runs) {
      // 1: the remaining findings; 2 only if a file changed under it and was refused cleanly
      expect([1, 2]).toContain(run.code);
      if (run.code === 2) expect(run.stderr).toMatch(/文件在.*修改/u);
      expect(run.stderr).not.toMatch(/\n\s+at /u);
    }
    for (const name of readdirSync(dir)) {
      expect(name).toMatch(/^\d+\.txt$/u); // no temp files left
      expect(readFileSync(path.join(dir, name), 'utf8')).toBe(AFTER);
    }
  });

  it('two drafts racing for one -o file: one complete version wins, the other is refused', async () => {
    const dir = tmp();
    const facts = path.join(dir, 'facts.yaml');
    writeFileSync(facts, readFileSync(`${ROOT}templates/examples/summary-speech.yaml`));
    const target = path.join(dir, '讲话.txt');
    const [first, second] = await Promise.all([jianghua(['draft', facts, '-o', target]), jianghua(['draft', facts, '-o', target])]);
    expect([first.code, second.code].sort()).toEqual([0, 2]);
    expect(`${first.stderr}${second.stderr}`).toContain('文件已存在，未覆盖');
    const text = readFileSync(target, 'utf8');
    expect(text).toContain('同志们');
    expect(readdirSync(dir).sort()).toEqual(['facts.yaml', '讲话.txt']);
  });
});
