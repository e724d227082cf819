import { describe, expect, it } from 'vitest';
import { parseSpeech } from '../../src/speech/parse.js';
import { parallelRuns } from '../../src/analyze/parallel.js';
import { density, gramTokens, loadStockSettings, PhraseCounter, tokenCuts } from '../../src/analyze/stock-phrases.js';
import { KeywordCounter, logLikelihood } from '../../src/analyze/keywords.js';
import { wrapText, drawTable } from '../../src/cli/table.js';
import { Chalk } from 'chalk';
import stringWidth from 'string-width';

const settings = loadStockSettings();

/** A counter fed with pre-cut documents: tokens joined, cuts between them. */
function counted(docs: string[][]) {
  const counter = new PhraseCounter(settings);
  docs.forEach((tokens, i) => counter.add(tokens.join(''), tokenCuts(tokens), [], i));
  return counter;
}

describe('PhraseCounter.phrases', () => {
  it('a gram inside a longer one that carries most of its occurrences is a fragment', () => {
    const doc = ['学习', '贯彻', '习近平', '新', '时代', '中国', '特色', '社会主义', '思想', '。'];
    const r = counted([doc, doc, doc]).phrases().map((p) => p.phrase);
    expect(r).toContain('学习贯彻习近平新时代中国特色社会主义思想');
    expect(r).not.toContain('学习贯彻习近平');
    expect(r).not.toContain('习近平新时代中国特色社会主义思想');
  });
  it('the shorter phrase stays when it mostly stands alone', () => {
    const long = ['学习', '贯彻', '党的', '二十大', '精神', '。'];
    const alone = ['党的', '二十大', '精神', '。', '要', '落实', '党的', '二十大', '精神', '。'];
    const r = counted([long, alone, alone]).phrases().map((p) => p.phrase);
    expect(r).toContain('党的二十大精神');
  });
  it('a single token is a word, never a formula; a counted formula keeps its family', () => {
    const doc = ['社会主义', '，', '三个代表', '，', '高质量', '发展', '。'];
    const r = counted([doc, doc]).phrases();
    expect(r.map((p) => p.phrase)).not.toContain('社会主义');
    expect(r.find((p) => p.phrase === '三个代表')?.family).toBe('counted');
  });
  it('a short compound of content words is a term; the check is the caller\'s', () => {
    const doc = ['推动', '经济', '发展', '，', '坚持', '稳中求进', '工作', '总基调', '。'];
    const content = new Set(['经济', '发展']);
    const r = counted([doc, doc]).phrases((t) => content.has(t)).map((p) => p.phrase);
    expect(r).not.toContain('经济发展');
    expect(r).toContain('坚持稳中求进工作总基调');
  });
  it('cohesion: words that mostly occur apart make a topic, not a formula', () => {
    // 服务 and 群众 occur everywhere on their own; 服务群众 twice
    const a = ['服务', '群众', '，', ...Array.from({ length: 6 }, () => ['服务', '企业', '，', '群众', '满意', '，']).flat()];
    const r = counted([a, a]).phrases().map((p) => p.phrase);
    expect(r).not.toContain('服务群众');
  });
  it('gramTokens splits a gram at its boundary mask', () => {
    // cuts after 党 (bit 0), 的 (bit 1) and 二十大 (bit 4)
    expect(gramTokens('党的二十大精神', 0b10011)).toEqual(['党', '的', '二十大', '精神']);
    expect(gramTokens('贯彻落实', 0)).toEqual(['贯彻落实']);
  });
});

describe('parallelRuns on the speech model\'s clauses', () => {
  it('three clauses sharing their head are a run; a comma inside quotes splits nothing', () => {
    const speech = parseSpeech('同志们：\n基层党建呈现新气象：更加凸显、更加夯实、更加高效。\n“更加主动，更加有力，更加务实”是我们的要求。\n');
    const runs = parallelRuns(speech, settings);
    expect(runs.map((r) => [r.key, r.text])).toEqual([['更加…、更加…、更加…', '更加凸显、更加夯实、更加高效']]);
    expect(speech.text.slice(runs[0]?.offset, (runs[0]?.offset ?? 0) + 4)).toBe('更加凸显');
  });
});

describe('log-likelihood', () => {
  it('is 0 when a part uses a word at the rate of the rest, and grows with the difference', () => {
    expect(logLikelihood(10, 100, 1000, 10000)).toBeCloseTo(0, 6);
    expect(logLikelihood(20, 100, 1000, 10000)).toBeGreaterThan(logLikelihood(15, 100, 1000, 10000));
    // Rayson's example: 2·(a·ln(a/E1) + b·ln(b/E2))
    const e1 = (1000 * 30) / 11000;
    const e2 = (10000 * 30) / 11000;
    expect(logLikelihood(20, 10, 1000, 10000)).toBeCloseTo(2 * (20 * Math.log(20 / e1) + 10 * Math.log(10 / e2)), 9);
  });
});

describe('terminal tables', () => {
  it('wrapText breaks Han text by display width, after a list separator when near the end', () => {
    const lines = wrapText('党务干部 17.4、党建工作指导员 10.5、红色驿站 10.5', 20);
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(20);
    expect(lines.join('').replace(/ /gu, '')).toBe('党务干部17.4、党建工作指导员10.5、红色驿站10.5');
    expect(lines[0]?.endsWith('、')).toBe(true);
  });
  it('a location line is never split and colour is applied per line', () => {
    const chalk = new Chalk({ level: 1 });
    const out = drawTable([{ head: '类别', wrap: true }, { head: '典型表述', wrap: true }], [['责任落实', { text: '部分村党支部主责主业意识不强'.repeat(3), where: 'corpus/003_2f38f797e70dc8f3.txt:7:47' }]], chalk, 60);
    expect(out).toContain('\u001b[2mcorpus/003_2f38f797e70dc8f3.txt:7:47\u001b[22m');
    for (const line of out.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(60);
  });
  it('an optional column goes when even the floors do not fit', () => {
    const chalk = new Chalk({ level: 0 });
    const rows = [['党务力量', 'party-affairs-staff', 25, { text: '党务力量薄弱', where: 'corpus/004_4ec0006700eed63b.txt:3:321' }]];
    const cols = [{ head: '类别', wrap: true }, { head: 'id', optional: 1 }, { head: '提及', align: 'right' as const }, { head: '典型表述', wrap: true }];
    expect(drawTable(cols, rows, chalk, 120)).toContain('party-affairs-staff');
    const narrow = drawTable(cols, rows, chalk, 64);
    expect(narrow).not.toContain('party-affairs-staff');
    for (const line of narrow.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(64);
  });
});

describe('the tables a worker gets for the second look', () => {
  const common = ['全面', '从严', '治党', '向', '纵深', '发展', '，'];
  const docs = [
    [...common, '基层', '组织', '建设', '。'],
    [...common, '群众', '工作', '。'],
    ['今年', '以来', '，', ...common, '。'],
    ['村级', '集体', '经济', '薄弱', '。'],
  ];
  it('density from the recurring grams alone equals density from the whole counter', () => {
    const whole = counted(docs);
    const rebuilt = PhraseCounter.fromRecurring(settings, structuredClone(whole.recurringTable()));
    for (const tokens of docs) {
      const text = tokens.join('');
      expect(density(text, tokenCuts(tokens), rebuilt)).toBe(density(text, tokenCuts(tokens), whole));
    }
    expect(density(docs[0]!.join(''), tokenCuts(docs[0]!), whole)).toBeGreaterThan(0);
    expect(density(docs[3]!.join(''), tokenCuts(docs[3]!), rebuilt)).toBe(0);
  });
  it('keyword totals merged from two workers score a part as one counter does', () => {
    const a = { 党建: 3, 组织: 1 };
    const b = { 党建: 1, 经济: 4 };
    const one = new KeywordCounter();
    one.add(a);
    one.add(b);
    const left = new KeywordCounter();
    left.add(a);
    const right = new KeywordCounter();
    right.add(b);
    const merged = new KeywordCounter();
    merged.merge(structuredClone(left.pack()));
    merged.merge(structuredClone(right.pack()));
    expect(merged.top(a, 5, 1)).toEqual(one.top(a, 5, 1));
    expect(merged.top(b, 5, 1)).toEqual(one.top(b, 5, 1));
    expect(merged.documents).toBe(2);
  });
});
