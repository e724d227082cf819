// After tsc: validate every shipped data/*.yaml with its schema and write dist/data/shipped.json,
// the values a cold start reads instead of parsing YAML (src/data/index.ts, shippedValue).
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const { DATA_DIR, DATA_SCHEMAS, SHIPPED_DATA, dataHash, parseDataFile } = await import('../dist/data/index.js');
rmSync(SHIPPED_DATA, { force: true });
const out = {};
for (const name of Object.keys(DATA_SCHEMAS)) {
  const bytes = readFileSync(path.join(DATA_DIR, name));
  out[name] = { sha1: dataHash(bytes), value: parseDataFile(name, DATA_DIR, bytes) };
}
const temp = `${SHIPPED_DATA}.${process.pid}.tmp`;
writeFileSync(temp, `${JSON.stringify(out)}\n`);
renameSync(temp, SHIPPED_DATA);
