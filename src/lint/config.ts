import { statSync } from 'node:fs';
import { readTextFileSync } from '../io/read-text.js';
import { MAX_AUX_BYTES } from '../io/read-file.js';
import path from 'node:path';
import { JianghuaError, isJianghuaError } from '../errors.js';
import { locate, parseYamlStrict, yamlText } from '../io/yaml.js';
import type { SpeechKind } from '../speech/types.js';
import { didYouMean } from './did-you-mean.js';
import { KINDS, normalizeEntry, type LintConfig, type RuleEntry } from './settings.js';

/** Names looked for in each folder, from the file's folder up to the root. */
export const CONFIG_NAMES = ['.jianghuarc.yaml', '.jianghuarc.yml'] as const;

/** Read and validate one config file; every problem names the file and, where known, line:col. */
export function loadConfig(file: string): LintConfig {
  const source = readTextFileSync(file, { what: '配置文件', maxBytes: MAX_AUX_BYTES }).text;
  const { doc, counter, data } = parseYamlStrict(source, file, null, '配置文件');
  const placeOf = (keys: readonly PropertyKey[], key = false) => ({ file, ...locate(doc, counter, keys, key) });
  const raw = (data ?? {}) as Record<string, unknown>;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new JianghuaError('schema', '配置文件应为键值对（kind、rules）', { file });
  for (const key of Object.keys(raw)) {
    if (key !== 'kind' && key !== 'rules') throw new JianghuaError('schema', `配置文件中未知的键“${key}”${didYouMean(key, ['kind', 'rules'])}（可用：kind、rules）`, placeOf([key], true));
  }
  const config: LintConfig = {};
  if (raw.kind !== undefined) {
    if (!KINDS.includes(raw.kind as SpeechKind)) throw new JianghuaError('schema', `kind“${yamlText(raw.kind)}”无效${didYouMean(yamlText(raw.kind), KINDS)}（可用：${KINDS.join('、')}）`, placeOf(['kind']));
    config.kind = raw.kind as SpeechKind;
  }
  if (raw.rules !== undefined) {
    if (typeof raw.rules !== 'object' || raw.rules === null || Array.isArray(raw.rules)) throw new JianghuaError('schema', 'rules 应为“规则 id: 级别”的键值对', placeOf(['rules']));
    const rules = raw.rules as Record<string, RuleEntry>;
    for (const [id, entry] of Object.entries(rules)) {
      try {
        normalizeEntry(id, entry, (p, key) => placeOf(['rules', id, ...p], key), true);
      } catch (error) {
        if (!isJianghuaError(error)) throw error;
        throw new JianghuaError('schema', error.message, error.place.line !== undefined ? error.place : placeOf(['rules', id], true));
      }
    }
    config.rules = rules;
  }
  return config;
}

const isFile = (p: string) => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

/** Per process: one lookup per folder, one parse per config file. */
const found = new Map<string, string | null>();
const loaded = new Map<string, LintConfig>();

/** The nearest config file at or above `dir`, or undefined. */
export function findConfigFile(dir: string): string | undefined {
  const start = path.resolve(dir);
  const visited: string[] = [];
  let result: string | null = null;
  for (let d = start; ; d = path.dirname(d)) {
    const cached = found.get(d);
    if (cached !== undefined) {
      result = cached;
      break;
    }
    visited.push(d);
    const hit = CONFIG_NAMES.map((n) => path.join(d, n)).find(isFile);
    if (hit) {
      result = hit;
      break;
    }
    if (path.dirname(d) === d) break;
  }
  for (const d of visited) found.set(d, result);
  return result ?? undefined;
}

/** The config for one speech file: --config wins, else the nearest .jianghuarc.yaml, else none. */
export function configFor(file: string, explicit?: string): LintConfig {
  const source = explicit ?? findConfigFile(path.dirname(file));
  if (!source) return {};
  const key = path.resolve(source);
  let config = loaded.get(key);
  if (!config) {
    config = loadConfig(source);
    loaded.set(key, config);
  }
  return config;
}

/** Forget every lookup and parse: a config file was created, changed or removed (the language server). */
export function clearConfigCache(): void {
  found.clear();
  loaded.clear();
}
