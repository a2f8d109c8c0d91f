/**
 * The first page of the Hedge Recommendation sheet, read back from the demo's workbook with
 * exceljs: the headline block leads, its before/after/target figures are the run record's, the
 * Duration Exposure Summary adds up (sector contributions and the trades' to the durations), the
 * KRD chart plots portfolio before, target and after, and the rating / maturity / issuer
 * breakdowns sum to the portfolio (weights to 1, market value and DV01 to the totals), checked
 * both ways against sums over the holdings.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { demo, SAMPLE_WORKBOOK } from "../../../src/cli/demo";
import { HEDGE_SHEET_NAME } from "../../../src/core/report/hedgeSheet";
import { buildSheets } from "../../../src/core/report/workbook";
import { RunRecord } from "../../../src/core/run/runRecord";
import { tradeText } from "../../../src/core/run/summary";
import { HEADLINE_LABELS } from "../../../src/core/report/headlineSection";
import { BREAKDOWN_TITLES, issuerExposure } from "../../../src/core/report/breakdownSection";
import { shownValue } from "../../../src/core/report/sheetModel";
import { FORMATS } from "../../../src/core/report/sheetModel";
import { maturityBucket } from "../../../src/core/portfolio/buckets";
import { curveTotals } from "../../../src/core/portfolio/curveExposure";
import { Holdings } from "../../../src/core/holdings";

type Row = (number | string | null)[];

/** Relative closeness for money (1e-12: under a cent on 1.3 billion). */
const closeMoney = (a: number, b: number) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(a), Math.abs(b), 1));

describe("Hedge Recommendation, first page (demo workbook)", () => {
  const output = join(mkdtempSync(join(tmpdir(), "keyrate-headline-")), "hedge.xlsx");
  let record: RunRecord;
  let rows: Row[];
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    const result = await demo({
      input: SAMPLE_WORKBOOK,
      output,
      runDate: "2025-01-02",
      contractDv01: 80,
      target: 5,
    });
    if (!result.ok) throw new Error("demo failed");
    record = result.record;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(output);
    ws = book.getWorksheet(HEDGE_SHEET_NAME)!;
    rows = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const values: Row = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const v = row.getCell(c).value;
        values.push(v === undefined ? null : (v as number | string | null));
      }
      rows[r - 1] = values;
    });
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  }, 600_000);

  const rowIndex = (label: string, from = 0) =>
    rows.findIndex((r, i) => i >= from && r[0] === label);
  const row = (label: string, from = 0) => {
    const i = rowIndex(label, from);
    if (i < 0) throw new Error(`no row "${label}"`);
    return rows[i];
  };

  it("leads with the headline, then the Duration Exposure Summary and the KRD profile, then the detail", () => {
    const headline = rowIndex(HEADLINE_LABELS.headline);
    const summary = rowIndex(HEADLINE_LABELS.summary);
    const krd = rowIndex(HEADLINE_LABELS.keyRate);
    const detail = rowIndex("Exposure summary (holdings, before hedge)");
    expect(headline).toBeGreaterThan(0);
    expect(headline).toBeLessThan(6);
    expect(headline).toBeLessThan(summary);
    expect(summary).toBeLessThan(krd);
    expect(krd).toBeLessThan(detail);
    // The detailed sections stay below; every holding and the checks are on Holdings Risk.
    for (const label of ["By sector", BREAKDOWN_TITLES.rating])
      expect(rowIndex(label)).toBeGreaterThan(detail);
    for (const label of ["Checks", "Holdings"]) expect(rowIndex(label)).toBe(-1);
  });

  it("names every trade as the status line does", () => {
    const trades = rows.filter((r) => r[0] === "Trade").map((r) => r[1]);
    expect(trades).toEqual(record.hedge.trades.map(tradeText));
    expect(trades[0]).toMatch(/^SELL [\d,]+ ZNH5$/);
    expect(row("Recommendation")[1]).toMatch(/→/);
  });

  it("shows the record's figures before, after, target, with units in the holdings' currency", () => {
    const h = record.hedge;
    const c = record.comparison;
    const header = row(HEADLINE_LABELS.figures);
    expect(header.slice(0, 7)).toEqual([
      "Figure",
      "Before hedge",
      "After hedge",
      "Target",
      "Benchmark (none given)",
      "Unit",
      "Method",
    ]);
    const dv01 = row("DV01 (effective)");
    expect(dv01.slice(1, 4)).toEqual([h.dv01Before, h.dv01After, h.ratio.targetDv01]);
    expect(dv01[5]).toBe("USD per bp");
    const dur = row("Effective duration");
    expect(dur.slice(1, 4)).toEqual([h.durationBefore, h.durationAfter, h.ratio.targetDuration]);
    expect(dur[5]).toBe("years");
    const te = row("Tracking error");
    expect(te.slice(1, 3)).toEqual([c.gapsBefore.trackingError!.te, c.gapsAfter.trackingError!.te]);
    expect(te[2] as number).toBeLessThan(te[1] as number); // the hedge moves toward the target
    const lev = row("Leverage");
    expect(lev[1]).toBe(0);
    closeMoney(lev[2] as number, h.futuresNotional / record.totals.marketValue);
    expect(lev[2] as number).toBeGreaterThan(0.01);
    expect(lev[2] as number).toBeLessThan(0.2);
    expect(ws.getRow(rowIndex("Leverage") + 1).getCell(3).numFmt).toBe(FORMATS.percent);
    // 795 ZN contracts at half a tick (15.625 / 2 USD) plus 2 USD commission each.
    const contracts = Math.abs(h.trades[0].quantity);
    expect(row("Estimated cost")[2]).toBeCloseTo(contracts * (15.625 / 2 + 2), 9);
    expect(row("Market value")[5]).toBe("USD");
  });

  it("sums in the Duration Exposure Summary: sectors and trades to the durations before and after", () => {
    const start = rowIndex(HEADLINE_LABELS.summary);
    const end = rowIndex(HEADLINE_LABELS.keyRate);
    const contrib = rows.slice(start, end).filter((r) => String(r[0]).startsWith("Contribution"));
    const sum = (k: number) => contrib.reduce((a, r) => a + ((r[k] as number) ?? 0), 0);
    expect(sum(1)).toBeCloseTo(record.hedge.durationBefore, 10);
    expect(sum(2)).toBeCloseTo(record.hedge.durationAfter, 10);
    const eff = row("Effective duration", start);
    expect(eff.slice(1, 6)).toEqual([
      record.comparison.gapsBefore.rows[0].portfolio,
      record.comparison.gapsAfter.rows[0].portfolio,
      record.comparison.gapsBefore.rows[0].benchmark,
      record.comparison.gapsBefore.rows[0].gap,
      record.comparison.gapsAfter.rows[0].gap,
    ]);
    // Yield and Z-spread: market-value weighted, recomputed here over the holdings in the totals.
    const p = record.positions;
    let w = 0;
    let y = 0;
    let z = 0;
    p.marketValue.forEach((mv, i) => {
      if (p.excluded[i]) return;
      w += mv;
      y += mv * record.yieldRisk.yld[i];
      z += mv * p.risk.zspread[i] * 1e4;
    });
    expect(row("Yield to maturity", start)[1]).toBeCloseTo(y / w, 12);
    expect(row("Z-spread", start)[1]).toBeCloseTo(z / w, 9);
    expect(row("Z-spread", start)[6]).toBe("bp");
    for (const r of rows.slice(start, end)) if (r[0]) expect(r[6] ?? "").not.toMatch(/money/);
  });

  it("has a KRD chart of the portfolio before, the target and the portfolio after the hedge", () => {
    const sheet = buildSheets(record)[0];
    const chart = sheet.charts!.find((c) => c.type === "column")!;
    expect(chart.title).toBe("Key-rate duration profile, before and after hedge");
    expect(chart.series.map((s) => s.name)).toEqual([
      "Portfolio before hedge",
      "Target",
      "Portfolio after hedge",
    ]);
    const at = rowIndex(HEADLINE_LABELS.keyRate);
    expect(chart.anchor.row).toBe(at);
    const after = rows[at + 3].slice(1, 1 + record.comparison.portfolioAfter.krd.length);
    expect(after).toEqual([...record.comparison.portfolioAfter.krd]);
    const sumAfter = after.reduce((a: number, b) => a + (b as number), 0);
    // KRDs sum to effective duration within the par-shift KRD-sum tolerance (measured 5e-7 years
    // here: the contract's forward KRDs from its CTD; krdSumTolerance allows up to 1e-3).
    expect(Math.abs(sumAfter - record.hedge.durationAfter)).toBeLessThan(1e-5);
  });

  it("shows the benchmark's column when a benchmark is given", () => {
    const c = record.comparison;
    const index = {
      ...c.benchmark,
      name: "Index",
      duration: { ...c.benchmark.duration, effective: 6 },
    };
    const r2 = { ...record, comparison: { ...c, benchmark: index } };
    const sheet = buildSheets(r2)[0];
    const values = sheet.rows.map((r) => r.map(shownValue));
    const header = values.find((r) => r[0] === HEADLINE_LABELS.figures)!;
    expect(header[4]).toBe("Benchmark");
    const dur = values.find((r) => r[0] === "Effective duration")!;
    expect(dur[4]).toBe(6);
    const dv01 = values.find((r) => r[0] === "DV01 (effective)")!;
    closeMoney(dv01[4] as number, 6 * record.totals.marketValue * 1e-4);
  });

  /** A breakdown table's rows (label, figures) up to its Total row, and the Total row. */
  function breakdown(title: string): { groups: Row[]; total: Row } {
    const at = rowIndex(title);
    expect(at).toBeGreaterThan(0);
    const end = rows.findIndex((r, i) => i > at && r[0] === "Total");
    return { groups: rows.slice(at + 1, end), total: rows[end] };
  }

  it.each([
    [BREAKDOWN_TITLES.rating, (h: Holdings, i: number) => h.rating[i] || "not rated"],
    [
      BREAKDOWN_TITLES.maturity,
      (h: Holdings, i: number, s: number) => maturityBucket(s, h.maturity[i]) ?? "matured",
    ],
  ])("%s sums to the portfolio and to sums over its holdings", (title, labelOf) => {
    const { groups, total } = breakdown(title);
    const t = record.totals;
    const col = (k: number) => groups.reduce((a, r) => a + ((r[k] as number) ?? 0), 0);
    expect(col(2)).toBeCloseTo(1, 12);
    closeMoney(col(1), t.marketValue);
    closeMoney(col(5), t.dv01);
    expect(col(4)).toBeCloseTo(t.effDuration, 10);
    expect(col(7)).toBe(t.included);
    expect(col(8)).toBe(t.excluded);
    closeMoney(total[1] as number, t.marketValue);
    closeMoney(total[5] as number, t.dv01);
    // Each group against a direct sum over the holdings.
    const h = record.holdings;
    const p = record.positions;
    const direct = new Map<string, { mv: number; dv01: number }>();
    for (let i = 0; i < h.count; i++) {
      if (p.excluded[i]) continue;
      const k = labelOf(h, i, record.market.settlement);
      const s = direct.get(k) ?? { mv: 0, dv01: 0 };
      s.mv += p.marketValue[i];
      s.dv01 += p.dv01[i];
      direct.set(k, s);
    }
    const shown = groups.filter((r) => (r[7] as number) > 0);
    expect(shown.map((r) => r[0]).sort()).toEqual([...direct.keys()].sort());
    for (const r of shown) {
      closeMoney(r[1] as number, direct.get(r[0] as string)!.mv);
      closeMoney(r[5] as number, direct.get(r[0] as string)!.dv01);
    }
  });

  it("says there is no issuer breakdown when the holdings have no issuer column", () => {
    const at = rowIndex(BREAKDOWN_TITLES.issuer);
    expect(String(rows[at + 1][0])).toMatch(/no issuer column/);
  });

  it("groups issuers beyond the largest into one row that keeps the totals", () => {
    const h = record.holdings;
    const issuer = Array.from({ length: h.count }, (_, i) => `Issuer ${i % 40}`);
    const withIssuers = { ...h, issuer };
    const groups = issuerExposure(withIssuers, record.positions, record.market.settlement, 15);
    expect(groups).toHaveLength(16);
    expect(groups[15].group).toBe("Other issuers (25)");
    const all = curveTotals(record.positions);
    closeMoney(
      groups.reduce((a, g) => a + g.marketValue, 0),
      all.marketValue
    );
    closeMoney(
      groups.reduce((a, g) => a + g.dv01, 0),
      all.dv01
    );
    const named = groups.slice(0, 15).map((g) => g.marketValue);
    expect(named).toEqual([...named].sort((a, b) => b - a));
  });
});
