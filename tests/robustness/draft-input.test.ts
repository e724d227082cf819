import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { MAX_ITEMS } from '../../src/draft/facts.js';
import { tmp } from './tmp.js';
import { eachBomb, partialBomb } from './hostile.mjs';

const EXAMPLE = readFileSync(`${ROOT}templates/examples/summary-speech.yaml`, 'utf8');
const NO_STACK = /\n\s+at /u;
/** `jianghua: FILE:LINE:COL: 中文…` */
const placed = (file: string) => new RegExp(`^jianghua: ${file.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}:\\d+:\\d+: .*\\p{Script=Han}`, 'u');

let dir: string;
beforeAll(() => {
  dir = tmp();
});

async function draft(name: string, yaml: string, extra: string[] = []) {
  const file = path.join(dir, name);
  writeFileSync(file, yaml);
  return { file, ...(await runCli(['draft', file, ...extra])) };
}

describe('hostile facts files: Chinese message with line:column, exit 2, no stack trace', () => {
  it.each([
    ['an alias bomb', ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`), 'kind: summary-speech'].join('\n'), /别名/u],
    ['duplicate keys', 'kind: summary-speech\nkind: host-script\n', /键重复/u],
    ['tab indentation', 'kind: summary-speech\nmeeting:\n\tname: 会议\n', /制表符/u],
    ['an unclosed quote', 'kind: summary-speech\nmeeting:\n  name: "全县会议\n', /YAML/u],
    ['a document that is a list', '- kind: summary-speech\n', /\p{Script=Han}/u],
  ])('%s', async (label, yaml, message) => {
    const { file, code, stdout, stderr } = await draft(`${label.replace(/\s/gu, '-')}.yaml`, yaml);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(placed(file));
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(NO_STACK);
  });

  it('reads a 10 MB facts file (mostly comments) and still drafts', async () => {
    const pad = `# ${'填'.repeat(100)}\n`;
    const { code, stdout } = await draft('big.yaml', EXAMPLE + pad.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(pad))));
    expect(code).toBe(0);
    expect(stdout).toContain('同志们');
  });

  // 60 000 achievements made a 16 s, 1.3 GB Word file: every list has a ceiling far above a real speech's
  it.each([
    ['achievements', MAX_ITEMS.achievements, (n: number) => ({ achievements: Array.from({ length: n }, (_, i) => ({ title: `第${i + 1}项成绩` })) }), '成绩最多'],
    ['reporters', MAX_ITEMS.reporters, (n: number) => ({ reporters: Array.from({ length: n }, (_, i) => ({ org: `第${i + 1}镇党委` })) }), '述职人最多'],
    ['opinions[0].points', MAX_ITEMS.points, (n: number) => ({ opinions: [{ title: '压实责任', points: Array.from({ length: n }, (_, i) => ({ title: `要点${i + 1}` })) }] }), '一条意见的要点最多'],
  ])('%s: more than the limit is refused at the list, the limit itself drafts', async (label, max, list, message) => {
    const doc = parseDocument(EXAMPLE);
    for (const [key, value] of Object.entries(list(max + 1))) doc.set(key, value);
    const over = await draft(`over-${label}.yaml`, doc.toString());
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(placed(over.file));
    expect(over.stderr).toContain(message);
    expect(over.stderr).not.toMatch(NO_STACK);
    for (const [key, value] of Object.entries(list(max))) doc.set(key, value);
    const at = await draft(`at-${label}.yaml`, doc.toString());
    expect(at.code).toBe(0);
  });

  // every field of the schema, given a value of the wrong type
  const FIELDS: Array<[Array<string | number>, unknown]> = [
    [['kind'], 42],
    [['kind'], 'speech'],
    [['meeting'], '全县会议'],
    [['meeting', 'name'], ['会议']],
    [['meeting', 'date'], '去年冬天'],
    [['meeting', 'date'], 20240118],
    [['meeting', 'region'], { a: 1 }],
    [['meeting', 'organizer'], [1]],
    [['speaker'], { name: '书记' }],
    [['guests'], '陈立新'],
    [['guests', 0], 42],
    [['guests', 0, 'org'], []],
    [['guests', 0, 'title'], { a: 1 }],
    [['reporters'], 7],
    [['reporters', 0, 'org'], [1, 2]],
    [['achievements'], '很多成绩'],
    [['achievements', 0], 3],
    [['achievements', 0, 'title'], { x: 1 }],
    [['problems'], true],
    [['problems', 0, 'title'], []],
    [['opinions'], { a: 1 }],
    [['opinions', 0, 'title'], [1]],
    [['opinions', 0, 'points'], '三点'],
    [['closing'], ['号召']],
  ];
  it.each(FIELDS)('%j = %j is refused with its place', async (at, value) => {
    const doc = parseDocument(EXAMPLE);
    doc.setIn(at, value);
    const { file, code, stdout, stderr } = await draft(`wrong-${at.join('.')}-${typeof value}.yaml`, doc.toString());
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(placed(file));
    expect(stderr).not.toMatch(NO_STACK);
  });
});

describe('hostile user templates: refused with a clear error, never running code from the facts', () => {
  const facts = () => path.join(dir, 'facts.yaml');
  beforeAll(() => writeFileSync(facts(), EXAMPLE));

  it.each([
    ['recursive partials', '{{#*inline "again"}}再说一遍。{{> again}}{{/inline}}{{> again}}'],
    ['mutually recursive partials', '{{#*inline "a"}}甲{{> b}}{{/inline}}{{#*inline "b"}}乙{{> a}}{{/inline}}{{> a}}'],
    ['a missing helper', '今天我们召开{{shout meeting.name}}。'],
    ['constructor', '{{meeting.constructor.name}}'],
    ['the constructor-constructor escape', '{{#with "s" as |s|}}{{#with s.constructor as |c|}}{{c.constructor "return process.exit(9)"}}{{/with}}{{/with}}'],
    ['a syntax error', '{{#each opinions}}{{title}}'],
  ])('%s', async (label, template) => {
    const hbs = path.join(dir, `${label.replace(/\s/gu, '-')}.hbs`);
    writeFileSync(hbs, template);
    const { code, stdout, stderr } = await runCli(['draft', facts(), '--template', hbs]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^jianghua: .*\p{Script=Han}/u);
    expect(stderr).not.toMatch(NO_STACK);
  });

  it.each([
    ['40 inline partials, each calling the one before twice (2^40 renders)', () => partialBomb(40)],
    ['20 nested #each over the guests (3^20 renders)', () => eachBomb(20)],
  ])('render budget: %s stops with a Chinese message, exit 2', async (label, make) => {
    const threeGuests = parseDocument(EXAMPLE);
    threeGuests.set('guests', ['甲', '乙', '丙'].map((name) => ({ org: '县委', title: '副书记', name })));
    const file = path.join(dir, 'guests.yaml');
    writeFileSync(file, threeGuests.toString());
    const hbs = path.join(dir, 'bomb.hbs');
    writeFileSync(hbs, make());
    const { code, stdout, stderr } = await runCli(['draft', file, '--template', hbs]);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toContain(`jianghua: ${hbs}: 模板展开过多`);
  });

  it('helpers reach own fields only: {{join guests "、" key="toString"}} renders nothing', async () => {
    const hbs = path.join(dir, 'join.hbs');
    writeFileSync(hbs, '[{{join guests "、" key="toString"}}][{{join guests "、" key="hasOwnProperty"}}][{{join guests "、" key="name"}}]');
    const { code, stdout } = await runCli(['draft', facts(), '--template', hbs]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\[\]\[\]\[[^\]]+\]/u); // the prototype's toString, hasOwnProperty never shown
    expect(stdout).not.toContain('function');
  });

  it('{{log}} goes to stderr, never into the drafted speech', async () => {
    const hbs = path.join(dir, 'log.hbs');
    writeFileSync(hbs, '同志们：{{log "调试" meeting.name}}今天开会。');
    const { code, stdout, stderr } = await runCli(['draft', facts(), '--template', hbs]);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('同志们：今天开会。');
    expect(stderr).toMatch(/^模板日志：调试 /u);
  });

  it('never reveals an object prototype through __proto__ (it renders as nothing)', async () => {
    const hbs = path.join(dir, 'proto.hbs');
    writeFileSync(hbs, '[{{meeting.__proto__}}][{{lookup meeting "__proto__"}}][{{meeting.__proto__.toString}}]');
    const { code, stdout } = await runCli(['draft', facts(), '--template', hbs]);
    if (code === 0) expect(stdout.trim()).toBe('[][][]');
    else expect(code).toBe(2);
  });

  it.each(['{{meeting.__proto__}}', '{{lookup meeting "__proto__"}}', '{{meeting.constructor.name}}'])('refuses %s before rendering', async (template) => {
    const hbs = path.join(dir, 'proto2.hbs');
    writeFileSync(hbs, `同志们：\n${template}`);
    const { code, stdout, stderr } = await runCli(['draft', facts(), '--template', hbs]);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(/proto2\.hbs:2:\d+: 模板不能访问“(?:__proto__|constructor)”/u);
  });

  it('prints facts that look like template code as text, without evaluating them', async () => {
    const doc = parseDocument(EXAMPLE);
    doc.setIn(['meeting', 'name'], '{{constructor.constructor "return process.exit(9)"}}<script>');
    doc.setIn(['closing'], '{{> title}}${process.exit(8)}');
    writeFileSync(facts(), doc.toString());
    const { code, stdout } = await runCli(['draft', facts()]);
    expect(code).toBe(0);
    expect(stdout).toContain('{{constructor.constructor "return process.exit(9)"}}<script>');
    expect(stdout).toContain('${process.exit(8)}');
  });
});

describe('-o: atomic, never replacing without --force', () => {
  it('refuses an existing output without --force, leaves it untouched, replaces it with --force', async () => {
    const out = tmp();
    const facts = path.join(out, 'facts.yaml');
    writeFileSync(facts, EXAMPLE);
    const target = path.join(out, '讲话.txt');
    writeFileSync(target, '已经改了一上午的稿子');
    const refused = await runCli(['draft', facts, '-o', target]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('文件已存在，未覆盖（如需覆盖请加 --force）');
    expect(readFileSync(target, 'utf8')).toBe('已经改了一上午的稿子');
    const forced = await runCli(['draft', facts, '-o', target, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('同志们');
    expect(readdirSync(out).sort()).toEqual(['facts.yaml', '讲话.txt']);
  });

  it('says so when -o points into a missing folder', async () => {
    const out = tmp();
    writeFileSync(path.join(out, 'facts.yaml'), EXAMPLE);
    const { code, stderr } = await runCli(['draft', path.join(out, 'facts.yaml'), '-o', path.join(out, '没有这个目录', '讲话.docx')]);
    expect(code).toBe(2);
    expect(stderr).toContain(`输出目录不存在：${path.join(out, '没有这个目录')}`);
    expect(readdirSync(out)).toEqual(['facts.yaml']);
  });
});
