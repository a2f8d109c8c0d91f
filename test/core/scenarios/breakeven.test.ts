/**
 * The breakeven's solvers: solveBreakevens (several roots together, in rounds of moves revalued
 * in one batch) against exact roots and the sequential solveOutwards, and on a real book the
 * unhedged and hedged breakevens of the analysis against solveOutwards on its own revaluations.
 */
import { makeMarket } from "../../../src/core/market/market";
import { DEFAULT_CURVE } from "../../../src/core/curve";
import { contractSpec } from "../../../src/core/futures/contracts";
import {
  analyseScenarios,
  Hedge,
  hedgeBook,
  hedgePnl,
  horizonBook,
  parallelProfile,
  ParallelReturns,
  parallelReturns,
  rateScenario,
  scenarioBook,
  solveBreakevens,
} from "../../../src/core/scenarios";
import { solveOutwards } from "../../../src/core/scenarios/breakeven";
import { holdings, MIXED, SETTLE } from "./fixtures";

/** A ParallelReturns over f that counts its batches and moves. */
function counted(f: (bp: number) => number) {
  const seen = new Map<number, number>();
  const stats = { batches: 0, moves: 0 };
  const prefetch = (bps: readonly number[]) => {
    const todo = [...new Set(bps)].filter((bp) => !seen.has(bp));
    if (todo.length === 0) return;
    stats.batches++;
    stats.moves += todo.length;
    for (const bp of todo) seen.set(bp, f(bp));
  };
  const r: ParallelReturns = Object.assign(
    (bp: number) => {
      prefetch([bp]);
      return seen.get(bp)!;
    },
    { prefetch, know: (bp: number, v: number) => void seen.set(bp, v) }
  );
  return { r, stats };
}

describe("solveBreakevens (several breakevens in rounds of moves revalued together)", () => {
  it("finds nearly linear roots on either side in three batches of at most four moves", () => {
    for (const root of [37.3, -212.9, 2.5, -0.75, 1500]) {
      // A book's total return: falling in the move, slightly convex.
      const { r, stats } = counted((x) => (root - x) * 1e6 + 40 * (x - root) ** 2);
      const hedge = (x: number) => -2e5 * x;
      const [unhedged, hedged] = solveBreakevens(r, [() => 0, hedge], 1e-6);
      expect(Math.abs(unhedged - root)).toBeLessThan(1e-7);
      expect(stats.batches).toBe(3);
      expect(stats.moves).toBeLessThanOrEqual(2 + 2 + 4);
      const exact = solveOutwards((x) => r(x) + hedge(x), 2000, 1e-9);
      expect(Math.abs(hedged - exact)).toBeLessThan(1e-7);
    }
  });

  it("finds a curved root, and falls back to the bracketing solver where the rounds miss", () => {
    const { r: curved, stats } = counted((x) => x * x - 400);
    const [x] = solveBreakevens(curved, [() => 0], 1e-12);
    expect(Math.abs(x - 20)).toBeLessThan(1e-8);
    expect(stats.batches).toBe(3);
    // f(0) and f(5) alike: the secant from them leaves the reach.
    const { r: step, stats: fallback } = counted((x) => Math.tanh((x - 30) / 3));
    expect(Math.abs(solveBreakevens(step, [() => 0], 1e-12)[0] - 30)).toBeLessThan(1e-8);
    expect(fallback.batches).toBeGreaterThan(3);
    const { r: none } = counted((x) => 1 + x * x);
    expect(solveBreakevens(none, [() => 0], 1e-12)[0]).toBeNaN();
    const { r: zero } = counted((x) => 1e-9 * x);
    expect(solveBreakevens(zero, [() => 0], 1e-6)[0]).toBe(0);
  });
});

describe("the analysis's breakevens", () => {
  it("are the roots solveOutwards finds on the same revaluations, unhedged and hedged", () => {
    const market = makeMarket({ settlement: SETTLE, curve: DEFAULT_CURVE });
    const h = holdings(MIXED);
    const hedges: Hedge[] = [{ kind: "futures", contract: contractSpec("ZN"), contracts: -40 }];
    const a = analyseScenarios({
      holdings: h,
      market,
      scenarios: [rateScenario("+50", { kind: "parallel", bp: 50 })],
      hedges,
    });
    const book = scenarioBook(h, market);
    const total = parallelReturns(book, horizonBook(book));
    const hb = hedgeBook(hedges, market);
    const hedge = (bp: number) => hedgePnl(hb, parallelProfile(bp), 0)[0];
    const tol = book.totals.marketValue * 1e-12;
    expect(Math.abs(a.breakevenUnhedged - solveOutwards(total, 2000, tol))).toBeLessThan(1e-6);
    const hedged = solveOutwards((bp) => total(bp) + hedge(bp), 2000, tol);
    expect(Math.abs(a.breakevenHedged - hedged)).toBeLessThan(1e-6);
    // Two-sided: the short futures move the breakeven.
    expect(Math.abs(a.breakevenHedged - a.breakevenUnhedged)).toBeGreaterThan(1);
    // The carry is the zero move's total return.
    expect(a.carry.totalReturn).toBe(total(0));
  });
});

describe("solveOutwards (the breakeven's root finder)", () => {
  const counted = (f: (x: number) => number) => {
    let calls = 0;
    return { f: (x: number) => (calls++, f(x)), calls: () => calls };
  };

  it("finds the root of a nearly linear function in a few evaluations, on either side", () => {
    for (const root of [37.3, -212.9, 2.5, -0.75, 1500]) {
      const c = counted((x) => (root - x) * 1e6 * (1 + 1e-5 * x));
      const x = solveOutwards(c.f, 2000, 1e-3);
      expect(Math.abs(x - root)).toBeLessThan(1e-8);
      expect(c.calls()).toBeLessThanOrEqual(9);
    }
  });

  it("finds the root of a curved function, and the one nearest the guess", () => {
    const f = (x: number) => Math.exp(x / 100) - 3; // root 100·ln 3
    expect(Math.abs(solveOutwards(f, 2000, 1e-12) - 100 * Math.log(3))).toBeLessThan(1e-8);
    const g = (x: number) => x * x - 400; // roots ±20; f(0) < 0 and f(5) < 0
    expect(Math.abs(Math.abs(solveOutwards(g, 2000, 1e-12)) - 20)).toBeLessThan(1e-8);
  });

  it("is NaN when no move within the limit changes the sign", () => {
    expect(solveOutwards((x) => 1 + x * x, 2000)).toBeNaN();
    expect(solveOutwards((x) => 5000 - x, 2000)).toBeNaN();
  });
});
