import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze/document.js';
import * as hostile from '../robustness/hostile.mjs';

describe("a finding's sentence: the whole sentence, or a window round the clause when it is very long", () => {
  it('an ordinary sentence is given whole', () => {
    const sentence = '同时也要清醒看到，一些基层党组织书记抓党建的责任意识还不够强，“三会一课”制度落实不够严格。';
    const { findings } = analyzeText('a.txt', `同志们：\n${sentence}\n下面，我讲两点意见。\n`);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.sentence).toBe(sentence);
  });

  it('one sentence of 5 000 problem clauses: each finding keeps its clause and at most 300 characters each side', () => {
    const { findings } = analyzeText('a.txt', hostile.problemSentence(5000));
    expect(findings).toHaveLength(5000);
    for (const f of findings) {
      expect(f.sentence).toContain(f.text);
      expect(f.sentence.length).toBeLessThanOrEqual(2 * 300 + f.text.length + 2);
    }
    // cut ends are marked: the first keeps the sentence's start, one in the middle is cut on both sides
    expect(findings[0]!.sentence.startsWith('同时也要看到，')).toBe(true);
    expect(findings[0]!.sentence.endsWith('…')).toBe(true);
    expect(findings[2500]!.sentence).toMatch(/^….*…$/u);
  });

  it('a cut never splits a surrogate pair', () => {
    // clauses of varying length, dense with extension-B characters: cuts fall at every offset
    const clauses = Array.from({ length: 3000 }, (_, i) => `${'𠀀'.repeat(1 + (i % 3))}${'党'.repeat(i % 5)}认识不到位，`);
    const { findings } = analyzeText('a.txt', `同时也要看到，${clauses.join('')}。\n`);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.sentence).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u);
  });
});
