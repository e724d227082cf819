import { ruleTester } from '../tester.js';

ruleTester('canonical-term', {
  valid: [
    '深入学习贯彻习近平新时代中国特色社会主义思想。',
    { name: 'later mentions may drop 党的', text: '学习贯彻党的二十大精神，落实二十大部署。' },
    '严格落实“三会一课”制度。',
    { name: 'coordinated congresses share 党的', text: '从党的十九大到二十大，贯彻党的十九大、二十大和十九届六中全会精神。' },
    { name: 'bare 两新 everywhere is consistent', text: '加强两新组织党建，扩大两新组织覆盖。' },
    { name: 'quoted 两新 everywhere', text: '“两新”组织和“两新”工委。', options: { consistency: true } },
    { name: 'mixed quoting is not checked by default', text: '“两新”组织党建，扩大两新组织覆盖。' },
    '学习习近平总书记重要讲话精神。',
    { name: '不忘初心、牢记使命 as a call, not a name, takes no quotes', text: '全县党员要不忘初心、牢记使命，以实干担当作为。' },
    { name: 'an unmatched quote is paired-punctuation’s finding, not a second one here', text: '坚决做到两个维护”，毫不动摇。' },
    { name: 'the same with only the opening quote', text: '落实“三会一课制度。' },
  ],
  invalid: [
    { name: '习总书记', text: '学习习总书记重要讲话。', errors: [{ messageId: 'wrong', data: { text: '习总书记', write: '习近平总书记', note: '称谓应写全' }, line: 1, column: 3, endColumn: 7 }], output: '学习习近平总书记重要讲话。' },
    {
      name: 'theory name without 思想',
      text: '以习近平新时代中国特色社会主义为指导。',
      errors: [{ messageId: 'wrong', data: { text: '习近平新时代中国特色社会主义', write: '习近平新时代中国特色社会主义思想', note: '科学理论名称不能省略“思想”' }, line: 1, column: 2 }],
      output: '以习近平新时代中国特色社会主义思想为指导。',
    },
    {
      name: 'theory name without 习近平',
      text: '坚持以新时代中国特色社会主义思想为指导。',
      errors: [{ messageId: 'wrong', data: { text: '新时代中国特色社会主义思想', write: '习近平新时代中国特色社会主义思想', note: '科学理论名称不能省略“习近平”' }, line: 1, column: 4 }],
      output: '坚持以习近平新时代中国特色社会主义思想为指导。',
    },
    {
      name: 'first mention of 二十大 without 党的',
      text: '贯彻二十大精神，落实党的二十大部署。',
      errors: [{ messageId: 'wrong', data: { text: '二十大', write: '党的二十大', note: '首次提及党的代表大会须写“党的”' }, line: 1, column: 3 }],
      output: '贯彻党的二十大精神，落实党的二十大部署。',
    },
    {
      name: 'each congress has its own first mention',
      text: '党的十九大以来成绩显著。贯彻二十大精神。',
      errors: [{ messageId: 'wrong', data: { text: '二十大', write: '党的二十大', note: '首次提及党的代表大会须写“党的”' }, line: 1, column: 15 }],
      output: '党的十九大以来成绩显著。贯彻党的二十大精神。',
    },
    {
      name: '三会一课 without quotes: the message reads as a sentence, and the fix adds them',
      text: '落实三会一课制度。',
      errors: [{ messageId: 'unquoted', data: { text: '三会一课', write: '“三会一课”', note: '简称须加引号' }, line: 1, column: 3 }],
      output: '落实“三会一课”制度。',
    },
    {
      name: '不忘初心、牢记使命 as the name of 主题教育',
      text: '开展不忘初心、牢记使命主题教育。',
      errors: [{ messageId: 'unquoted', line: 1, column: 3 }],
      output: '开展“不忘初心、牢记使命”主题教育。',
    },
    { name: 'mixed quoting of 两新 (opt-in)', text: '“两新”组织党建，扩大两新组织覆盖。', options: { consistency: true }, errors: [{ messageId: 'unquoted', data: { text: '两新', write: '“两新”', note: '同一篇中引号用法应统一' }, line: 1, column: 12 }], output: '“两新”组织党建，扩大两新组织覆盖。' },
    {
      name: 'extra term from options',
      text: '推进党建工作高质量发展。',
      options: { terms: [{ find: '党建工作高质量发展', write: '党建高质量发展', note: '本单位提法' }] },
      errors: [{ messageId: 'wrong', data: { text: '党建工作高质量发展', write: '党建高质量发展', note: '本单位提法' }, line: 1, column: 3 }],
      output: '推进党建高质量发展。',
    },
    {
      name: 'an option term with fix: false is advice only',
      text: '推进党建工作高质量发展。',
      options: { terms: [{ find: '党建工作高质量发展', write: '党建高质量发展', fix: false }] },
      errors: [{ messageId: 'wrong', line: 1, column: 3 }],
      output: '推进党建工作高质量发展。',
    },
  ],
});
