import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { CORPUS } from '../helpers/cli.js';

const made: string[] = [];

/** A fresh temp folder, removed after the test file. */
export function tmp(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jianghua-robust-'));
  made.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export const seed = (name: string): Buffer => readFileSync(`${CORPUS}${name}`);

/** Root reads files whatever their mode, so permission tests cannot fail there. */
export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
