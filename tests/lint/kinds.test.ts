import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPEECH_KINDS } from '../../src/data/schemas.js';
import { runCli } from '../helpers/cli.js';
import { tmp } from '../robustness/tmp.js';

// a 述职报告 with a placeholder and a half-width comma: every kind gets the character rules
const REPORT = '关于2025年度抓基层党建工作的述职报告\n\n一年来，我认真履行第一责任人职责，××同志协助开展工作,取得一定成效。\n\n一、主要工作\n\n抓好学习教育。\n';

describe('rules run on every kind of speech', () => {
  it.each(SPEECH_KINDS)('--kind %s: placeholder and punctuation-width are reported', async (kind) => {
    const file = path.join(tmp(), '述职.txt');
    writeFileSync(file, REPORT);
    const { stdout } = await runCli(['lint', file, '--kind', kind, '--format', 'json']);
    const ids = (JSON.parse(stdout) as Array<{ messages: Array<{ ruleId: string }> }>)[0]?.messages.map((m) => m.ruleId);
    expect(ids).toContain('placeholder');
    expect(ids).toContain('punctuation-width');
  });
});
