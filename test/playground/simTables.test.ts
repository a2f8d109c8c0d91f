/**
 * Tables in the simulator and from the Office.js renderer: every table spec of a model becomes a
 * table over the same cells with a workbook-unique name and the reports' style; Excel's rules for
 * names and overlaps hold.
 */
import { simulatedExcelRun } from "../../src/playground/excelSimulator";
import { SimWorkbook } from "../../src/playground/workbookModel";
import { renderSheet } from "../../src/render/officejs";
import { SheetBuilder, TABLE_STYLE } from "../../src/core/report/sheetModel";

function run<T>(book: SimWorkbook, batch: (context: Excel.RequestContext) => Promise<T>) {
  return simulatedExcelRun(book)((ctx) => batch(ctx as unknown as Excel.RequestContext));
}

function model() {
  const s = new SheetBuilder(3);
  s.row(["Report"], "title");
  const at = s.row(["Name", "Value", "Unit"], "header");
  s.row(["a", 1, "bp"]);
  s.row(["b", 2, "bp"]);
  s.table("krFigures", at);
  const empty = s.row(["Other", "Value"], "header");
  s.table("krEmpty", empty); // no data rows: no table
  return s.build("Figures", [10, 10, 10]);
}

describe("tables", () => {
  it("the builder records header and data rows, and refuses repeated headers", () => {
    expect(model().tables).toEqual([{ name: "krFigures", row: 1, column: 0, rows: 3, columns: 3 }]);
    const s = new SheetBuilder(2);
    s.row(["Value", "value"]);
    s.row([1, 2]);
    expect(() => s.table("krBad", 0)).toThrow(/repeated/);
  });

  it("the renderer adds each table with a workbook-unique name and the reports' style", async () => {
    const book = new SimWorkbook("Holdings");
    await run(book, (context) => renderSheet(context, model()));
    await run(book, (context) => renderSheet(context, model()));
    const tables = book.sheets.flatMap((s) => s.tables);
    expect(tables.map((t) => [t.sheet.name, t.name, t.style])).toEqual([
      ["Figures", "krFigures", TABLE_STYLE],
      ["Figures (2)", "krFigures2", TABLE_STYLE],
    ]);
    expect(tables[0].rect).toEqual({ row: 1, column: 0, rowCount: 3, columnCount: 3 });
  });

  it("keeps Excel's rules: unique valid names, no overlap", async () => {
    const book = new SimWorkbook("S");
    await expect(
      run(book, async (context) => {
        const ws = context.workbook.worksheets.getItem("S");
        ws.tables.add("A1:B3", true).name = "Mine";
        await context.sync();
        ws.tables.add("B2:C4", true);
        await context.sync();
      })
    ).rejects.toThrow(/overlap/);
    await expect(
      run(book, async (context) => {
        const ws = context.workbook.worksheets.getItem("S");
        ws.tables.add("E1:F3", true).name = "mine";
        await context.sync();
      })
    ).rejects.toThrow(/already exists/);
    await expect(
      run(book, async (context) => {
        context.workbook.worksheets.getItem("S").tables.add("H1:I3", true).name = "A1";
        await context.sync();
      })
    ).rejects.toThrow(/not a valid table name/);
    // Empty headers were named as Excel names them.
    expect(book.usedValues("S")[0].slice(0, 2)).toEqual(["Column1", "Column2"]);
  });
});
