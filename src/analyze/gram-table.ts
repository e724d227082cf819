/**
 * The count table behind stock phrases: counts per key in typed-array columns, the keys' UTF-16
 * units in one pool, found through an open-addressing table of 32-bit polynomial hashes. A window
 * of a text is hashed in O(1) from prefix hashes and looked up without becoming a string; only
 * the ranking, once, turns rows back into strings.
 */

export interface Entry {
  df: number;
  occ: number;
  first: number;
  mask: number;
}

/** Columns as typed arrays (keys: their units end to end, and each one's length): cheap to clone. */
export interface PackedColumns {
  units: Uint16Array;
  lengths: Uint32Array;
  df: Uint32Array;
  occ: Uint32Array;
  first: Uint32Array;
  mask: Uint32Array;
}

/**
 * Polynomial hash over UTF-16 units, h = Σ u[k]·B^(n−1−k) mod 2^32, so that the hash of any
 * window is P[i + n] − P[i]·B^n from the prefix hashes P, then mixed (murmur3's finaliser) so its
 * low bits pick a slot well.
 */
const BASE = 0x01000193;
const MAX_POWER = 64;
const POWERS = new Int32Array(MAX_POWER + 1);
POWERS[0] = 1;
for (let n = 1; n <= MAX_POWER; n++) POWERS[n] = Math.imul(POWERS[n - 1] as number, BASE);

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The hash of `units[i, i + n)`. */
export function hashUnits(units: Uint16Array, i: number, n: number): number {
  let h = 0;
  for (let k = i; k < i + n; k++) h = (Math.imul(h, BASE) + (units[k] as number)) | 0;
  return mix(h);
}

/** Scratch prefix hashes (valid until the next call): P[j] is the raw hash of units[0, j). */
let prefix = new Int32Array(1 << 14);
export function prefixHashes(units: Uint16Array, length: number): Int32Array {
  if (prefix.length < length + 1) prefix = new Int32Array(Math.max(length + 1, prefix.length * 2));
  const p = prefix;
  p[0] = 0;
  for (let j = 0; j < length; j++) p[j + 1] = (Math.imul(p[j] as number, BASE) + (units[j] as number)) | 0;
  return p;
}

/** The hash of `units[i, i + n)` from its prefix hashes (n ≤ 64), equal to `hashUnits`. */
export const windowHash = (p: Int32Array, i: number, n: number): number => mix(((p[i + n] as number) - Math.imul(p[i] as number, POWERS[n] as number)) | 0);

/** A string's units in a scratch array (valid until the next call). */
let scratch = new Uint16Array(256);
function unitsOf(key: string): Uint16Array {
  if (scratch.length < key.length) scratch = new Uint16Array(Math.max(key.length, scratch.length * 2));
  for (let k = 0; k < key.length; k++) scratch[k] = key.charCodeAt(k);
  return scratch;
}

/** Units as a string, a bounded chunk at a time (fromCharCode's arguments are on the stack). */
function stringOf(units: Uint16Array, from: number, to: number): string {
  let s = '';
  for (let at = from; at < to; at += 4096) s += String.fromCharCode.apply(null, units.subarray(at, Math.min(to, at + 4096)) as unknown as number[]);
  return s;
}

/**
 * Counts per key in typed-array columns, found through an open-addressing table of 32-bit hashes
 * whose hits are checked against the key's units: exactness does not rest on the hash. Rows stay
 * in insertion order, their keys end to end in `pool` (so a table holds no string per key, nor
 * the text a key came from).
 */
export class Columns {
  private pool = new Uint16Array(8192);
  private used = 0;
  private rows = 0;
  private start = new Uint32Array(1024);
  private length = new Uint32Array(1024);
  private hashes = new Int32Array(1024);
  private df = new Uint32Array(1024);
  private occ = new Uint32Array(1024);
  private first = new Uint32Array(1024);
  /** Token boundaries inside the key where it was first seen: bit k = a cut after its (k + 1)-th unit. */
  private mask = new Uint32Array(1024);
  /** Last document that bumped the row: a document counts once in df. */
  private last = new Int32Array(1024).fill(-1);
  /** Open addressing: 0 = empty, else row + 1. */
  private slots = new Int32Array(2048);

  get size(): number {
    return this.rows;
  }

  /** The row of the key `units[i, i + n)` with hash `h`, or -1. */
  find(units: Uint16Array, i: number, n: number, h: number): number {
    const m = this.slots.length - 1;
    const pool = this.pool;
    for (let slot = h & m; ; slot = (slot + 1) & m) {
      const v = this.slots[slot] as number;
      if (v === 0) return -1;
      const r = v - 1;
      if (this.hashes[r] !== h || this.length[r] !== n) continue;
      const s = this.start[r] as number;
      let k = 0;
      while (k < n && pool[s + k] === units[i + k]) k++;
      if (k === n) return r;
    }
  }

  private place(r: number, h: number): void {
    const m = this.slots.length - 1;
    let slot = h & m;
    while (this.slots[slot] !== 0) slot = (slot + 1) & m;
    this.slots[slot] = r + 1;
  }

  private create(units: Uint16Array, i: number, n: number, h: number, first: number, mask: number): number {
    const r = this.rows;
    if (r === this.df.length) this.grow(r * 2);
    if (this.used + n > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.used + n, this.pool.length * 2));
      pool.set(this.pool.subarray(0, this.used));
      this.pool = pool;
    }
    this.pool.set(units.subarray(i, i + n), this.used);
    this.start[r] = this.used;
    this.length[r] = n;
    this.used += n;
    this.hashes[r] = h;
    this.df[r] = 0;
    this.occ[r] = 0;
    this.first[r] = first;
    this.mask[r] = mask;
    this.last[r] = -1;
    this.rows++;
    if (this.rows * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(r, h);
    return r;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let r = 0; r < this.rows; r++) this.place(r, this.hashes[r] as number);
  }

  private grow(capacity: number): void {
    const widen = <T extends Uint32Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.start = widen(this.start, (n) => new Uint32Array(n));
    this.length = widen(this.length, (n) => new Uint32Array(n));
    this.hashes = widen(this.hashes, (n) => new Int32Array(n));
    this.df = widen(this.df, (n) => new Uint32Array(n));
    this.occ = widen(this.occ, (n) => new Uint32Array(n));
    this.first = widen(this.first, (n) => new Uint32Array(n));
    this.mask = widen(this.mask, (n) => new Uint32Array(n));
    this.last = widen(this.last, (n) => new Int32Array(n).fill(-1));
  }

  /**
   * One occurrence of `units[i, i + n)` (hash `h`) in document `doc`. A worker may finish its
   * documents out of order (reads overlap), so the first document is the smallest seen.
   */
  bumpAt(units: Uint16Array, i: number, n: number, h: number, doc: number, mask = 0): void {
    let r = this.find(units, i, n, h);
    if (r < 0) r = this.create(units, i, n, h, doc, mask);
    if (this.last[r] !== doc) {
      this.last[r] = doc;
      this.df[r] = (this.df[r] as number) + 1;
      if (doc < (this.first[r] as number)) this.first[r] = doc;
    }
    this.occ[r] = (this.occ[r] as number) + 1;
  }

  bump(key: string, doc: number): void {
    const units = unitsOf(key);
    this.bumpAt(units, 0, key.length, hashUnits(units, 0, key.length), doc);
  }

  /** Add counts from elsewhere: sums, earliest document. */
  private add(units: Uint16Array, i: number, n: number, df: number, occ: number, first: number, mask: number): void {
    const h = hashUnits(units, i, n);
    let r = this.find(units, i, n, h);
    if (r < 0) r = this.create(units, i, n, h, first, mask);
    else this.first[r] = Math.min(this.first[r] as number, first);
    this.df[r] = (this.df[r] as number) + df;
    this.occ[r] = (this.occ[r] as number) + occ;
  }

  dfAt(units: Uint16Array, i: number, n: number, h: number): number {
    const r = this.find(units, i, n, h);
    return r < 0 ? 0 : (this.df[r] as number);
  }

  private keyOf(r: number): string {
    const s = this.start[r] as number;
    return stringOf(this.pool, s, s + (this.length[r] as number));
  }

  private entry(r: number): Entry {
    return { df: this.df[r] as number, occ: this.occ[r] as number, first: this.first[r] as number, mask: this.mask[r] as number };
  }

  *entries(): Generator<[string, Entry]> {
    for (let r = 0; r < this.rows; r++) yield [this.keyOf(r), this.entry(r)];
  }

  /** Counts of one key, if tracked. */
  get(key: string): Entry | undefined {
    const units = unitsOf(key);
    const r = this.find(units, 0, key.length, hashUnits(units, 0, key.length));
    return r < 0 ? undefined : this.entry(r);
  }

  /** Drop the rows with df ≤ `below`, compacting the columns and the pool. */
  dropBelow(below: number): void {
    let w = 0;
    let used = 0;
    for (let r = 0; r < this.rows; r++) {
      if ((this.df[r] as number) <= below) continue;
      const s = this.start[r] as number;
      const n = this.length[r] as number;
      this.pool.copyWithin(used, s, s + n); // rows keep their order: never copied over a row still to come
      this.start[w] = used;
      this.length[w] = n;
      used += n;
      this.hashes[w] = this.hashes[r] as number;
      this.df[w] = this.df[r] as number;
      this.occ[w] = this.occ[r] as number;
      this.first[w] = this.first[r] as number;
      this.mask[w] = this.mask[r] as number;
      this.last[w] = this.last[r] as number;
      w++;
    }
    this.rows = w;
    this.used = used;
    this.rehash(this.slots.length);
  }

  pack(): PackedColumns {
    const n = this.rows;
    return { units: this.pool.slice(0, this.used), lengths: this.length.slice(0, n), df: this.df.slice(0, n), occ: this.occ.slice(0, n), first: this.first.slice(0, n), mask: this.mask.slice(0, n) };
  }

  /** Only the rows in at least `minDf` documents, packed (what a second look needs of the table). */
  packFrom(minDf: number): PackedColumns {
    const rows: number[] = [];
    let units = 0;
    for (let r = 0; r < this.rows; r++) {
      if ((this.df[r] as number) < minDf) continue;
      rows.push(r);
      units += this.length[r] as number;
    }
    const pool = new Uint16Array(units);
    let at = 0;
    for (const r of rows) {
      const s = this.start[r] as number;
      pool.set(this.pool.subarray(s, s + (this.length[r] as number)), at);
      at += this.length[r] as number;
    }
    const column = (c: Uint32Array) => Uint32Array.from(rows, (r) => c[r] as number);
    return { units: pool, lengths: column(this.length), df: column(this.df), occ: column(this.occ), first: column(this.first), mask: column(this.mask) };
  }

  /** Add a packed table (another thread's share of the corpus). */
  merge(part: PackedColumns): void {
    let at = 0;
    for (let i = 0; i < part.lengths.length; i++) {
      const n = part.lengths[i] as number;
      this.add(part.units, at, n, part.df[i] ?? 0, part.occ[i] ?? 0, part.first[i] ?? 0, part.mask[i] ?? 0);
      at += n;
    }
  }
}
