import { isMap, isNode, isScalar, type Document, type LineCounter } from 'yaml';

/** A path into a parsed YAML document, as zod reports it. */
export type Path = ReadonlyArray<PropertyKey>;

/** The closest node to `path` that exists in the document, as 1-based line:column; `key`: the key of the last step. */
export function locate(doc: Document, counter: LineCounter, path: Path, key = false): { line: number; column: number } {
  const at = (offset: number) => {
    const { line, col } = counter.linePos(offset);
    return { line, column: col };
  };
  if (key && path.length > 0) {
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1) as unknown[], true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
      if (isNode(pair?.key) && pair.key.range) return at(pair.key.range[0]);
    }
  }
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return at(node.range[0]);
  }
  return { line: 1, column: 1 };
}
