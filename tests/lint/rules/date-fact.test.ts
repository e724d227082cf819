import { ruleTester } from '../tester.js';

ruleTester('date-fact', {
  valid: [
    '2021年是“十四五”规划开局之年。',
    '2022年是党的二十大召开之年。',
    { name: 'a right anniversary', text: '2024年是新中国成立75周年，也是改革开放46周年。' },
    { name: 'no year named (000:4)', text: '今年是全面贯彻党的二十大精神的开局之年。' },
    { name: 'a later year studying the congress', text: '2023年，要深入学习贯彻党的二十大精神。' },
    { name: 'after the congress', text: '2023年是党的二十大召开后的第一年。' },
    { name: 'attributive order, right year', text: '2022年10月召开的党的二十大描绘了宏伟蓝图。' },
    { name: 'inverted order, right year, another year before it', text: '2024年，我们回顾党的二十大于2022年10月召开以来的变化。' },
    { name: 'a later year after 召开的 congress is about the study, bound to the congress year before', text: '2023年，全县学习了2022年召开的党的二十大精神。' },
    { name: 'separate sentences', text: '2022年，全县党建工作取得新成效。“十四五”规划开局之年，我们打下了基础。' },
  ],
  invalid: [
    {
      name: 'attributive order: 年份 + 召开的 + 党的二十大',
      text: '2021年召开的党的二十大作出了战略部署。',
      errors: [{ messageId: 'wrongYear', data: { year: 2021, name: '党的二十大召开之年', right: 2022 }, line: 1, column: 1, endColumn: 6 }],
    },
    {
      name: 'inverted order: 党的二十大于 + 年份',
      text: '党的二十大于2021年10月在北京召开。',
      errors: [{ messageId: 'wrongYear', data: { year: 2021, name: '党的二十大召开之年', right: 2022 }, line: 1, column: 7, endColumn: 12 }],
    },
    {
      name: 'inverted order wins over an earlier year in the sentence',
      text: '2023年，回顾十九届六中全会于2020年召开的情形。',
      errors: [{ messageId: 'wrongYear', data: { year: 2020, name: '党的十九届六中全会召开之年', right: 2021 }, line: 1, column: 17 }],
    },
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
