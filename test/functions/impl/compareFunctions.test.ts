/**
 * The compare functions (TRACKING_ERROR, COVARIANCE, BENCH_GAP, HEDGE_EFFECTIVENESS) equal the
 * core for the same inputs, through the registry the CLI uses; errors carry messages.
 */
import { makeMarket } from "../../../src/core/market/market";
import { join } from "path";
import ExcelJS from "exceljs";
import { FUNCTIONS } from "../../../src/functions/impl/registry";
import { KeyrateError } from "../../../src/core/errors";
import { BUNDLED_COVARIANCE } from "../../../src/core/compare/bundledCovariance";
import { trackingError } from "../../../src/core/compare/trackingError";
import { estimateCovariance } from "../../../src/core/compare/covariance";
import { parseCurveHistory } from "../../../src/core/curve/curveHistory";
import { hedgeEffectiveness } from "../../../src/core/compare/hedgeEffectiveness";
import { portfolioProfile, parseBenchmarkProfile } from "../../../src/core/compare/benchmark";
import { benchmarkGaps } from "../../../src/core/compare/gaps";
import { parseCurveRange, tenorLabel } from "../../../src/core/curve";
import { readHoldings } from "../../../src/core/holdings";
import { sheetValues } from "../../../src/cli/workbookInput";

const call = (name: string, ...args: unknown[]) => FUNCTIONS[name].impl(...args);
const codeOf = (c: unknown) => (c instanceof KeyrateError ? c.code : c);
const messageOf = (c: unknown) => (c instanceof KeyrateError ? c.message : "");

const HISTORY = [
  ["Date", "2 Yr", "5 Yr", "10 Yr"],
  ["2024-01-08", 0.0436, 0.0397, 0.0401],
  ["2024-01-05", 0.0439, 0.04, 0.0405],
  ["2024-01-04", 0.0438, 0.0399, 0.0399],
  ["2024-01-03", 0.0433, 0.0393, 0.0391],
  ["2024-01-02", 0.0433, 0.0393, 0.0395],
];

describe("compare functions", () => {
  it("TRACKING_ERROR: bundled Σ by default, a given Σ, keys picking the bundled sub-matrix", () => {
    const x = [0, 0, 0, 0.2, 0, 0, 0, -0.4, 0, 0.1];
    expect(call("TRACKING_ERROR", [x])).toEqual([[trackingError(x, BUNDLED_COVARIANCE).te]]);
    const cov = [
      [1e-4, 7.2e-5],
      [7.2e-5, 6.4e-5],
    ];
    expect(call("TRACKING_ERROR", [[1], [-2]], cov)[0][0]).toBeCloseTo(Math.sqrt(6.8e-5), 15);
    const sub = call("TRACKING_ERROR", [[1, -2]], null, [["2Y", "10Y"]])[0][0] as number;
    const [a, b] = [3, 7];
    const m = BUNDLED_COVARIANCE.matrix;
    expect(sub).toBeCloseTo(Math.sqrt(m[a][a] - 4 * m[a][b] + 4 * m[b][b]), 15);
  });

  it("TRACKING_ERROR errors: length, shape, symmetry, a key outside the bundled matrix", () => {
    const short = call("TRACKING_ERROR", [[1, 2]])[0][0];
    expect(codeOf(short)).toBe("#VALUE!");
    expect(messageOf(short)).toMatch(/2 values for 10 keys/);
    expect(messageOf(call("TRACKING_ERROR", [[1, 2]], [[1, 2, 3]])[0][0])).toMatch(/square/);
    expect(
      messageOf(
        call(
          "TRACKING_ERROR",
          [[1, 2]],
          [
            [1, 2],
            [3, 4],
          ]
        )[0][0]
      )
    ).toMatch(/not symmetric/);
    expect(messageOf(call("TRACKING_ERROR", [[1]], null, "4Y")[0][0])).toMatch(
      /keys 4Y are not in the covariance/
    );
  });

  it("COVARIANCE spills the core's matrix; options pass through", () => {
    const est = estimateCovariance(parseCurveHistory(HISTORY), {
      keysMonths: [24, 60, 120],
      halfLife: 3,
      periodsPerYear: 260,
    });
    expect(call("COVARIANCE", HISTORY, 3, [["2Y", "5Y", "10Y"]], 260)).toEqual(est.matrix);
    const err = call("COVARIANCE", HISTORY)[0][0];
    expect(codeOf(err)).toBe("#VALUE!");
    expect(messageOf(err)).toMatch(/keys 3M, 6M, 1Y, 20Y, 30Y are outside the history's tenors/);
    expect(messageOf(call("COVARIANCE", HISTORY, -1, [["2Y"]])[0][0])).toMatch(/halflife_days/);
  });

  it("HEDGE_EFFECTIVENESS: one row equal to the core", () => {
    const p = [100, -50, 30, -80, 60, -20];
    const h = [-90, 55, -20, 85, -50, 10];
    const r = hedgeEffectiveness(p, h);
    expect(
      call(
        "HEDGE_EFFECTIVENESS",
        p.map((v) => [v]),
        h.map((v) => [v])
      )
    ).toEqual([[r.effectiveness, r.beta, r.correlation, r.flag]]);
    expect(messageOf(call("HEDGE_EFFECTIVENESS", [[1, 2, 3]], [[1, 2]])[0][0])).toMatch(
      /3 values but hedge_changes has 2/
    );
  });

  it("BENCH_GAP equals the core gaps on the sample portfolio against a profile", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(__dirname, "..", "..", "..", "assets", "sample-portfolio.xlsx"));
    const holdings = sheetValues(book.getWorksheet("Holdings")!);
    const curve = sheetValues(book.getWorksheet("Curve")!);
    const profile = [
      ["Effective duration", 6],
      ["Modified duration", 5.8],
      ["KRD 2Y", 1],
      ["KRD 5Y", 2],
      ["KRD 10Y", 3],
      ["Weight government", 0.6],
      ["Weight corporate", 0.4],
      ["Duration corporate", 7],
    ];
    const out = call("BENCH_GAP", holdings, profile, curve, "2025-01-02");
    const spec = parseCurveRange(curve, "par");
    const h = readHoldings(holdings, { settlement: 45659 }).holdings;
    const p = portfolioProfile(
      h,
      makeMarket({ settlement: 45659, curve: spec, keysMonths: [24, 60, 120] })
    );
    const g = benchmarkGaps(p, parseBenchmarkProfile(profile), BUNDLED_COVARIANCE);
    const row = (label: string) => out.find((r) => r[0] === label)!;
    expect(out[0]).toEqual(["", "Portfolio", "Benchmark", "Gap", "Unit", "Method"]);
    for (const r of g.rows) {
      const cells = row(r.label);
      expect(cells.slice(1, 4)).toEqual(
        [r.portfolio, r.benchmark, r.gap].map((v) => (Number.isFinite(v) ? v : ""))
      );
    }
    expect(row("Tracking error")[3]).toBe(g.trackingError!.te);
    expect(row(`Mismatch 1: KRD ${tenorLabel(g.mismatches[0].keyMonths)}`)[3]).toBe(
      g.mismatches[0].active
    );
    expect(row("Weight corporate")[2]).toBe(0.4);
    expect(out.every((r) => r.length === 6)).toBe(true);
    const bad = call(
      "BENCH_GAP",
      holdings,
      [
        ["Effective duration", 6],
        ["Beta", 1],
      ],
      curve,
      "2025-01-02"
    )[0][0];
    expect(codeOf(bad)).toBe("#VALUE!");
    expect(messageOf(bad)).toMatch(/benchmark row 2 \("Beta"\): unknown label/);
  });
});
