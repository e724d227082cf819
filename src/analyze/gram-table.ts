/**
 * The count table behind stock phrases: counts per key in typed-array columns, found through an
 * open-addressing table of 32-bit FNV-1a hashes, so a window of a Han run is looked up without
 * being sliced into a string.
 */

export interface Entry {
  df: number;
  occ: number;
  first: number;
  mask: number;
}

/** Columns as one string of keys and typed arrays: what a worker hands back, cheap to clone. */
export interface PackedColumns {
  keys: string;
  df: Uint32Array;
  occ: Uint32Array;
  first: Uint32Array;
  mask: Uint32Array;
}

/** FNV-1a over UTF-16 units: the hash of a gram, computed as its window grows (no slice needed). */
export const FNV_SEED = 0x811c9dc5;
export const fnv = (h: number, unit: number): number => Math.imul(h ^ unit, 0x01000193);
export function hashOf(key: string): number {
  let h = FNV_SEED;
  for (let k = 0; k < key.length; k++) h = fnv(h, key.charCodeAt(k));
  return h;
}

/**
 * Counts per key in typed-array columns, found through an open-addressing table of 32-bit hashes
 * whose hits are checked against the key's characters: a window of a run is looked up without
 * slicing it into a string (only a new key is sliced), and exactness does not rest on the hash.
 */
export class Columns {
  /** Row → key, in insertion order. */
  keys: string[] = [];
  hashes = new Int32Array(1024);
  df = new Uint32Array(1024);
  occ = new Uint32Array(1024);
  first = new Uint32Array(1024);
  /** Token boundaries inside the key where it was first seen: bit k = a cut after its (k + 1)-th unit. */
  mask = new Uint32Array(1024);
  /** Last document that bumped the row: a document counts once in df. */
  last = new Int32Array(1024).fill(-1);
  /** Open addressing: 0 = empty, else row + 1. */
  private slots = new Int32Array(2048);

  get size(): number {
    return this.keys.length;
  }

  /** The row of the key `chars[i, i + n)` with hash `h`, or -1. */
  private find(chars: string, i: number, n: number, h: number): number {
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const v = this.slots[slot] as number;
      if (v === 0) return -1;
      const r = v - 1;
      if (this.hashes[r] !== h) continue;
      const key = this.keys[r] as string;
      if (key.length !== n) continue;
      let k = 0;
      while (k < n && key.charCodeAt(k) === chars.charCodeAt(i + k)) k++;
      if (k === n) return r;
    }
  }

  private place(r: number, h: number): void {
    const mask = this.slots.length - 1;
    let slot = h & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = r + 1;
  }

  private create(key: string, h: number, first: number, mask: number): number {
    const r = this.keys.length;
    if (r === this.df.length) this.grow(r * 2);
    this.keys.push(key);
    this.hashes[r] = h;
    this.df[r] = 0;
    this.occ[r] = 0;
    this.first[r] = first;
    this.mask[r] = mask;
    this.last[r] = -1;
    if ((r + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(r, h);
    return r;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let r = 0; r < this.keys.length; r++) this.place(r, this.hashes[r] as number);
  }

  private grow(capacity: number): void {
    const widen = <T extends Uint32Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.hashes = widen(this.hashes, (n) => new Int32Array(n));
    this.df = widen(this.df, (n) => new Uint32Array(n));
    this.occ = widen(this.occ, (n) => new Uint32Array(n));
    this.first = widen(this.first, (n) => new Uint32Array(n));
    this.mask = widen(this.mask, (n) => new Uint32Array(n));
    this.last = widen(this.last, (n) => new Int32Array(n).fill(-1));
  }

  /**
   * One occurrence of `chars[i, i + n)` (hash `h`) in document `doc`. A worker may finish its
   * documents out of order (reads overlap), so the first document is the smallest seen.
   */
  bumpAt(chars: string, i: number, n: number, h: number, doc: number, mask = 0): void {
    let r = this.find(chars, i, n, h);
    if (r < 0) r = this.create(chars.slice(i, i + n), h, doc, mask);
    if (this.last[r] !== doc) {
      this.last[r] = doc;
      this.df[r] = (this.df[r] as number) + 1;
      if (doc < (this.first[r] as number)) this.first[r] = doc;
    }
    this.occ[r] = (this.occ[r] as number) + 1;
  }

  bump(key: string, doc: number): void {
    this.bumpAt(key, 0, key.length, hashOf(key), doc);
  }

  /** Add counts from elsewhere: sums, earliest document. */
  add(key: string, df: number, occ: number, first: number, mask: number): void {
    const h = hashOf(key);
    let r = this.find(key, 0, key.length, h);
    if (r < 0) r = this.create(key, h, first, mask);
    else this.first[r] = Math.min(this.first[r] as number, first);
    this.df[r] = (this.df[r] as number) + df;
    this.occ[r] = (this.occ[r] as number) + occ;
  }

  dfAt(chars: string, i: number, n: number, h: number): number {
    const r = this.find(chars, i, n, h);
    return r < 0 ? 0 : (this.df[r] as number);
  }

  *entries(): Generator<[string, Entry]> {
    for (let r = 0; r < this.keys.length; r++) yield [this.keys[r] as string, { df: this.df[r] as number, occ: this.occ[r] as number, first: this.first[r] as number, mask: this.mask[r] as number }];
  }

  /** Counts of one key, if tracked. */
  get(key: string): Entry | undefined {
    const r = this.find(key, 0, key.length, hashOf(key));
    return r < 0 ? undefined : { df: this.df[r] as number, occ: this.occ[r] as number, first: this.first[r] as number, mask: this.mask[r] as number };
  }

  /** Drop the rows with df ≤ `below`, compacting the columns. */
  dropBelow(below: number): void {
    const keys: string[] = [];
    for (let r = 0; r < this.keys.length; r++) {
      if ((this.df[r] as number) <= below) continue;
      const w = keys.length;
      keys.push(this.keys[r] as string);
      this.hashes[w] = this.hashes[r] as number;
      this.df[w] = this.df[r] as number;
      this.occ[w] = this.occ[r] as number;
      this.first[w] = this.first[r] as number;
      this.mask[w] = this.mask[r] as number;
      this.last[w] = this.last[r] as number;
    }
    this.keys = keys;
    this.rehash(this.slots.length);
  }

  pack(): PackedColumns {
    const n = this.keys.length;
    return { keys: this.keys.join('\u0001'), df: this.df.slice(0, n), occ: this.occ.slice(0, n), first: this.first.slice(0, n), mask: this.mask.slice(0, n) };
  }

  /** Only the rows in at least `minDf` documents, packed (what a second look needs of the table). */
  packFrom(minDf: number): PackedColumns {
    const rows: number[] = [];
    for (let r = 0; r < this.keys.length; r++) if ((this.df[r] as number) >= minDf) rows.push(r);
    const column = (c: Uint32Array) => Uint32Array.from(rows, (r) => c[r] as number);
    return { keys: rows.map((r) => this.keys[r]).join('\u0001'), df: column(this.df), occ: column(this.occ), first: column(this.first), mask: column(this.mask) };
  }

  /** Add a packed table (another thread's share of the corpus). */
  merge(part: PackedColumns): void {
    if (part.keys === '') return;
    const keys = part.keys.split('\u0001');
    for (let i = 0; i < keys.length; i++) this.add(keys[i] as string, part.df[i] ?? 0, part.occ[i] ?? 0, part.first[i] ?? 0, part.mask[i] ?? 0);
  }
}

