/**
 * Binary search over a list in order: the index of the first item for which `past` holds, or the
 * list's length when it holds for none. `past` must be false for a prefix of the list and true for
 * the rest (items sorted by the key it tests). The one search the model, the rules and the readers use
 * to stay linear on long texts.
 */
export function firstIndex<T>(items: ArrayLike<T>, past: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(items[mid] as T)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
