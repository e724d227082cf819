import { ruleTester } from '../tester.js';

ruleTester('date-fact', {
  valid: [
    '2021年是“十四五”规划开局之年。',
    '2022年是党的二十大召开之年。',
    { name: 'a right anniversary', text: '2024年是新中国成立75周年，也是改革开放46周年。' },
    { name: 'no year named (000:4)', text: '今年是全面贯彻党的二十大精神的开局之年。' },
    { name: 'a later year studying the congress', text: '2023年，要深入学习贯彻党的二十大精神。' },
    { name: 'after the congress', text: '2023年是党的二十大召开后的第一年。' },
    { name: 'separate sentences', text: '2022年，全县党建工作取得新成效。“十四五”规划开局之年，我们打下了基础。' },
  ],
  invalid: [
    {
      name: 'the 002:10 slip: one year, two bindings, one wrong',
      text: '2022年是“十四五”规划开局之年，是党的二十大召开之年。',
      errors: [{ messageId: 'wrongYear', data: { year: 2022, name: '“十四五”规划开局之年', right: 2021 }, line: 1, column: 1, endColumn: 6 }],
    },
    { name: 'Chinese numerals', text: '二〇二二年是建党100周年。', errors: [{ messageId: 'wrongYear', data: { year: 2022, name: '建党100周年', right: 2021 }, line: 1, column: 1, endColumn: 6 }] },
    { name: 'year after the phrase', text: '“十四五”开局之年即2020年。', errors: [{ messageId: 'wrongYear', data: { year: 2020, name: '“十四五”规划开局之年', right: 2021 }, line: 1, column: 11 }] },
    { name: 'anniversaries count from the founding year', text: '2022年是建党102周年。', errors: [{ messageId: 'wrongYear', data: { year: 2022, name: '建党102周年', right: 2023 }, line: 1, column: 1 }] },
    {
      name: 'extra fact from options',
      text: '2020年是本县撤县设区之年。',
      options: { facts: [{ name: '撤县设区之年', pattern: '撤县设区之年', year: 2019 }] },
      errors: [{ messageId: 'wrongYear', data: { year: 2020, name: '撤县设区之年', right: 2019 }, line: 1, column: 1 }],
    },
  ],
});
