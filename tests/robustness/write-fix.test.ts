import { chmodSync, chownSync, linkSync, lstatSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { isRoot, tmp } from './tmp.js';

/**
 * `lint --fix` output must equal the input bytes with only the fix applied. A file is built from
 * segments: text (encoded), raw bytes (line ends, damaged bytes, BOMs) and fixes [before, after];
 * the expected file is the same segments with each fix's `after`.
 */
type Segment = string | Uint8Array | [string, string];

function build(segments: Segment[], encode: (s: string) => Buffer): { input: Buffer; expected: Buffer } {
  const pick = (which: 0 | 1) => Buffer.concat(segments.map((s) => (s instanceof Uint8Array ? s : encode(typeof s === 'string' ? s : s[which]))));
  return { input: pick(0), expected: pick(1) };
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const bytes = (...b: number[]) => Uint8Array.from(b);

/** A short 总结讲话 with all three parts (so no other rule matters) and two fixable commas. */
function speech(eol: (i: number) => Segment): Segment[] {
  const lines: Segment[][] = [
    ['同志们：'],
    ['今年以来', [',', '，'], '全县基层党建工作取得了新成效，组织覆盖不断扩大。'],
    ['同时也要看到，一些基层党组织的问题依然存在，有的软弱涣散。'],
    ['下面我讲几点意见。一是要坚持问题导向', [',', '，'], '抓好整改落实。二是要压实责任。'],
    ['同志们，让我们团结一心，扎实工作。'],
  ];
  return lines.flatMap((line, i) => [...line, eol(i)]);
}

const LF = utf8('\n');
const CASES: Array<[string, Segment[], (s: string) => Buffer]> = [
  ['UTF-8, LF', speech(() => LF), utf8],
  ['UTF-8, CR only (old Mac)', speech(() => utf8('\r')), utf8],
  ['UTF-8, mixed CRLF and LF', speech((i) => utf8(i % 2 ? '\r\n' : '\n')), utf8],
  ['UTF-8 with BOM, CRLF', [bytes(0xef, 0xbb, 0xbf), ...speech(() => utf8('\r\n'))], utf8],
  ['UTF-8, no final line end', speech((i) => (i === 4 ? '' : LF)), utf8],
  ['UTF-8 with damaged bytes on an unchanged line and on a changed one', (() => {
    const s = [...speech(() => LF), ...speech(() => LF), ...speech(() => LF)]; // long enough to read as damaged UTF-8
    s.splice(1, 0, bytes(0xe5, 0x85)); // a cut-off character at the start of line 2 (which is fixed)
    s.splice(s.length - 2, 0, bytes(0xff)); // a stray byte in the last line
    s.splice(s.indexOf('抓好整改落实。二是要压实责任。'), 0, bytes(0xe6, 0x8a)); // and one on a fixed line, after its fix
    return s;
  })(), utf8],
  ['GB18030, CRLF', speech(() => '\r\n'), (s) => iconv.encode(s, 'gb18030')],
  ['UTF-16LE without BOM', speech(() => '\n'), (s) => iconv.encode(s, 'utf-16le')],
  ['UTF-16BE without BOM, CRLF', speech(() => '\r\n'), (s) => iconv.encode(s, 'utf-16be')],
  ['UTF-16LE with BOM', [bytes(0xff, 0xfe), ...speech(() => '\n')], (s) => iconv.encode(s, 'utf-16le')],
  ['UTF-16BE with BOM, CR only', [bytes(0xfe, 0xff), ...speech(() => '\r')], (s) => iconv.encode(s, 'utf-16be')],
];

describe('lint --fix changes only the bytes of the fix', () => {
  it.each(CASES)('%s', async (_name, segments, encode) => {
    const { input, expected } = build(segments, encode);
    const file = path.join(tmp(), '讲话.txt');
    writeFileSync(file, input);
    const { code, stderr } = await runCli(['lint', file, '--fix', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readFileSync(file).equals(expected)).toBe(true);
  });

  it('a damaged byte between two fixes of one line (it would be re-encoded) is refused, the file untouched', async () => {
    const { input } = build(['同志们：\n今年以来', [',', '，'], '全县', bytes(0xff), '党建工作', [',', '，'], '取得新成效。\n'], utf8);
    const file = path.join(tmp(), '讲话.txt');
    writeFileSync(file, Buffer.concat([input, utf8('一是要坚持问题导向。'.repeat(10))]));
    const before = readFileSync(file);
    const { code, stderr } = await runCli(['lint', file, '--fix', '--rule', 'required-sections:off']);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}:2: 第 2 行含有无法原样写回的字节`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('lint --fix edits the file it was given', () => {
  const { input, expected } = build(speech(() => LF), utf8);

  it('a symlink: the target is fixed, the link stays a link', async () => {
    const dir = tmp();
    const target = path.join(dir, '原稿.txt');
    const link = path.join(dir, '链接.txt');
    writeFileSync(target, input);
    symlinkSync(target, link);
    expect((await runCli(['lint', link, '--fix'])).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target).equals(expected)).toBe(true);
  });

  it('hard links: both names see the fix (same inode)', async () => {
    const dir = tmp();
    const a = path.join(dir, 'a.txt');
    const b = path.join(dir, 'b.txt');
    writeFileSync(a, input);
    linkSync(a, b);
    expect((await runCli(['lint', a, '--fix'])).code).toBe(0);
    expect(statSync(a).ino).toBe(statSync(b).ino);
    expect(readFileSync(b).equals(expected)).toBe(true);
  });

  it('mode kept (0604, outside the umask); a 0444 file refused and untouched', async () => {
    const dir = tmp();
    const open = path.join(dir, 'a.txt');
    writeFileSync(open, input);
    chmodSync(open, 0o604);
    expect((await runCli(['lint', open, '--fix'])).code).toBe(0);
    expect(statSync(open).mode & 0o777).toBe(0o604);
    const locked = path.join(dir, 'b.txt');
    writeFileSync(locked, input);
    chmodSync(locked, 0o444);
    const { code, stderr } = await runCli(['lint', locked, '--fix']);
    expect(code).toBe(2);
    expect(stderr).toContain(`${locked}: 文件是只读的（权限 0444），未修复`);
    expect(readFileSync(locked).equals(input)).toBe(true);
  });

  it.runIf(isRoot)('run as root on a user\'s file: owner and group kept', async () => {
    const file = path.join(tmp(), 'a.txt');
    writeFileSync(file, input);
    chownSync(file, 4321, 4322);
    expect((await runCli(['lint', file, '--fix'])).code).toBe(0);
    expect(statSync(file)).toMatchObject({ uid: 4321, gid: 4322 });
    expect(readFileSync(file).equals(expected)).toBe(true);
  });
});
