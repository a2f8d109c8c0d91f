/** Hedges under scenarios: a KRD-matched swap hedge, futures through the CTD, and the matrix. */
import { makeMarket } from "../../../src/core/market/market";
import { CurveSpec, DEFAULT_CURVE } from "../../../src/core/curve";
import { futuresDv01 } from "../../../src/core/futures/futuresDv01";
import { contractSpec } from "../../../src/core/futures/contracts";
import { swapRisk } from "../../../src/core/swaps/ois";
import {
  analyseScenarios,
  defaultDeliveryMonth,
  Hedge,
  SwapHedge,
  hedgeBook,
  hedgePnl,
  parallelProfile,
  rateScenario,
  revalueProfile,
  scenarioBook,
  shapeProfile,
} from "../../../src/core/scenarios";
import { holdings, MIXED, SETTLE } from "./fixtures";

const SWAP_CURVE: CurveSpec = { ...DEFAULT_CURVE, kind: "sofr_ois" };

/** Solves a small dense linear system by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

describe("a KRD-matched swap hedge", () => {
  // Keys 2Y, 10Y, 30Y; swaps of those tenors sized so that the hedge's KR DV01s cancel the
  // portfolio's at each key (both curves move by the same par-rate profile).
  const keys = [24, 120, 360];
  const book = scenarioBook(
    holdings(MIXED),
    makeMarket({
      settlement: SETTLE,
      curve: DEFAULT_CURVE,
      interpolation: "linear_zero",
      keysMonths: keys,
    })
  );
  const unit = keys.map((m) =>
    swapRisk(SWAP_CURVE, SETTLE, { months: m, notional: 1, payFixed: false }, "linear_zero", keys)
  );
  const a = keys.map((_, k) => unit.map((u) => u.krDv01[k]));
  const notionals = solve(
    a,
    Array.from(book.totals.krDv01, (x) => -x)
  );
  const hedges: Hedge[] = keys.map((m, j) => ({
    kind: "swap",
    swap: { months: m, notional: Math.abs(notionals[j]), payFixed: notionals[j] < 0 },
  }));
  const hb = hedgeBook(
    hedges,
    makeMarket({
      settlement: SETTLE,
      curve: DEFAULT_CURVE,
      interpolation: "linear_zero",
      swapCurve: SWAP_CURVE,
    })
  );
  const hedged = (profile: ReturnType<typeof parallelProfile>) => {
    const un = revalueProfile(book, profile).pnl;
    return { un, hedged: un + hedgePnl(hb, profile, 0).reduce((x, y) => x + y, 0) };
  };

  it("shows ≈ 0 for a parallel shift (second-order residual < 1% of the unhedged P&L)", () => {
    for (const bp of [-25, 10, 50]) {
      const r = hedged(parallelProfile(bp));
      expect(Math.abs(r.hedged)).toBeLessThan(0.01 * Math.abs(r.un));
    }
  });

  it("is not flat to a twist around 5Y (not in the span of the 2Y/10Y/30Y triangles)", () => {
    const twist = hedged(shapeProfile({ kind: "twist", bp: 25, pivotMonths: 60 }));
    const par = hedged(parallelProfile(25));
    expect(Math.abs(twist.hedged)).toBeGreaterThan(10 * Math.abs(par.hedged));
    expect(Math.abs(twist.hedged)).toBeGreaterThan(0.05 * Math.abs(twist.un));
  });

  it("swaps move with Treasuries unless a swap-spread shock is given", () => {
    const zero = hedgePnl(hb, parallelProfile(0), 0);
    expect(Array.from(zero).every((v) => v === 0)).toBe(true);
    const onlySwapSpread = hedgePnl(hb, parallelProfile(0), 10);
    const withTreasuries = hedgePnl(hb, parallelProfile(10), 0);
    // the swap curve's par rates +10 bp either way: the same swap P&L, ≈ −10 × DV01 (convexity
    // of a 10 bp move: within 2%)
    hedges.forEach((h, k) => {
      expect(onlySwapSpread[k]).toBe(withTreasuries[k]);
      const dv01 = swapRisk(SWAP_CURVE, SETTLE, (h as SwapHedge).swap, "linear_zero").dv01;
      expect(Math.abs(onlySwapSpread[k] / (-10 * dv01) - 1)).toBeLessThan(0.02);
    });
    // and leaves the Treasury holdings untouched
    const m = analyseScenarios({
      holdings: book.holdings,
      market: makeMarket({ settlement: SETTLE, curve: DEFAULT_CURVE, swapCurve: SWAP_CURVE }),
      scenarios: [{ name: "swap spread", rates: [], spreads: [], swapSpreadBp: 10 }],
      hedges,
    });
    expect(m.rows[0].unhedged).toBe(0);
    expect(m.rows[0].hedged).toBeCloseTo(
      onlySwapSpread.reduce((x, y) => x + y, 0),
      6
    );
  });
});

describe("futures through the CTD", () => {
  const ctd = { coupon: 0.04125, maturity: 45703 + 7 * 365, cleanPrice: 98.5 }; // ~2032
  const month = { y: 2025, m: 3 };
  const hedges: Hedge[] = [
    { kind: "futures", contract: contractSpec("ZN"), month, contracts: -100, ctd, repo: 0.043 },
  ];
  const hb = hedgeBook(
    hedges,
    makeMarket({ settlement: SETTLE, curve: DEFAULT_CURVE, interpolation: "linear_zero" })
  );

  it("loses ≈ contracts × futures DV01 per bp (curve-based vs the yield-based DV01: within 3%)", () => {
    const up = hedgePnl(hb, parallelProfile(1), 0)[0];
    const down = hedgePnl(hb, parallelProfile(-1), 0)[0];
    const perBp = (down - up) / 2; // value gained for a 1 bp fall, money
    const ref = futuresDv01(contractSpec("ZN"), month, ctd.coupon, ctd.maturity, ctd.cleanPrice, {
      settlement: SETTLE,
      repo: 0.043,
    }).dv01;
    expect(perBp / (-100 * ref)).toBeGreaterThan(0.97);
    expect(perBp / (-100 * ref)).toBeLessThan(1.03);
    expect(Math.abs(hedgePnl(hb, parallelProfile(0), 0)[0])).toBe(0);
  });

  it("defaults the month to the first whose roll date is after settlement, and the CTD to the bundled universe's", () => {
    expect(defaultDeliveryMonth(SETTLE)).toEqual({ y: 2025, m: 3 });
    expect(defaultDeliveryMonth(45716)).toEqual({ y: 2025, m: 6 }); // 2025-02-28: after the H5 roll
    const auto = hedgeBook(
      [{ kind: "futures", contract: contractSpec("ZN"), contracts: 10 }],
      makeMarket({ settlement: SETTLE, curve: DEFAULT_CURVE })
    );
    expect(auto.labels[0]).toMatch(/^ZNH5 ×10 \(CTD /);
    expect(hedgePnl(auto, parallelProfile(10), 0)[0]).toBeLessThan(0);
  });

  it("enters the matrix: hedged = unhedged + hedge P&L", () => {
    const m = analyseScenarios({
      holdings: holdings(MIXED),
      market: makeMarket({
        settlement: SETTLE,
        curve: DEFAULT_CURVE,
        interpolation: "linear_zero",
      }),
      scenarios: [rateScenario("+50", { kind: "parallel", bp: 50 })],
      hedges,
    });
    const r = m.rows[0];
    expect(r.hedged).toBeCloseTo(r.unhedged + r.perHedge[0], 6);
    expect(r.hedgedTotalReturn).toBeCloseTo(r.horizon.totalReturn + r.hedgePnl, 6);
    expect(r.hedged).toBeGreaterThan(r.unhedged); // short futures gain as rates rise
  });
});
