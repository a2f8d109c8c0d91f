/**
 * Range.getSurroundingRegion in the simulator: Excel's current region (Ctrl+*) of the range's
 * top-left cell, bounded by empty rows and columns, diagonal neighbours included; and the pane's
 * surroundingRegion / readRange / readSettingsSheet over it.
 */
import { simulatedExcelRun } from "../../src/playground/excelSimulator";
import { SimWorkbook } from "../../src/playground/workbookModel";
import { readRange, readSettingsSheet, surroundingRegion } from "../../src/taskpane/workbookIO";

function book(): SimWorkbook {
  return SimWorkbook.fromSnapshot({
    sheets: [
      {
        name: "Data",
        values: [
          ["id", "par", "", ""],
          ["a", 1, "", ""],
          ["b", 2, "", ""],
          ["c", 3, "", ""],
          ["", "", "", ""],
          ["", "", "x", ""],
          ["", "", "", "y"],
        ],
      },
      { name: "settings", values: [["Settlement date", 45659]] },
    ],
  });
}

function run<T>(b: SimWorkbook, batch: (context: Excel.RequestContext) => Promise<T>) {
  return simulatedExcelRun(b)((ctx) => batch(ctx as unknown as Excel.RequestContext));
}

describe("getSurroundingRegion", () => {
  test("the block around the top-left cell, however much of it the range covers", async () => {
    const b = book();
    const region = await run(b, (context) => surroundingRegion(context, "Data!A1:B2"));
    expect(region).toEqual({
      address: "Data!A1:B4",
      rowIndex: 0,
      columnIndex: 0,
      rowCount: 4,
      columnCount: 2,
    });
  });

  test("an empty row bounds it; a diagonal neighbour joins it", async () => {
    const b = book();
    // C6 and D7 touch diagonally; row 5 is empty, so A1:B4 stays apart.
    await expect(run(b, (context) => surroundingRegion(context, "Data!C6"))).resolves.toMatchObject(
      { address: "Data!C6:D7" }
    );
    // A lone empty cell next to the block belongs to it.
    await expect(run(b, (context) => surroundingRegion(context, "Data!C2"))).resolves.toMatchObject(
      { address: "Data!A1:C4" }
    );
  });

  test("readRange reads an address; readSettingsSheet finds the Settings sheet in any case", async () => {
    const b = book();
    const read = await run(b, (context) => readRange(context, "Data!A2:B3"));
    expect(read).toEqual({
      values: [
        ["a", 1],
        ["b", 2],
      ],
      sheet: "Data",
      address: "Data!A2:B3",
      originRow: 2,
      originColumn: 0,
    });
    const settings = await run(b, (context) => readSettingsSheet(context));
    expect(settings?.values).toEqual([["Settlement date", 45659]]);
    expect(settings?.sheet).toBe("settings");
  });
});
