/**
 * The demo end to end: the bundled sample in, out/hedge-recommendation.xlsx written by exceljs,
 * read back and checked cell by cell against the sheet model the task pane renders in Excel, and
 * its figures against the core.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { demo, SAMPLE_WORKBOOK } from "../../src/cli/demo";
import { shownValue } from "../../src/core/report/sheetModel";
import { cellA1, rangeA1 } from "../../src/core/a1";
import { bondRisk, Basis, Frequency } from "../../src/core/bond";
import { HOLDINGS_RISK_SHEET_NAME } from "../../src/core/report/holdingsRiskSheet";
import { hedgeContracts } from "../../src/core/hedge/dv01Hedge";
import { parseDate } from "../../src/core/dates";

describe("npm run demo", () => {
  const output = join(mkdtempSync(join(tmpdir(), "keyrate-demo-")), "hedge-recommendation.xlsx");
  let result: Awaited<ReturnType<typeof demo>>;
  /** Every holding: the Holdings Risk sheet. */
  let riskSheet: ExcelJS.Worksheet;

  beforeAll(async () => {
    result = await demo({
      input: SAMPLE_WORKBOOK,
      output,
      runDate: "2025-01-02",
      contractDv01: 80,
      target: 5,
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(output);
    riskSheet = book.getWorksheet(HOLDINGS_RISK_SHEET_NAME)!;
  });

  it("reads the whole sample without problems", () => {
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.record.totals.included + result.record.totals.excluded).toBeGreaterThanOrEqual(
      290
    );
    expect(result.record.totals.excluded).toBe(0); // every kind in the sample has an engine
  });

  it("writes the seven sheets of the recommendation, every cell of each model with its format", async () => {
    if (!result.ok) throw new Error("demo failed");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(output);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "Hedge Recommendation",
      "Scenario Analysis",
      "Risk Dashboard",
      "Action Items",
      "Scenario Library",
      "Excluded Holdings",
      "Holdings Risk",
    ]);
    let formulasKept = 0;
    for (const model of result.sheets) {
      const ws = book.getWorksheet(model.name)!;
      model.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          const { isMerged, value: read, address } = ws.getRow(r + 1).getCell(c + 1);
          // exceljs reads a merged block's value in each of its cells: only its first holds it.
          const merge = (model.merges ?? []).find((m) => m.row === r);
          const raw = isMerged && merge && address !== cellA1(r, merge.column) ? null : read;
          // A formula kept in the file (one within the sheet) carries its result.
          const kept = raw !== null && typeof raw === "object" && "formula" in raw;
          if (kept) {
            expect(typeof cell.value === "object" && cell.value?.formula).toBe(raw.formula);
            formulasKept++;
          }
          const value = kept ? raw.result : raw;
          const written = value instanceof Date ? parseDate(value) : value;
          const expected = shownValue(cell);
          if (expected === null) expect(written ?? null).toBeNull();
          else expect(written).toEqual(expected);
          if (cell.numFmt) expect(ws.getRow(r + 1).getCell(c + 1).numFmt).toBe(cell.numFmt);
        })
      );
      // Every table of the model is in the file, over the same cells.
      const tables = (ws.getTables() as unknown as { table: { tableRef: string; name: string } }[])
        .map((t) => t.table.tableRef)
        .sort();
      expect(tables).toEqual(
        (model.tables ?? [])
          .map((t) => rangeA1({ row: t.row, column: t.column, rows: t.rows, columns: t.columns }))
          .sort()
      );
    }
    // The totals' SUMIFS stay formulas; links to the holdings and KEYRATE calls become values.
    expect(formulasKept).toBe(2);
  });

  it("shows the key-rate profile, which sums to the effective duration", () => {
    if (!result.ok) throw new Error("demo failed");
    const row = result.sheets[0].rows.findIndex((r) => r[0].value === "Key-rate profile");
    expect(row).toBeGreaterThan(0);
    const krd = result.sheets[0].rows[row + 1].slice(1, 11).map((c) => shownValue(c) as number);
    expect(krd.reduce((a, b) => a + b, 0)).toBeCloseTo(result.record.totals.effDuration, 4);
    expect(result.record.market.warning).toBeUndefined(); // the sample's own Curve sheet was used
  });

  it("sizes the hedge from the portfolio DV01 and agrees with the core per holding", async () => {
    if (!result.ok) throw new Error("demo failed");
    const { totals: t, hedge: h } = result.record;
    const hedge = h.ratio;
    expect(hedge.contracts).toBe(hedgeContracts(t.dv01, 5 * t.marketValue * 1e-4, 80));
    expect(Math.abs(hedge.durationAfter - 5)).toBeLessThan(
      (80 / (t.marketValue * 1e-4)) * 0.5 + 1e-12
    );
    // Holdings table: find its header row and check DV01 of every included holding.
    const values = (r: number) => (riskSheet.getRow(r).values as unknown[]).slice(1);
    let header = 1;
    while (values(header)[0] !== "ID") header++;
    const cols = values(header) as string[];
    const col = (name: string) => cols.indexOf(name);
    let checked = 0;
    for (let r = header + 1; values(r)[0] && values(r)[col("Maturity")] !== undefined; r++) {
      const v = values(r);
      if (v[col("Note")]) continue;
      const risk = bondRisk(
        {
          settlement: 45659, // 2025-01-02, the sample's settlement
          maturity: parseDate(v[col("Maturity")]),
          rate: v[col("Coupon")] as number,
          frequency: v[col("Coupons / yr")] as Frequency,
          basis: (v[col("Day count")] === "actual/actual" ? 1 : 0) as Basis,
        },
        v[col("Yield to maturity")] as number
      );
      const par = v[col("Par, USD")] as number;
      expect(v[col("DV01 (yield), USD per bp")]).toBeCloseTo((risk.dv01 * par) / 100, 6);
      expect(v[col("Modified duration (yield), yrs")]).toBeCloseTo(risk.modified, 12);
      checked++;
    }
    expect(checked).toBeGreaterThan(250);
  });
});

describe("npm run demo with --sizing krd", () => {
  it("sizes a multi-contract hedge within the mandate and writes the trades and the profile", async () => {
    const output = join(mkdtempSync(join(tmpdir(), "keyrate-demo-krd-")), "krd.xlsx");
    const result = await demo({
      input: SAMPLE_WORKBOOK,
      output,
      runDate: "2025-01-02",
      sizing: "krd",
    });
    if (!result.ok || !result.record.hedge.plan)
      throw new Error("the KRD sizing should run on the sample");
    const plan = result.record.hedge.plan;
    expect(plan.trades.length).toBeGreaterThan(2);
    expect(plan.notional).toBeLessThanOrEqual(0.3 * result.record.totals.marketValue);
    // The plan removes most of the distance to the target profile (the 3M, 1Y and 3Y keys have no
    // contract of their own and stay open).
    const residual = plan.after.map((v, k) => Math.abs(v - plan.target[k]));
    const scaleBefore = plan.before.map((v, k) => Math.abs(v - plan.target[k]));
    expect(residual.reduce((a, b) => a + b, 0)).toBeLessThan(
      0.2 * scaleBefore.reduce((a, b) => a + b, 0)
    );
    const sheet = result.sheets[0];
    const labels = sheet.rows.map((r) => r[0].value);
    expect(labels).toContain("Hedge (KRD-matched across contracts, HiGHS)");
    expect(labels).toContain("KR DV01 before / after hedge, USD per bp");
    for (const t of plan.trades)
      expect(labels.some((l) => String(l).startsWith(t.instrument.symbol))).toBe(true);
    const actions = result.sheets.find((s) => s.name === "Action Items")!;
    expect(actions.rows.filter((r) => /futures\)$/.test(String(r[0].value))).length).toBe(
      plan.trades.length
    );
  });
});
