/**
 * A1 addresses for the simulated workbook: rectangles of 0-based row/column indexes, parsed from
 * and printed as Excel prints them ("Holdings!A1:L301", "'Hedge Recommendation'!B7").
 */
import { columnLetters, sheetPrefix } from "../core/holdings/cells";

/** A block of cells: 0-based top-left row and column, and its size. */
export interface Rect {
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** The 0-based index of column letters: "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function parseCell(text: string): { row: number; column: number } | undefined {
  const m = CELL.exec(text.trim());
  if (!m) return undefined;
  const row = Number(m[2]) - 1;
  const column = columnIndex(m[1]);
  if (row < 0 || row >= MAX_ROWS || column >= MAX_COLUMNS) return undefined;
  return { row, column };
}

/** Parses "B2" or "A1:L301" (either corner order) into a rectangle; undefined when malformed. */
export function parseRange(text: string): Rect | undefined {
  const [a, b, extra] = text.split(":");
  if (extra !== undefined) return undefined;
  const p = parseCell(a);
  const q = b === undefined ? p : parseCell(b);
  if (!p || !q) return undefined;
  const row = Math.min(p.row, q.row);
  const column = Math.min(p.column, q.column);
  return {
    row,
    column,
    rowCount: Math.abs(p.row - q.row) + 1,
    columnCount: Math.abs(p.column - q.column) + 1,
  };
}

/**
 * Splits "Sheet!A1:B2" or "'My sheet'!A1" into the sheet name (undefined when absent) and the
 * rectangle; undefined when the range part is malformed.
 */
export function parseAddress(text: string): { sheet?: string; rect: Rect } | undefined {
  const bang = text.lastIndexOf("!");
  const rect = parseRange(text.slice(bang + 1));
  if (!rect) return undefined;
  if (bang < 0) return { rect };
  const sheet = text
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return { sheet, rect };
}

/** "A1" or "A1:L301" for a rectangle. */
export function rangeText(rect: Rect): string {
  const first = `${columnLetters(rect.column)}${rect.row + 1}`;
  if (rect.rowCount === 1 && rect.columnCount === 1) return first;
  const last = `${columnLetters(rect.column + rect.columnCount - 1)}${rect.row + rect.rowCount}`;
  return `${first}:${last}`;
}

/** The address as Range.address gives it: the sheet (quoted when needed), "!", the range. */
export function addressText(sheet: string, rect: Rect): string {
  return `${sheetPrefix(sheet)}${rangeText(rect)}`;
}

/** True when the cell lies inside the rectangle. */
export function contains(rect: Rect, row: number, column: number): boolean {
  return (
    row >= rect.row &&
    row < rect.row + rect.rowCount &&
    column >= rect.column &&
    column < rect.column + rect.columnCount
  );
}

/** True when two rectangles share a cell. */
export function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.column < b.column + b.columnCount &&
    b.column < a.column + a.columnCount
  );
}
