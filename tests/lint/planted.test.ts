import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/linter.js';
import { ROOT } from '../helpers/cli.js';

const text = readFileSync(`${ROOT}tests/fixtures/lint/speeches/planted.txt`, 'utf8');
const brief = (t: string) => lintText(t).messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity} ${m.ruleId} ${m.message}`);

describe('a new speech with one planted slip per rule', () => {
  it('finds each slip, exactly, and nothing else', () => {
    expect(brief(text)).toEqual([
      '5:16-5:30 1 canonical-term “习近平新时代中国特色社会主义”不规范，应写作：习近平新时代中国特色社会主义思想（科学理论名称不能省略“思想”）',
      '6:57-6:61 1 canonical-term 三会一课应加引号，写作“三会一课”（简称须加引号）',
      '7:1-7:6 2 date-fact 2023年不是“十四五”规划开局之年：“十四五”规划开局之年是2021年',
      '8:9-8:10 1 punctuation-width 汉字旁边用了半角标点“,”，应为全角“，”',
      '8:37-8:42 1 adverbial-de “严肃的查处”中状语后应用“地”：严肃地查处',
      '8:62-8:63 2 paired-punctuation 《（前书名号）没有配对的》（后书名号）',
      '9:34-9:36 2 heading-sequence 编号重复：“二要”之后又是“二要”',
      '10:1-10:3 2 heading-sequence 缺少第三项：“二、”之后是“四、”',
      '10:15-10:17 2 placeholder 未填写的占位符“**”，定稿前请替换为实际内容',
      '10:28-10:32 2 placeholder 未填写的占位符“【待补】”，定稿前请替换为实际内容',
      '12:1-12:43 1 duplicate-sentence 这句话与第11行的句子重复：“同志们，让我们紧密团结在以习近平同志为核……”',
    ]);
  });

  it('without its problems paragraph it misses a required section', () => {
    const cut = text.split('\n').filter((line) => !line.startsWith('在肯定成绩的同时')).join('\n');
    expect(brief(cut).filter((m) => m.includes('required-sections'))).toEqual(['1:1-1:1 2 required-sections 缺少“问题”部分：总结讲话应包含成绩、问题、意见']);
  });

  it('with a length limit it reports the speaking time', () => {
    const r = lintText(text, { rules: { length: ['warn', { maxMinutes: 1 }] } });
    expect(r.messages.filter((m) => m.ruleId === 'length').map((m) => m.message)).toEqual(['预计讲话约 2.1 分钟，超过上限 1 分钟（按每分钟 210 字估算，共 454 字）']);
  });
});
