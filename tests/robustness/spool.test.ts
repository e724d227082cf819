import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FindingSpool, Spool } from '../../src/analyze/spool.js';
import type { AnyRecord, Finding } from '../../src/analyze/index.js';
import { tmp } from './tmp.js';

// spools hold the analysed text; they must vanish however the run ends (SIGKILL included), so
// they never have a name in TMPDIR while they are in use
let scratch: string;
let saved: string | undefined;
beforeEach(() => {
  saved = process.env.TMPDIR;
  scratch = tmp();
  process.env.TMPDIR = scratch;
});
afterEach(() => {
  if (saved === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = saved;
});

const record = (i: number): AnyRecord => ({ file: `${i}.txt`, error: `第 ${i} 篇` });

describe('spools leave no file behind, even while in use', () => {
  it('Spool past its memory limit: records on disk, nothing named in TMPDIR', () => {
    const spool = new Spool(2);
    for (let i = 0; i < 50; i++) spool.push(record(i));
    expect(readdirSync(scratch)).toEqual([]);
    const back: AnyRecord[] = [];
    for (const r of spool.replay()) back.push(r);
    expect(back).toEqual(Array.from({ length: 50 }, (_, i) => record(i)));
    spool.dispose();
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('FindingSpool: findings read back in order, nothing named in TMPDIR', () => {
    const spool = new FindingSpool();
    const findings = Array.from({ length: 3000 }, (_, i) => ({ file: `${i}.txt`, clause: '党建工作'.repeat(i % 50) }) as unknown as Finding);
    for (const f of findings) spool.push(f);
    expect(readdirSync(scratch)).toEqual([]);
    const back: Finding[] = [];
    for (const f of spool.replay()) back.push(f);
    expect(back).toEqual(findings);
    spool.dispose();
  });
});

describe('Spool by index', () => {
  it('gives record n in push order, from memory and after spilling to disk, in any order of asking', () => {
    for (const limit of [100, 3]) {
      const spool = new Spool<{ n: number; text: string }>(limit);
      for (let i = 0; i < 40; i++) spool.push({ n: i, text: '推进会'.repeat(i) });
      expect(spool.length).toBe(40);
      for (const i of [39, 0, 17, 3, 2, 38]) expect(spool.get(i)).toEqual({ n: i, text: '推进会'.repeat(i) });
      expect(spool.get(40)).toBeUndefined();
      expect(spool.get(-1)).toBeUndefined();
      // a record pushed after a read is found too (buffered frames are flushed first)
      spool.push({ n: 40, text: '' });
      expect(spool.get(40)).toEqual({ n: 40, text: '' });
      expect([...spool.replay()].map((r) => r.n)).toEqual(Array.from({ length: 41 }, (_, i) => i));
      spool.dispose();
    }
    expect(readdirSync(scratch)).toEqual([]);
  });
});
