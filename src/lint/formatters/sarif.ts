import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RULES, ruleDocsUrl } from '../rules/index.js';
import type { FileResult } from '../types.js';

const version = (): string => {
  try {
    return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
};

const LEVEL = { off: 'none', warn: 'warning', error: 'error' } as const;

/** A relative path with forward slashes, as SARIF's artifactLocation.uri wants. */
const uri = (file: string) => (path.isAbsolute(file) ? `file://${file.split(path.sep).join('/')}` : file.split(path.sep).map(encodeURIComponent).join('/'));

/** SARIF 2.1.0: one run, each rule once in the driver, columns counted in code points. */
export function formatSarif(results: readonly FileResult[]): string {
  const rules = [...RULES.values()];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'jianghua',
            version: version(),
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.meta.description },
              help: { text: `docs/rules/${r.id}.md` },
              helpUri: ruleDocsUrl(r.id),
              properties: { fixable: r.meta.fixable },
              defaultConfiguration: { level: LEVEL[r.meta.defaultSeverity] },
            })),
          },
        },
        columnKind: 'unicodeCodePoints',
        results: results.flatMap((r) =>
          r.messages.map((m) => ({
            ruleId: m.ruleId,
            ruleIndex: index.get(m.ruleId) ?? -1,
            level: m.severity === 2 ? 'error' : 'warning',
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: uri(r.filePath) },
                  region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
