import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPool, generateSpeeches, MAX_CHARS, MIN_CHARS, readCorpus, writeWorkload } from '../../bench/workload.mjs';
import { findSections, parseSpeech } from '../../src/speech/index.js';

const pool = buildPool(await readCorpus());
const take = (count: number, seed: number) => [...generateSpeeches(pool, count, seed)];

describe('bench workload generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = take(20, 7);
    expect(take(20, 7)).toEqual(a);
    expect(take(20, 8)).not.toEqual(a);
    expect(new Set(a).size).toBe(20);
  });

  it('makes a smaller workload a prefix of a larger one', () => {
    expect(take(50, 3).slice(0, 10)).toEqual(take(10, 3));
  });

  it('draws every part of a summary speech from the seeds', () => {
    expect(pool.salutations.length).toBeGreaterThan(0);
    for (const kind of ['opening', 'achievements', 'problems', 'closing'] as const) expect(pool[kind].length, kind).toBeGreaterThan(0);
    expect(pool.opinions.get('一、')?.length).toBeGreaterThan(3);
  });

  it('produces plausible speeches: salutation, 成绩, 问题, 意见 numbered 一、二、… and 号召', () => {
    for (const text of take(40, 11)) {
      expect(text.length).toBeGreaterThanOrEqual(MIN_CHARS);
      expect(text.length).toBeLessThanOrEqual(MAX_CHARS);
      const speech = parseSpeech(text);
      expect(speech.salutation?.text).toMatch(/^同志们/u);
      for (const kind of ['achievements', 'problems', 'opinions', 'closing'] as const) expect(findSections(speech, kind).length, kind).toBeGreaterThan(0);
      // Top-level opinion headings run 1, 2, 3 … without gaps or repeats after renumbering.
      const series = speech.markers.filter((m) => m.atParagraphStart && m.series === '一、').map((m) => m.index);
      const top = speech.markers.filter((m) => m.atParagraphStart && m.series === '一要' && series.length === 0).map((m) => m.index);
      const run = series.length > 0 ? series : top;
      expect(run.length).toBeGreaterThanOrEqual(2);
      expect(run).toEqual(run.map((_, i) => i + 1));
    }
  });

  it('writes parts of 1,000 files and the concatenated text the segmenters read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jianghua-bench-test-'));
    try {
      const { chars, concatFiles } = await writeWorkload(join(dir, 'speeches'), { count: 12, seed: 5, concatAt: [5], concatDir: join(dir, 'concat') });
      const files = (await readdir(join(dir, 'speeches', 'part-000'))).sort();
      expect(files).toHaveLength(12);
      expect(files[0]).toBe('speech-00001.txt');
      const first5 = await Promise.all(files.slice(0, 5).map((f) => readFile(join(dir, 'speeches', 'part-000', f), 'utf8')));
      expect(chars(5)).toBe(first5.join('').length);
      expect((await readFile(concatFiles[5] ?? '', 'utf8')).split('\f\n')).toEqual(first5);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
