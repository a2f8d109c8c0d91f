/** Reading ranges from workbook files (exceljs) into the plain values a range would give in Excel. */
import type { Cell, Worksheet } from "exceljs";
import { cellValue } from "../core/holdings";
import { settingsFromValues } from "../core/settings";

/**
 * A cell's value: unwrapped, and a number shown with a zero-padded format ("000000000", as
 * identifiers such as CUSIP 023135106 are stored) as its text, so that leading zeros survive.
 */
function valueOf(cell: Cell): unknown {
  const v = cellValue(cell.value);
  const format = cell.numFmt;
  if (typeof v === "number" && format && /^0{2,}$/.test(format) && Number.isInteger(v))
    return String(v).padStart(format.length, "0");
  return v ?? "";
}

/** The used range of a worksheet from A1, as rows of unwrapped cell values ("" for empty cells). */
export function sheetValues(ws: Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values: unknown[] = [];
    for (let c = 1; c <= width; c++) values.push(valueOf(row.getCell(c)));
    rows.push(values);
  }
  return rows;
}

/**
 * Label → value pairs of a settings sheet (labels normalised as core/settings.ts
 * compares them: lower case, notes in parentheses dropped). For typed settings with the cell each
 * came from, use `readWorkbookSettings(sheetValues(ws))`.
 */
export function settingsOf(ws: Worksheet | undefined): Map<string, unknown> {
  return ws ? settingsFromValues(sheetValues(ws)) : new Map();
}

/** The value in the cell right of the first cell whose text is `label` (case-insensitive). */
export function labelledValue(ws: Worksheet, label: string): unknown {
  for (const row of sheetValues(ws)) {
    const k = row.findIndex((v) => typeof v === "string" && v.trim().toLowerCase() === label);
    if (k >= 0 && k + 1 < row.length && row[k + 1] !== "") return row[k + 1];
  }
  return undefined;
}
