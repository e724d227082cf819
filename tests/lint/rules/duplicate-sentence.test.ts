import { ruleTester } from '../tester.js';

ruleTester('duplicate-sentence', {
  valid: [
    '要抓好基层党组织建设工作。要抓好党员队伍建设工作。',
    { name: 'short sentences may repeat', text: '谢谢大家！谢谢大家！' },
    { name: 'minLength option', text: '全面加强基层党组织建设工作。全面加强基层党组织建设工作。', options: { minLength: 20 } },
  ],
  invalid: [
    {
      name: 'same sentence twice in a paragraph',
      text: '全面加强基层党组织建设工作。其他内容。全面加强基层党组织建设工作。',
      errors: [{ messageId: 'duplicate', data: { line: 1, excerpt: '全面加强基层党组织建设工作。' }, line: 1, column: 20 }],
    },
    {
      name: 'across lines, punctuation ignored',
      text: '同志们：\n全面加强基层党组织建设工作。\n全面加强基层党组织建设工作！',
      errors: [{ messageId: 'duplicate', data: { line: 2, excerpt: '全面加强基层党组织建设工作！' }, line: 3, column: 1 }],
    },
  ],
});
