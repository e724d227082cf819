import { ruleTester } from '../tester.js';

ruleTester('alphanumeric-width', {
  valid: [
    '全县新建党群服务中心26个，覆盖率达到98.6%。',
    { name: 'Latin and digits already half-width', text: '开展“e支部”建设，建成5G基站120座。' },
    { name: 'full-width punctuation is not this rule', text: '一是抓学习；二是抓落实！' },
  ],
  invalid: [
    {
      name: 'full-width digits in an amount',
      text: '共投入资金１３１２万元。',
      errors: [{ messageId: 'fullWidth', data: { text: '１３１２', half: '1312' }, line: 1, column: 6, endColumn: 10 }],
      output: '共投入资金1312万元。',
    },
    {
      name: 'a letter and a digit, and a decimal point between digits',
      text: '户型为Ｍ２，增长３．５个百分点。',
      errors: [
        { messageId: 'fullWidth', data: { text: 'Ｍ２', half: 'M2' }, line: 1, column: 4 },
        { messageId: 'fullWidth', data: { text: '３．５', half: '3.5' }, line: 1, column: 9 },
      ],
      output: '户型为M2，增长3.5个百分点。',
    },
    {
      name: 'on a later line, columns in code points',
      text: '第一段。\n召开会议ｌ２次。',
      errors: [{ messageId: 'fullWidth', line: 2, column: 5 }],
      output: '第一段。\n召开会议l2次。',
    },
  ],
});
