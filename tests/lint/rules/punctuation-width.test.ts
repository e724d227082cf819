import { ruleTester } from '../tester.js';

ruleTester('punctuation-width', {
  valid: [
    { name: 'Latin text keeps its punctuation', text: 'Hello, world (test).' },
    { name: 'times between digits', text: '会议于9:30开始。' },
    { name: 'numbering and decimals keep their dot', text: '1.加强学习，完成率达98.5%。' },
    { name: 'a dot in a web address', text: '详见www.gov.cn网站。' },
    { name: 'full-width already', text: '全面加强党的建设，推动工作落实：一要学习；二要落实！' },
  ],
  invalid: [
    {
      name: 'comma after a Han character (004:6)',
      text: '观念,把工作做实。',
      errors: [{ messageId: 'halfWidth', data: { char: ',', full: '，' }, line: 1, column: 3, endColumn: 4 }],
      output: '观念，把工作做实。',
    },
    {
      name: 'comma after 》 (004:4)',
      text: '认真落实《意见》,党建工作',
      errors: [{ messageId: 'halfWidth', data: { char: ',', full: '，' }, line: 1, column: 9 }],
      output: '认真落实《意见》，党建工作',
    },
    { name: 'question mark', text: '是否落实?', errors: [{ messageId: 'halfWidth', data: { char: '?', full: '？' }, line: 1, column: 5 }], output: '是否落实？' },
    {
      name: 'parentheses',
      text: '(试行)办法',
      errors: [
        { messageId: 'halfWidth', data: { char: '(', full: '（' }, line: 1, column: 1 },
        { messageId: 'halfWidth', data: { char: ')', full: '）' }, line: 1, column: 4 },
      ],
      output: '（试行）办法',
    },
    {
      name: 'straight quotes become curly, opening then closing',
      text: '落实"三会一课"制度',
      errors: [
        { messageId: 'halfWidth', data: { char: '"', full: '“' }, line: 1, column: 3 },
        { messageId: 'halfWidth', data: { char: '"', full: '”' }, line: 1, column: 8 },
      ],
      output: '落实“三会一课”制度',
    },
    { name: 'full stop after Han', text: '要加强学习.下一步', errors: [{ messageId: 'halfWidth', data: { char: '.', full: '。' }, line: 1, column: 6 }], output: '要加强学习。下一步' },
    { name: 'dots for an ellipsis', text: '学习、宣传、落实...', errors: [{ messageId: 'halfWidth', data: { char: '...', full: '……' }, line: 1, column: 9, endColumn: 12 }], output: '学习、宣传、落实……' },
    {
      name: 'colon and semicolon on line 2',
      text: '同志们：\n主要任务是:一要学习;二要落实。',
      errors: [
        { messageId: 'halfWidth', data: { char: ':', full: '：' }, line: 2, column: 6 },
        { messageId: 'halfWidth', data: { char: ';', full: '；' }, line: 2, column: 11 },
      ],
      output: '同志们：\n主要任务是：一要学习；二要落实。',
    },
  ],
});
