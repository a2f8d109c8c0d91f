/**
 * The playground's Excel simulator keeps Office.js's rules (load before read, queued work applied
 * on sync, a failed request drops the rest of its batch, Excel.run's final sync, payload limits),
 * and the task pane's own workbook code runs on it unchanged against the sample workbook.
 */
import * as path from "path";
import { workbookSnapshot } from "../../scripts/xlsx-json-loader";
import {
  SimOfficeError,
  SimRequestContext,
  simulatedExcelRun,
} from "../../src/playground/excelSimulator";
import { installOfficeGlobals, SimSettings } from "../../src/playground/officeShim";
import { payloadSize } from "../../src/playground/simBase";
import { SimWorkbook, WorkbookSnapshot, cellFromInput } from "../../src/playground/workbookModel";
import { renderSheet } from "../../src/render/officejs";
import { SheetModel } from "../../src/core/report/sheetModel";
import { readSelection, selectCell } from "../../src/taskpane/workbookIO";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "sample-portfolio.xlsx");

/** A workbook with "Data" holding a 3×2 block from A1. */
function smallBook(): SimWorkbook {
  return SimWorkbook.fromSnapshot({
    sheets: [
      {
        name: "Data",
        values: [
          ["name", "x"],
          ["a", 1],
          ["b", 2],
        ],
      },
    ],
  });
}

/** Work in a context as Excel.run would give it (types: the simulator stands in for Excel). */
function run<T>(book: SimWorkbook, batch: (context: Excel.RequestContext) => Promise<T>) {
  return simulatedExcelRun(book)((ctx) => batch(ctx as unknown as Excel.RequestContext));
}

/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read,
   office-addins/call-sync-after-load -- these tests read before load and sync on purpose */
describe("load before read", () => {
  test("an unloaded property throws PropertyNotLoaded; after load and sync it reads", async () => {
    const book = smallBook();
    await run(book, async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B3");
      expect(() => range.values).toThrow(/The property 'values' is not available/);
      range.load("values");
      // Loading is not enough: the value arrives with the sync.
      expect(() => range.values).toThrow(SimOfficeError);
      await context.sync();
      expect(range.values).toEqual([
        ["name", "x"],
        ["a", 1],
        ["b", 2],
      ]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("loaded values are a snapshot: later writes show only after another load", async () => {
    const book = smallBook();
    await run(book, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const b2 = sheet.getRange("B2").load("values");
      await context.sync();
      sheet.getRange("B2").values = [[42]];
      await context.sync();
      expect(b2.values).toEqual([[1]]);
      b2.load("values");
      await context.sync();
      expect(b2.values).toEqual([[42]]);
    });
  });

  test("collections load items/name; worksheet proxies load name, position", async () => {
    const book = smallBook();
    book.addSheet("Other");
    await run(book, async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/'items'/);
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Data", "Other"]);
      expect(() => sheets.items[1].position).toThrow(/'position'/);
    });
  });
});

describe("requests", () => {
  test("writes apply on sync, in order; Excel.run syncs after the batch", async () => {
    const book = smallBook();
    await run(book, async (context) => {
      const ws = context.workbook.worksheets.add("Out");
      const range = ws.getRangeByIndexes(0, 0, 2, 2);
      range.numberFormat = [
        ["General", "0.00%"],
        ["General", "#,##0"],
      ];
      range.formulas = [
        ["label", 0.05],
        ["'=text", "=SUM(B1)"],
      ];
      range.format.font.bold = true;
      ws.freezePanes.freezeRows(1);
      expect(book.sheet("Out")).toBeUndefined(); // nothing happens before the sync
      return Promise.resolve(); // no explicit sync: Excel.run's own one applies the queue
    });
    const out = book.sheet("Out")!;
    // The formula is calculated by the end of the sync (formulaEngine.ts).
    expect(book.usedValues("Out")).toEqual([
      ["label", 0.05],
      ["=text", 0.05],
    ]);
    expect(out.cell(1, 1)?.formula).toBe("=SUM(B1)");
    expect(out.cell(0, 1)?.numberFormat).toBe("0.00%");
    expect(out.cell(1, 0)?.look?.bold).toBe(true);
    expect(out.freezeRows).toBe(1);
    expect(book.activeSheet.name).toBe("Data"); // add does not activate
  });

  test("a failing request rejects the sync and drops the rest of the batch", async () => {
    const book = smallBook();
    await expect(
      run(book, async (context) => {
        context.workbook.worksheets.getItem("Nope").getRange("A1").values = [[1]];
        context.workbook.worksheets.getItem("Data").getRange("A1").values = [["changed"]];
        await context.sync();
      })
    ).rejects.toMatchObject({ name: "RichApi.Error", code: "ItemNotFound" });
    expect(book.usedValues("Data")[0][0]).toBe("name");
  });

  test("an array of the wrong shape is InvalidArgument and writes nothing", async () => {
    const book = smallBook();
    await expect(
      run(book, async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1:B2").values = [[1, 2]];
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(book.usedValues("Data")[0]).toEqual(["name", "x"]);
    // The same write with the right shape goes through: the check is not rejecting everything.
    await run(book, async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:B1").values = [[1, 2]];
      await context.sync();
    });
    expect(book.usedValues("Data")[0]).toEqual([1, 2]);
  });

  test("a batch must return a promise; objects die with their run", async () => {
    const book = smallBook();
    const bad = simulatedExcelRun(book)(
      (() => undefined) as unknown as (c: SimRequestContext) => Promise<void>
    );
    await expect(bad).rejects.toMatchObject({ code: "RunMustReturnPromise" });
    let leaked: Excel.Range | undefined;
    await run(book, async (context) => {
      leaked = context.workbook.getSelectedRange();
    });
    expect(() => leaked!.load("values")).toThrow(/outside the ".run" batch/);
  });

  test("requests over the payload limit fail, as in Excel on the web", async () => {
    const book = smallBook();
    const limited = simulatedExcelRun(book, { payloadLimitBytes: 1000 });
    const big = Array.from({ length: 100 }, (_, i) => [`row ${i} with some text`]);
    await expect(
      limited(async (context) => {
        const ws = context.workbook.worksheets.getActiveWorksheet();
        ws.getRangeByIndexes(0, 3, 100, 1).values = big;
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    await limited(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRangeByIndexes(0, 3, 10, 1).values =
        big.slice(0, 10);
      await context.sync();
    });
    expect(book.stats.largestRequestBytes).toBeGreaterThan(1000);
  });

  test("the bytes the workbook answers with are counted: reads add them, writes do not", async () => {
    const book = smallBook();
    const before = book.stats.responseBytes;
    await run(book, async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRangeByIndexes(0, 0, 3, 2);
      range.load("values");
      await context.sync();
    });
    const read = book.stats.responseBytes - before;
    expect(read).toBeGreaterThan(0);
    await run(book, async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRangeByIndexes(0, 3, 1, 1).values = [
        ["x"],
      ];
      await context.sync();
    });
    expect(book.stats.responseBytes - before).toBe(read);
  });

  test("a request's size is JSON.stringify's length, counted without building the text", () => {
    const cells = [
      ["a", 1, null, true, false, 'q"x', "back\\slash", "\n", "é", "\ud83d\ude00", "\ud800"],
      [1.5e-7, -0, NaN, Infinity, 123456789012, "=SUM(A1:B2)", ""],
      [],
    ];
    for (const payload of [cells, [], [[]], [[{ a: 1 }]], { a: [1] }, "text", 5]) {
      expect(payloadSize(payload)).toBe(JSON.stringify(payload).length);
    }
  });
});

describe("the task pane's workbook code on the simulated sample", () => {
  let snapshot: WorkbookSnapshot;
  beforeAll(async () => {
    snapshot = await workbookSnapshot(SAMPLE);
  });

  test("the build-time snapshot has the sample's sheets, dates as serials", () => {
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["Holdings", "Curve", "Settings"]);
    const holdings = snapshot.sheets[0];
    expect(holdings.values[0].slice(0, 7)).toEqual([
      "ID",
      "Description",
      "Sector",
      "Type",
      "Par",
      "Coupon",
      "Maturity",
    ]);
    expect(holdings.values[1][6]).toBe(46037); // 2026-01-15
    expect(holdings.numberFormats?.[1][6]).toBe("yyyy-mm-dd");
    expect(holdings.freezeRows).toBe(1);
  });

  test("readSelection reads the selected holdings in chunks; selectCell moves the selection", async () => {
    const book = SimWorkbook.fromSnapshot(snapshot);
    book.selectAddress("Holdings!A1:V303");
    const selection = await run(book, (context) => readSelection(context));
    expect(selection).toMatchObject({
      sheet: "Holdings",
      address: "Holdings!A1:V303",
      originRow: 1,
      originColumn: 0,
    });
    expect(selection.values).toEqual(snapshot.sheets[0].values);
    book.activate(book.sheet("Curve")!);
    await run(book, (context) => selectCell(context, "Holdings!F7"));
    expect(book.activeSheet.name).toBe("Holdings");
    expect(book.activeSheet.selection).toEqual({ row: 6, column: 5, rowCount: 1, columnCount: 1 });
  });
});

describe("Office globals", () => {
  test("settings persist in the workbook on saveAsync only", async () => {
    const book = new SimWorkbook();
    const first = new SimSettings(book);
    first.set("k", { a: 1 });
    expect(first.get("k")).toEqual({ a: 1 });
    expect(new SimSettings(book).get("k")).toBeNull();
    await new Promise((resolve) => first.saveAsync(resolve));
    expect(new SimSettings(book).get("k")).toEqual({ a: 1 });
  });

  test("installs Office, Excel and CustomFunctions; onReady reports Excel", async () => {
    const target: Record<string, unknown> = {};
    const installed = installOfficeGlobals(target, new SimWorkbook());
    const office = target.Office as typeof Office;
    const info = await office.onReady();
    expect(info.host).toBe(office.HostType.Excel);
    (target.CustomFunctions as { associate(id: string, f: () => number): void }).associate(
      "ONE",
      () => 1
    );
    expect([...installed.customFunctions.keys()]).toEqual(["ONE"]);
    expect(typeof (target.Excel as typeof Excel).run).toBe("function");
  });
});

describe("text written to cells is parsed as Excel parses it", () => {
  test.each([
    ["9128102E7", 91281020000000],
    ["1,000", 1000],
    ["5%", 0.05],
    ["$3.5", 3.5],
    ["2026-01-15", 46037],
    ["1/15/2026", 46037],
    ["TRUE", true],
    ["91282CJL6", "91282CJL6"],
    ["2026-02-30", "2026-02-30"],
    ["'9128102E7", "9128102E7"],
  ])("%p → %p", (input, value) => {
    expect(cellFromInput(input)?.value).toBe(value);
  });

  test("the Office.js renderer keeps such text as text (it writes it with an apostrophe)", async () => {
    const book = new SimWorkbook();
    const texts = ["9128102E7", "1,000", "5%", "2026-01-15", "TRUE", "=1+1", "Jan 15", "91282CJL6"];
    const model: SheetModel = {
      name: "Out",
      rows: [texts.map((value) => ({ value }))],
      columnWidths: texts.map(() => 10),
      freezeRows: 0,
    };
    await run(book, (context) => renderSheet(context, model));
    expect(book.usedValues("Out")).toEqual([texts]);
  });
});
