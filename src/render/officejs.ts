/**
 * Draws a SheetModel into the open workbook through Office.js: a new sheet (never an existing one),
 * values, formulas and number formats written in row chunks with one `context.sync()` per chunk
 * (under Excel on the web's request-size limit), then the formulas over ranges, tables, styles,
 * widths, frozen rows and charts.
 */
import {
  CellStyle,
  SheetModel,
  TABLE_STYLE,
  printArea,
  printBreaks,
  uniqueSheetName,
  uniqueTableName,
} from "../core/report/sheetModel";
import { columnPoints } from "../core/report/layout";
import { STYLE_LOOKS } from "./styles";
import { addCharts } from "./officejsCharts";

/** Rows per write request: 2,000 rows × 16 columns stays well under Excel on the web's 5 MB payload. */
export const ROWS_PER_CHUNK = 2000;

// Office.js takes column widths in points; the model, like the file format, in characters.

/**
 * Text Excel would parse on entry instead of keeping it as typed: a formula (= + - @), a number
 * ("9128102E7" — a CUSIP — is 9.128102E+13 to Excel; "1,000", "5%", "$3", "(2)"), a date or time
 * ("2026-01-15", "1/2", "15-Jan", "Jan 15", "3:30") or TRUE/FALSE.
 */
const EXCEL_WOULD_CONVERT: readonly RegExp[] = [
  /^[=+\-@]/,
  /^\s*\$?\(?\s*(\d[\d,]*(\.\d*)?|\.\d+)(e[-+]?\d+)?\s*\)?\s*%?\s*$/i,
  /^\s*\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?\s*$/,
  /^\s*\d{1,2}[-\s/]*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*([-\s/]*\d{1,4})?\s*$/i,
  /^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-\s/.]*\d{1,4}([-\s/,]+\d{1,4})?\s*$/i,
  /^\s*\d{1,2}:\d{2}/,
  /^\s*(true|false)\s*$/i,
];

/** A cell as Office.js takes it in `formulas`: a formula string, a number, or text. */
function toFormula(value: SheetModel["rows"][number][number]["value"]): string | number {
  if (value === null) return "";
  if (typeof value === "object") return "=" + value.formula.replace(/^=/, "");
  // Text that Excel would read as a formula, number, date or boolean (a CUSIP such as
  // "9128102E7" is 9.128102E+13 to Excel) is written as literal text.
  if (typeof value === "string" && EXCEL_WOULD_CONVERT.some((re) => re.test(value))) {
    return "'" + value;
  }
  return value;
}

/**
 * Whether a cell's formula reads a range ("SUMIFS(K12:K10011,…)"): such a cell is written after
 * the row chunks, so the host calculates it once over the whole table, not again after every
 * chunk that writes into its range (a total over 50,000 rows was calculated 25 times).
 */
function readsRange(cell: SheetModel["rows"][number][number]): boolean {
  return typeof cell.value === "object" && cell.value !== null && cell.value.formula.includes(":");
}

/** Runs of equal styles along each row: [row, firstColumn, columnCount, style]. */
function styleRuns(model: SheetModel): [number, number, number, CellStyle][] {
  const runs: [number, number, number, CellStyle][] = [];
  model.rows.forEach((row, r) => {
    let c = 0;
    while (c < row.length) {
      const style = row[c].style;
      let end = c + 1;
      while (end < row.length && row[end].style === style) end++;
      if (style) runs.push([r, c, end - c, style]);
      c = end;
    }
  });
  return runs;
}

/** Runs of cells with a flag along each row: [row, firstColumn, columnCount]. */
function flagRuns(model: SheetModel, flag: "wrap" | "alignRight"): [number, number, number][] {
  const runs: [number, number, number][] = [];
  model.rows.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      if (!row[c][flag]) continue;
      let end = c + 1;
      while (end < row.length && row[end][flag]) end++;
      runs.push([r, c, end - c]);
      c = end - 1;
    }
  });
  return runs;
}

/**
 * Whether the host has worksheet.pageLayout and page breaks (ExcelApi 1.9; the manifest asks only
 * for the shared runtime, so older hosts get the sheets without print setup).
 */
export function pageLayoutSupported(): boolean {
  return (
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported("ExcelApi", "1.9") === true
  );
}

/**
 * Queues the model's print setup on the sheet: landscape or portrait, fit to N pages wide (any
 * number tall), the print area, the title rows and manual page breaks.
 */
export function queuePrintSetup(ws: Excel.Worksheet, model: SheetModel): void {
  const print = model.print;
  if (!print) return;
  const layout = ws.pageLayout;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.zoom = { horizontalFitToPages: print.fitToPagesWide, verticalFitToPages: 0 };
  layout.setPrintArea(printArea(model));
  if (print.titleRows)
    layout.setPrintTitleRows(`$${print.titleRows.first + 1}:$${print.titleRows.last + 1}`);
  for (const b of printBreaks(model)) ws.horizontalPageBreaks.add(`A${b + 1}`);
}

/** What renderSheet needs of an AbortSignal (an AbortController's signal will do). */
export interface CancelSignal {
  readonly aborted: boolean;
}

/**
 * Adds the sheet under a name no existing sheet has and writes the model into it.
 *
 * With `signal`, a cancel is noticed between row chunks: the half-written sheet (new, ours) is
 * deleted again and undefined is returned, so a cancelled run never leaves a partial sheet.
 * @returns The name of the new sheet, or undefined when cancelled.
 */
export async function renderSheet(
  context: Excel.RequestContext,
  model: SheetModel,
  onProgress?: (done: number, total: number) => void,
  signal?: CancelSignal
): Promise<string | undefined> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const tables = context.workbook.tables;
  if (model.tables?.length) tables.load("items/name");
  await context.sync();
  const name = uniqueSheetName(
    model.name,
    sheets.items.map((s) => s.name)
  );
  const ws = sheets.add(name);
  const width = model.columnWidths.length;
  const total = model.rows.length;
  const later: [number, number, string | number][] = [];
  for (let r0 = 0; r0 < total; r0 += ROWS_PER_CHUNK) {
    if (signal?.aborted) {
      ws.delete();
      // Once, on the way out: not a per-chunk round trip.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      return undefined;
    }
    const rows = model.rows.slice(r0, r0 + ROWS_PER_CHUNK);
    const range = ws.getRangeByIndexes(r0, 0, rows.length, width);
    // null leaves a cell as it is (Office.js): a new sheet's cells are empty and General already.
    range.numberFormat = rows.map((row) => row.map((cell) => cell.numFmt ?? null));
    range.formulas = rows.map((row, i) =>
      row.map((cell, c) => {
        if (cell.value === null) return null;
        if (!readsRange(cell)) return toFormula(cell.value);
        later.push([r0 + i, c, toFormula(cell.value)]);
        return null;
      })
    );
    // One sync per chunk is the point: it bounds each request's size.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    onProgress?.(Math.min(r0 + ROWS_PER_CHUNK, total), total);
  }
  for (const [r, c, formula] of later) ws.getRangeByIndexes(r, c, 1, 1).formulas = [[formula]];
  for (const [r, c, n, style] of styleRuns(model)) {
    const look = STYLE_LOOKS[style];
    const format = ws.getRangeByIndexes(r, c, 1, n).format;
    if (look.bold !== undefined) format.font.bold = look.bold;
    if (look.italic !== undefined) format.font.italic = look.italic;
    if (look.size !== undefined) format.font.size = look.size;
    if (look.color) format.font.color = look.color;
    if (look.fill) format.fill.color = look.fill;
  }
  // Tables go over the written cells (their headers are already unique text).
  const takenTables = model.tables?.length ? tables.items.map((t) => t.name) : [];
  for (const spec of model.tables ?? []) {
    const table = ws.tables.add(
      ws.getRangeByIndexes(spec.row, spec.column, spec.rows, spec.columns),
      true
    );
    const tableName = uniqueTableName(spec.name, takenTables);
    takenTables.push(tableName);
    table.name = tableName;
    table.style = TABLE_STYLE;
  }
  model.columnWidths.forEach((chars, c) => {
    ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = columnPoints(chars);
  });
  for (const [r, c, n] of flagRuns(model, "wrap"))
    ws.getRangeByIndexes(r, c, 1, n).format.wrapText = true;
  for (const [r, c, n] of flagRuns(model, "alignRight"))
    ws.getRangeByIndexes(r, c, 1, n).format.horizontalAlignment = "Right";
  for (const m of model.merges ?? [])
    ws.getRangeByIndexes(m.row, m.column, m.rows, m.columns).merge(false);
  for (const { row, points } of model.rowHeights ?? [])
    ws.getRangeByIndexes(row, 0, 1, 1).format.rowHeight = points;
  if (model.freezeRows > 0) ws.freezePanes.freezeRows(model.freezeRows);
  // Charts go in the same request as the styles: no sync of their own.
  addCharts(ws, model.charts ?? []);
  await context.sync();
  if (model.print && pageLayoutSupported()) {
    // A request of its own: a host that refuses a page setting still keeps the sheet.
    queuePrintSetup(ws, model);
    try {
      await context.sync();
    } catch (e) {
      console.warn(`${name}: print setup not applied: ${(e as Error).message}`);
    }
  }
  return name;
}
