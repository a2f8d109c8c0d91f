/** Full revaluation: zero shock, the duration-convexity estimate's order, KRD estimates, spreads. */
import { makeMarket } from "../../../src/core/market/market";
import { DEFAULT_CURVE } from "../../../src/core/curve";
import {
  revalue,
  revalueProfile,
  scenarioBook,
  rateScenario,
  Scenario,
  shapeProfile,
  ScenarioBook,
} from "../../../src/core/scenarios";
import { holdingCurveExposure } from "../../../src/core/portfolio/curveExposure";
import { holdings, MIXED, SETTLE } from "./fixtures";

describe("full revaluation", () => {
  let book: ScenarioBook;
  beforeAll(() => {
    book = scenarioBook(
      holdings(MIXED),
      makeMarket({ settlement: SETTLE, curve: DEFAULT_CURVE, interpolation: "linear_zero" })
    );
  });
  const parallel = (bp: number) => revalue(book, rateScenario("p", { kind: "parallel", bp }));

  it("gives exactly zero P&L for a zero shock, on every holding", () => {
    const r = parallel(0);
    expect(r.pnl).toBe(0);
    expect(Array.from(r.perHolding).every((v) => v === 0)).toBe(true);
    expect(r.estimate).toBe(0);
  });

  it("agrees with −D·Δy + ½C·Δy² to second order: the error shrinks like Δy³", () => {
    // Halving Δy divides a third-order error by 8; allow 6–10 (the fourth-order term and the
    // O(h²) of the ±1 bp central differences in D and C perturb the ratio slightly).
    const errs = [40, 20, 10, 5].map((bp) => Math.abs(parallel(bp).estimateError));
    for (let k = 1; k < errs.length; k++) {
      const ratio = errs[k - 1] / errs[k];
      expect(ratio).toBeGreaterThan(6);
      expect(ratio).toBeLessThan(10);
    }
    // and is far below the P&L itself: ≈ Δy²·E[t³]/(6·D) ≈ 5e-6 at 5 bp for this book; < 2e-5
    expect(errs[3] / Math.abs(parallel(5).pnl)).toBeLessThan(2e-5);
  });

  it("shows the convexity-estimate error growing for large shifts (|err| at 300 bp ≫ at 100 bp)", () => {
    const e100 = Math.abs(parallel(100).estimateError);
    const e300 = Math.abs(parallel(300).estimateError);
    // Third order: ×27 for ×3 in Δy; allow 15–40.
    expect(e300 / e100).toBeGreaterThan(15);
    expect(e300 / e100).toBeLessThan(40);
    expect(parallel(100).estimateMethod).toBe("duration-convexity");
  });

  it("estimates curve moves with the KR DV01s: first-order agreement for a small twist", () => {
    const small = revalueProfile(book, shapeProfile({ kind: "twist", bp: 1, pivotMonths: 60 }));
    expect(small.estimateMethod).toBe("key-rate");
    // A 1 bp twist lies in the span of the key triangles (breakpoints 3M, 5Y, 30Y are keys), so
    // only second-order terms remain: |error| < 1e-3 of |P&L|.
    expect(Math.abs(small.estimateError)).toBeLessThan(1e-3 * Math.abs(small.pnl));
  });

  it("leaves Treasuries untouched by a corporate spread shock, and moves corporates by their spread duration", () => {
    const s: Scenario = {
      name: "corp +50",
      rates: [],
      spreads: [{ sector: "corporate", rating: "", bp: 50 }],
      swapSpreadBp: 0,
    };
    const r = revalue(book, s);
    const h = book.holdings;
    for (let i = 0; i < h.count; i++) {
      if (h.sector[i] !== "corporate") expect(r.perHolding[i]).toBe(0);
      else {
        const mv = book.exposure.marketValue[i];
        const sd = book.exposure.risk.spreadDuration[i];
        // first order −MV·SD·Δs; convexity makes the loss smaller by ≈ ½·C·Δs/SD (< 3% here)
        expect(r.perHolding[i] / (-mv * sd * 0.005)).toBeGreaterThan(0.97);
        expect(r.perHolding[i] / (-mv * sd * 0.005)).toBeLessThan(1);
      }
    }
  });

  it("adds the rules that match a holding: sector, then sector and rating", () => {
    const s: Scenario = {
      name: "corp",
      rates: [],
      spreads: [
        { sector: "corporate", rating: "", bp: 20 },
        { sector: "corporate", rating: "bbb", bp: 30 },
      ],
      swapSpreadBp: 0,
    };
    const single: Scenario = { ...s, spreads: [{ sector: "corporate", rating: "BBB", bp: 50 }] };
    const h = book.holdings;
    const bbb = h.rating.indexOf("BBB");
    expect(revalue(book, s).perHolding[bbb]).toBeCloseTo(revalue(book, single).perHolding[bbb], 6);
  });
});

describe("a scenario book over an exposure already measured", () => {
  it("reuses the hedge job's exposure and revalues exactly as when it measures its own", () => {
    const h = holdings(MIXED);
    const own = scenarioBook(
      h,
      makeMarket({ settlement: SETTLE, curve: DEFAULT_CURVE, interpolation: "linear_zero" })
    );
    const market = makeMarket({ settlement: SETTLE, curve: DEFAULT_CURVE });
    const exposure = holdingCurveExposure(h, market);
    const given = scenarioBook(h, market, exposure);
    expect(given.exposure).toBe(exposure);
    for (const s of [
      rateScenario("up", { kind: "parallel", bp: 100 }),
      rateScenario("twist", { kind: "twist", bp: 50, pivotMonths: 60 }),
    ]) {
      const a = revalue(own, s);
      const b = revalue(given, s);
      expect(b.pnl).toBe(a.pnl);
      expect(b.estimate).toBe(a.estimate);
    }
  });
});
