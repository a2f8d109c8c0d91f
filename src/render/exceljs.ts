/** Draws a SheetModel into an exceljs workbook (for `npm run demo` and files outside Excel). */
import ExcelJS from "exceljs";
import type { Workbook, Worksheet } from "exceljs";
import { SheetModel, uniqueSheetName } from "../core/report/sheetModel";
import { STYLE_LOOKS } from "./styles";
import { addChartsToXlsxFile } from "./xlsxCharts";

const argb = (hex: string) => "FF" + hex.replace("#", "").toUpperCase();

/** Adds the sheet under a name no existing sheet has; returns the worksheet. */
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
      const v = cell.value;
      target.value =
        v !== null && typeof v === "object" ? { formula: v.formula, result: v.result } : v;
      if (cell.numFmt) target.numFmt = cell.numFmt;
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
  return ws;
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
