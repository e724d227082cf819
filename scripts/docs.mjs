// npm run docs: each docs/rules/<id>.md's header (description, severity, fixable, kinds, options) from the rule's meta.
import { writeRuleDocs } from '../dist/lint/docs.js';

const changed = writeRuleDocs();
process.stdout.write(changed.length ? `已更新：\n${changed.map((f) => `  ${f}\n`).join('')}` : '规则文档已是最新。\n');
