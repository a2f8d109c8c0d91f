/**
 * Saving and reopening a workbook in the playground's simulated Excel (issue 17): the worksheet
 * calls the pane's run history needs (getItemOrNullObject, getUsedRangeOrNullObject, visibility,
 * Range.clear) behave as in office.js, a workbook survives toSnapshot → JSON → fromSnapshot with
 * what a saved file keeps, and the pane's history, written by one run, is read by the next run
 * in the reopened workbook — also when it is damaged.
 */
import { join } from "path";
import { workbookSnapshot } from "../../scripts/xlsx-json-loader";
import { HISTORY_SHEET_NAME } from "../../src/core/history/workbookLayout";
import { matchColumns } from "../../src/core/holdings/columns";
import { columnLetters } from "../../src/core/holdings/cells";
import { MONITORING_SHEET_NAME } from "../../src/core/report/monitoringSheet";
import { readWorkbookSettings } from "../../src/core/settings";
import { simulatedExcelRun, SimRequestContext } from "../../src/playground/excelSimulator";
import { SimWorkbook } from "../../src/playground/workbookModel";
import { parseForm } from "../../src/taskpane/form";
import { startingState } from "../../src/taskpane/workbookDefaults";
import { readSettingsSheet, RunOutcome, runOnSelection } from "../../src/taskpane/workbookIO";

jest.setTimeout(600_000);

const SAMPLE = join(__dirname, "..", "..", "assets", "sample-portfolio.xlsx");
const RUN_DATE = "2025-01-02";
/** Holdings rows each run takes (header included): enough of the sample, quick to run. */
const ROWS = 31;

/** A file saved and opened again: only what the snapshot keeps, through its JSON text. */
const reopen = (book: SimWorkbook) =>
  SimWorkbook.fromSnapshot(JSON.parse(JSON.stringify(book.toSnapshot())));

/** The pane's run on the first holdings rows, its inputs the defaults the Settings sheet gives. */
async function paneRun(book: SimWorkbook, rebalance = false): Promise<RunOutcome> {
  const width = book.usedValues("Holdings")[0].length;
  book.selectAddress(`Holdings!A1:${columnLetters(width - 1)}${ROWS}`);
  return simulatedExcelRun(book)(async (context) => {
    const excel = context as unknown as Excel.RequestContext;
    const sheet = await readSettingsSheet(excel);
    const { state } = startingState(null, sheet && readWorkbookSettings(sheet.values, sheet));
    const { settings, errors } = parseForm(state);
    if (!settings) throw new Error(`the pane's form rejects the sample: ${errors.join("; ")}`);
    return runOnSelection(excel, { ...settings, runDate: RUN_DATE, rebalance });
  });
}

/** Runs a batch on the book and returns what it gives. */
const batch = <T>(book: SimWorkbook, f: (c: SimRequestContext) => Promise<T>) =>
  simulatedExcelRun(book)(f);

describe("the simulator's null objects, visibility and clear", () => {
  test("getItemOrNullObject and getUsedRangeOrNullObject say isNullObject after the sync", async () => {
    const book = new SimWorkbook("Data");
    book.enter("Data!B2", 5);
    book.addSheet("Empty");
    const seen = await batch(book, async (context) => {
      const sheets = context.workbook.worksheets;
      const missing = sheets.getItemOrNullObject("Nowhere");
      const there = sheets.getItemOrNullObject("data");
      const empty = sheets.getItem("Empty").getUsedRangeOrNullObject(true);
      const used = sheets.getItem("Data").getUsedRangeOrNullObject(true);
      // office.js: unknown until the sync.
      // eslint-disable-next-line office-addins/call-sync-before-read -- the read before the sync is the point
      expect(() => missing.isNullObject).toThrow(/not available/);
      used.load("address");
      await context.sync();
      return [
        missing.isNullObject,
        there.isNullObject,
        empty.isNullObject,
        used.isNullObject,
        used.address,
      ];
    });
    expect(seen).toEqual([true, false, true, false, "Data!A1:B2"]);
    // Work on a null object fails the sync, as in Excel.
    await expect(
      batch(book, async (context) => {
        context.workbook.worksheets.getItemOrNullObject("Nowhere").getRange("A1").values = [[1]];
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("a very hidden sheet has no tab role, keeps one sheet visible, and clear empties cells", async () => {
    const book = new SimWorkbook("Data");
    book.enter("Data!A1", "x");
    book.enter("Data!B3", "=1+1");
    await batch(book, async (context) => {
      const hidden = context.workbook.worksheets.add("Kept");
      hidden.getRange("A1:B1").values = [["a", "b"]];
      hidden.visibility = "VeryHidden";
      await context.sync();
    });
    expect(book.sheet("Kept")!.visibility).toBe("VeryHidden");
    expect(book.activeSheet.name).toBe("Data");
    // The last visible sheet cannot be hidden.
    await expect(
      batch(book, async (context) => {
        context.workbook.worksheets.getItem("Data").visibility = "Hidden";
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await batch(book, async (context) => {
      context.workbook.worksheets.getItem("Data").getRange().clear();
      await context.sync();
    });
    expect(book.sheet("Data")!.isEmpty()).toBe(true);
    expect(book.usedValues("Kept")).toEqual([["a", "b"]]);
  });
});

describe("save and reopen", () => {
  test("keeps cells, formulas, formats, widths, frozen rows, visibility and settings", async () => {
    const book = SimWorkbook.fromSnapshot(await workbookSnapshot(SAMPLE));
    book.enter("Settings!D1", "=1+2");
    book.settings.set("keyrate.form", JSON.stringify({ target: "5" }));
    const hidden = book.addSheet("Hidden one");
    hidden.visibility = "VeryHidden";
    hidden.cellForWrite(0, 0).value = "kept";
    const again = reopen(book);
    expect(again.sheets.map((s) => [s.name, s.visibility])).toEqual(
      book.sheets.map((s) => [s.name, s.visibility])
    );
    for (const sheet of book.sheets) {
      const other = again.sheet(sheet.name)!;
      expect([...other.cells.entries()]).toEqual([...sheet.cells.entries()]);
      expect([...other.columnWidths.entries()]).toEqual([...sheet.columnWidths.entries()]);
      expect(other.freezeRows).toBe(sheet.freezeRows);
    }
    expect(again.cellAt("Settings!D1")).toMatchObject({ formula: "=1+2", value: 3 });
    expect([...again.settings]).toEqual([...book.settings]);
    // A second save of the reopened book is the same file.
    expect(reopen(again).toSnapshot()).toEqual(again.toSnapshot());
  });

  test("the pane's run history survives it: the next run compares with the saved run", async () => {
    const book = SimWorkbook.fromSnapshot(await workbookSnapshot(SAMPLE));
    const first = await paneRun(book, true);
    expect(first.historyError).toBeUndefined();
    expect(first.sheetNames).not.toContain(MONITORING_SHEET_NAME); // nothing to compare yet
    expect(book.sheet(HISTORY_SHEET_NAME)!.visibility).toBe("VeryHidden");

    // Saved, reopened, and a trade: 2,000,000 more of the first holding.
    const later = reopen(book);
    expect(later.sheet(HISTORY_SHEET_NAME)!.visibility).toBe("VeryHidden");
    const [header, firstRow] = later.usedValues("Holdings");
    const par = matchColumns(header.map(String)).par!.index;
    const parCell = `Holdings!${columnLetters(par)}2`;
    const oldPar = Number(firstRow[par]);
    later.enter(parCell, oldPar + 2_000_000);
    const second = await paneRun(later);
    expect(second.historyError).toBeUndefined();
    expect(second.sheetNames).toContain(MONITORING_SHEET_NAME);
    if (!first.result.ok || !second.result.ok) throw new Error("a run failed");
    const drift = second.result.record.drift!;
    expect(drift.series.map((x) => x.rebalance)).toEqual([true, false]);
    // Same date and curve: the market, time and cash-flow parts are nil; trades are the added par.
    const dv01 = drift.previous!.rows.find((r) => r.label === "DV01")!;
    const added = (second.result.record.positions.dv01[0] * 2_000_000) / (oldPar + 2_000_000);
    expect(dv01.parts[3]).toBeCloseTo(added, 6);
    expect(Math.abs(dv01.parts[0] + dv01.parts[1] + dv01.parts[2])).toBeLessThan(1e-6);
    const stored = later.usedValues(HISTORY_SHEET_NAME).filter((r) => r[0] === "run");
    expect(stored).toHaveLength(2);

    // Reopened once more with a damaged stored run: it still opens and runs, naming what it lost.
    const damaged = reopen(later);
    const sheet = damaged.sheet(HISTORY_SHEET_NAME)!;
    const rows = damaged.usedValues(HISTORY_SHEET_NAME);
    const at = rows.findIndex((r) => r[0] === "run");
    sheet.cellForWrite(at, 3).value = "~{cut short";
    const third = await paneRun(damaged);
    expect(third.result.ok).toBe(true);
    expect(third.historyError).toBeUndefined();
    if (!third.result.ok) return;
    expect(third.result.record.drift!.notes.join("\n")).toMatch(/unreadable/);
  });
});
