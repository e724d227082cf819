import { Chalk } from 'chalk';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/lint/formatters/github.js';
import { formatJson } from '../../src/lint/formatters/json.js';
import { formatSarif } from '../../src/lint/formatters/sarif.js';
import { formatStylish } from '../../src/lint/formatters/stylish.js';
import { RULE_IDS } from '../../src/lint/rules/index.js';
import type { FileResult, LintMessage } from '../../src/lint/types.js';

const msg = (m: Partial<LintMessage> & Pick<LintMessage, 'ruleId' | 'severity' | 'message' | 'line' | 'column'>): LintMessage => ({
  endLine: m.line,
  endColumn: m.column + 1,
  messageId: 'x',
  start: 0,
  end: 1,
  ...m,
});

const RESULTS: FileResult[] = [
  {
    filePath: 'drafts/a.txt',
    messages: [
      msg({ ruleId: 'placeholder', severity: 1, message: '占位符未填写', line: 2, column: 3, endColumn: 5 }),
      msg({ ruleId: 'punctuation-width', severity: 2, message: '标点错误', line: 10, column: 15, fix: { range: [0, 1], text: '，' } }),
    ],
    errorCount: 1,
    warningCount: 1,
    fixableErrorCount: 1,
    fixableWarningCount: 0,
  },
  { filePath: 'drafts/clean.txt', messages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 },
];

const plain = new Chalk({ level: 0 });

describe('stylish', () => {
  it('groups by file, aligns by display width, summarises in Chinese', () => {
    expect(formatStylish(RESULTS, plain)).toBe(
      [
        '',
        'drafts/a.txt',
        '  2:3    警告  占位符未填写  placeholder',
        '  10:15  错误  标点错误      punctuation-width',
        '',
        '✖ 2 个问题（1 个错误，1 个警告）',
        '  其中 1 个可用 --fix 自动修复',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing when clean', () => {
    expect(formatStylish([RESULTS[1] as FileResult], plain)).toBe('');
  });

  it('colours only when the chalk instance has a level', () => {
    expect(formatStylish(RESULTS, new Chalk({ level: 1 }))).toContain('\u001b[31m错误');
    expect(formatStylish(RESULTS, plain)).not.toContain('\u001b[');
  });
});

describe('json', () => {
  it('is ESLint-shaped, exactly: fix objects and fixable counts, no internal fields', () => {
    expect(formatJson(RESULTS)).toBe(
      '[{"filePath":"drafts/a.txt","messages":[' +
        '{"ruleId":"placeholder","severity":1,"message":"占位符未填写","line":2,"column":3,"endLine":2,"endColumn":5},' +
        '{"ruleId":"punctuation-width","severity":2,"message":"标点错误","line":10,"column":15,"endLine":10,"endColumn":16,"fix":{"range":[0,1],"text":"，"}}],' +
        '"errorCount":1,"warningCount":1,"fixableErrorCount":1,"fixableWarningCount":0},' +
        '{"filePath":"drafts/clean.txt","messages":[],"errorCount":0,"warningCount":0,"fixableErrorCount":0,"fixableWarningCount":0}]\n',
    );
  });

  it('carries output (the fixed text) under --fix-dry-run, and never the source', () => {
    const [shaped] = JSON.parse(formatJson([{ ...(RESULTS[1] as FileResult), source: '甲,乙', output: '甲，乙' }])) as Array<Record<string, unknown>>;
    expect(shaped?.output).toBe('甲，乙');
    expect(shaped).not.toHaveProperty('source');
  });
});

describe('github', () => {
  it('one workflow command per message', () => {
    expect(formatGithub(RESULTS)).toBe(
      '::warning file=drafts/a.txt,line=2,col=3,endLine=2,endColumn=5,title=placeholder::占位符未填写\n' +
        '::error file=drafts/a.txt,line=10,col=15,endLine=10,endColumn=16,title=punctuation-width::标点错误\n',
    );
  });

  it('escapes what the workflow-command syntax reserves', () => {
    const odd: FileResult[] = [{ filePath: 'a,b:c.txt', messages: [msg({ ruleId: 'placeholder', severity: 2, message: '100%\n完成', line: 1, column: 1 })], errorCount: 1, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 }];
    expect(formatGithub(odd)).toBe('::error file=a%2Cb%3Ac.txt,line=1,col=1,endLine=1,endColumn=2,title=placeholder::100%25%0A完成\n');
  });

  it('prints nothing when clean', () => {
    expect(formatGithub([RESULTS[1] as FileResult])).toBe('');
  });
});

describe('sarif', () => {
  it('is SARIF 2.1.0 with every rule once and code-point regions', () => {
    const sarif = JSON.parse(formatSarif(RESULTS));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('jianghua');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([...RULE_IDS]);
    expect(run.columnKind).toBe('unicodeCodePoints');
    // helpUri: an absolute URI of the shipped rule page, one that exists
    for (const r of run.tool.driver.rules as Array<{ id: string; helpUri: string }>) {
      expect(r.helpUri).toMatch(new RegExp(`^file:///.*/docs/rules/${r.id}\\.md$`, 'u'));
      expect(existsSync(fileURLToPath(r.helpUri))).toBe(true);
    }
    expect(run.results).toEqual([
      {
        ruleId: 'placeholder',
        ruleIndex: RULE_IDS.indexOf('placeholder'),
        level: 'warning',
        message: { text: '占位符未填写' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'drafts/a.txt' }, region: { startLine: 2, startColumn: 3, endLine: 2, endColumn: 5 } } }],
      },
      {
        ruleId: 'punctuation-width',
        ruleIndex: RULE_IDS.indexOf('punctuation-width'),
        level: 'error',
        message: { text: '标点错误' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'drafts/a.txt' }, region: { startLine: 10, startColumn: 15, endLine: 10, endColumn: 16 } } }],
      },
    ]);
  });
});
