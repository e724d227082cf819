import { ruleTester } from '../tester.js';

ruleTester('paired-punctuation', {
  valid: [
    '严格落实“三会一课”制度。',
    '《关于加强党的建设的意见》（试行）',
    '他说：“要落实‘三个区分开来’。”',
    '……（述职毕）',
    '【说明】以下为正文。',
  ],
  invalid: [
    { name: 'unclosed quote', text: '严格落实“三会一课制度。', errors: [{ messageId: 'unclosed', data: { open: '“', close: '”', openName: '前引号', closeName: '后引号' }, line: 1, column: 5 }] },
    { name: 'closer without opener', text: '落实三会一课”制度。', errors: [{ messageId: 'unopened', data: { open: '“', close: '”', openName: '前引号', closeName: '后引号' }, line: 1, column: 7 }] },
    { name: 'crossed pairs', text: '《意见（试行》', errors: [{ messageId: 'unclosed', data: { open: '（', close: '）', openName: '左括号', closeName: '右括号' }, line: 1, column: 4 }] },
    {
      name: 'pairs do not span paragraphs',
      text: '“第一段\n第二段”',
      errors: [
        { messageId: 'unclosed', data: { open: '“', close: '”', openName: '前引号', closeName: '后引号' }, line: 1, column: 1 },
        { messageId: 'unopened', data: { open: '“', close: '”', openName: '前引号', closeName: '后引号' }, line: 2, column: 4 },
      ],
    },
    { name: 'unclosed book title', text: '学习《党章和党规。', errors: [{ messageId: 'unclosed', data: { open: '《', close: '》', openName: '前书名号', closeName: '后书名号' }, line: 1, column: 3 }] },
  ],
});
