import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { JianghuaError } from '../errors.js';

export interface CollectOptions {
  /** File extensions to take from directories and globs, without the dot. */
  extensions?: readonly string[];
}

export interface Collected {
  files: string[];
  /** Paths named on the command line that did not exist or matched nothing. */
  missing: string[];
}

const DEFAULT_EXTENSIONS = ['txt', 'md'] as const;
/** A folder's README, CHANGELOG or LICENSE describes the corpus; it is not a speech (name it explicitly to include it). */
const NOT_SPEECHES = /^(?:readme|changelog|license|licence|contributing)(?:\.[a-z]+)?$/iu;

/**
 * Expand files, directories and globs into a sorted, de-duplicated list of files.
 * Directories are walked recursively; symlinked directories are not followed (no loops).
 */
export async function collectFiles(inputs: readonly string[], options: CollectOptions = {}): Promise<Collected> {
  const exts = options.extensions ?? DEFAULT_EXTENSIONS;
  const extGlob = exts.length === 1 ? `*.${exts[0]}` : `*.{${exts.join(',')}}`;
  const seen = new Set<string>();
  const files: string[] = [];
  const missing: string[] = [];
  const add = (f: string) => {
    const key = path.resolve(f);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(f);
    }
  };
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      info = undefined;
    }
    if (info?.isFile()) {
      add(input);
    } else if (info?.isDirectory()) {
      const found = (await glob(`**/${extGlob}`, { cwd: input, followSymbolicLinks: false, dot: false, onlyFiles: true })).filter(
        (f) => !NOT_SPEECHES.test(path.basename(f)),
      );
      found.sort();
      for (const f of found) add(path.join(input, f));
    } else if (isDynamicPattern(input)) {
      const found = await glob(input, { followSymbolicLinks: false, onlyFiles: true });
      found.sort();
      if (found.length === 0) missing.push(input);
      for (const f of found) add(f);
    } else {
      missing.push(input);
    }
  }
  return { files, missing };
}

/** Like collectFiles, but a missing input or an empty result is a usage error (exit 2). */
export async function collectFilesOrFail(inputs: readonly string[], options: CollectOptions = {}): Promise<string[]> {
  const { files, missing } = await collectFiles(inputs, options);
  if (missing.length > 0) {
    throw new JianghuaError('not-found', `找不到文件或目录：${missing.join('、')}`, { file: missing[0] });
  }
  if (files.length === 0) {
    const exts = (options.extensions ?? DEFAULT_EXTENSIONS).map((e) => `.${e}`).join('、');
    throw new JianghuaError('no-input', `没有找到讲话稿（${exts} 文件）`, { file: inputs.join(' ') });
  }
  return files;
}
