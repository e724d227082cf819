import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { processIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { analyzeCorpus } from '../../src/analyze/index.js';
import { formatJson, writeJson } from '../../src/analyze/formatters/json.js';
import { CORPUS, ROOT } from '../helpers/cli.js';

describe('streamed JSON', () => {
  it('writes byte for byte what formatJson writes, findings streamed in any chunking', async () => {
    const result = await analyzeCorpus([CORPUS], { jobs: 1 });
    expect(result.findings.length).toBeGreaterThan(100);
    let out = '';
    async function* findings() {
      // one chunk at a time, as the spool gives them
      for (const f of result.findings) yield await Promise.resolve(f);
    }
    await writeJson(result, findings(), (s) => void (out += s));
    expect(out).toBe(formatJson(result));
    let empty = '';
    await writeJson({ ...result, findings: [] }, (async function* () {})(), (s) => void (empty += s));
    expect(JSON.parse(empty).findings).toEqual([]);
    expect(empty).toBe(formatJson({ ...result, findings: [] }));
  });

  it('waits for a slow reader: what is not yet read stays within a few chunks, not the whole report', async () => {
    let written = 0;
    let maxPending = 0;
    // a pipe whose reader takes its time: every write is acknowledged on a later turn of the loop
    const stdout = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        setImmediate(done);
      },
    });
    const write = stdout.write.bind(stdout);
    stdout.write = ((chunk: string) => {
      const ok = write(chunk);
      maxPending = Math.max(maxPending, stdout.writableLength);
      return ok;
    }) as typeof stdout.write;
    const io = { stdout, stderr: { write: () => true }, env: {}, cwd: ROOT };
    expect(await run(['analyze', `${ROOT}tests/fixtures`, `${ROOT}corpus`, '--format', 'json', '--jobs', '1'], io)).toBe(0);
    await new Promise<void>((resolve) => stdout.end(resolve));
    expect(written).toBeGreaterThan(400_000);
    // one 64 K-character chunk of Chinese is at most ~200 KB; without waiting the whole report piles up
    expect(maxPending).toBeLessThan(260_000);
    expect(maxPending).toBeLessThan(written / 2);
  });

  it('the real stdout passes its drain on, so the binary waits as the test above does', () => {
    const { stdout } = processIO();
    const once = vi.spyOn(process.stdout, 'once');
    const listener = () => undefined;
    stdout.once?.('drain', listener);
    expect(once).toHaveBeenCalledWith('drain', listener);
    process.stdout.off('drain', listener);
    once.mockRestore();
  });
});
