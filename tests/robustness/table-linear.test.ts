import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { drawTable, type Cell, type Column } from '../../src/cli/table.js';

/** stats prints one row per file: 10 000 files must not make the table quadratic (cli-table3's layout is). */
const chalk = new Chalk({ level: 0 });
const columns: Column[] = [{ head: '文件', wrap: true }, { head: '字数', align: 'right' }, { head: '段落', align: 'right', optional: 1 }];
const rowsOf = (n: number): Cell[][] => Array.from({ length: n }, (_, i) => [`第${i}篇讲话稿-推进会.txt`, 1000 + i, { text: String(i % 40), where: i % 7 ? undefined : `第${i}行` } as Cell]);

describe('drawTable on many rows', () => {
  it('cli-table3 (quadratic in its rows: every cell checked against all before it) only ever lays out a bounded block', () => {
    // its loops are hand-written, out of the operation counter's sight: watch the tables it draws instead
    const sizes: number[] = [];
    const original = Table.prototype.toString;
    Table.prototype.toString = function (this: Table.Table) {
      sizes.push(this.length);
      return original.call(this);
    };
    try {
      drawTable(columns, rowsOf(3000), chalk, 60);
    } finally {
      Table.prototype.toString = original;
    }
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(3000);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(200);
  });

  it('a table drawn in blocks is line for line the one cli-table3 table', () => {
    const rows = rowsOf(650);
    const drawn = drawTable(columns, rows, chalk);
    const whole = new Table({ head: columns.map((c) => c.head), colAligns: ['left', 'right', 'right'], colWidths: drawn.split('\n')[0]!.split('┬').map((s) => s.replace(/[┌┐]/gu, '').length), wordWrap: false, style: { head: [], border: [], compact: true } });
    for (const r of rows) whole.push(r.map((c) => (typeof c === 'object' ? [c.text, ...(c.where ? [c.where] : [])].join('\n') : String(c))));
    expect(drawn).toBe(whole.toString());
    expect(drawn.split('\n').filter((l) => l.startsWith('└'))).toHaveLength(1);
  });
});
