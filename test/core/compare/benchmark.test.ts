/**
 * Benchmark profiles and gaps on the sample portfolio: the portfolio as its own benchmark (gaps 0,
 * TE 0), a constructed government-only equal-weight benchmark, a label/value profile with a known
 * 10Y mismatch, and the ranking by contribution to tracking error. Tolerances: 1e-12 relative on
 * sums of the same per-holding figures.
 */
import { makeMarket } from "../../../src/core/market/market";
import { join } from "path";
import ExcelJS from "exceljs";
import { readHoldings, Holdings } from "../../../src/core/holdings";
import { CurveSpec, parseCurveRange, tenorLabel } from "../../../src/core/curve";
import { DEFAULT_KEYS_MONTHS } from "../../../src/core/conventions";
import {
  constituentsProfile,
  parseBenchmarkProfile,
  portfolioProfile,
  readBenchmarkConstituents,
  RiskProfile,
} from "../../../src/core/compare/benchmark";
import { benchmarkGaps } from "../../../src/core/compare/gaps";
import { BUNDLED_COVARIANCE } from "../../../src/core/compare/bundledCovariance";
import {
  holdingCurveExposure,
  CurveHoldingExposure,
} from "../../../src/core/portfolio/curveExposure";
import { sheetValues } from "../../../src/cli/workbookInput";
import { holdingExposure, totals } from "../../../src/core/portfolio/yieldExposure";

const SETTLEMENT = 45659;

const close = (a: number, b: number, rel = 1e-12) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(Math.abs(a), Math.abs(b), 1e-12));

describe("benchmark gaps on the sample portfolio", () => {
  let values: unknown[][];
  let h: Holdings;
  let curve: CurveSpec;
  const market = () => makeMarket({ settlement: SETTLEMENT, curve, interpolation: "linear_zero" });
  let cx: CurveHoldingExposure;
  let p: RiskProfile;
  beforeAll(async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(__dirname, "..", "..", "..", "assets", "sample-portfolio.xlsx"));
    values = sheetValues(book.getWorksheet("Holdings")!);
    h = readHoldings(values, { settlement: SETTLEMENT }).holdings;
    curve = parseCurveRange(sheetValues(book.getWorksheet("Curve")!), "par");
    cx = holdingCurveExposure(h, market());
    p = portfolioProfile(h, market(), "Portfolio", cx);
  });

  it("the portfolio as its own benchmark (market values, no par column): every gap 0, TE 0", () => {
    const parCol = values[0].findIndex((v) => String(v).toLowerCase() === "par");
    const rows = values.map((row, r) => [
      ...row.filter((_, c) => c !== parCol),
      r === 0 ? "Market value" : (cx.marketValue[h.sourceRow.indexOf(r + 1)] ?? ""),
    ]);
    const c = readBenchmarkConstituents(rows, SETTLEMENT);
    expect(c.problems).toEqual([]);
    expect(c.weightSource).toBe("market_value");
    const b = constituentsProfile(c, market());
    const g = benchmarkGaps(p, b, BUNDLED_COVARIANCE);
    for (const r of g.rows)
      expect(Math.abs(r.gap)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(r.portfolio)));
    for (const s of g.sectors) expect(Math.abs(s.weight.gap)).toBeLessThan(1e-12);
    expect(g.trackingError!.te).toBeLessThan(1e-12);
    expect(b.excludedCount).toBe(cx.excluded.filter(Boolean).length);
  });

  it("modified and Macaulay durations average over the holdings a yield applies to, as the yield totals", () => {
    const yx = holdingExposure(h, SETTLEMENT);
    const both = (i: number) => !cx.excluded[i] && !yx.excluded[i];
    // The sample's floaters and MBS are in the curve totals but have no yield-based durations.
    expect(h.type.some((t, i) => !cx.excluded[i] && yx.excluded[i] && t === "frn")).toBe(true);
    const t = totals(yx, both);
    close(p.duration.modified, t.modified);
    close(p.duration.macaulay, t.macaulay);
  });

  it("a government-only, equal-weight benchmark has the mean figures of those bonds", () => {
    const govRows = values.filter(
      (row, r) => r === 0 || h.sector[h.sourceRow.indexOf(r + 1)] === "government"
    );
    const withWeight = govRows.map((row, r) => [...row, r === 0 ? "Weight" : 1]);
    const c = readBenchmarkConstituents(withWeight, SETTLEMENT);
    expect(c.weightSource).toBe("weight");
    const b = constituentsProfile(c, market());
    const gov = [...Array(h.count).keys()].filter(
      (i) => h.sector[i] === "government" && !cx.excluded[i]
    );
    const mean = (f: (i: number) => number) => gov.reduce((s, i) => s + f(i), 0) / gov.length;
    close(
      b.duration.effective,
      mean((i) => cx.risk.effDuration[i])
    );
    const nk = DEFAULT_KEYS_MONTHS.length;
    b.krd.forEach((v, k) =>
      close(
        v,
        mean((i) => cx.risk.krd[i * nk + k]),
        1e-10
      )
    );
    expect(b.sectors.map((s) => s.sector)).toEqual(["government"]);
    const g = benchmarkGaps(p, b, BUNDLED_COVARIANCE);
    const govGap = g.sectors.find((s) => s.sector === "government")!;
    close(govGap.weight.benchmark, 1);
    const corp = g.sectors.find((s) => s.sector === "corporate")!;
    expect(corp.weight.benchmark).toBe(0);
    expect(Number.isNaN(corp.spreadDuration.gap)).toBe(true);
  });

  it("a profile 0.5 years longer at 10Y: KRD gap −0.5 there only, TE = 0.5·σ(10Y), 10Y ranked first", () => {
    const rows: unknown[][] = [
      ["Label", "Value"],
      ["Name", "Constructed index"],
      ["As of", "2024-12-31"],
      ["Effective duration", p.duration.effective + 0.5],
      ["Spread duration", p.spreadDuration],
      ...p.keysMonths.map((k, i) => [`KRD ${tenorLabel(k)}`, p.krd[i] + (k === 120 ? 0.5 : 0)]),
      ...p.sectors.map((s) => [`Weight ${s.sector}`, s.weight]),
      ...p.sectors.map((s) => [`Duration ${s.sector}`, s.effDuration]),
    ];
    const b = parseBenchmarkProfile(rows);
    expect(b.name).toBe("Constructed index");
    expect(b.asOf).toBe(45657);
    const g = benchmarkGaps(p, b, BUNDLED_COVARIANCE);
    g.activeKrd.forEach((x, k) => close(x, g.keysMonths[k] === 120 ? -0.5 : 0, 1e-12));
    const k10 = BUNDLED_COVARIANCE.keysMonths.indexOf(120);
    close(g.trackingError!.te, 0.5 * Math.sqrt(BUNDLED_COVARIANCE.matrix[k10][k10]));
    expect(g.mismatches[0].keyMonths).toBe(120);
    close(g.mismatches[0].share, 1);
    close(g.rows.find((r) => r.label === "Effective duration")!.gap, -0.5);
    expect(Number.isNaN(g.rows.find((r) => r.label === "Modified duration")!.gap)).toBe(true);
    close(g.dv01GapMoney, -0.5e-4 * p.marketValue!, 1e-10);
  });

  it("ranks mismatches by contribution to TE, not by size", () => {
    const zero = DEFAULT_KEYS_MONTHS.map(() => 0);
    const base: RiskProfile = { ...p, krd: zero, sectors: [] };
    const active = zero.map((_, k) =>
      DEFAULT_KEYS_MONTHS[k] === 3 ? 0.6 : DEFAULT_KEYS_MONTHS[k] === 120 ? -0.5 : 0
    );
    const port: RiskProfile = { ...base, krd: active };
    const g = benchmarkGaps(port, base, BUNDLED_COVARIANCE);
    expect(g.mismatches.slice(0, 2).map((m) => tenorLabel(m.keyMonths))).toEqual(["10Y", "3M"]);
    close(
      g.mismatches.reduce((s, m) => s + m.contribution, 0),
      g.trackingError!.te,
      1e-12
    );
  });

  it("profile errors name the row; a profile without durations or KRDs is refused", () => {
    expect(() =>
      parseBenchmarkProfile([
        ["Effective duration", 6],
        ["Convexity", 0.5],
      ])
    ).toThrow(/benchmark row 2 \("Convexity"\): unknown label/);
    expect(() => parseBenchmarkProfile([["Weight corporate", 0.4]])).toThrow(/Effective duration/);
    expect(() =>
      parseBenchmarkProfile([
        ["Effective duration", 6],
        ["Weight corporate", 40],
      ])
    ).toThrow(/as decimals/);
    const fromKrd = parseBenchmarkProfile([
      ["KRD 2Y", 1],
      ["KRD 10Y", 4],
    ]);
    expect(fromKrd.duration.effective).toBe(5);
    expect(fromKrd.notes[0]).toMatch(/sum of the KRDs/);
  });

  it("a bad weight is a located problem", () => {
    const rows = values
      .slice(0, 4)
      .map((row, r) => [...row, r === 0 ? "Weight" : r === 2 ? "lots" : 1]);
    const c = readBenchmarkConstituents(rows, SETTLEMENT, "Bench");
    expect(c.problems.map((q) => [q.row, q.field, q.cell])).toEqual([
      [3, "weight", `Bench!${String.fromCharCode(65 + rows[0].length - 1)}3`],
    ]);
  });
});
