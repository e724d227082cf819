import Table from 'cli-table3';
import stringWidth from 'string-width';
import type { ChalkInstance } from 'chalk';
import type { CliIO } from './io.js';

/**
 * Terminal tables measured by display width (a Han character is two columns) and fitted to the
 * terminal: long cells wrap inside their column, a `file:line:col` line never splits, and colour
 * is applied after wrapping, so an escape sequence is never cut. Piped output is not wrapped.
 */

export interface Column {
  head: string;
  align?: 'left' | 'right';
  /** May this column's text wrap? (Numbers and ids never do.) */
  wrap?: boolean;
  /** Left out when the table cannot fit otherwise: the lowest number goes first. */
  optional?: number;
}

/** A cell: plain text, or text with a location line below it (dimmed, never split). */
export type Cell = string | number | { text: string; where?: string; dim?: boolean };

/** The width to fit: the terminal's on a TTY (COLUMNS when set, as `ls` reads it); none when piped. */
export function terminalWidth(io: CliIO): number | undefined {
  const fromEnv = Number(io.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return io.stdout.isTTY ? (io.stdout.columns ?? 80) : undefined;
}

const PADDING = 2; // one space either side, as cli-table3 draws

/** Pieces a line may break after: list items (、，；), words (an ASCII space; NBSP holds); else any code point. */
const PIECE = /[^、，； ]*[、，； ]*/gu;

/**
 * Lines of `text` no wider than `width` columns: broken after a list separator or a space where
 * one is near the end of the line, else between code points (Han text has no spaces to break at).
 */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let current = '';
    let w = 0;
    const push = () => {
      out.push(current.trimEnd());
      current = '';
      w = 0;
    };
    for (const piece of line.match(PIECE) ?? []) {
      if (piece === '') continue;
      const pw = stringWidth(piece.trimEnd());
      // a list item moves to the next line whole when this one is mostly full; prose just fills
      if (current !== '' && w + pw > width && pw <= width && w >= width * 0.6) push();
      for (const ch of piece) {
        const cw = stringWidth(ch);
        if (w + cw > width && current !== '' && ch !== ' ') push();
        if (current === '' && ch === ' ') continue;
        current += ch;
        w += cw;
      }
    }
    out.push(current.trimEnd());
  }
  return out;
}

const widest = (lines: string[]) => lines.reduce((m, l) => Math.max(m, stringWidth(l)), 0);
const parts = (c: Cell) => (typeof c === 'object' ? c : { text: String(c) });
/** The widest of a column's cells (a loop: spreading 10^5 rows into Math.max overflows the stack). */
const widestCell = (rows: readonly Cell[][], i: number, measure: (c: { text: string; where?: string }) => number) => rows.reduce((m, r) => Math.max(m, measure(parts(r[i] ?? ''))), 0);
const textWidth = (c: { text: string }) => widest(c.text.split('\n'));
const whereWidth = (c: { where?: string }) => stringWidth(c.where ?? '');

const floorsOf = (columns: readonly Column[], rows: readonly Cell[][], natural: number[]) =>
  columns.map((c, i) => (c.wrap ? Math.max(stringWidth(c.head), 8, widestCell(rows, i, whereWidth)) : (natural[i] as number)));

const naturalOf = (columns: readonly Column[], rows: readonly Cell[][]) => columns.map((c, i) => Math.max(stringWidth(c.head), widestCell(rows, i, textWidth), widestCell(rows, i, whereWidth)));

/** Room for content in `width` columns of terminal, once borders and padding are drawn. */
const room = (width: number, n: number) => width - (n + 1) - PADDING * n;

/** The columns to draw: optional ones left out, lowest priority first, while even the floors do not fit. */
function visible(columns: readonly Column[], rows: readonly Cell[][], width: number | undefined): number[] {
  const keep = columns.map((_, i) => i);
  if (width === undefined) return keep;
  const natural = naturalOf(columns, rows);
  const floors = floorsOf(columns, rows, natural);
  const need = () => keep.reduce((sum, i) => sum + (floors[i] as number), 0);
  while (need() > room(width, keep.length)) {
    const optional = keep.filter((i) => columns[i]?.optional !== undefined);
    if (optional.length === 0) break;
    const drop = optional.reduce((a, b) => ((columns[b]?.optional as number) < (columns[a]?.optional as number) ? b : a));
    keep.splice(keep.indexOf(drop), 1);
  }
  return keep;
}

/**
 * Column widths (content only) within `width`: every column at its natural width if that fits;
 * else the wrapping columns give up columns, widest first, down to their head and locations.
 */
function fit(columns: readonly Column[], rows: readonly Cell[][], width: number | undefined): number[] {
  const natural = naturalOf(columns, rows);
  if (width === undefined) return natural;
  const floor = floorsOf(columns, rows, natural);
  const widths = [...natural];
  const budget = room(width, columns.length);
  let total = widths.reduce((a, b) => a + b, 0);
  // first a head wider than its cells wraps (时长（分钟） over 18.4): that costs the rows nothing
  for (let i = 0; i < columns.length && total > budget; i++) {
    if (!columns[i]?.wrap) continue;
    const cells = Math.max(widestCell(rows, i, textWidth), widestCell(rows, i, whereWidth), 2);
    const head = stringWidth(columns[i]?.head ?? '');
    const to = Math.max(cells, Math.ceil(head / 2) + 1);
    const give = Math.min(total - budget, Math.max(0, (widths[i] as number) - to));
    widths[i] = (widths[i] as number) - give;
    total -= give;
  }
  // then the widest wrapping column gives up a column at a time, down to its floor
  while (total > budget) {
    let k = -1;
    for (let i = 0; i < widths.length; i++) if ((widths[i] as number) > (floor[i] as number) && (k < 0 || (widths[i] as number) > (widths[k] as number))) k = i;
    if (k < 0) break; // cannot fit even at the floors: the terminal wraps, as `ls` would
    widths[k] = (widths[k] as number) - 1;
    total--;
  }
  return widths;
}

/**
 * Rows drawn per cli-table3 table: its layout compares every cell with every other (quadratic), so a
 * long table is drawn in blocks of the same column widths and joined at their borders (compact style:
 * no line between rows, so the joined blocks are the one table, line for line).
 */
const BLOCK_ROWS = 200;

/** Draw a table fitted to `width` columns (undefined: natural widths, as for a pipe). */
export function drawTable(allColumns: readonly Column[], allRows: readonly Cell[][], chalk: ChalkInstance, width?: number): string {
  const shown = visible(allColumns, allRows, width);
  const columns = shown.map((i) => allColumns[i] as Column);
  const rows = allRows.map((r) => shown.map((i) => r[i] ?? ''));
  const widths = fit(columns, rows, width);
  const block = (from: number, head: boolean): string[] => {
    const table = new Table({
      head: head ? columns.map((c, i) => wrapText(c.head, widths[i] as number).map((l) => chalk.bold(l)).join('\n')) : [],
      colAligns: columns.map((c) => c.align ?? 'left'),
      colWidths: widths.map((w) => w + PADDING),
      wordWrap: false,
      style: { head: [], border: [], compact: true },
    });
    for (const row of rows.slice(from, from + BLOCK_ROWS)) {
      table.push(
        columns.map((_, i) => {
          const { text, where, dim } = parts(row[i] ?? '');
          const lines = text === '' && where ? [] : wrapText(text, widths[i] as number).map((l) => (dim ? chalk.dim(l) : l));
          if (where) lines.push(chalk.dim(where));
          return lines.join('\n');
        }),
      );
    }
    return table.toString().split('\n');
  };
  const lines = block(0, true);
  for (let from = BLOCK_ROWS; from < rows.length; from += BLOCK_ROWS) {
    const bottom = lines.pop()!; // the next block goes on above the bottom border
    lines.push(...block(from, false).slice(1, -1), bottom);
  }
  return lines.join('\n');
}
