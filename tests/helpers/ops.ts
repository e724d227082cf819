/**
 * An operation count, not a stopwatch: while `fn` runs, every element a built-in array method
 * visits (callbacks of some/filter/map/…), every element or character a search (indexOf,
 * lastIndexOf, includes) passes over, every one a copy (slice, splice) makes, and every character
 * a whole-string method (split, replace, match) reads is counted. A loop nested in such a method over
 * the same data shows up as n² counts whatever the machine's load, so tests can double the input
 * and compare. Hand-written for loops are not seen: the counts bound the library-method work only.
 */
type AnyFn = (this: unknown, ...args: unknown[]) => unknown;

const ARRAY_CALLBACKS = ['some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'filter', 'map', 'forEach', 'reduce', 'reduceRight', 'flatMap', 'join', 'concat', 'sort'] as const;
const SEARCHES = ['indexOf', 'lastIndexOf', 'includes'] as const;
const COPIES = ['slice', 'substring', 'splice'] as const;
const STRING_WHOLE = ['split', 'replace', 'replaceAll', 'match', 'matchAll', 'trimEnd', 'normalize'] as const;

type Cost = (self: unknown, args: unknown[], result: unknown) => number;
const size = (x: unknown) => ((x as { length?: number } | null)?.length ?? 0) + 1;

/** What a search covers: up to the hit (from its start), or the rest when there is none. */
const searched: Cost = (self, args, result) => {
  const n = size(self);
  if (typeof result === 'number' && result >= 0) return Math.abs(result - Number(args[1] ?? 0)) + 1;
  return n;
};

export function countOps<T>(fn: () => T): { result: T; ops: number } {
  let ops = 0;
  const restore: Array<() => void> = [];
  const patch = (proto: object, name: string, cost: Cost) => {
    const table = proto as Record<string, AnyFn>;
    const original = table[name] as AnyFn;
    table[name] = function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      ops += cost(this, args, result);
      return result;
    };
    restore.push(() => (table[name] = original));
  };
  for (const name of ARRAY_CALLBACKS) patch(Array.prototype, name, (self) => size(self));
  for (const proto of [Array.prototype, String.prototype]) {
    for (const name of SEARCHES) if (name in proto) patch(proto, name, name === 'includes' ? (self, _a, r) => (r ? size(self) / 2 : size(self)) : searched);
    for (const name of COPIES) if (name in proto) patch(proto, name, (_s, _a, result) => size(result));
  }
  for (const name of STRING_WHOLE) patch(String.prototype, name, (self) => size(self));
  try {
    return { result: fn(), ops };
  } finally {
    for (const undo of restore.reverse()) undo();
  }
}

/** ops(2n) / ops(n): about 2 for linear work, about 4 for quadratic. */
export function growth(make: (n: number) => () => unknown, n: number): number {
  const small = countOps(make(n)).ops;
  const large = countOps(make(2 * n)).ops;
  return large / Math.max(small, 1);
}
