/** Reading ranges from workbook files (exceljs) into the plain values a range would give in Excel. */
import type { Worksheet } from "exceljs";
import { cellValue } from "../core/holdings";
import { settingLabels } from "../core/report/workbookSettings";

/** The used range of a worksheet from A1, as rows of unwrapped cell values ("" for empty cells). */
export function sheetValues(ws: Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values: unknown[] = [];
    // exceljs, not Office.js: nothing to load.
    // eslint-disable-next-line office-addins/load-object-before-read
    for (let c = 1; c <= width; c++) values.push(cellValue(row.getCell(c).value) ?? "");
    rows.push(values);
  }
  return rows;
}

/**
 * Label → value pairs of a settings sheet (labels normalised as core/report/workbookSettings
 * compares them: lower case, notes in parentheses dropped). For typed settings with the cell each
 * came from, use `readWorkbookSettings(sheetValues(ws))`.
 */
export function settingsOf(ws: Worksheet | undefined): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!ws) return out;
  for (const [label, found] of settingLabels(sheetValues(ws))) out.set(label, found.value ?? "");
  return out;
}

/** The value in the cell right of the first cell whose text is `label` (case-insensitive). */
export function labelledValue(ws: Worksheet, label: string): unknown {
  for (const row of sheetValues(ws)) {
    const k = row.findIndex((v) => typeof v === "string" && v.trim().toLowerCase() === label);
    if (k >= 0 && k + 1 < row.length && row[k + 1] !== "") return row[k + 1];
  }
  return undefined;
}
