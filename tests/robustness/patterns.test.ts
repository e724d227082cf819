import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unsafePattern } from '../../src/data/safe-pattern.js';
import { DATA_DIR } from '../../src/data/index.js';
import { runCli } from '../helpers/cli.js';
import { tmp } from './tmp.js';

describe('ReDoS-prone --taxonomy patterns are refused before any work', () => {
  it.each([
    ['(党+)+$', '指数级回溯'],
    ['(.*)*x', '指数级回溯'],
    ['^(a|a)*$', '指数级回溯'],
    ['(?:党|党建)+问题', ''],
    ['.*党建.*问题.*不足', '平方级回溯'],
  ])('%s: refused with file:line, exit 2', async (pattern, kind) => {
    const dir = tmp();
    const file = path.join(dir, 'taxonomy.yaml');
    writeFileSync(file, `categories:\n  - id: mine\n    label: 我的\n    patterns:\n      - 组织生活\n      - '${pattern}'\n`);
    const { code, stderr } = await runCli(['analyze', 'corpus', '--taxonomy', file]);
    expect(code).toBe(2);
    expect(stderr).toContain(`jianghua: ${file}:6:9: 分类文件不符合要求：categories[0].patterns[1]：正则表达式“${pattern}”在长句上可能极慢（${kind}`);
    expect(stderr).toMatch(/级回溯/u);
  });

  it('safe patterns pass: bounded gaps, classes, alternations of distinct words', () => {
    for (const p of ['党员[^，。；]{0,6}老化', '(?:说起来|讲起来)重要', '^存在[^，。；]*(?:问题|差距)$', '(?<![0-9])[0-9]+岁以上']) expect(unsafePattern(p)).toBeUndefined();
  });

  it('every shipped pattern (data/taxonomy.yaml) is linear', () => {
    const data = parse(readFileSync(`${DATA_DIR}taxonomy.yaml`, 'utf8')) as { generic: string[]; categories: Array<{ patterns?: string[] }> };
    const all = [...data.generic, ...data.categories.flatMap((c) => c.patterns ?? [])];
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter((p) => unsafePattern(p) !== undefined)).toEqual([]);
  });
});
