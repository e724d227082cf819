import { readFileSync } from 'node:fs';
import { ruleTester } from '../tester.js';

const complete = readFileSync(new URL('../../fixtures/lint/required-sections/complete.txt', import.meta.url), 'utf8');

ruleTester('heading-sequence', {
  valid: [
    { name: 'a whole speech', text: complete },
    { name: 'look-alikes: 第一要务, 第一责任人', text: '一、抓好发展。发展是第一要务，书记是第一责任人。\n二、抓好党建。第一议题制度要落实。' },
    { name: 'series restart under each parent', text: '一、抓好党建。一要加强学习。二要强化落实。三要注重实效。\n二、抓好作风。一要敢于担当。二要善于履职。' },
    {
      name: '二是 four paragraphs after an 一是 inside a paragraph continues its series',
      text: '一、主要工作\n\n今年重点抓了几件事。一是抓班子建设，配齐了村级班子。\n\n各乡镇办法不少。\n\n全县氛围良好。\n\n经验要总结。\n\n二是抓阵地建设，新建场所十二处。\n\n三是抓队伍建设，培训党员三千人次。',
    },
    {
      name: '第二 heading a paragraph after 第一 on an earlier line',
      text: '一、过去一年的工作\n\n在党员教育上下了功夫，第一是把轮训办到村里，办班四十期。\n\n第二是把线上平台用了起来，参学率提高。\n\n第三是把学习成效纳入考核。',
    },
    { name: '首先…然后…最后 are words, not numbers', text: '首先，要加强学习。然后，要强化落实。最后，要注重实效。' },
    { name: 'announced count matches', text: '下面，我讲两点意见。\n一、抓好党建。\n二、抓好作风。' },
    { name: '几点意见 announces no number', text: '下面，我讲几点意见。\n一、抓好党建。\n二、抓好作风。\n三、抓好落实。' },
    { name: 'different families at one level', text: '一、抓好党建。一是学习。二是落实。\n二、抓好作风。' },
  ],
  invalid: [
    { name: 'gap', text: '一、抓好发展。\n二、抓好党建。\n四、抓好作风。', errors: [{ messageId: 'gap', data: { missing: '三', prev: '二、', next: '四、' }, line: 3, column: 1, endColumn: 3 }] },
    { name: 'repeat', text: '下面，我讲几点意见。\n一要加强学习。二要强化落实。二要注重实效。', errors: [{ messageId: 'repeat', data: { prev: '二要', next: '二要' }, line: 2, column: 15 }] },
    {
      name: 'mixed styles (000:7)',
      text: '下面，我讲几点意见。\n一要加强学习。二是强化落实。三是注重实效。',
      errors: [{ messageId: 'mixed', data: { first: '一要', other: '二是', expected: '二要' }, line: 2, column: 8 }],
    },
    { name: 'does not start at one', text: '二、抓好党建。\n三、抓好作风。', errors: [{ messageId: 'start', data: { next: '二、', expected: '一、' }, line: 1, column: 1 }] },
    {
      name: 'a series of 是-items heading paragraphs, with no 一是 anywhere before',
      text: '一、主要工作\n\n全年开展了三项工作。\n\n二是抓阵地建设，新建场所十二处。\n\n三是抓队伍建设，培训党员三千人次。',
      errors: [{ messageId: 'start', data: { next: '二是', expected: '一是' }, line: 5, column: 1 }],
    },
    {
      name: 'order',
      text: '一、抓好发展。\n三、抓好党建。\n二、抓好作风。',
      errors: [
        { messageId: 'gap', data: { missing: '二', prev: '一、', next: '三、' }, line: 2, column: 1 },
        { messageId: 'order', data: { prev: '三、', next: '二、' }, line: 3, column: 1 },
      ],
    },
    {
      name: 'announced four opinions, gave three',
      text: '下面，我讲四点意见。\n一、抓好党建。\n二、抓好作风。\n三、抓好落实。',
      errors: [{ messageId: 'count', data: { phrase: '讲四点意见', actual: '三' }, line: 1, column: 5, endColumn: 10 }],
    },
    {
      name: 'announced three agenda items, gave two',
      text: '同志们：\n今天的会议共有三项议程。\n首先，进行第一项议程，请大家学习文件。\n下面，进行第二项议程，请大家讨论。\n会议就开到这里。',
      kind: 'host-script',
      errors: [{ messageId: 'count', data: { phrase: '共有三项议程', actual: '两' }, line: 2, column: 6 }],
    },
    {
      name: 'two missing',
      text: '一、抓好发展。\n四、抓好作风。',
      errors: [{ messageId: 'gap', data: { missing: '二至第三', prev: '一、', next: '四、' }, line: 2, column: 1 }],
    },
  ],
});
