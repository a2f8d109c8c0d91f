/**
 * The Office.js renderer in the simulated workbook: a total over a table longer than one write
 * request is written after the table's rows, so the host calculates it once over the whole
 * table (not again after every chunk writing into its range), and shows the whole table's sum.
 */
import { ROWS_PER_CHUNK, renderSheet } from "../../src/render/officejs";
import { SheetBuilder } from "../../src/core/report/sheetModel";
import { simulatedExcelRun } from "../../src/playground/excelSimulator";
import { SimWorkbook } from "../../src/playground/workbookModel";

describe("renderSheet", () => {
  it("writes a formula over a range after the rows it reads: calculated once, over them all", async () => {
    const rows = 2 * ROWS_PER_CHUNK + 500;
    const s = new SheetBuilder(2);
    const total = s.row(["Total", null]);
    s.row(["Item", "Amount"]);
    for (let i = 0; i < rows; i++) s.row([`item ${i + 1}`, i + 1]);
    s.set(total, 1, {
      value: { formula: `COUNTED_SUM(B3:B${rows + 2})`, result: (rows * (rows + 1)) / 2 },
    });
    // A single-cell formula is written with its chunk as before.
    s.set(total, 0, { value: { formula: "B3", result: 1 } });
    const model = s.build("Totals", [10, 12]);

    const book = new SimWorkbook("Sheet1");
    let calls = 0;
    book.calc.functions = (name, args) => {
      if (name !== "COUNTED_SUM") return undefined;
      calls++;
      return (args[0] ?? [])
        .flat()
        .reduce<number>((a, v) => a + (typeof v === "number" ? v : 0), 0);
    };
    await simulatedExcelRun(book)(async (context) => {
      await renderSheet(context as unknown as Excel.RequestContext, model);
    });
    expect(book.cellAt("'Totals'!B1")?.value).toBe((rows * (rows + 1)) / 2);
    expect(book.cellAt("'Totals'!A1")?.value).toBe(1);
    expect(calls).toBe(1);
  });
});
