import { lstat, readdir, realpath, stat } from 'node:fs/promises';
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
  /** Folders that could not be listed, and symlinked folders not entered again (loops), with the reason. */
  skipped: Array<{ path: string; reason: string }>;
}

const DEFAULT_EXTENSIONS = ['txt', 'md', 'docx'] as const;
/** A folder's README, CHANGELOG or LICENSE describes the corpus; it is not a speech (name it explicitly to include it). */
const NOT_SPEECHES = /^(?:readme|changelog|license|licence|contributing)(?:\.[a-z]+)?$/iu;

/**
 * Files under `root` whose names end in one of `exts` (any case), relative to root. Hidden entries
 * are left out. Symlinks are followed, but a folder already visited (a loop such as `a/b/up -> ../..`)
 * is entered once only. A broken link with a speech extension is listed, so the reader reports it by path.
 */
async function walkFolder(root: string, exts: readonly string[], skipped: Collected['skipped']): Promise<string[]> {
  const wanted = new Set(exts.map((e) => `.${e.toLowerCase()}`));
  const isSpeech = (name: string) => wanted.has(path.extname(name).toLowerCase()) && !NOT_SPEECHES.test(name);
  const visited = new Set<string>([await realpath(root).catch(() => path.resolve(root))]);
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const dir = path.join(root, rel);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      skipped.push({ path: dir, reason: code === 'EACCES' || code === 'EPERM' ? '没有读取权限，目录未检查' : `目录无法读取（${code ?? String(error)}）` });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = path.join(rel, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(path.join(root, child)).catch(() => undefined);
        if (!target) {
          if (isSpeech(entry.name)) out.push(child);
          continue;
        }
        isDir = target.isDirectory();
        isFile = target.isFile();
      }
      if (isDir) {
        const real = await realpath(path.join(root, child)).catch(() => undefined);
        if (real === undefined || visited.has(real)) {
          if (entry.isSymbolicLink()) skipped.push({ path: path.join(root, child), reason: '符号链接指向已检查过的目录（循环或重复），未再进入' });
          continue;
        }
        visited.add(real);
        await walk(child);
      } else if (isFile && isSpeech(entry.name)) {
        out.push(child);
      }
    }
  };
  await walk('');
  return out.sort();
}

/**
 * Expand files, directories and globs into a sorted, de-duplicated list of files.
 * Directories are walked recursively (see walkFolder: symlink loops are entered once).
 */
export async function collectFiles(inputs: readonly string[], options: CollectOptions = {}): Promise<Collected> {
  const exts = options.extensions ?? DEFAULT_EXTENSIONS;
  const seen = new Set<string>();
  const files: string[] = [];
  const missing: string[] = [];
  const skipped: Collected['skipped'] = [];
  // keyed by real path: the same file reached through a symlinked folder is listed once
  const add = async (f: string) => {
    const key = await realpath(f).catch(() => path.resolve(f));
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
    if (info?.isDirectory()) {
      for (const f of await walkFolder(input, exts, skipped)) await add(path.join(input, f));
    } else if (info) {
      // a file, or a FIFO or device named on the command line: the reader says what it is
      await add(input);
    } else if (isDynamicPattern(input)) {
      const found = await glob(input, { followSymbolicLinks: false, onlyFiles: true });
      found.sort();
      if (found.length === 0) missing.push(input);
      for (const f of found) await add(f);
    } else if (await lstat(input).then((l) => l.isSymbolicLink(), () => false)) {
      // a broken link or a link loop named on the command line: the reader says which
      await add(input);
    } else {
      missing.push(input);
    }
  }
  return { files, missing, skipped };
}

/** Like collectFiles, but a missing input or an empty result is a usage error (exit 2). */
export async function collectFilesOrFail(inputs: readonly string[], options: CollectOptions = {}): Promise<string[]> {
  const { files, missing, skipped } = await collectFiles(inputs, options);
  if (missing.length > 0) {
    throw new JianghuaError('not-found', `找不到文件或目录：${missing.join('、')}`, { file: missing[0] });
  }
  if (files.length === 0 && skipped.length > 0) {
    const first = skipped[0] as Collected['skipped'][number];
    throw new JianghuaError('unreadable', `没有可读的讲话稿：${first.reason}${skipped.length > 1 ? `（另有 ${skipped.length - 1} 个目录也未检查）` : ''}`, { file: first.path });
  }
  if (files.length === 0) {
    const exts = (options.extensions ?? DEFAULT_EXTENSIONS).map((e) => `.${e}`).join('、');
    throw new JianghuaError('no-input', `没有找到讲话稿（${exts} 文件）`, { file: inputs.join(' ') });
  }
  return files;
}
