import { ruleTester } from '../tester.js';

ruleTester('adverbial-de', {
  valid: [
    { name: 'a noun after 的', text: '他认真的态度值得学习。' },
    { name: '质的提升 (002:8)', text: '基层工作者队伍有了质的提升。' },
    { name: '群体的学习教育 (000:5)', text: '加强“两新”组织党员等群体的学习教育。' },
    { name: 'verb used as a noun after 进行', text: '要进行认真的研究。' },
    { name: 'noun compound after the verb', text: '树立认真的学习态度。' },
    { name: 'nominal use before 中', text: '在不断的学习中提高本领。' },
    { name: 'correct 地', text: '严肃地查处违纪违法问题。' },
    { name: '积极的推动作用 is a noun phrase', text: '发挥了积极的推动作用。' },
    { name: '严格的执行力 is a noun phrase', text: '锻造严格的执行力。' },
    { name: '积极的推动者', text: '做乡村振兴积极的推动者。' },
  ],
  invalid: [
    { name: '严肃的查处', text: '要严肃的查处违纪行为。', errors: [{ messageId: 'de', data: { text: '严肃的查处', modifier: '严肃', verb: '查处' }, line: 1, column: 2, endColumn: 7 }], output: '要严肃地查处违纪行为。' },
    { name: '常态化的开展', text: '常态化的开展警示教育。', errors: [{ messageId: 'de', data: { text: '常态化的开展', modifier: '常态化', verb: '开展' }, line: 1, column: 1 }], output: '常态化地开展警示教育。' },
    { name: '一体的推进 at the end of a clause', text: '不敢腐、不能腐、不想腐一体的推进。', errors: [{ messageId: 'de', data: { text: '一体的推进', modifier: '一体', verb: '推进' }, line: 1, column: 12 }], output: '不敢腐、不能腐、不想腐一体地推进。' },
    { name: 'extra modifier from options', text: '要狠狠的打击黑恶势力。', options: { modifiers: ['狠狠'] }, errors: [{ messageId: 'de', data: { text: '狠狠的打击', modifier: '狠狠', verb: '打击' }, line: 1, column: 2 }], output: '要狠狠地打击黑恶势力。' },
    { name: '积极的推动', text: '各支部要积极的推动问题整改。', errors: [{ messageId: 'de', data: { text: '积极的推动', modifier: '积极', verb: '推动' }, line: 1, column: 5 }], output: '各支部要积极地推动问题整改。' },
    { name: '严格的执行', text: '对标准要严格的执行到位。', errors: [{ messageId: 'de', data: { text: '严格的执行', modifier: '严格', verb: '执行' }, line: 1, column: 5 }], output: '对标准要严格地执行到位。' },
  ],
});
