/**
 * Options through the run: option candidates (the option rows of a hedges range, as the pane
 * gives them) and a convexity buy-back in the run input reach the optimiser; the record lists the option trades (premium, gamma, vega, expiry) beside the futures
 * and swaps, the scenarios revalue them, the hedge sheet shows their table, Action Items their
 * expiries, and the record survives JSON.
 */
import { join } from "path";
import ExcelJS from "exceljs";
import { sheetValues, settingsOf } from "../../../src/cli/workbookInput";
import { parseCurveRange, tenorDate } from "../../../src/core/curve";
import { parseDate } from "../../../src/core/dates";
import { runPipeline } from "../../../src/core/run/pipeline";
import { RunInput } from "../../../src/core/run/runInput";
import { parseRunRecord, serialiseRunRecord } from "../../../src/core/run/serialise";
import { buildSheets } from "../../../src/core/report/workbook";
import { convexityNote } from "../../../src/core/run/summary";

const SAMPLE = join(__dirname, "..", "..", "..", "assets", "sample-portfolio.xlsx");
const SOFR = {
  kind: "sofr_ois" as const,
  months: [12, 24, 60, 120, 360],
  rates: [0.0405, 0.0395, 0.0385, 0.0395, 0.0405],
};

it("carries option trades from the optimiser to the record, the scenarios and the sheets", async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE);
  const settings = settingsOf(book.getWorksheet("Settings"));
  const settlement = parseDate(settings.get("settlement date"));
  // The candidates as the pane gives them: the option rows of a hedges range.
  const optionValues = [
    ["Instrument", "Quantity", "Expiry", "Strike", "Vol"],
    ["SOFR 10Y payer", 1, tenorDate(settlement, 12), 0.04, 0.009],
    ["SOFR 5Y receiver", 1, tenorDate(settlement, 6), 0.039, 0.009],
  ];
  const input: RunInput = {
    values: sheetValues(book.getWorksheet("Holdings")!),
    curve: parseCurveRange(sheetValues(book.getWorksheet("Curve")!), "par"),
    curveSource: "Curve!A1:B14",
    sheet: "Holdings",
    originRow: 1,
    originColumn: 0,
    settlement,
    targetDuration: 5,
    runDate: "2025-01-02",
    source: "Holdings!A1:L301",
    sizing: "krd",
    swapTenors: [60, 120],
    swapCurve: SOFR,
    optionValues,
    // The sample is long convexity: ask for more than it has, so that options are bought.
    convexityBuyBack: 0.5,
    minGammaAfter: 5000,
  };
  const run = await runPipeline(input);
  if (!run.ok) throw new Error(run.problems.map((p) => p.message).join("; "));
  const r = run.record;
  const plan = r.hedge.plan!;
  expect(plan.expiries).toBeDefined();
  const optionTrades = r.hedge.trades.filter((t) => t.kind === "option");
  expect(optionTrades.length).toBe(plan.options!.length);
  for (const t of optionTrades) {
    expect(Number.isFinite(t.premium!)).toBe(true);
    expect(Number.isFinite(t.gamma!)).toBe(true);
    expect(t.expiry).toBeGreaterThan(settlement);
  }
  // Every trade is revalued in the scenarios (one P&L per hedge).
  expect(r.scenarios.rows[0].perHedge.length).toBe(r.hedge.trades.length);
  const sheets = buildSheets(r);
  const cells = (name: string) =>
    sheets.find((s) => s.name === name)!.rows.flatMap((row) => row.map((c) => String(c.value)));
  expect(optionTrades.length).toBeGreaterThan(0);
  expect(plan.gammaAfter!).toBeGreaterThanOrEqual(5000 - 1e-3);
  expect(cells(sheets[0].name)).toContain("Options (Bachelier / Barone-Adesi–Whaley)");
  expect(cells("Action Items")).toContain("Option expiries");
  // The convexity note counts the options' gamma (none of the sample's kinds is left out).
  const gamma = r.totals.marketValue * r.totals.effConvexity * 1e-8;
  const bought = optionTrades.reduce((a, t) => a + t.gamma!, 0);
  expect(convexityNote(r, "USD")).toContain(
    `the options bought take gamma to ${Math.round(gamma + bought).toLocaleString("en-US")}`
  );
  const back = parseRunRecord(serialiseRunRecord(r));
  expect(back.hedge.trades).toEqual(r.hedge.trades);
});
