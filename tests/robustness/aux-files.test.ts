import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/io/decode.js';
import { CORPUS, runCli, SEEDS } from '../helpers/cli.js';
import { tmp } from './tmp.js';

const fifo = (file: string) => {
  execFileSync('mkfifo', [file]);
  return file;
};
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |Error:|ENOENT|EISDIR/u);

/** A folder with two seed speeches. */
function corpus(): string {
  const dir = tmp();
  for (const seed of SEEDS.slice(0, 2)) copyFileSync(`${CORPUS}${seed}`, path.join(dir, seed));
  return dir;
}

describe('one guarded reader for every file the tool opens', () => {
  it.each([
    ['lint', (f: string) => ['lint', f]],
    ['stats', (f: string) => ['stats', f]],
    ['outline', (f: string) => ['outline', f]],
    ['analyze', (f: string) => ['analyze', f, '--jobs', '1']],
  ])('%s on a FIFO says it is a FIFO, not “找不到文件或目录”', async (_cmd, args) => {
    const r = await runCli(args(fifo(path.join(tmp(), '讲话.txt'))));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('这是一个命名管道（FIFO），不是普通文件，未读取');
    expect(r.stderr).not.toContain('找不到文件或目录');
    noStack(r.stderr);
  });

  it('one FIFO among the inputs of stats is skipped; the other speeches are counted', async () => {
    const dir = corpus();
    const pipe = fifo(path.join(dir, 'pipe.txt'));
    const r = await runCli(['stats', dir, pipe, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`警告：已跳过 ${pipe}: 这是一个命名管道（FIFO），不是普通文件，未读取\n`);
    expect((JSON.parse(r.stdout) as { documents: unknown[] }).documents).toHaveLength(2);
  });

  it.each([
    ['--template', (dir: string) => ['draft', path.join(dir, 'facts.yaml'), '--template', fifo(path.join(dir, 't.hbs'))], /t\.hbs: 模板文件：这是一个命名管道（FIFO）/u],
    ['--config', (dir: string) => ['lint', path.join(dir, 'a.txt'), '--config', fifo(path.join(dir, 'c.yaml'))], /c\.yaml: 配置文件：这是一个命名管道（FIFO）/u],
    ['--taxonomy → /dev/zero', (dir: string) => ['analyze', path.join(dir, 'a.txt'), '--taxonomy', link('/dev/zero', path.join(dir, 'tax.yaml'))], /tax\.yaml: 分类文件：这是一个设备文件/u],
    ['--dict as a FIFO', (dir: string) => ['analyze', path.join(dir, 'a.txt'), '--dict', fifo(path.join(dir, 'user.dict'))], /user\.dict: 分词词典：这是一个命名管道（FIFO）/u],
    ['--dict with | in its path', (dir: string) => ['analyze', path.join(dir, 'a.txt'), '--dict', touch(path.join(dir, 'a|b.dict'))], /分词词典的路径不能含有“\|”/u],
    ['--dict as a folder', (dir: string) => ['analyze', path.join(dir, 'a.txt'), '--dict', folder(path.join(dir, 'dict'))], /dict: 分词词典：这是一个目录，不是文件/u],
    ['analyze merge /dev/zero', () => ['analyze', 'merge', '/dev/zero'], /\/dev\/zero: 分片文件：这是一个设备文件/u],
    ['analyze merge a FIFO', (dir: string) => ['analyze', 'merge', fifo(path.join(dir, 'part.jsonl'))], /part\.jsonl: 分片文件：这是一个命名管道（FIFO）/u],
  ])('%s: a one-line Chinese message, exit 2, nothing blocks', async (_label, args, message) => {
    const dir = tmp();
    await runCli(['init', '-o', path.join(dir, 'facts.yaml')]);
    copyFileSync(`${CORPUS}${SEEDS[0]}`, path.join(dir, 'a.txt'));
    const r = await runCli(args(dir));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    noStack(r.stderr);
  });

  it.each([
    ['broken YAML', (file: string) => writeFileSync(file, 'documents:\n  a.txt:\n    level: "县级\n    year: 2023\n'), /corpus\.yaml:3:12: YAML 格式错误：双引号（"）没有闭合/u],
    ['a FIFO', (file: string) => fifo(file), /corpus\.yaml: corpus\.yaml：这是一个命名管道（FIFO）/u],
    ['a link to /dev/zero', (file: string) => link('/dev/zero', file), /corpus\.yaml: corpus\.yaml：这是一个设备文件/u],
  ])('a corpus.yaml that is %s is reported as itself, once, and its folder’s speeches are still analysed', async (_label, make, message) => {
    const dir = corpus();
    make(path.join(dir, 'corpus.yaml'));
    const r = await runCli(['analyze', dir, '--format', 'json', '--jobs', '1']);
    expect(r.code).toBe(0);
    const warnings = r.stderr.trim().split('\n');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(message);
    expect(warnings[0]).toContain('该目录的讲话稿按文件名取元数据');
    const docs = (JSON.parse(r.stdout) as { documents: Array<{ error?: string }> }).documents;
    expect(docs).toHaveLength(2);
    expect(docs.every((d) => d.error === undefined)).toBe(true);
  });
});

const link = (target: string, file: string) => {
  symlinkSync(target, file);
  return file;
};
const touch = (file: string) => {
  writeFileSync(file, '三会一课 10 n\n');
  return file;
};
const folder = (dir: string) => {
  mkdirSync(dir);
  return dir;
};

describe('Big5', () => {
  const TRADITIONAL = '同志們：今天我們召開全縣基層黨組織書記抓基層黨建工作述職評議會。一是政治建設持續加強，各級黨組織把學習貫徹黨的二十大精神作為首要政治任務。二是基層組織建設全面進步，整頓轉化軟弱渙散村黨組織。';

  it('is detected and decoded as Big5, not as GBK nonsense', () => {
    expect(decodeText(iconv.encode(TRADITIONAL, 'big5'))).toEqual({ text: TRADITIONAL, encoding: 'big5' });
  });

  it('leaves GBK text GBK, simplified and traditional characters alike', () => {
    const simplified = '同志们：今天我们召开全县基层党组织书记抓基层党建工作述职评议会。一是政治建设持续加强，各级党组织把学习贯彻党的二十大精神作为首要政治任务。';
    expect(decodeText(iconv.encode(simplified, 'gb18030'))).toEqual({ text: simplified, encoding: 'gb18030' });
    expect(decodeText(iconv.encode(TRADITIONAL, 'gb18030'))).toEqual({ text: TRADITIONAL, encoding: 'gb18030' });
  });

  it('a Big5 speech is analysed as the text it is (stats reports the encoding)', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'big5.txt'), iconv.encode(TRADITIONAL, 'big5'));
    const r = await runCli(['stats', dir, '--format', 'json']);
    const [doc] = (JSON.parse(r.stdout) as { documents: Array<{ encoding: string; chars: number }> }).documents;
    expect(doc).toMatchObject({ encoding: 'big5', chars: [...TRADITIONAL].filter((c) => /\p{Script=Han}/u.test(c)).length });
  });
});

describe('facts values Word cannot hold', () => {
  it.each(['\uFFFE', '\uFFFF', '\u0001', '\u000b'])('U+%s in a facts value is refused at its place; no .docx is written', async (char) => {
    const dir = tmp();
    const facts = path.join(dir, 'facts.yaml');
    await runCli(['init', '-o', facts]);
    const { readFileSync, existsSync } = await import('node:fs');
    const text = readFileSync(facts, 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('name: 陈立新')) + 1;
    writeFileSync(facts, text.replace('name: 陈立新', `name: 陈立${char}新`));
    const r = await runCli(['draft', facts, '-o', path.join(dir, '讲话.docx')]);
    expect(r.code).toBe(2);
    const code = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    expect(r.stderr).toBe(`jianghua: ${facts}:${line}:11: 会议事实不符合要求：guests[0].name：含有不能写进文档的字符 U+${code}（控制字符或非字符，多半是复制粘贴带来的），请删去\n`);
    expect(existsSync(path.join(dir, '讲话.docx'))).toBe(false);
  });

  it('the .docx writer drops them too, for library callers and custom templates', async () => {
    const { formatDocx } = await import('../../src/draft/output/docx.js');
    const { unzipEntry } = await import('../draft/unzip.js');
    const file = await formatDocx([{ type: 'paragraph', text: '同志们\uFFFE好\uFFFF' }], { title: '讲\u0001话' });
    expect(unzipEntry(file, 'word/document.xml')).toContain('>同志们好<');
    expect(unzipEntry(file, 'docProps/core.xml')).toContain('<dc:title>讲话</dc:title>');
  });
});
