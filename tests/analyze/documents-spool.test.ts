import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Aggregator } from '../../src/analyze/aggregate.js';
import { isSkipped, type AnyRecord } from '../../src/analyze/document.js';
import { analyzeCorpus, analyzeRecords } from '../../src/analyze/index.js';
import { packTerms } from '../../src/analyze/keywords.js';
import { formatJson, writeJson } from '../../src/analyze/formatters/json.js';
import { formatMarkdown } from '../../src/analyze/formatters/md.js';
import { writeCsv } from '../../src/analyze/formatters/csv.js';
import { resultCounts } from '../../src/analyze/result.js';
import { loadTaxonomy } from '../../src/analyze/taxonomy.js';
import { CORPUS } from '../helpers/cli.js';

// the CLI's report keeps per-document summaries and keyword lists in spools (on disk past
// `inMemory` documents) and reads them back in order: what it writes must not change
describe('document summaries spooled to disk', () => {
  it('report() streams the same documents, keywords and counts as the in-memory result', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'jianghua-docs-'));
    writeFileSync(path.join(folder, '坏文件.docx'), '这不是 docx');
    const inputs = [CORPUS, folder];
    const expected = await analyzeCorpus(inputs, { jobs: 1, by: 'year' });
    expect(expected.documents.some((d) => d.error !== undefined)).toBe(true);

    // what reduce does for one thread, with two summaries in memory and the rest on disk
    const aggregator = new Aggregator(loadTaxonomy(), { top: 20, by: 'year', inMemory: 2 });
    const records: AnyRecord[] = [];
    for await (const record of analyzeRecords(inputs, { jobs: 1 })) {
      aggregator.add(record);
      records.push(isSkipped(record) ? record : { ...record, findings: [], terms: packTerms(record.terms) });
    }
    aggregator.settle();
    records.forEach((r, i) => aggregator.revisit(r, i));
    const report = aggregator.report();

    expect([...report.documents]).toEqual(expected.documents);
    // re-readable: a second pass gives the same
    expect([...report.documents]).toEqual(expected.documents);
    expect([...report.keywords]).toEqual(expected.keywords);
    expect(report.counts).toEqual(resultCounts(expected));
    let json = '';
    async function* findings() {
      for (const f of expected.findings) yield await Promise.resolve(f);
    }
    await writeJson(report, findings(), (s) => void (json += s));
    expect(json).toBe(formatJson(expected));
    expect(formatMarkdown(report)).toBe(formatMarkdown(expected));
    let csv = '';
    let csvExpected = '';
    await writeCsv(report, 'documents', [], (s) => void (csv += s));
    await writeCsv(expected, 'documents', [], (s) => void (csvExpected += s));
    expect(csv).toBe(csvExpected);
    expect(csv).toContain('坏文件.docx');
    aggregator.dispose();
    rmSync(folder, { recursive: true, force: true });
  });
});
