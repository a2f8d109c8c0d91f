/** Draws a SheetModel into an exceljs workbook (for `npm run demo` and files outside Excel). */
import ExcelJS from "exceljs";
import type { Workbook, Worksheet } from "exceljs";
import {
  CellValue,
  SheetModel,
  TABLE_STYLE,
  printArea,
  printBreaks,
  shownValue,
  uniqueSheetName,
  uniqueTableName,
} from "../core/report/sheetModel";
import { cellA1, rangeA1 } from "../core/a1";
import { STYLE_LOOKS } from "./styles";
import { addChartsToXlsxFile } from "./xlsxCharts";

const argb = (hex: string) => "FF" + hex.replace("#", "").toUpperCase();

/**
 * A cell's value in a file: formulas that stay within the sheet (the totals' SUMIFS) are kept with
 * their result; formulas reading the user's holdings sheet or calling KEYRATE functions are
 * written as their results, since the file holds neither the holdings nor the add-in.
 */
function fileValue(v: CellValue): ExcelJS.CellValue {
  if (v === null || typeof v !== "object") return v;
  const portable = !v.formula.includes("!") && !/KEYRATE\./i.test(v.formula);
  return portable ? { formula: v.formula.replace(/^=/, ""), result: v.result } : v.result;
}

/**
 * Adds the sheet under a name no existing sheet has, and its tables under names no table of the
 * workbook has; returns the worksheet.
 */
export function renderSheet(workbook: Workbook, model: SheetModel): Worksheet {
  const name = uniqueSheetName(
    model.name,
    workbook.worksheets.map((w) => w.name)
  );
  const ws = workbook.addWorksheet(name, {
    views: model.freezeRows > 0 ? [{ state: "frozen", ySplit: model.freezeRows }] : undefined,
  });
  ws.columns = model.columnWidths.map((width) => ({ width }));
  model.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((cell, c) => {
      const target = row.getCell(c + 1);
      target.value = fileValue(cell.value);
      if (cell.numFmt) target.numFmt = cell.numFmt;
      if (cell.wrap || cell.alignRight)
        target.alignment = {
          wrapText: cell.wrap,
          horizontal: cell.alignRight ? "right" : undefined,
        };
      const look = cell.style ? STYLE_LOOKS[cell.style] : undefined;
      if (look) {
        target.font = {
          bold: look.bold,
          italic: look.italic,
          size: look.size,
          color: look.color ? { argb: argb(look.color) } : undefined,
        };
        if (look.fill)
          target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
      }
    });
  });
  for (const { row, points } of model.rowHeights ?? []) ws.getRow(row + 1).height = points;
  for (const m of model.merges ?? []) ws.mergeCells(rangeA1(m));
  applyPrintSetup(ws, model);
  // exceljs's typings give getTables() a tuple type; at run time it returns the tables.
  const taken = workbook.worksheets.flatMap((w) =>
    (w.getTables() as unknown as { name: string }[]).map((t) => t.name)
  );
  for (const spec of model.tables ?? []) {
    const block = model.rows.slice(spec.row, spec.row + spec.rows);
    const cells = block.map((row) => row.slice(spec.column, spec.column + spec.columns));
    const name = uniqueTableName(spec.name, taken);
    taken.push(name);
    ws.addTable({
      name,
      ref: cellA1(spec.row, spec.column),
      headerRow: true,
      style: { theme: TABLE_STYLE as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: cells[0].map((c) => ({ name: String(shownValue(c)), filterButton: true })),
      rows: cells.slice(1).map((row) => row.map((c) => fileValue(c.value))),
    });
  }
  return ws;
}

/**
 * The model's print setup: orientation, fit to N pages wide (any number tall), the print area, the
 * title rows repeated on every page, and a manual page break above each break row.
 */
function applyPrintSetup(ws: Worksheet, model: SheetModel): void {
  const print = model.print;
  if (!print) return;
  const titles = print.titleRows;
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.fitToPagesWide,
    fitToHeight: 0,
    printArea: printArea(model),
    printTitlesRow: titles ? `${titles.first + 1}:${titles.last + 1}` : undefined,
  };
  // exceljs breaks below a row: a break above 0-based row b is below 1-based row b.
  for (const b of printBreaks(model)) ws.getRow(b).addPageBreak();
}

/**
 * Writes the models as a new workbook at `path`, with their charts (exceljs writes none: their
 * parts are added to the file it wrote, see xlsxCharts.ts). Returns the sheets' names as written.
 */
export async function writeXlsx(models: readonly SheetModel[], path: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  book.creator = "keyrate";
  const written = models.map((model) => ({ sheetName: renderSheet(book, model).name, model }));
  await book.xlsx.writeFile(path);
  await addChartsToXlsxFile(path, written);
  return written.map((w) => w.sheetName);
}
