/**
 * Large holdings for the playground (`playground.html?holdings=N`): the data rows of a holdings
 * sheet replaced by N rows made from its own rows, cycled in order. Every cell keeps its source
 * cell's value, formula, number format and look, except the ID, which gets a suffix after the
 * first cycle ("91282C382", then "91282C382-2", "91282C382-3", …) so that every ID is unique. The
 * same input gives the same rows, in the browser and in Node (the tests build them both ways).
 */
import { matchColumns } from "../core/holdings/columns";
import { MAX_COLUMNS } from "./a1";
import { SimCell, SimSheet, SimWorkbook } from "./workbookModel";

/** The largest N the playground accepts. */
export const MAX_LARGE_HOLDINGS = 50_000;

/**
 * The row count of a `holdings=` query parameter: a whole number from 1 to MAX_LARGE_HOLDINGS
 * ("20000" or "20,000").
 * @throws RangeError naming the parameter and what it should be.
 */
export function parseHoldingsCount(text: string): number {
  const n = /^\s*\d{1,3}(,\d{3})*\s*$|^\s*\d+\s*$/.test(text)
    ? Number(text.replace(/,/g, ""))
    : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_LARGE_HOLDINGS) {
    throw new RangeError(
      `holdings=${text}: expected a whole number of rows from 1 to ${MAX_LARGE_HOLDINGS.toLocaleString("en-US")}`
    );
  }
  return n;
}

/** The ID of copy `cycle` (0-based) of a source row's ID. */
function idOf(id: SimCell["value"], cycle: number): SimCell["value"] {
  if (cycle === 0 || id === "") return id;
  return `${String(id)}-${cycle + 1}`;
}

/**
 * Replaces the data rows of `sheetName` (every used row below the header row, the first) with `n`
 * rows cycling through them. The header row, column widths and frozen rows stay as they were.
 * @returns The sheet.
 * @throws Error when the sheet is missing, has no data rows or no ID column (found as the task
 *   pane finds it), when n is out of range, or when two IDs would be equal.
 */
export function fillLargeHoldings(book: SimWorkbook, sheetName: string, n: number): SimSheet {
  if (!Number.isInteger(n) || n < 1 || n > MAX_LARGE_HOLDINGS) {
    throw new RangeError(`holdings: ${n} is not a whole number from 1 to ${MAX_LARGE_HOLDINGS}`);
  }
  const sheet = book.sheet(sheetName);
  if (!sheet) throw new Error(`no "${sheetName}" sheet`);
  const used = sheet.usedRect();
  const columns = used.columnCount;
  const header = sheet.valuesIn({ row: 0, column: 0, rowCount: 1, columnCount: columns })[0];
  const idColumn = matchColumns(header).id?.index;
  if (idColumn === undefined) throw new Error(`"${sheetName}" has no ID column in its first row`);
  const sourceRows = used.rowCount - 1;
  if (sourceRows < 1) throw new Error(`"${sheetName}" has no rows below its header`);

  // The source rows' cells (undefined where a cell was never written), copied before clearing.
  const source: (SimCell | undefined)[][] = [];
  for (let r = 1; r <= sourceRows; r++) {
    const row: (SimCell | undefined)[] = [];
    for (let c = 0; c < columns; c++) {
      const cell = sheet.cell(r, c);
      row.push(cell && { ...cell, look: cell.look && { ...cell.look } });
    }
    source.push(row);
  }
  // The new IDs, checked before any cell changes.
  const ids: SimCell["value"][] = [];
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const id = idOf(source[i % sourceRows][idColumn]?.value ?? "", Math.floor(i / sourceRows));
    if (id !== "") {
      if (seen.has(String(id))) throw new Error(`holdings: ID "${id}" would appear twice`);
      seen.add(String(id));
    }
    ids.push(id);
  }

  for (const key of [...sheet.cells.keys()]) {
    if (key >= MAX_COLUMNS) sheet.cells.delete(key); // rows below the header
  }
  for (let i = 0; i < n; i++) {
    const from = source[i % sourceRows];
    for (let c = 0; c < columns; c++) {
      const cell = from[c];
      if (!cell) continue;
      const to = sheet.cellForWrite(i + 1, c);
      to.value = c === idColumn ? ids[i] : cell.value;
      if (cell.formula !== undefined) to.formula = cell.formula;
      if (cell.numberFormat !== undefined) to.numberFormat = cell.numberFormat;
      if (cell.look) to.look = { ...cell.look };
    }
  }
  book.changed("cells", sheet);
  return sheet;
}
