import type { FileResult } from '../types.js';

// GitHub workflow commands: data escapes %, CR, LF; properties also : and ,
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One `::error` / `::warning` annotation per message, for GitHub Actions. */
export function formatGithub(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const m of r.messages) {
      const level = m.severity === 2 ? 'error' : 'warning';
      lines.push(`::${level} file=${prop(r.filePath)},line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},title=${prop(m.ruleId)}::${data(m.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
