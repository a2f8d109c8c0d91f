/** The scenario functions: values equal the core's (two-sided), broadcasting, errors with messages. */
import { makeMarket } from "../../../src/core/market/market";
import { DEFAULT_CURVE, tenorLabel } from "../../../src/core/curve";
import { isoFromSerial } from "../../../src/core/dates";
import { KeyrateError } from "../../../src/core/errors";
import { readHoldings } from "../../../src/core/holdings";
import {
  analyseScenarios,
  defaultScenarios,
  libraryTable,
  rateScenario,
  revalueProfile,
  scenarioBook,
} from "../../../src/core/scenarios";
import {
  scenarioPnl,
  scenarioPnlKrd,
  scenarioReval,
  scenariosFn,
  SCENARIOS_HEADER,
} from "../../../src/functions/impl/scenarioFunctions";
import { FUNCTIONS } from "../../../src/functions/impl/registry";
import { holdings as pack, MIXED, SETTLE } from "../../core/scenarios/fixtures";

const CURVE = [
  ["Tenor", "Rate"],
  ...DEFAULT_CURVE.months.map((m, i) => [tenorLabel(m), DEFAULT_CURVE.rates[i]]),
];
const h = pack(MIXED);
const RANGE: unknown[][] = [
  ["id", "par", "coupon", "maturity", "price", "sector", "rating"],
  ...Array.from({ length: h.count }, (_, i) => [
    h.id[i],
    h.par[i],
    h.coupon[i],
    isoFromSerial(h.maturity[i]),
    h.price[i],
    h.sector[i],
    h.rating[i],
  ]),
];
const coreHoldings = () => readHoldings(RANGE, { settlement: SETTLE }).holdings;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));
const err = (cell: unknown) => cell as KeyrateError;

describe("KEYRATE.SCENARIO_PNL", () => {
  it("is −MV·D·Δy + ½·MV·C·Δy², broadcast over ranges", () => {
    const out = scenarioPnl([[1e6], [2e6]], 6.5, 55, [[100], [-50]]);
    expect(out[0][0]).toBeCloseTo(-1e6 * 6.5 * 0.01 + 0.5 * 1e6 * 55 * 1e-4, 8);
    expect(out[1][0]).toBeCloseTo(2e6 * 6.5 * 0.005 + 0.5 * 2e6 * 55 * 0.25e-4, 8);
  });

  it("gives #VALUE! for text and mismatched shapes, with a message", () => {
    expect(err(scenarioPnl(1e6, "x", 50, 10)[0][0]).message).toMatch(/duration: expected a number/);
    expect(err(scenarioPnl([[1], [2]], [[1, 2, 3]], 1, 1)[0][0]).code).toBe("#VALUE!");
  });
});

describe("KEYRATE.SCENARIO_PNL_KRD", () => {
  it("is −MV·Σ KRDₖ·Δyₖ", () => {
    const v = scenarioPnlKrd(1e6, [[0.5, 2, 3]], [[10, 20, -5]])[0][0] as number;
    expect(v).toBeCloseTo(-1e6 * (0.5 * 0.001 + 2 * 0.002 - 3 * 0.0005), 8);
  });

  it("rejects rows of different lengths with #VALUE!", () => {
    const e = err(scenarioPnlKrd(1e6, [[0.5, 2, 3]], [[10, 20]])[0][0]);
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/krd_row has 3 cells but shift_row_bp has 2/);
  });
  it("takes a row or a column, and names a 2-D range as #VALUE!", () => {
    const byColumn = scenarioPnlKrd(1e6, [[0.5], [2], [3]], [[10, 20, -5]])[0][0];
    expect(byColumn).toBe(scenarioPnlKrd(1e6, [[0.5, 2, 3]], [[10, 20, -5]])[0][0]);
    const e = err(
      scenarioPnlKrd(
        1e6,
        [
          [0.5, 2],
          [3, 4],
        ],
        [[10, 20, -5, 1]]
      )[0][0]
    );
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("krd_row: expected a row or a column, got a 2×2 range");
  });
});

describe("KEYRATE.SCENARIO_REVAL", () => {
  it("equals the core's full revaluation of the holdings (to 1e-9 relative)", () => {
    const keys = [["2Y", "10Y", "30Y"]];
    const shift = [[10, 25, -5]];
    const got = scenarioReval(RANGE, CURVE, shift, keys, SETTLE)[0][0] as number;
    const book = scenarioBook(
      coreHoldings(),
      makeMarket({ settlement: SETTLE, curve: DEFAULT_CURVE, keysMonths: [24, 120, 360] })
    );
    const want = revalueProfile(book, { months: [24, 120, 360], bp: [10, 25, -5] }).pnl;
    expect(rel(got, want)).toBeLessThan(1e-9);
    expect(rel(want, got)).toBeLessThan(1e-9);
    expect(
      scenarioReval(RANGE, CURVE, [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0]], undefined, SETTLE)[0][0]
    ).toBe(0);
  });

  it("rejects a shift row of the wrong length, naming the counts", () => {
    const e = err(scenarioReval(RANGE, CURVE, [[1, 2]], undefined, SETTLE)[0][0]);
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/2 cells but there are 10 keys/);
  });
});

describe("KEYRATE.SCENARIOS", () => {
  it("spills the header and one row per library scenario, equal to the core's matrix", () => {
    const scenarios = [
      rateScenario("+50", { kind: "parallel", bp: 50 }),
      rateScenario("twist", { kind: "twist", bp: 25, pivotMonths: 60 }),
    ];
    const t = libraryTable(scenarios);
    const hedges = [
      ["instrument", "quantity", "direction"],
      ["SOFR 10Y", 5_000_000, "pay"],
    ];
    const out = scenariosFn(RANGE, CURVE, hedges, [t.header, ...t.rows], 6, SETTLE);
    expect(out[0]).toEqual(SCENARIOS_HEADER);
    const a = analyseScenarios({
      holdings: coreHoldings(),
      market: makeMarket({
        settlement: SETTLE,
        curve: DEFAULT_CURVE,
        interpolation: "linear_zero",
      }),
      scenarios,
      hedges: [{ kind: "swap", swap: { months: 120, notional: 5_000_000, payFixed: true } }],
      horizonMonths: 6,
    });
    a.rows.forEach((r, k) => {
      const row = out[k + 1];
      expect(row[0]).toBe(r.scenario.name);
      const want = [
        r.unhedged,
        r.hedged,
        r.unhedgedPct,
        r.hedgedPct,
        r.horizon.priceReturn / a.marketValue,
        r.horizon.totalReturn / a.marketValue,
        r.estimate,
        r.estimateError,
      ];
      want.forEach((w, c) => {
        expect(rel(row[c + 1] as number, w)).toBeLessThan(1e-9);
        expect(rel(w, row[c + 1] as number)).toBeLessThan(1e-9);
      });
    });
    const be = out.find((row) => String(row[0]).startsWith("Breakeven"))!;
    expect(rel(be[1] as number, a.breakevenUnhedged)).toBeLessThan(1e-6);
    expect(rel(be[2] as number, a.breakevenHedged)).toBeLessThan(1e-6);
  });

  it("uses the bundled library by default", () => {
    const out = scenariosFn(RANGE, CURVE, undefined, undefined, undefined, SETTLE);
    expect(out.slice(1, 1 + defaultScenarios().length).map((r) => r[0])).toEqual(
      defaultScenarios().map((s) => s.name)
    );
  });

  it("reports bad hedges and library rows with #VALUE! naming the row", () => {
    const e = err(
      scenariosFn(
        RANGE,
        CURVE,
        [
          ["instrument", "quantity"],
          ["XX", 1],
        ],
        undefined,
        3,
        SETTLE
      )[0][0]
    );
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/hedges: row 2: instrument: expected a Treasury futures code/);
    const l = err(
      scenariosFn(
        RANGE,
        CURVE,
        undefined,
        [
          ["Scenario", "Shape"],
          ["A", "zigzag"],
        ],
        3,
        SETTLE
      )[0][0]
    );
    expect(l.message).toMatch(/scenarios: row 2: Shape/);
  });

  it("is registered with its arguments for the command line", () => {
    expect(FUNCTIONS.SCENARIOS.args.slice(0, 6)).toEqual([
      "holdings",
      "curve",
      "[hedges]",
      "[scenarios]",
      "[horizon_months]",
      "[settlement]",
    ]);
    expect(FUNCTIONS.SCENARIO_PNL.impl).toBe(scenarioPnl);
  });
});
