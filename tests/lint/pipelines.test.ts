import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint/files.js';
import { lintText } from '../../src/lint/linter.js';
import { ROOT, runBin, runCli } from '../helpers/cli.js';

const FIX = `${ROOT}tests/fixtures/lint/cli/`;
const tmp = () => mkdtempSync(path.join(tmpdir(), 'jianghua-pipe-'));
interface JsonMessage {
  ruleId: string;
  severity: number;
  line: number;
  column: number;
  fix?: { range: [number, number]; text: string };
}
interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  output?: string;
}
const json = (stdout: string) => JSON.parse(stdout) as JsonResult[];
/** Apply ESLint fix objects the way an editor or a script does: on the text it holds. */
const applyAll = (text: string, fixes: Array<{ range: [number, number]; text: string }>) =>
  [...fixes].sort((a, b) => b.range[0] - a.range[0]).reduce((t, f) => t.slice(0, f.range[0]) + f.text + t.slice(f.range[1]), text);

const DRAFT = '同志们：\n过去一年,全县新建党群服务中心１２个。\n开展「红色物业」创建，要严肃的查处违纪问题。\n';
const FIXED = '同志们：\n过去一年，全县新建党群服务中心12个。\n开展“红色物业”创建，要严肃地查处违纪问题。\n';

describe('lint --stdin', () => {
  it('lints standard input, names it <stdin>, takes the same exit codes', async () => {
    const r = await runCli(['lint', '--stdin', '--format', 'json', '--rule', 'required-sections:off'], { stdin: DRAFT });
    expect(r.code).toBe(0);
    const [result] = json(r.stdout);
    expect(result?.filePath).toBe('<stdin>');
    expect(result?.messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`)).toEqual([
      'punctuation-width 2:5',
      'alphanumeric-width 2:16',
      'quote-marks 3:3',
      'quote-marks 3:8',
      'adverbial-de 3:13',
    ]);
    expect((await runCli(['lint', '--stdin'], { stdin: '二、甲\n三、乙\n' })).code).toBe(1);
  });

  it('--stdin-filename chooses the config, Markdown handling and the reported name', async () => {
    const dir = tmp();
    mkdirSync(`${dir}/drafts`);
    writeFileSync(`${dir}/drafts/.jianghuarc.yaml`, 'rules:\n  required-sections: off\n  quote-marks: error\n');
    const text = '开展**「红色物业」**创建。\n';
    const asMd = await runCli(['lint', '--stdin', '--stdin-filename', 'drafts/讲话.md', '--format', 'json'], { stdin: text, cwd: dir });
    const [md] = json(asMd.stdout);
    expect(md?.filePath).toBe('drafts/讲话.md');
    expect(md?.messages.map((m) => `${m.ruleId} ${m.severity}`)).toEqual(['quote-marks 2', 'quote-marks 2']); // ** is bold in .md
    expect(asMd.code).toBe(1);
    const asTxt = await runCli(['lint', '--stdin', '--stdin-filename', 'drafts/讲话.txt', '--format', 'json'], { stdin: text, cwd: dir });
    expect(json(asTxt.stdout)[0]?.messages.map((m) => m.ruleId)).toContain('placeholder');
  });

  it('decodes GB18030 and UTF-16 input like a file', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('过去一年,成绩显著。\n', 'utf16le')]);
    const r = await runCli(['lint', '--stdin', '--format', 'json', '--rule', 'required-sections:off'], { stdin: utf16 });
    expect(json(r.stdout)[0]?.messages.map((m) => m.ruleId)).toEqual(['punctuation-width']);
  });

  it('usage errors: --fix on stdin, paths with --stdin, --stdin-filename alone, empty input', async () => {
    const fix = await runCli(['lint', '--stdin', '--fix'], { stdin: DRAFT });
    expect([fix.code, fix.stderr]).toEqual([2, 'jianghua: 标准输入无法写回：请用 --fix-dry-run 查看修复结果\n']);
    expect((await runCli(['lint', '--stdin', `${FIX}clean.txt`], { stdin: DRAFT })).code).toBe(2);
    expect((await runCli(['lint', `${FIX}clean.txt`, '--stdin-filename', 'a.txt'])).code).toBe(2);
    expect((await runCli(['lint'])).code).toBe(2);
    const empty = await runCli(['lint', '--stdin'], { stdin: ' \n' });
    expect([empty.code, empty.stderr]).toEqual([2, 'jianghua: <stdin>: 文件是空的，没有可分析的内容\n']);
  });

  it('the real binary reads a pipe', () => {
    const r = runBin(['lint', '--stdin', '--format', 'json', '--rule', 'required-sections:off'], { input: DRAFT });
    expect(r.code).toBe(0);
    expect(json(r.stdout)[0]?.warningCount).toBe(5);
  });
});

describe('ESLint fix objects and fixable counts in JSON', () => {
  it('every fix applied to the input gives what --fix writes', async () => {
    const r = await runCli(['lint', '--stdin', '--format', 'json', '--rule', 'required-sections:off', '--rule', 'adverbial-de:error'], { stdin: DRAFT });
    const [result] = json(r.stdout);
    expect([result?.errorCount, result?.warningCount, result?.fixableErrorCount, result?.fixableWarningCount]).toEqual([1, 4, 1, 4]);
    expect(result?.messages[0]?.fix).toEqual({ range: [9, 10], text: '，' });
    expect(applyAll(DRAFT, result?.messages.flatMap((m) => (m.fix ? [m.fix] : [])) ?? [])).toBe(FIXED);
  });

  it('ranges count the CR of CRLF and the BOM, as in the text an editor holds', () => {
    const crlf = `\ufeff${DRAFT.replace(/\n/g, '\r\n')}`;
    const { messages } = lintText(crlf, { rules: { 'required-sections': 'off' } });
    expect(applyAll(crlf, messages.flatMap((m) => (m.fix ? [m.fix] : [])))).toBe(`\ufeff${FIXED.replace(/\n/g, '\r\n')}`);
  });

  it('a message without a fix has no fix key; a clean file has zero counts', async () => {
    const r = await runCli(['lint', `${FIX}clean.txt`, '--format', 'json']);
    expect(json(r.stdout)).toEqual([{ filePath: `${FIX}clean.txt`, messages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 }]);
  });
});

describe('--fix-dry-run', () => {
  it('shows the diff --fix would make and leaves the file alone', async () => {
    const dir = tmp();
    const file = `${dir}/讲话.txt`;
    writeFileSync(file, DRAFT);
    const r = await runCli(['lint', file, '--fix-dry-run', '--rule', 'required-sections:off']);
    expect(readFileSync(file, 'utf8')).toBe(DRAFT);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`--- ${file}\t原文\n+++ ${file}\t--fix 之后\n`);
    expect(r.stdout).toContain(
      '@@ -1,3 +1,3 @@\n 同志们：\n-过去一年,全县新建党群服务中心１２个。\n-开展「红色物业」创建，要严肃的查处违纪问题。\n+过去一年，全县新建党群服务中心12个。\n+开展“红色物业”创建，要严肃地查处违纪问题。\n',
    );
    // what is left after the fixes: nothing here, so no report
    expect(r.stdout).not.toContain('✖');
  });

  it('json carries output, the messages left after fixing, and --fix writes exactly output', async () => {
    const dir = tmp();
    const file = `${dir}/讲话.txt`;
    writeFileSync(file, `${DRAFT}二、甲\n`);
    const dry = await runCli(['lint', file, '--fix-dry-run', '--format', 'json', '--rule', 'required-sections:off']);
    const [result] = json(dry.stdout);
    expect(result?.output).toBe(`${FIXED}二、甲\n`);
    expect(result?.messages.map((m) => m.ruleId)).toEqual(['heading-sequence']);
    expect(dry.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(`${DRAFT}二、甲\n`);
    await runCli(['lint', file, '--fix', '--rule', 'required-sections:off']);
    expect(readFileSync(file, 'utf8')).toBe(result?.output);
  });

  it('stdin with --fix-dry-run: output keeps CRLF line ends', async () => {
    const r = await runCli(['lint', '--stdin', '--fix-dry-run', '--format', 'json', '--rule', 'required-sections:off'], { stdin: DRAFT.replace(/\n/g, '\r\n') });
    expect(json(r.stdout)[0]?.output).toBe(FIXED.replace(/\n/g, '\r\n'));
  });

  it('--fix and --fix-dry-run together is a usage error', async () => {
    expect((await runCli(['lint', `${FIX}clean.txt`, '--fix', '--fix-dry-run'])).code).toBe(2);
  });
});

describe('lintFiles(): the library', () => {
  it('reads, decodes, finds configs and hands fixed bytes to the writer it is given', async () => {
    const dir = tmp();
    writeFileSync(`${dir}/.jianghuarc.yaml`, 'rules:\n  required-sections: off\n');
    writeFileSync(`${dir}/a.txt`, DRAFT);
    writeFileSync(`${dir}/b.txt`, '同志们：\n工作扎实。\n');
    const writes: Array<[string, string]> = [];
    const { results, failures } = await lintFiles([dir], { fix: true, writeFix: (file, _original, fixed) => Promise.resolve(void writes.push([path.basename(file), Buffer.from(fixed).toString('utf8')])) });
    expect(failures).toEqual([]);
    expect(results.map((r) => [path.basename(r.filePath), r.messages.length])).toEqual([['a.txt', 0], ['b.txt', 0]]);
    expect(writes).toEqual([['a.txt', FIXED]]);
    expect(readFileSync(`${dir}/a.txt`, 'utf8')).toBe(DRAFT); // the injected writer decided not to write
  });

  it('an unreadable draft is a failure and the others go on', async () => {
    const dir = tmp();
    writeFileSync(`${dir}/a.txt`, Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1]));
    writeFileSync(`${dir}/b.txt`, '同志们：\n工作扎实。\n');
    const { results, failures } = await lintFiles([dir], { rules: { 'required-sections': 'off' } });
    expect(results.map((r) => path.basename(r.filePath))).toEqual(['b.txt']);
    expect(failures.map((f) => f.code)).toEqual(['binary']);
  });
});
