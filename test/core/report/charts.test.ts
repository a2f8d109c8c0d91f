/**
 * The charts' ranges found by label in small hand-made sheets: the right rows and columns (and not
 * their neighbours: KR DV01, Total, other P&L columns), extra KRD rows as extra series, no chart
 * for a missing section, and anchors that cover no value and no other chart.
 */
import { krdSeriesName, withCharts } from "../../../src/core/report/charts";
import { CellRect, parseRangeA1, rangeA1 } from "../../../src/core/a1";
import { ChartSpec, SheetBuilder, SheetModel, num } from "../../../src/core/report/sheetModel";
import { HEDGE_SHEET_NAME } from "../../../src/core/report/hedgeSheet";
import { SCENARIO_SHEET_NAME } from "../../../src/core/report/scenarioSheet";

const TENORS = ["2Y", "5Y", "10Y", "30Y"];

/** A hedge sheet like hedgeSheet.ts's: title, key-rate section (with `extraKrd` rows), sectors. */
function hedgeModel(extraKrd: string[] = []): SheetModel {
  const s = new SheetBuilder(10);
  s.row(["keyrate — Hedge Recommendation"], "title"); // row 1
  s.blank(); // 2
  s.row(["Key-rate profile", ...TENORS], "section"); // 3
  s.row(["KRD, years (market-value weighted)", 0.1, 0.8, 2.5, 1.2]); // 4
  s.row(["KR DV01, money per bp", 100, 800, 2500, 1200]); // 5
  extraKrd.forEach((label, k) => s.row([label, k, k, k, k])); // 6, 7, …
  s.blank();
  s.row(
    [
      "By sector",
      "Market value",
      "Weight",
      "Effective duration, yrs",
      "Contribution to duration, yrs",
      "DV01",
    ],
    "section"
  );
  s.row(["government", 600, 0.6, 5, 3, num(NaN, "0.000")]);
  s.row(["corporate", 400, 0.4, 4, 1.6, 2]);
  s.row(["Total", 1000, 1, 4.6, 4.6, 5], "total");
  s.blank();
  s.row(["Holdings"], "section");
  for (let i = 0; i < 30; i++) s.row(["bond " + i, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  return s.build(HEDGE_SHEET_NAME, [30, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
}

function scenarioModel(): SheetModel {
  const s = new SheetBuilder(6);
  s.row(["keyrate — Scenario Analysis Matrix"], "title"); // 1
  s.blank(); // 2
  s.row(["Portfolio", "", "Value"], "section"); // 3
  s.row(["Market value", "", 1000]); // 4
  s.blank(); // 5
  s.row([
    "Scenario",
    "Move",
    "Unhedged P&L, USD (full revaluation, now)",
    "Unhedged P&L, % of MV",
    "Hedged P&L, USD (full revaluation, now)",
    "Hedged P&L, % of MV",
  ]); // 6
  s.row(["Parallel +100", "+100 bp", -50, -0.05, -10, -0.01]); // 7
  s.row(["Parallel -100", "-100 bp", 52, 0.052, 11, 0.011]); // 8
  s.row(["Twist", "±25 bp", 3, 0.003, 1, 0.001]); // 9
  s.blank();
  s.row(["Methods: a long note that overflows to the right"], "note"); // 11
  return s.build(SCENARIO_SHEET_NAME, [26, 40, 16, 11, 16, 11]);
}

/** Every cell of the anchor is empty, and no two anchors share a cell. */
function expectFree(model: SheetModel, charts: ChartSpec[]): void {
  const cells = (a: CellRect) => {
    const out: string[] = [];
    for (let r = a.row; r < a.row + a.rows; r++)
      for (let c = a.column; c < a.column + a.columns; c++) out.push(`${r},${c}`);
    return out;
  };
  const seen = new Set<string>();
  for (const chart of charts) {
    for (const key of cells(chart.anchor)) {
      const [r, c] = key.split(",").map(Number);
      const v = model.rows[r]?.[c]?.value ?? null;
      expect([key, v === null || v === ""]).toEqual([key, true]);
      expect([key, seen.has(key)]).toEqual([key, false]);
      seen.add(key);
    }
  }
}

describe("A1 helpers", () => {
  it("round-trips ranges, including two-letter columns", () => {
    const rect = { row: 29, column: 1, rows: 1, columns: 10 };
    expect(rangeA1(rect)).toBe("B30:K30");
    expect(parseRangeA1("B30:K30")).toEqual(rect);
    expect(parseRangeA1("$AA$2:$AB$5")).toEqual({ row: 1, column: 26, rows: 4, columns: 2 });
    expect(() => parseRangeA1("Sheet1!A1")).toThrow(/not an A1 range/);
  });
});

describe("withCharts on the hedge sheet", () => {
  it("plots the KRD row against the tenor header, not the KR DV01 row", () => {
    const [sheet] = withCharts([hedgeModel()]);
    const krd = sheet.charts![0];
    expect(krd.type).toBe("column");
    expect(krd.categories).toBe("B3:E3");
    expect(krd.series).toEqual([{ name: "Portfolio", values: "B4:E4" }]);
    expect(krd.title).toBe("Key-rate duration profile");
    expect(krd.valueAxisTitle).toMatch(/years/);
  });

  it("adds every further KRD row of the section as a series, named by its qualifier", () => {
    const model = hedgeModel(["KRD, years — benchmark", "KRD, years — after hedge", "Note"]);
    const krd = withCharts([model])[0].charts![0];
    expect(krd.series).toEqual([
      { name: "Portfolio", values: "B4:E4" },
      { name: "Benchmark", values: "B6:E6" },
      { name: "After hedge", values: "B7:E7" },
    ]);
    expect(krdSeriesName("KRD, years - benchmark")).toBe("Benchmark");
    expect(krd.title).toBe("Key-rate duration profile, before and after hedge");
  });

  it("stops the tenors at a Total column", () => {
    const s = new SheetBuilder(5);
    s.row(["Key-rate profile", "2Y", "5Y", "Total"], "section");
    s.row(["KRD, years", 1, 2, 3]);
    const krd = withCharts([s.build(HEDGE_SHEET_NAME, [20, 8, 8, 8, 8])])[0].charts![0];
    expect([krd.categories, krd.series[0].values]).toEqual(["B1:C1", "B2:C2"]);
  });

  it("plots the contribution column by sector, without the Total row", () => {
    const sectors = withCharts([hedgeModel()])[0].charts![1];
    expect(sectors.type).toBe("bar");
    // Section header on row 7; government and corporate on rows 8 and 9; Total on 10.
    expect(sectors.categories).toBe("A8:A9");
    expect(sectors.series).toEqual([{ name: "Contribution to duration, yrs", values: "E8:E9" }]);
  });

  it("anchors beside the sections, right of their values and of each other, covering nothing", () => {
    const model = hedgeModel();
    const charts = withCharts([model])[0].charts!;
    expect(charts).toHaveLength(2);
    expectFree(model, charts);
    // The KRD chart's 18 rows reach the 10-column holdings table: it goes right of column J.
    expect(charts[0].anchor).toMatchObject({ row: 2, column: 11, rows: 18 });
    expect(charts[1].anchor.column).toBe(charts[0].anchor.column + charts[0].anchor.columns + 1);
    // 72 characters of default-width (8.43) columns: 9 columns.
    expect(charts[0].anchor.columns).toBe(9);
  });

  it("gives no chart for a section that is missing, and leaves other sheets alone", () => {
    const s = new SheetBuilder(3);
    s.row(["Key-rate profile"], "section"); // no tenors
    s.row(["KRD, years", 1]);
    const bare = s.build(HEDGE_SHEET_NAME, [10, 10, 10]);
    expect(withCharts([bare])[0].charts).toEqual([]);
    const other = { ...hedgeModel(), name: "Risk Dashboard" };
    expect(withCharts([other])[0]).toBe(other);
  });

  it("is idempotent: charts are recomputed, not appended", () => {
    const once = withCharts([hedgeModel(), scenarioModel()]);
    expect(withCharts(once)).toEqual(once);
  });
});

describe("withCharts on the scenario sheet", () => {
  it("plots unhedged and hedged P&L (money, not %) by scenario, below the sheet", () => {
    const model = scenarioModel();
    const [chart] = withCharts([model])[0].charts!;
    expect(chart.type).toBe("bar");
    expect(chart.categories).toBe("A7:A9");
    expect(chart.series).toEqual([
      { name: "Unhedged", values: "C7:C9" },
      { name: "Hedged", values: "E7:E9" },
    ]);
    expect(chart.valueAxisTitle).toBe("P&L, USD");
    // Below the note (row 11, index 10) with one empty row, as many columns as make 72 characters
    // of the widths the layout gave the sheet (the last one needed, not one more).
    expect(chart.anchor).toMatchObject({ row: 12, column: 0, rows: 16 });
    const chars = (n: number) => model.columnWidths.slice(0, n).reduce((a, b) => a + b, 0);
    expect(chars(chart.anchor.columns)).toBeGreaterThanOrEqual(72);
    expect(chars(chart.anchor.columns - 1)).toBeLessThan(72);
    expectFree(model, [chart]);
  });
});
