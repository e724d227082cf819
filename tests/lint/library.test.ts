import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as jianghua from '../../src/index.js';
import { ROOT } from '../helpers/cli.js';

describe('the library entry point', () => {
  it('exports the library (lintText, lintFiles, lintSource, the language server), not the CLI', () => {
    expect(Object.keys(jianghua)).not.toContain('run');
    for (const name of ['lintText', 'lintFiles', 'lintSource', 'loadConfig', 'startLanguageServer', 'parseSpeech']) expect(typeof (jianghua as Record<string, unknown>)[name]).toBe('function');
    // and never imports the CLI modules, directly or through what it exports
    expect(readFileSync(`${ROOT}src/index.ts`, 'utf8')).not.toMatch(/from '\.\/cli\//u);
  });

  it('lintFiles + FORMATTERS give what `jianghua lint --format json` prints', async () => {
    const { results } = await jianghua.lintFiles([`${ROOT}tests/fixtures/lint/cli/warning.txt`]);
    const [json] = JSON.parse(jianghua.FORMATTERS.json(results)) as Array<{ messages: Array<{ ruleId: string; fix?: unknown }>; fixableWarningCount: number }>;
    expect(json?.messages.map((m) => m.ruleId)).toEqual(['punctuation-width']);
    expect(json?.fixableWarningCount).toBe(1);
  });
});
