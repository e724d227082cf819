import { deserialize, serialize } from 'node:v8';
import { StringDecoder } from 'node:string_decoder';
import { ScratchFile } from '../io/temp-file.js';
import type { AnyRecord } from './document.js';
import type { Finding } from './findings.js';

/**
 * Records kept for the second pass. Small corpora stay in memory; past `limit` records they go
 * to a scratch file (unlinked at once, so nothing stays behind however the run ends), and a
 * corpus of any size needs the same memory. It holds V8-serialised frames (typed arrays copied
 * as bytes), not JSON: it is private to this run.
 */
export class Spool<T = AnyRecord> {
  private readonly memory: T[] = [];
  private scratch: ScratchFile | undefined;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Where each record's frame starts in the scratch file (filled once it spills): `get` by index. */
  private offsets = new Float64Array(0);
  private written = 0;
  private readonly head = Buffer.allocUnsafe(4);
  /** Records pushed so far. */
  length = 0;
  constructor(private readonly limit = 200) {}

  push(record: T): void {
    this.length++;
    if (!this.scratch && this.memory.length < this.limit) {
      this.memory.push(record);
      return;
    }
    if (!this.scratch) {
      this.scratch = new ScratchFile('jianghua-');
      for (const r of this.memory.splice(0)) this.write(r);
    }
    this.write(record);
  }

  private write(record: T): void {
    const n = this.written++;
    if (n >= this.offsets.length) {
      const grown = new Float64Array(Math.max(1024, this.offsets.length * 2));
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[n] = (this.scratch as ScratchFile).size + this.pendingBytes;
    const body = serialize(record);
    const head = Buffer.allocUnsafe(4);
    head.writeUInt32LE(body.length, 0);
    this.pending.push(head, body);
    this.pendingBytes += body.length + 4;
    if (this.pendingBytes > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.scratch && this.pendingBytes > 0) this.scratch.append(Buffer.concat(this.pending, this.pendingBytes));
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Record `n` (in push order), read back from the scratch file once it has spilled. */
  get(n: number): T | undefined {
    if (n < 0 || n >= this.length) return undefined;
    if (!this.scratch) return this.memory[n];
    this.flush();
    return this.frameAt(this.offsets[n] as number).record;
  }

  private frameAt(at: number): { record: T; next: number } {
    const scratch = this.scratch as ScratchFile;
    scratch.readAt(this.head, at);
    const body = Buffer.allocUnsafe(this.head.readUInt32LE(0));
    scratch.readAt(body, at + 4);
    return { record: deserialize(body) as T, next: at + 4 + body.length };
  }

  *replay(): Generator<T> {
    const scratch = this.scratch;
    if (!scratch) {
      yield* this.memory;
      return;
    }
    this.flush();
    for (let at = 0; at + 4 <= scratch.size; ) {
      const { record, next } = this.frameAt(at);
      at = next;
      yield record;
    }
  }

  dispose(): void {
    this.scratch?.close();
    this.scratch = undefined;
  }
}

/** Findings of a large corpus, kept in a scratch file (buffered JSONL) and read back once for output. */
export class FindingSpool {
  private readonly scratch = new ScratchFile('jianghua-findings-');
  private buffer = '';
  count = 0;

  readonly push = (finding: Finding): void => {
    this.buffer += `${JSON.stringify(finding)}\n`;
    this.count++;
    if (this.buffer.length > 1 << 16) this.flush();
  };

  private flush(): void {
    if (this.buffer) this.scratch.append(this.buffer);
    this.buffer = '';
  }

  /** Synchronous, like the scratch file's reads: the writers wait only when their output does. */
  *replay(): Generator<Finding> {
    this.flush();
    const decoder = new StringDecoder('utf8');
    let rest = '';
    for (const chunk of this.scratch.chunks(1 << 16)) {
      const lines = (rest + decoder.write(chunk)).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line) yield JSON.parse(line) as Finding;
    }
    rest += decoder.end();
    if (rest) yield JSON.parse(rest) as Finding;
  }

  dispose(): void {
    this.scratch.close();
  }
}
