import { createReadStream, mkdtempSync, openSync, readSync, rmSync, writeSync, closeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { AnyRecord } from './document.js';
import type { Finding } from './findings.js';

/**
 * Records kept for the second pass. Small corpora stay in memory; past `limit` records they go
 * to a temporary file, so a corpus of any size needs the same memory. The file is private to
 * this run, so it holds V8-serialised frames (typed arrays copied as bytes), not JSON.
 */
export class Spool {
  private readonly memory: AnyRecord[] = [];
  private dir: string | undefined;
  private file = '';
  private fd: number | undefined;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  constructor(private readonly limit = 200) {}

  push(record: AnyRecord): void {
    if (this.fd === undefined && this.memory.length < this.limit) {
      this.memory.push(record);
      return;
    }
    if (this.fd === undefined) {
      this.dir = mkdtempSync(path.join(tmpdir(), 'jianghua-'));
      this.file = path.join(this.dir, 'records.bin');
      this.fd = openSync(this.file, 'w');
      for (const r of this.memory.splice(0)) this.write(r);
    }
    this.write(record);
  }

  private write(record: AnyRecord): void {
    const body = serialize(record);
    const head = Buffer.allocUnsafe(4);
    head.writeUInt32LE(body.length, 0);
    this.pending.push(head, body);
    this.pendingBytes += body.length + 4;
    if (this.pendingBytes > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.fd !== undefined && this.pendingBytes > 0) writeSync(this.fd, Buffer.concat(this.pending, this.pendingBytes));
    this.pending = [];
    this.pendingBytes = 0;
  }

  *replay(): Generator<AnyRecord> {
    if (this.fd === undefined || !this.dir) {
      yield* this.memory;
      return;
    }
    this.flush();
    closeSync(this.fd);
    this.fd = undefined;
    const fd = openSync(this.file, 'r');
    try {
      let chunk = Buffer.alloc(0);
      let at = 0;
      const read = Buffer.allocUnsafe(1 << 20);
      for (;;) {
        // refill until the next frame (length + body) is whole
        const need = chunk.length - at >= 4 ? 4 + chunk.readUInt32LE(at) : 4;
        if (chunk.length - at < need) {
          const n = readSync(fd, read, 0, read.length, null);
          if (n === 0) break;
          chunk = Buffer.concat([chunk.subarray(at), read.subarray(0, n)]);
          at = 0;
          continue;
        }
        const length = chunk.readUInt32LE(at);
        yield deserialize(chunk.subarray(at + 4, at + 4 + length)) as AnyRecord;
        at += 4 + length;
      }
    } finally {
      closeSync(fd);
    }
  }

  dispose(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
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
