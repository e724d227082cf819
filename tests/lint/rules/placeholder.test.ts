import { ruleTester } from '../tester.js';

ruleTester('placeholder', {
  valid: [
    { name: 'counts beside a slot are real numbers', text: '经研究，派市委组织部2位同志到会指导。' },
    { name: '1-2个 and 80％', text: '每个村培育1-2个示范点，覆盖率达80％。' },
    { name: 'stage directions', text: '……（述职毕）' },
    { name: 'a single 某 is deliberate', text: '某乡镇党委书记作了表态发言。' },
    { name: '〇 (U+3007) is a digit', text: '二〇二三年，全县党建工作取得新进展。' },
    { name: 'x inside Latin words', text: '用 Excel 和 xxhash 统计，box 不是占位符。' },
    { name: 'Markdown bold', text: '要抓好**重点任务**落实。', markdown: true },
    { name: 'Markdown list bullet', text: '* 抓好班子建设\n* 抓好队伍建设', markdown: true },
  ],
  invalid: [
    { name: '** for a name', text: '刘**同志主持会议。', errors: [{ messageId: 'unfilled', data: { text: '**' }, line: 1, column: 2, endLine: 1, endColumn: 4 }] },
    {
      name: 'two single stars (000:2)',
      text: '派部*、*等2位同志到会指导。',
      errors: [
        { messageId: 'unfilled', data: { text: '*' }, line: 1, column: 3, endColumn: 4 },
        { messageId: 'unfilled', data: { text: '*' }, line: 1, column: 5, endColumn: 6 },
      ],
    },
    { name: 'xx', text: '市纪委监委xx组长作了讲话。', errors: [{ messageId: 'unfilled', data: { text: 'xx' }, line: 1, column: 6, endColumn: 8 }] },
    { name: 'XX', text: '全年发展党员XX名。', errors: [{ messageId: 'unfilled', data: { text: 'XX' }, line: 1, column: 7 }] },
    { name: '××', text: '由××同志负责。', errors: [{ messageId: 'unfilled', data: { text: '××' }, line: 1, column: 2 }] },
    { name: '某某', text: '某某村党支部作了发言。', errors: [{ messageId: 'unfilled', data: { text: '某某' }, line: 1, column: 1 }] },
    { name: '○○ (U+25CB)', text: '○○镇党委书记。', errors: [{ messageId: 'unfilled', data: { text: '○○' }, line: 1, column: 1 }] },
    { name: '【待补】', text: '全年发展党员【待补】名。', errors: [{ messageId: 'unfilled', data: { text: '【待补】' }, line: 1, column: 7, endColumn: 11 }] },
    { name: 'bare 待补', text: '全年发展党员待补名。', errors: [{ messageId: 'unfilled', data: { text: '待补' }, line: 1, column: 7 }] },
    { name: 'TODO', text: 'TODO：补充全年数据。', errors: [{ messageId: 'unfilled', data: { text: 'TODO' }, line: 1, column: 1 }] },
    { name: 'template variable', text: '{{meeting.name}}今天召开。', errors: [{ messageId: 'unfilled', data: { text: '{{meeting.name}}' }, line: 1, column: 1, endColumn: 17 }] },
    { name: 'full-width star', text: '＊＊同志发言。', errors: [{ messageId: 'unfilled', line: 1, column: 1 }] },
    { name: 'second line', text: '同志们：\n请刘**同志发言。', errors: [{ messageId: 'unfilled', line: 2, column: 3 }] },
    { name: 'a star in Markdown that is not markup', text: '请*同志发言。', markdown: true, errors: [{ messageId: 'unfilled', line: 1, column: 2 }] },
    { name: 'blanks to fill in', text: '全年发展党员____名（  ）。', errors: [{ messageId: 'unfilled', data: { text: '____' }, line: 1, column: 7, endColumn: 11 }, { messageId: 'unfilled', data: { text: '（  ）' }, line: 1, column: 12 }] },
    { name: 'X before 县', text: '在X县调研。', errors: [{ messageId: 'unfilled', data: { text: 'X' }, line: 1, column: 2 }] },
    { name: 'extra pattern from options', text: '发展党员NN名。', options: { patterns: ['NN'] }, errors: [{ messageId: 'unfilled', data: { text: 'NN' }, line: 1, column: 5 }] },
    { name: 'columns count code points (𠀀 is two UTF-16 units)', text: '𠀀村xx人。', errors: [{ messageId: 'unfilled', line: 1, column: 3, endColumn: 5 }] },
  ],
});
