import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { writeFix } from '../../src/lint/files.js';
import { CORPUS, ROOT, SEEDS, requireBuild, runBin, runCli } from '../helpers/cli.js';

const FIX = `${ROOT}tests/fixtures/lint/cli/`;
const tmp = () => mkdtempSync(path.join(tmpdir(), 'jianghua-lint-'));
const json = (stdout: string) => JSON.parse(stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; severity: number; line: number; column: number }>; errorCount: number; warningCount: number }>;

describe('jianghua lint: exit codes', () => {
  it('0 and no output for a clean draft', async () => {
    const r = await runCli(['lint', `${FIX}clean.txt`]);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('0 with warnings only, 1 when they exceed --max-warnings', async () => {
    const ok = await runCli(['lint', `${FIX}warning.txt`, '--format', 'json']);
    expect(ok.code).toBe(0);
    expect(json(ok.stdout)[0]?.messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`)).toEqual(['punctuation-width 3:5']);
    expect((await runCli(['lint', `${FIX}warning.txt`, '--max-warnings', '1'])).code).toBe(0);
    const over = await runCli(['lint', `${FIX}warning.txt`, '--max-warnings', '0']);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('jianghua: 警告 1 个，超过上限 0 个（--max-warnings）\n');
  });

  it('1 when a rule of severity error fires (the corpus)', async () => {
    const r = await runCli(['lint', CORPUS, '--format', 'json']);
    expect(r.code).toBe(1);
    const results = json(r.stdout);
    expect(results.map((x) => path.basename(x.filePath))).toEqual([...SEEDS]);
    expect(results.map((x) => [x.errorCount, x.warningCount])).toEqual([[2, 1], [45, 1], [9, 4], [4, 0], [5, 2]]);
  });

  it('2 for a missing file, a bad option, an unknown rule, a binary file', async () => {
    expect((await runCli(['lint', `${FIX}nope.txt`])).code).toBe(2);
    expect((await runCli(['lint', `${FIX}clean.txt`, '--format', 'xml'])).code).toBe(2);
    const unknown = await runCli(['lint', `${FIX}clean.txt`, '--rule', 'no-such-rule:off']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知的规则“no-such-rule”');
    expect((await runCli(['lint', `${FIX}clean.txt`, '--rule', 'placeholder:loud'])).code).toBe(2);
    const dir = tmp();
    writeFileSync(`${dir}/x.txt`, Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]));
    const binary = await runCli(['lint', `${dir}/x.txt`]);
    expect(binary.code).toBe(2);
    expect(binary.stderr).toContain('不是文本文件');
  });
});

describe('jianghua lint: options', () => {
  it('--quiet reports errors only', async () => {
    const r = await runCli(['lint', `${CORPUS}${SEEDS[4]}`, '--format', 'json', '--quiet']);
    const [result] = json(r.stdout);
    expect(result?.messages.every((m) => m.severity === 2)).toBe(true);
    expect([result?.errorCount, result?.warningCount]).toEqual([5, 0]);
  });

  it('--rule turns a rule off or up', async () => {
    expect((await runCli(['lint', `${CORPUS}${SEEDS[3]}`, '--rule', 'placeholder:off'])).code).toBe(0);
    const up = await runCli(['lint', `${FIX}warning.txt`, '--rule', 'punctuation-width:error', '--format', 'json']);
    expect(up.code).toBe(1);
    expect(json(up.stdout)[0]?.messages[0]?.severity).toBe(2);
  });

  it('--kind chooses the preset', async () => {
    const file = `${ROOT}tests/fixtures/lint/required-sections/no-problems.txt`;
    expect((await runCli(['lint', file])).code).toBe(1);
    expect((await runCli(['lint', file, '--kind', 'progress-meeting'])).code).toBe(0);
  });

  it('stylish: colour on a TTY, none with NO_COLOR or off a TTY', async () => {
    const file = `${FIX}warning.txt`;
    expect((await runCli(['lint', file], { tty: true })).stdout).toContain('\u001b[');
    expect((await runCli(['lint', file], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    const plain = await runCli(['lint', file]);
    expect(plain.stdout).toBe(`\n${file}\n  3:5  警告  汉字旁边用了半角标点“,”，应为全角“，”  punctuation-width\n\n✖ 1 个问题（0 个错误，1 个警告）\n  其中 1 个可用 --fix 自动修复\n`);
  });

  it('github format for Actions', async () => {
    const r = await runCli(['lint', `${FIX}warning.txt`, '--format', 'github']);
    expect(r.stdout).toBe(`::warning file=${FIX}warning.txt,line=3,col=5,endLine=3,endColumn=6,title=punctuation-width::汉字旁边用了半角标点“,”，应为全角“，”\n`);
  });
});

describe('jianghua lint: inline directives in Markdown', () => {
  it('disable-next-line, disable … enable; **bold** is markup', async () => {
    const r = await runCli(['lint', `${FIX}disabled.md`, '--format', 'json']);
    // line 7: placeholder disabled; line 9: punctuation-width disabled; line 11 after enable: reported
    expect(json(r.stdout)[0]?.messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`)).toEqual(['punctuation-width 11:4']);
  });
});

describe('jianghua lint --fix', () => {
  it('rewrites the file, keeps the encoding and line ends, reports what is left', async () => {
    const dir = tmp();
    const text = readFileSync(`${FIX}warning.txt`, 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(`${dir}/gbk.txt`, iconv.encode(text, 'gb18030'));
    const r = await runCli(['lint', `${dir}/gbk.txt`, '--fix', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout)[0]?.messages).toEqual([]);
    const after = iconv.decode(readFileSync(`${dir}/gbk.txt`), 'gb18030');
    expect(after).toBe(text.replace('过去一年,全县', '过去一年，全县'));
    expect(after.includes('\r\n')).toBe(true);
  });

  it('leaves a file alone when nothing is fixable', async () => {
    const dir = tmp();
    cpSync(`${CORPUS}${SEEDS[3]}`, `${dir}/003.txt`);
    const before = readFileSync(`${dir}/003.txt`);
    await runCli(['lint', `${dir}/003.txt`, '--fix']);
    expect(readFileSync(`${dir}/003.txt`).equals(before)).toBe(true);
  });

  it('refuses to write over a file changed since it was read', async () => {
    const dir = tmp();
    writeFileSync(`${dir}/a.txt`, '被别人改过的内容');
    await expect(writeFix(`${dir}/a.txt`, Buffer.from('原来的内容'), Buffer.from('修复后'))).rejects.toMatchObject({ code: 'changed' });
    expect(readFileSync(`${dir}/a.txt`, 'utf8')).toBe('被别人改过的内容');
  });
});

describe('jianghua lint: configuration', () => {
  const setup = () => {
    const dir = tmp();
    mkdirSync(`${dir}/drafts/sub`, { recursive: true });
    cpSync(`${CORPUS}${SEEDS[3]}`, `${dir}/drafts/sub/003.txt`);
    return dir;
  };

  it('finds .jianghuarc.yaml upward from the file', async () => {
    const dir = setup();
    writeFileSync(`${dir}/.jianghuarc.yaml`, 'rules:\n  placeholder: off\n');
    expect((await runCli(['lint', `${dir}/drafts`])).code).toBe(0);
  });

  it('the nearest file wins; --rule beats the file; --config beats discovery', async () => {
    const dir = setup();
    writeFileSync(`${dir}/.jianghuarc.yaml`, 'rules:\n  placeholder: off\n');
    writeFileSync(`${dir}/drafts/.jianghuarc.yaml`, 'rules:\n  placeholder: warn\n');
    const near = await runCli(['lint', `${dir}/drafts`, '--format', 'json']);
    expect([near.code, json(near.stdout)[0]?.warningCount]).toEqual([0, 4]);
    expect((await runCli(['lint', `${dir}/drafts`, '--rule', 'placeholder:error'])).code).toBe(1);
    writeFileSync(`${dir}/strict.yaml`, 'rules:\n  placeholder: error\n');
    expect((await runCli(['lint', `${dir}/drafts`, '--config', `${dir}/strict.yaml`])).code).toBe(1);
  });

  it('kind and rule options from the file', async () => {
    const dir = setup();
    writeFileSync(`${dir}/.jianghuarc.yaml`, 'kind: summary-speech\nrules:\n  placeholder: off\n  length: [warn, { maxMinutes: 5 }]\n');
    const r = await runCli(['lint', `${dir}/drafts`, '--format', 'json']);
    expect(json(r.stdout)[0]?.messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`)).toEqual(['length 1:1']);
  });

  it('a broken config is exit 2 with file:line:col', async () => {
    const dir = setup();
    writeFileSync(`${dir}/.jianghuarc.yaml`, 'rules:\n  placeholder: off\n  nonsense: warn\n');
    const r = await runCli(['lint', `${dir}/drafts`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`jianghua: ${dir}/.jianghuarc.yaml:3:3: 未知的规则“nonsense”（可用：required-sections、heading-sequence、placeholder、punctuation-width、paired-punctuation、canonical-term、date-fact、adverbial-de、duplicate-sentence、length、alphanumeric-width、quote-marks、numeral-zero）\n`);
    writeFileSync(`${dir}/.jianghuarc.yaml`, 'rules: [\n');
    const syntax = await runCli(['lint', `${dir}/drafts`]);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toContain('配置文件格式错误');
  });

  // every config mistake: exit 2, file:line:col of the key (or value) at fault, a did-you-mean where one is close
  const configErrors: Array<[string, string]> = [
    ['rules:\n  placehloder: off\n', '2:3: 未知的规则“placehloder”，是不是“placeholder”？'],
    ['kinds: report\n', '1:1: 配置文件中未知的键“kinds”，是不是“kind”？（可用：kind、rules）'],
    ['kind: reprot\n', '1:7: kind“reprot”无效，是不是“report”？'],
    ['rules:\n  placeholder: eror\n', '2:16: 规则 placeholder 的级别“eror”无效，是不是“error”？（应为 off、warn 或 error）'],
    ['rules:\n  length: { severity: warn, maxMinute: 5 }\n', '2:29: 规则 length 没有选项“maxMinute”，是不是“maxMinutes”？（可用：maxMinutes、rate）'],
    ['rules:\n  placeholder: [error, { patterns: NN }]\n', '2:36: 规则 placeholder 的选项 patterns：无效输入：期望 数组，实际接收 string'],
    ['rules:\n  placeholder: [error, { patterns: ["("] }]\n', '2:37: 规则 placeholder 的选项 patterns[0]：“(”不是有效的正则表达式'],
    ['rules:\n  length: [warn, { maxMinutes: 十五 }]\n', '2:32: 规则 length 的选项 maxMinutes：无效输入：期望 数字'],
    ['rules:\n  length: warn\n', '2:3: 规则 length 打开时必须设置选项 maxMinutes'],
    ['rules:\n  canonical-term: [warn, { terms: [{ write: 甲 }] }]\n', '2:36: 规则 canonical-term 的选项 terms[0].find 缺少必填的值'],
    ['rules:\n  canonical-term:\n    - warn\n    - terms:\n        - find: 乙\n          write: 甲\n          qouted: true\n', '7:11: 规则 canonical-term 的选项 terms[0].qouted 不存在，是不是“quoted”？'],
    ['rules:\n  required-sections: [error, { sections: [achievments] }]\n', '2:43: 规则 required-sections 的选项 sections[0]：“achievments”无效，是不是“achievements”？'],
    ['rules:\n  date-fact: [error, { facts: [{ name: 甲, pattern: 乙 }] }]\n', '2:32: 规则 date-fact 的选项 facts[0]：应有 year（年份）或 base（周年的起始年）'],
  ];
  for (const [yaml, expected] of configErrors) {
    it(`config error at ${expected.slice(0, expected.indexOf(': '))}: ${expected.slice(expected.indexOf(': ') + 2, expected.indexOf(': ') + 30)}`, async () => {
      const dir = setup();
      writeFileSync(`${dir}/.jianghuarc.yaml`, yaml);
      const r = await runCli(['lint', `${dir}/drafts`]);
      expect(r.code).toBe(2);
      expect(r.stderr.startsWith(`jianghua: ${dir}/.jianghuarc.yaml:${expected}`)).toBe(true);
    });
  }

  it('--rule length:warn without maxMinutes anywhere is a usage error, not a silent no-op', async () => {
    const r = await runCli(['lint', `${FIX}clean.txt`, '--rule', 'length:warn']);
    expect([r.code, r.stderr]).toEqual([2, 'jianghua: 规则 length 的选项 maxMinutes 缺少必填的值\n']);
  });
});

describe('the real binary (needs npm run build)', () => {
  it('lints one file with the same exit code and output as in-process', () => {
    const r = runBin(['lint', `${FIX}warning.txt`, '--format', 'json', '--max-warnings', '0']);
    expect(r.code).toBe(1);
    expect(json(r.stdout)[0]?.warningCount).toBe(1);
  });

  it('never loads nodejieba (no rule needs word segmentation)', () => {
    requireBuild();
    // CJS modules imported from ESM land in require.cache: the control run proves the probe sees them
    const probe = (body: string) =>
      spawnSync(process.execPath, ['-e', `${body}.then(() => console.log(Object.keys(require.cache).some((k) => k.includes('nodejieba'))))`], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
    expect(probe(`import('nodejieba')`)).toBe('true');
    const run = `import('${ROOT}dist/cli/main.js').then((m) => m.run(['lint', '${CORPUS}${SEEDS[2]}'], { stdout: { write() {} }, stderr: { write() {} }, env: {}, cwd: '${ROOT}' }))`;
    expect(probe(run)).toBe('false');
  });
});
