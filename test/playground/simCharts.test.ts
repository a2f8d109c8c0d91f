/**
 * The Office.js renderer's charts on the simulator: each spec becomes one chart of the right type
 * whose series, categories, titles and place are the spec's, in the sheet's own batch (no sync
 * of their own); and the simulator keeps Office.js's rules for them (a series index that does not
 * exist fails the sync, properties read before they are set throw).
 */
import { simulatedExcelRun } from "../../src/playground/excelSimulator";
import { SimWorkbook } from "../../src/playground/workbookModel";
import { renderSheet } from "../../src/render/officejs";
import { withCharts } from "../../src/core/report/charts";
import { SheetBuilder, SheetModel } from "../../src/core/report/sheetModel";
import { HEDGE_SHEET_NAME } from "../../src/core/report/hedgeSheet";

function run<T>(book: SimWorkbook, batch: (context: Excel.RequestContext) => Promise<T>) {
  return simulatedExcelRun(book)((ctx) => batch(ctx as unknown as Excel.RequestContext));
}

/** A small hedge sheet: a key-rate section with a benchmark row, and sectors. */
function model(): SheetModel {
  const s = new SheetBuilder(5);
  s.row(["Key-rate profile", "2Y", "5Y", "10Y"], "section");
  s.row(["KRD, years (market-value weighted)", 0.5, 1.5, 2.5]);
  s.row(["KR DV01, money per bp", 50, 150, 250]);
  s.row(["KRD, years — benchmark", 0.6, 1.4, 2.4]);
  s.blank();
  s.row(["By sector", "Market value", "Weight", "Duration", "Contribution to duration, yrs"]);
  s.row(["government", 600, 0.6, 5, 3]);
  s.row(["corporate", 400, 0.4, 4, 1.6]);
  s.row(["Total", 1000, 1, 4.6, 4.6], "total");
  return s.build(HEDGE_SHEET_NAME, [30, 10, 10, 10, 10]);
}

describe("charts drawn by the Office.js renderer", () => {
  it("records each spec's chart: type, titles, series ranges, categories, place", async () => {
    const book = new SimWorkbook("Holdings");
    const [charted] = withCharts([model()]);
    await run(book, (context) => renderSheet(context, charted));
    const charts = book.sheet(HEDGE_SHEET_NAME)!.charts;
    expect(charts.map((c) => c.type)).toEqual(["ColumnClustered", "BarClustered"]);
    charted.charts!.forEach((spec, k) => {
      const c = charts[k];
      expect([c.title, c.categoryAxisTitle, c.valueAxisTitle]).toEqual([
        spec.title,
        spec.categoryAxisTitle,
        spec.valueAxisTitle,
      ]);
      expect(c.series).toEqual(
        spec.series.map((s) => ({ name: s.name, values: s.values, categories: spec.categories }))
      );
      expect(c.categoryLabelPosition).toBe("Low");
    });
    // Two-sided: the KRD chart has the portfolio and benchmark rows, not the KR DV01 row.
    expect(charts[0].series.map((s) => s.values)).toEqual(["B2:D2", "B4:D4"]);
    expect(charts[1].series[0].values).toBe("E7:E8");
    const a = charted.charts![0].anchor;
    // One empty column (F) right of the sectors' last column (E).
    expect(charts[0].position).toEqual({
      start: "G1",
      end: `${String.fromCharCode(65 + a.column + a.columns - 1)}${a.rows}`,
    });
    expect(a).toMatchObject({ row: 0, column: 6 });
  });

  it("adds no sync: the charts travel with the sheet's last request", async () => {
    const syncs = async (m: SheetModel) => {
      const book = new SimWorkbook("Holdings");
      await run(book, (context) => renderSheet(context, m));
      return book.stats.syncs;
    };
    const [charted] = withCharts([model()]);
    expect(charted.charts).toHaveLength(2);
    await expect(syncs(charted)).resolves.toBe(await syncs(model()));
    const plain = new SimWorkbook("Holdings");
    await run(plain, (context) => renderSheet(context, model()));
    expect(plain.sheet(HEDGE_SHEET_NAME)!.charts).toEqual([]);
  });

  it("keeps Office.js's rules: a missing series fails the sync, unset properties throw", async () => {
    const book = new SimWorkbook("Data");
    await expect(
      run(book, async (context) => {
        const ws = context.workbook.worksheets.getItem("Data");
        const chart = ws.charts.add("Line", ws.getRange("A1:C1"), "Rows");
        expect(() => chart.title.text).toThrow(/not available/);
        chart.series.getItemAt(1).name = "none";
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    // The failed batch still added the chart before the bad request (as Excel applies in order).
    expect(book.sheet("Data")!.charts.map((c) => c.series)).toEqual([
      [{ name: "Series1", values: "A1:C1", categories: "" }],
    ]);
  });
});
