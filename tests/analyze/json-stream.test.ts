import { describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../src/analyze/index.js';
import { formatJson, writeJson } from '../../src/analyze/formatters/json.js';
import { CORPUS } from '../helpers/cli.js';

describe('streamed JSON', () => {
  it('writes byte for byte what formatJson writes, findings streamed in any chunking', async () => {
    const result = await analyzeCorpus([CORPUS], { jobs: 1 });
    expect(result.findings.length).toBeGreaterThan(100);
    let out = '';
    async function* findings() {
      // one chunk at a time, as the spool gives them
      for (const f of result.findings) yield await Promise.resolve(f);
    }
    await writeJson(result, findings(), (s) => (out += s));
    expect(out).toBe(formatJson(result));
    let empty = '';
    await writeJson({ ...result, findings: [] }, (async function* () {})(), (s) => (empty += s));
    expect(JSON.parse(empty).findings).toEqual([]);
    expect(empty).toBe(formatJson({ ...result, findings: [] }));
  });
});
