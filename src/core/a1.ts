/**
 * A1 addresses of the report's own ranges (no sheet name, no $): what chart specs hold and the
 * renderers turn into Office.js ranges and DrawingML formulas.
 */

/** A rectangle of cells: 0-based top-left row and column, size in rows and columns. */
export interface CellRect {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** Column letters of a 0-based column: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnName(column: number): string {
  let name = "";
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) {
    name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  }
  return name;
}

/** "B30" for (29, 1). */
export function cellA1(row: number, column: number): string {
  return `${columnName(column)}${row + 1}`;
}

/** "B30:K30" for a rectangle; a single cell is still written as a range ("B30:B30"). */
export function rangeA1(r: CellRect): string {
  return `${cellA1(r.row, r.column)}:${cellA1(r.row + r.rows - 1, r.column + r.columns - 1)}`;
}

/** The rectangle of "B30:K30" or "B30" (with or without $); throws on anything else. */
export function parseRangeA1(address: string): CellRect {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(address.toUpperCase());
  if (!m) throw new Error(`not an A1 range: "${address}"`);
  const col = (letters: string) =>
    [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r0 = Number(m[2]) - 1;
  const c0 = col(m[1]);
  const r1 = m[4] !== undefined ? Number(m[4]) - 1 : r0;
  const c1 = m[3] !== undefined ? col(m[3]) : c0;
  return {
    row: Math.min(r0, r1),
    column: Math.min(c0, c1),
    rows: Math.abs(r1 - r0) + 1,
    columns: Math.abs(c1 - c0) + 1,
  };
}

/** "'Hedge Recommendation'!$B$30:$K$30": an absolute reference as chart formulas hold it. */
export function absoluteRef(sheet: string, address: string): string {
  const r = parseRangeA1(address);
  const cell = (row: number, column: number) => `$${columnName(column)}$${row + 1}`;
  const end = cell(r.row + r.rows - 1, r.column + r.columns - 1);
  return `'${sheet.replace(/'/g, "''")}'!${cell(r.row, r.column)}:${end}`;
}
