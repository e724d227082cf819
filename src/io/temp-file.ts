import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, rmdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A scratch file nobody else can see: created, then unlinked at once while we keep it open, so
 * it vanishes with the process however the process ends (SIGKILL, OOM, a signal during
 * synchronous work), and a spool never leaves the analysed text behind in TMPDIR.
 * Where an open file cannot be unlinked (Windows) it keeps its name until `close`.
 */
export class ScratchFile {
  readonly fd: number;
  /** Bytes written so far (appends only). */
  size = 0;
  private leftover: string | undefined;

  constructor(prefix: string, dir = tmpdir()) {
    const folder = mkdtempSync(path.join(dir, prefix));
    const file = path.join(folder, 'data');
    this.fd = openSync(file, 'w+', 0o600);
    try {
      unlinkSync(file);
      rmdirSync(folder);
    } catch {
      this.leftover = folder;
    }
  }

  append(data: Uint8Array | string): void {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let done = 0; done < buf.length; ) done += writeSync(this.fd, buf, done, buf.length - done, this.size + done);
    this.size += buf.length;
  }

  /** Read `length` bytes at `position` into `into`; returns how many were read. */
  readAt(into: Uint8Array, position: number, length = into.length): number {
    let got = 0;
    while (got < length) {
      const n = readSync(this.fd, into, got, length - got, position + got);
      if (n === 0) break;
      got += n;
    }
    return got;
  }

  /** The content in chunks of at most `chunkSize` bytes, from the start. */
  *chunks(chunkSize = 1 << 20): Generator<Buffer> {
    for (let at = 0; at < this.size; ) {
      const buf = Buffer.allocUnsafe(Math.min(chunkSize, this.size - at));
      const n = this.readAt(buf, at);
      if (n === 0) return;
      at += n;
      yield buf.subarray(0, n);
    }
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    if (this.leftover) rmSync(this.leftover, { recursive: true, force: true });
    this.leftover = undefined;
  }
}
