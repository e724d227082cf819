import { readFileSync } from 'node:fs';
import { ruleTester } from '../tester.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/lint/required-sections/${name}`, import.meta.url), 'utf8');

ruleTester('required-sections', {
  valid: [
    { name: 'a complete 总结讲话', text: fixture('complete.txt') },
    { name: 'a 推进会讲话 needs only opinions', text: fixture('no-problems.txt'), kind: 'progress-meeting' },
    { name: 'required list from options', text: fixture('no-problems.txt'), kind: 'summary-speech', options: { sections: ['achievements', 'opinions'] } },
  ],
  invalid: [
    {
      name: 'no problem section',
      text: fixture('no-problems.txt'),
      errors: [{ messageId: 'missing', data: { missing: '问题', kind: '总结讲话', required: '成绩、问题、意见' }, line: 1, column: 1 }],
    },
    {
      name: 'a host script without a review',
      text: '同志们：\n会议共有两项议程。\n首先，进行第一项议程，请大家学习文件。\n下面，进行第二项议程，请大家讨论。\n会议就开到这里。',
      kind: 'host-script',
      errors: [{ messageId: 'missing', data: { missing: '点评', kind: '主持词', required: '点评' }, line: 1, column: 1 }],
    },
    {
      name: 'only a salutation',
      text: '同志们：\n今天的会就开到这里。',
      kind: 'summary-speech',
      errors: [{ messageId: 'missing', data: { missing: '成绩、问题、意见', kind: '总结讲话', required: '成绩、问题、意见' }, line: 1, column: 1 }],
    },
  ],
});
