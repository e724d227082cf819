import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { checkStreamable } from '../io/read-file.js';
import { createInterface } from 'node:readline';
import { JianghuaError } from '../errors.js';
import { isSkipped, type AnyRecord } from './document.js';
import { unpackTerms } from './keywords.js';

/** One record per line: the --jsonl format, and what `analyze merge` reads. */
export const toJsonLine = (record: AnyRecord): string =>
  `${JSON.stringify(isSkipped(record) ? record : { ...record, terms: unpackTerms(record.terms) }, (key, value: unknown) => (key === 'counted' ? undefined : value instanceof Uint32Array ? Array.from(value) : value))}\n`;

function check(value: unknown, file: string, line: number): AnyRecord {
  const r = value as Partial<AnyRecord & { text: unknown; findings: unknown; terms: unknown }>;
  const ok = r && typeof r === 'object' && typeof r.file === 'string' && ('error' in r ? typeof r.error === 'string' : typeof r.text === 'string' && Array.isArray(r.findings) && Array.isArray((r as { cuts?: unknown }).cuts) && typeof r.terms === 'object');
  if (!ok) throw new JianghuaError('schema', '不是 jianghua analyze --jsonl 输出的记录', { file, line });
  return value as AnyRecord;
}

/** What identifies a document across parts: its path and the hash of its text (or of its error). */
const identity = (r: AnyRecord) => `${r.file}\u0000${createHash('sha1').update(isSkipped(r) ? `\u0001${r.error}` : r.text).digest('base64')}`;

/**
 * Records of JSONL part files, in order, one line at a time (memory stays flat but for one hash
 * per document). A document seen twice — same path, same text — is counted once: `onDuplicate`
 * is told where it came again and where it was first.
 */
export async function* readParts(files: readonly string[], onDuplicate?: (at: { file: string; line: number }, record: AnyRecord, first: { file: string; line: number }) => void): AsyncGenerator<AnyRecord> {
  const seen = new Map<string, { file: string; line: number }>();
  for (const file of files) {
    let n = 0;
    // a FIFO would block, /dev/zero never end: regular files only (streamed, so no size cap)
    await checkStreamable(file, '分片文件');
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
        const record = check(value, file, n);
        const key = identity(record);
        const first = seen.get(key);
        if (first) {
          onDuplicate?.({ file, line: n }, record, first);
          continue;
        }
        seen.set(key, { file, line: n });
        yield record;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new JianghuaError('not-found', '文件不存在', { file });
      throw error;
    }
  }
}

