import type { ChalkInstance } from 'chalk';
import type { FileResult } from '../types.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export const FORMATS = ['stylish', 'json', 'github', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export const FORMATTERS = {
  stylish: formatStylish,
  json: (results) => formatJson(results),
  github: (results) => formatGithub(results),
  sarif: (results) => formatSarif(results),
} satisfies Record<Format, (results: readonly FileResult[], chalk: ChalkInstance) => string>;
