import { ruleTester } from '../tester.js';

ruleTester('quote-marks', {
  valid: ['深入开展“我为群众办实事”实践活动。', { name: 'nested mainland quotes', text: '他说：“要把‘三个一’落到实处。”' }],
  invalid: [
    {
      name: 'corner brackets around a slogan',
      text: '开展「红色物业」创建。',
      errors: [
        { messageId: 'corner', data: { char: '「', mainland: '“' }, line: 1, column: 3 },
        { messageId: 'corner', data: { char: '」', mainland: '”' }, line: 1, column: 8 },
      ],
      output: '开展“红色物业”创建。',
    },
    {
      name: 'white corner brackets nested inside',
      text: '「落实『一岗双责』要求」',
      errors: [
        { messageId: 'corner', line: 1, column: 1 },
        { messageId: 'corner', line: 1, column: 4 },
        { messageId: 'corner', line: 1, column: 9 },
        { messageId: 'corner', line: 1, column: 12 },
      ],
      output: '“落实‘一岗双责’要求”',
    },
  ],
});
