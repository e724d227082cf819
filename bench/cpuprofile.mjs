// Summarise V8 .cpuprofile files (node --cpu-prof): self time per function and per file.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** A readable location: repo-relative path or node: URL; `grouped` folds packages and node internals. */
export function location(url, grouped = false) {
  const path = url.startsWith('file://') ? relative(ROOT, fileURLToPath(url)) : url;
  if (!grouped) return path;
  if (path.startsWith('node_modules/')) return path.split('/').slice(0, path.startsWith('node_modules/@') ? 3 : 2).join('/');
  if (path.startsWith('node:')) return path.split('/')[0];
  return path;
}

function frame(node) {
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName || '(anonymous)';
  // Native callbacks (nodejieba's cut) have a name but no URL; V8's own nodes are (program), (garbage collector)….
  const file = url ? location(url) : name.startsWith('(') ? name : '(native)';
  return { key: `${name} ${file}:${lineNumber}`, name, file, group: url ? location(url, true) : file, line: url ? lineNumber + 1 : null };
}

/**
 * Self time, in ms, of every sampled node, grouped by function (name + file + line) and by file,
 * and inclusive time per function (each sample counted once per function on its stack).
 * Several profiles (main thread and workers) add up; `totalMs` is the sum of sampled time.
 */
export function summariseProfiles(profiles) {
  const byFunction = new Map();
  const byFile = new Map();
  const inclusive = new Map();
  let totalMs = 0;
  const threads = [];
  for (const profile of profiles) {
    const thread = { busyMs: 0, idleMs: 0 };
    threads.push(thread);
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const self = new Map();
    // timeDeltas[i] is the time before sample i: it belongs to the previous sample's node.
    for (let i = 0; i < profile.samples.length; i++) {
      const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + delta);
    }
    for (const [id, ms] of self) {
      const node = nodes.get(id);
      if (!node) continue;
      const f = frame(node);
      const entry = byFunction.get(f.key) ?? { function: f.name, file: f.file, line: f.line, ms: 0 };
      entry.ms += ms;
      byFunction.set(f.key, entry);
      byFile.set(f.group, (byFile.get(f.group) ?? 0) + ms);
      totalMs += ms;
      if (f.name === '(idle)') thread.idleMs += ms;
      else thread.busyMs += ms;
      const seen = new Set();
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const up = frame(nodes.get(at));
        if (seen.has(up.key)) continue;
        seen.add(up.key);
        const inc = inclusive.get(up.key) ?? { function: up.name, file: up.file, line: up.line, ms: 0 };
        inc.ms += ms;
        inclusive.set(up.key, inc);
      }
    }
  }
  const pct = (ms) => (totalMs > 0 ? (100 * ms) / totalMs : 0);
  return {
    totalMs,
    threads,
    functions: [...byFunction.values()].sort((a, b) => b.ms - a.ms).map((f) => ({ ...f, percent: pct(f.ms) })),
    inclusive: [...inclusive.values()].sort((a, b) => b.ms - a.ms).map((f) => ({ ...f, percent: pct(f.ms) })),
    files: [...byFile].sort((a, b) => b[1] - a[1]).map(([file, ms]) => ({ file, ms, percent: pct(ms) })),
  };
}
