import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type * as Data from '../../src/data/index.js';
import { DATA_DIR, DATA_SCHEMAS, parseDataFile, type DataName } from '../../src/data/index.js';
import { ROOT, requireBuild } from '../helpers/cli.js';

type DataModule = typeof Data;
const built = async (): Promise<DataModule> => {
  requireBuild('data/shipped.json');
  return (await import(pathToFileURL(`${ROOT}dist/data/index.js`).href)) as DataModule;
};
const names = Object.keys(DATA_SCHEMAS) as DataName[];
const dir = mkdtempSync(path.join(tmpdir(), 'jianghua-shipped-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the data the build validated (dist/data/shipped.json)', () => {
  it('holds every shipped file, hashed from its current bytes, with the value the schema gives', () => {
    const shipped = JSON.parse(readFileSync(`${ROOT}dist/data/shipped.json`, 'utf8')) as Record<string, { sha1: string; value: unknown }>;
    expect(Object.keys(shipped).sort()).toEqual([...names].sort());
    for (const name of names) {
      const bytes = readFileSync(path.join(DATA_DIR, name));
      expect(shipped[name]?.sha1, name).toBe(createHash('sha1').update(bytes).digest('hex'));
      expect(shipped[name]?.value, name).toEqual(parseDataFile(name));
    }
  });

  it('is used only for the bytes it was built from: an edited file is read and validated again', async () => {
    const data = await built();
    const bytes = readFileSync(path.join(DATA_DIR, 'placeholders.yaml'));
    expect(data.shippedValue('placeholders.yaml', bytes)).toEqual(parseDataFile('placeholders.yaml'));
    expect(data.shippedValue('placeholders.yaml', Buffer.concat([bytes, Buffer.from('\n# 改过\n')]))).toBeUndefined();
    expect(data.shippedValue('no-such.yaml', bytes)).toBeUndefined();
  });

  it('an installed copy whose data file was edited (and broken) reports the edit, not the build', () => {
    requireBuild('data/shipped.json');
    const copy = path.join(dir, 'pkg');
    for (const part of ['bin', 'dist', 'data', 'package.json', 'templates']) cpSync(`${ROOT}${part}`, path.join(copy, part), { recursive: true });
    symlinkSync(`${ROOT}node_modules`, path.join(copy, 'node_modules'));
    const file = path.join(copy, 'data', 'placeholders.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nunknownKey: 1\n`);
    const speech = path.join(dir, 'a.txt');
    writeFileSync(speech, '同志们：\n今天召开会议。\n');
    const result = spawnSync(process.execPath, [path.join(copy, 'bin', 'jianghua.js'), 'lint', speech], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/placeholders\.yaml:\d+:\d+/u);
    expect(result.stderr).toContain('unknownKey');
  });
});
