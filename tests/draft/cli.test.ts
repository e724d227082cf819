import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseSpeech } from '../../src/speech/index.js';
import { ROOT, runBin, runCli } from '../helpers/cli.js';

const FIX = `${ROOT}tests/fixtures/facts/`;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jianghua-draft-'));
});
const cli = (...args: string[]) => runCli(args, { cwd: dir });

describe('jianghua init', () => {
  it('writes a commented example with a schema line, which drafts as it is', async () => {
    const init = await cli('init', '--kind', 'host-script', '-o', 'facts.yaml');
    expect(init.code).toBe(0);
    const yaml = readFileSync(path.join(dir, 'facts.yaml'), 'utf8');
    const first = yaml.split('\n')[0]!;
    expect(first).toMatch(/^# yaml-language-server: \$schema=.*data\/facts\.schema\.json$/u);
    // the relative reference resolves to the shipped schema
    const ref = first.replace(/^.*\$schema=/u, '');
    expect(statSync(path.resolve(dir, ref)).isFile()).toBe(true);
    expect(yaml).toContain('kind: host-script');
    expect(yaml).toMatch(/^# .*[\u4e00-\u9fff]/mu);
    const draft = await cli('draft', 'facts.yaml');
    expect(draft.code).toBe(0);
    expect(parseSpeech(draft.stdout).kind).toBe('host-script');
  });

  it('refuses to overwrite without --force and prints to stdout with -o -', async () => {
    writeFileSync(path.join(dir, 'facts.yaml'), '原有内容');
    const again = await cli('init');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('文件已存在');
    expect(readFileSync(path.join(dir, 'facts.yaml'), 'utf8')).toBe('原有内容');
    expect((await cli('init', '--force')).code).toBe(0);
    const out = await cli('init', '--kind', 'progress-meeting', '-o', '-');
    expect(out.stdout).toContain('kind: progress-meeting');
  });
});

describe('jianghua draft', () => {
  it('writes txt, md and docx files atomically, the format taken from -o', async () => {
    await cli('init');
    for (const name of ['讲话.txt', '讲话.md', '讲话.docx']) {
      const r = await cli('draft', 'facts.yaml', '-o', name);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(`已写出 ${name}\n`);
    }
    expect(readFileSync(path.join(dir, '讲话.md'), 'utf8')).toMatch(/^# 在.+上的讲话\n/u);
    expect(readFileSync(path.join(dir, '讲话.docx')).subarray(0, 2).toString()).toBe('PK');
    // no temp files left behind
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses -o onto an existing file without --force and leaves it untouched', async () => {
    await cli('init');
    writeFileSync(path.join(dir, 'out.txt'), '旧稿');
    const r = await cli('draft', 'facts.yaml', '-o', 'out.txt');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/out\.txt: 文件已存在，未覆盖（如需覆盖请加 --force）/u);
    expect(readFileSync(path.join(dir, 'out.txt'), 'utf8')).toBe('旧稿');
    expect((await cli('draft', 'facts.yaml', '-o', 'out.txt', '--force')).code).toBe(0);
    expect(readFileSync(path.join(dir, 'out.txt'), 'utf8')).toContain('同志们：');
  });

  it('needs -o for docx', async () => {
    await cli('init');
    const r = await cli('draft', 'facts.yaml', '--format', 'docx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('需要用 -o 指定输出文件');
  });

  it('reports malformed YAML and schema violations as file:line:col, exit 2', async () => {
    const syntax = await cli('draft', `${FIX}bad-syntax.yaml`);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(/bad-syntax\.yaml:13:\d+: YAML 格式错误/u);
    const schema = await cli('draft', `${FIX}bad-title.yaml`);
    expect(schema.code).toBe(2);
    expect(schema.stderr).toMatch(/bad-title\.yaml:12:7: 会议事实不符合要求：opinions\[1\]\.title/u);
    expect(schema.stdout).toBe('');
  });

  it('names a missing section unless --allow-missing', async () => {
    const r = await cli('draft', `${FIX}no-problems.yaml`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-problems.yaml:8:11: 缺少“问题”部分');
    const allowed = await cli('draft', `${FIX}no-problems.yaml`, '--allow-missing');
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).not.toContain('在肯定成绩的同时');
    expect(allowed.stdout).toContain('下面，我讲一点意见。');
  });

  it('drafts with a user template that uses helpers and partials', async () => {
    await cli('init');
    const r = await cli('draft', 'facts.yaml', '--template', `${FIX}templates/brief.hbs`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('同志们：\n');
    expect(r.stdout).toContain('今天（2024年1月18日）我们召开全县2023年度');
    expect(r.stdout).toContain('\u3000\u3000第二，严格组织生活。\n');
    expect(r.stdout.trimEnd().endsWith('谢谢大家！')).toBe(true);
  });

  it.each([
    ['bad-syntax.hbs', /bad-syntax\.hbs:4:17: 模板语法错误：出现无法识别的写法/u],
    ['unknown-helper.hbs', /unknown-helper\.hbs:4:2: 模板用了未知的辅助函数“shout”/u],
    ['unknown-partial.hbs', /unknown-partial\.hbs:3:3: 模板用了不存在的局部模板“greeting”/u],
    ['missing-field.hbs', /missing-field\.hbs:2:9: 模板渲染失败：模板引用了不存在的字段“nmae”/u],
    ['recursive.hbs', /recursive\.hbs: 模板递归过深/u],
    // prototype access stays off: constructor is not a field
    ['prototype.hbs', /prototype\.hbs:2:3: 模板不能访问“constructor”（对象原型的内部属性）/u],
  ])('reports a broken template %s with its file and place, renders nothing', async (name, message) => {
    await cli('init');
    const r = await cli('draft', 'facts.yaml', '--template', `${FIX}templates/${name}`, '-o', 'out.txt');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(readdirSync(dir)).toEqual(['facts.yaml']);
  });

  it('names a facts file or template that does not exist as the user gave it', async () => {
    await cli('init');
    const facts = await cli('draft', 'nope.yaml');
    expect([facts.code, facts.stderr]).toEqual([2, 'jianghua: nope.yaml: 文件不存在（可能已被删除或移走）\n']);
    const template = await cli('draft', 'facts.yaml', '--template', './nope.hbs');
    expect([template.code, template.stderr]).toEqual([2, 'jianghua: ./nope.hbs: 模板文件不存在\n']);
  });

  it('names the built-in templates when one is misspelt', async () => {
    await cli('init');
    const r = await cli('draft', 'facts.yaml', '--template', 'summary');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有名为“summary”的内置模板（可用：summary-speech、host-script、progress-meeting');
  });
});

describe('jianghua templates / schema', () => {
  it('lists the built-in templates as JSON and shows one', async () => {
    const r = await cli('templates', '--format', 'json');
    const list = JSON.parse(r.stdout) as Array<{ name: string; kind: string; description: string; path: string }>;
    expect(list.map((t) => [t.name, t.kind])).toEqual([
      ['summary-speech', 'summary-speech'],
      ['host-script', 'host-script'],
      ['progress-meeting', 'progress-meeting'],
    ]);
    for (const t of list) expect(statSync(t.path).isFile()).toBe(true);
    const table = await cli('templates');
    expect(table.stdout).toContain('progress-meeting');
    const show = await cli('templates', 'show', 'summary-speech');
    expect(show.stdout).toBe(readFileSync(`${ROOT}templates/summary-speech.hbs`, 'utf8'));
    expect((await cli('templates', 'show', 'nope')).code).toBe(2);
  });

  it('prints the draft-07 JSON Schema', async () => {
    const r = await cli('schema');
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { $schema: string; properties: Record<string, unknown> };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.properties).toHaveProperty('opinions');
  });
});

describe('the real binary (needs npm run build)', () => {
  it('drafts from init’s facts to a .docx and refuses to overwrite it', () => {
    expect(runBin(['init', '--kind', 'progress-meeting', '-o', 'facts.yaml'], { cwd: dir }).code).toBe(0);
    const first = runBin(['draft', 'facts.yaml', '-o', '讲话.docx'], { cwd: dir });
    expect([first.code, first.stderr]).toEqual([0, '已写出 讲话.docx\n']);
    const size = statSync(path.join(dir, '讲话.docx')).size;
    const again = runBin(['draft', 'facts.yaml', '-o', '讲话.docx'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(statSync(path.join(dir, '讲话.docx')).size).toBe(size);
  });
});
