import { createReadStream, mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { JianghuaError } from '../errors.js';
import type { AnyRecord } from './document.js';
import type { Finding } from './findings.js';

/** One record per line: the --jsonl format, and what `analyze merge` reads. */
export const toJsonLine = (record: AnyRecord): string => `${JSON.stringify(record, (key, value: unknown) => (key === 'counted' ? undefined : value instanceof Uint32Array ? Array.from(value) : value))}\n`;

function check(value: unknown, file: string, line: number): AnyRecord {
  const r = value as Partial<AnyRecord & { text: unknown; findings: unknown; terms: unknown }>;
  const ok = r && typeof r === 'object' && typeof r.file === 'string' && ('error' in r ? typeof r.error === 'string' : typeof r.text === 'string' && Array.isArray(r.findings) && Array.isArray((r as { cuts?: unknown }).cuts) && typeof r.terms === 'object');
  if (!ok) throw new JianghuaError('schema', '不是 jianghua analyze --jsonl 输出的记录', { file, line });
  return value as AnyRecord;
}

/** Records of JSONL part files, in order, one line at a time (memory stays flat). */
export async function* readParts(files: readonly string[]): AsyncGenerator<AnyRecord> {
  for (const file of files) {
    let n = 0;
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    try {
      for await (const raw of lines) {
        n++;
        const line = raw.replace(/^\uFEFF/u, '').trim();
        if (!line) continue;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (error) {
          throw new JianghuaError('schema', `JSON 格式错误：${(error as Error).message}`, { file, line: n });
        }
        yield check(value, file, n);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new JianghuaError('not-found', '文件不存在', { file });
      throw error;
    }
  }
}

/**
 * Records kept for the second pass. Small corpora stay in memory; past `limit` records they go
 * to a temporary JSONL file, so a corpus of any size needs the same memory.
 */
export class Spool {
  private readonly memory: AnyRecord[] = [];
  private dir: string | undefined;
  private fd: number | undefined;
  constructor(private readonly limit = 200) {}

  push(record: AnyRecord): void {
    if (this.fd === undefined && this.memory.length < this.limit) {
      this.memory.push(record);
      return;
    }
    if (this.fd === undefined) {
      this.dir = mkdtempSync(path.join(tmpdir(), 'jianghua-'));
      this.fd = openSync(path.join(this.dir, 'records.jsonl'), 'w');
      for (const r of this.memory.splice(0)) writeSync(this.fd, toJsonLine(r));
    }
    writeSync(this.fd, toJsonLine(record));
  }

  async *replay(): AsyncGenerator<AnyRecord> {
    if (this.fd === undefined || !this.dir) {
      yield* this.memory;
      return;
    }
    closeSync(this.fd);
    this.fd = undefined;
    yield* readParts([path.join(this.dir, 'records.jsonl')]);
  }

  dispose(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Findings of a large corpus, kept on disk (buffered JSONL) and read back once for output. */
export class FindingSpool {
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'jianghua-findings-'));
  private readonly file = path.join(this.dir, 'findings.jsonl');
  private readonly fd = openSync(this.file, 'w');
  private buffer = '';
  private closed = false;
  count = 0;

  readonly push = (finding: Finding): void => {
    this.buffer += `${JSON.stringify(finding)}\n`;
    this.count++;
    if (this.buffer.length > 1 << 16) this.flush();
  };

  private flush(): void {
    if (this.buffer) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  async *replay(): AsyncGenerator<Finding> {
    if (!this.closed) {
      this.flush();
      closeSync(this.fd);
      this.closed = true;
    }
    const lines = createInterface({ input: createReadStream(this.file, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) if (line) yield JSON.parse(line) as Finding;
  }

  dispose(): void {
    if (!this.closed) closeSync(this.fd);
    this.closed = true;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
