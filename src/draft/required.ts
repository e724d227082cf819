import { JianghuaError } from '../errors.js';
import { loadCatalog } from './catalog.js';
import type { Facts, LoadedFacts } from './facts.js';

/**
 * Each kind needs some sections (a summary speech without problems is not one): an empty list is
 * an error naming the section and where it is (or should be) in the file.
 */
export function checkRequired(facts: Facts, options: { file?: string; locate?: LoadedFacts['locate'] } = {}): void {
  const kind = loadCatalog().kinds[facts.kind];
  for (const [key, label] of Object.entries(kind.requires)) {
    const value = (facts as Record<string, unknown>)[key];
    const list = key === 'reporters' ? facts.reporters.filter((r) => r.mode === 'oral') : value;
    if (Array.isArray(list) && list.length > 0) continue;
    const what = key === 'reporters' ? '现场述职的述职人（mode: oral）' : `至少一条`;
    throw new JianghuaError('schema', `缺少“${label}”部分：${kind.label}的 ${key} 需要${what}（确实不需要时加 --allow-missing）`, {
      file: options.file,
      ...(options.locate ? options.locate([key]) : {}),
    });
  }
}
