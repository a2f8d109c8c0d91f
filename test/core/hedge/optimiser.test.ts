/**
 * The HiGHS hedge optimiser: zero residual when the instruments span the profile, every
 * constraint respected on random problems (fast-check), the integer optimum equal to brute force
 * on small problems, the single-contract mode, and infeasible problems named.
 * Tolerances: objective values 1e-6 relative to the profile's size; constraints 1e-7.
 */
import { optimiserBenchProblem } from "../../../bench/optimiserProblem";
import * as fc from "fast-check";
import type { Highs } from "highs";
import {
  buildLp,
  HedgeInstrument,
  HedgeProblem,
  loadSolver,
  optimiseHedge,
  parseHedgeMode,
  SOLVER_OPTIONS,
  violations,
} from "../../../src/core/hedge/optimiser";
import { hedgeContracts } from "../../../src/core/hedge/dv01Hedge";
import { KeyrateError, NoSolutionError } from "../../../src/core/errors";

let highs: Highs;
beforeAll(async () => {
  highs = await loadSolver();
});

const KEYS3 = ["2Y", "10Y", "30Y"];

/** Objective of contracts x, or Infinity when x breaks a constraint (the brute-force reference). */
function objectiveOf(p: HedgeProblem, x: number[]): number {
  const after = p.portfolio.map(
    (v, k) => v + p.instruments.reduce((s, j, i) => s + j.krDv01[k] * x[i], 0)
  );
  const w = p.weights ?? p.keys.map(() => 1);
  if (p.leverageCap !== undefined) {
    const used = p.instruments.reduce((s, j, i) => s + Math.abs(x[i]) * (j.notional ?? 0), 0);
    if (used > p.leverageCap * (p.portfolioValue ?? 0) + 1e-9) return Infinity;
  }
  if (!p.allowNetShort && after.reduce((s, v) => s + v, 0) < -1e-9) return Infinity;
  let obj = 0;
  after.forEach((v, k) => (obj += w[k] * Math.abs(v - p.target[k])));
  if (p.mode === "cost") p.instruments.forEach((j, i) => (obj += (j.cost ?? 0) * Math.abs(x[i])));
  return obj;
}

/** The problem `npm run bench` times (bench/optimiserProblem.js). */
const benchProblem = optimiserBenchProblem;

function bruteForce(p: HedgeProblem): number {
  let best = Infinity;
  const n = p.instruments.length;
  const x = new Array<number>(n).fill(0);
  const rec = (i: number) => {
    if (i === n) {
      best = Math.min(best, objectiveOf(p, x));
      return;
    }
    const j = p.instruments[i];
    for (let v = j.min!; v <= j.max!; v++) {
      x[i] = v;
      rec(i + 1);
    }
  };
  rec(0);
  return best;
}

describe("hedge optimiser", () => {
  it("parses modes", () => {
    expect(parseHedgeMode(undefined)).toBe("krd");
    expect(parseHedgeMode(" Cost ")).toBe("cost");
    expect(() => parseHedgeMode("best")).toThrow(/single.*krd.*cost/);
  });

  it("reaches zero residual when the instruments span the profile", async () => {
    const instruments: HedgeInstrument[] = [
      { name: "ZT", krDv01: [40, 2, 0] },
      { name: "ZN", krDv01: [3, 70, 5] },
      { name: "UB", krDv01: [0, 10, 190] },
    ];
    const xStar = [-12, -35, -7];
    // portfolio = −A·x*: a long portfolio that selling x* contracts flattens exactly
    const portfolio = [0, 1, 2].map(
      (k) => -instruments.reduce((s, j, i) => s + j.krDv01[k] * xStar[i], 0)
    );
    const p: HedgeProblem = {
      mode: "krd",
      keys: KEYS3,
      portfolio,
      target: [0, 0, 0],
      instruments,
    };
    const r = await optimiseHedge(p, highs);
    expect(r.trades.map((t) => t.contracts)).toEqual(xStar);
    for (const v of r.residualAfter) expect(Math.abs(v)).toBeLessThanOrEqual(1e-9);
    expect(r.objective).toBeLessThanOrEqual(1e-9);
    expect(r.trades[1].krDv01Impact).toEqual([-105, -2450, -175]);
    expect(r.trades[1].dv01Impact).toBe(-2730);
    expect(r.residualBefore).toEqual(r.before);
  });

  it("matches a target profile (benchmark) rather than zero", async () => {
    const instruments: HedgeInstrument[] = [
      { name: "A", krDv01: [10, 0] },
      { name: "B", krDv01: [0, 25] },
    ];
    const r = await optimiseHedge(
      { mode: "krd", keys: ["5Y", "10Y"], portfolio: [500, 900], target: [800, 400], instruments },
      highs
    );
    expect(r.trades.map((t) => t.contracts)).toEqual([30, -20]);
    expect(r.residualAfter).toEqual([0, 0]);
  });

  it("trades fewer contracts when costs outweigh the residual", async () => {
    const base: HedgeProblem = {
      mode: "cost",
      keys: ["10Y"],
      portfolio: [1000],
      target: [0],
      instruments: [{ name: "ZN", krDv01: [70], cost: 100 }],
    };
    // residual worth 1 per unit: a contract removes 70 of residual and costs 100 → don't trade
    expect((await optimiseHedge(base, highs)).trades[0].contracts).toBe(0);
    const cheap = { ...base, instruments: [{ ...base.instruments[0], cost: 10 }] };
    expect((await optimiseHedge(cheap, highs)).trades[0].contracts).toBe(-14);
    // the same problem in "krd" mode ignores costs
    expect((await optimiseHedge({ ...base, mode: "krd" }, highs)).trades[0].contracts).toBe(-14);
  });

  it("mixes integer futures with continuous swap notionals", async () => {
    const r = await optimiseHedge(
      {
        mode: "krd",
        keys: ["5Y", "10Y"],
        portfolio: [1000, 2000],
        target: [0, 0],
        instruments: [
          { name: "ZN", krDv01: [0, 70] },
          { name: "swap 5Y (per 1m)", krDv01: [470, 0], integer: false },
        ],
        allowNetShort: true,
      },
      highs
    );
    expect(r.trades[0].contracts).toBe(-29);
    expect(r.trades[1].contracts).toBeCloseTo(-1000 / 470, 9);
    expect(Math.abs(r.residualAfter[0])).toBeLessThanOrEqual(1e-7);
  });

  it("respects every constraint on random problems", async () => {
    const instrument = fc.record({
      krDv01: fc.array(fc.integer({ min: -50, max: 200 }), { minLength: 3, maxLength: 3 }),
      notional: fc.integer({ min: 0, max: 200_000 }),
      cost: fc.integer({ min: 0, max: 50 }),
      min: fc.integer({ min: -40, max: 0 }),
      span: fc.integer({ min: 0, max: 60 }),
    });
    const problem = fc.record({
      instruments: fc.array(instrument, { minLength: 1, maxLength: 4 }),
      portfolio: fc.array(fc.integer({ min: -3000, max: 8000 }), { minLength: 3, maxLength: 3 }),
      target: fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 3, maxLength: 3 }),
      weights: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
      cap: fc.option(fc.double({ min: 0, max: 0.5, noNaN: true }), { nil: undefined }),
      allowNetShort: fc.boolean(),
      mode: fc.constantFrom("krd" as const, "cost" as const),
    });
    await fc.assert(
      fc.asyncProperty(problem, async (q) => {
        const p: HedgeProblem = {
          mode: q.mode,
          keys: KEYS3,
          portfolio: q.portfolio,
          target: q.target,
          weights: q.weights,
          instruments: q.instruments.map((j, i) => ({
            name: `I${i}`,
            krDv01: j.krDv01,
            notional: j.notional,
            cost: j.cost,
            min: j.min,
            max: j.min + j.span,
          })),
          portfolioValue: 10_000_000,
          leverageCap: q.cap,
          allowNetShort: q.allowNetShort,
        };
        try {
          const r = await optimiseHedge(p, highs);
          expect(violations(p, r)).toEqual([]);
          for (const t of r.trades) expect(Number.isInteger(t.contracts)).toBe(true);
          expect(
            Math.abs(
              r.objective -
                objectiveOf(
                  p,
                  r.trades.map((t) => t.contracts)
                )
            )
          ).toBeLessThanOrEqual(1e-6);
        } catch (e) {
          // only a genuinely infeasible problem may fail, and with a named constraint
          expect(e).toBeInstanceOf(NoSolutionError);
          expect((e as Error).message).toMatch(/leverage cap|no-net-short|instrument limits/);
        }
      }),
      { numRuns: 60, seed: 20250313 }
    );
  });

  it("finds the brute-force integer optimum on small problems", async () => {
    const problem = fc.record({
      n: fc.integer({ min: 2, max: 3 }),
      a: fc.array(fc.integer({ min: -30, max: 120 }), { minLength: 9, maxLength: 9 }),
      notional: fc.array(fc.integer({ min: 0, max: 150_000 }), { minLength: 3, maxLength: 3 }),
      cost: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 3, maxLength: 3 }),
      portfolio: fc.array(fc.integer({ min: -500, max: 4000 }), { minLength: 3, maxLength: 3 }),
      target: fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: 3, maxLength: 3 }),
      weights: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
      cap: fc.option(fc.constantFrom(0.05, 0.2, 0.5), { nil: undefined }),
      allowNetShort: fc.boolean(),
      mode: fc.constantFrom("krd" as const, "cost" as const),
    });
    await fc.assert(
      fc.asyncProperty(problem, async (q) => {
        const p: HedgeProblem = {
          mode: q.mode,
          keys: KEYS3,
          portfolio: q.portfolio,
          target: q.target,
          weights: q.weights,
          instruments: Array.from({ length: q.n }, (_v, i) => ({
            name: `I${i}`,
            krDv01: q.a.slice(3 * i, 3 * i + 3),
            notional: q.notional[i],
            cost: q.cost[i],
            min: -20,
            max: 20,
          })),
          portfolioValue: 10_000_000,
          leverageCap: q.cap,
          allowNetShort: q.allowNetShort,
        };
        const best = bruteForce(p);
        if (best === Infinity) {
          await expect(optimiseHedge(p, highs)).rejects.toThrow(NoSolutionError);
          return;
        }
        const r = await optimiseHedge(p, highs);
        expect(Math.abs(r.objective - best)).toBeLessThanOrEqual(1e-6 * Math.max(1, best));
        expect(
          objectiveOf(
            p,
            r.trades.map((t) => t.contracts)
          )
        ).toBeLessThanOrEqual(best + 1e-6);
      }),
      { numRuns: 40, seed: 42 }
    );
  });

  it("sizes the single-contract hedge with hedgeContracts and checks the constraints", async () => {
    const p: HedgeProblem = {
      mode: "single",
      keys: ["5Y", "10Y"],
      portfolio: [30_000, 42_000],
      target: [0, 0],
      instruments: [
        { name: "ZF", krDv01: [400, 0] },
        { name: "ZN", krDv01: [100, 835], notional: 110_000 },
      ],
      single: { instrument: 1 },
      portfolioValue: 100_000_000,
      leverageCap: 0.3,
      allowNetShort: false,
    };
    const r = await optimiseHedge(p, highs);
    expect(r.trades[0].contracts).toBe(0);
    expect(r.trades[1].contracts).toBe(hedgeContracts(72_000, 0, 935));
    expect(r.trades[1].contracts).toBe(-77); // the example
    expect(r.dv01After).toBe(72_000 - 77 * 935);
    expect(r.leverageUsed).toBe(77 * 110_000);
    // 77 × 110,000 = 8.47m is within 30% of 100m, not within 5%
    await expect(optimiseHedge({ ...p, leverageCap: 0.05 }, highs)).rejects.toThrow(
      /-77 ZN breaks the leverage cap: notional 8470000 exceeds 0.05 × 100000000/
    );
    // β 1.1 over-hedges past zero: −85 contracts leave −7,475 of DV01, a net short
    await expect(
      optimiseHedge({ ...p, single: { instrument: 1, beta: 1.1 } }, highs)
    ).rejects.toThrow(/-85 ZN breaks the no-net-short rule: total DV01 after the hedge is -7475/);
    const short = await optimiseHedge(
      { ...p, single: { instrument: 1, beta: 1.1 }, allowNetShort: true },
      highs
    );
    expect(short.trades[1].contracts).toBe(-85);
  });

  it("names the binding constraint when no hedge is feasible", async () => {
    const p: HedgeProblem = {
      mode: "krd",
      keys: ["10Y"],
      portfolio: [-5_000],
      target: [0],
      instruments: [{ name: "ZN", krDv01: [70], notional: 110_000, max: 10 }],
    };
    // net short before; +10 contracts add only 700: the limits and the no-net-short rule bind
    await expect(optimiseHedge(p, highs)).rejects.toThrow(
      /binding: the no-net-short rule .*; or the instrument limits \(ZN −∞ … 10\)/
    );
    // with a 0.5% cap of 100m (500,000 of notional ≤ 4 contracts), the leverage cap binds too
    const q = {
      ...p,
      instruments: [{ ...p.instruments[0], max: 100 }],
      portfolioValue: 100e6,
      leverageCap: 0.005,
    };
    await expect(optimiseHedge(q, highs)).rejects.toThrow(/binding: the leverage cap/);
    const e = await optimiseHedge(q, highs).catch((x: KeyrateError) => x);
    expect((e as KeyrateError).code).toBe("#NUM!");
    expect((e as KeyrateError).message).toMatch(/or the no-net-short rule/);
    // allowing a net short makes it feasible
    const ok = await optimiseHedge({ ...q, allowNetShort: true }, highs);
    expect(ok.trades[0].contracts).toBe(4);
  });

  it("rejects malformed problems", async () => {
    const p: HedgeProblem = {
      mode: "krd",
      keys: ["10Y"],
      portfolio: [1],
      target: [0],
      instruments: [{ name: "ZN", krDv01: [70] }],
    };
    await expect(optimiseHedge({ ...p, target: [0, 0] }, highs)).rejects.toThrow(
      /target has 2 entries/
    );
    await expect(optimiseHedge({ ...p, leverageCap: 0.2 }, highs)).rejects.toThrow(
      /portfolio value/
    );
    await expect(
      optimiseHedge({ ...p, instruments: [{ name: "ZN", krDv01: [70], min: 5, max: 1 }] }, highs)
    ).rejects.toThrow(/min contracts 5 exceeds max 1/);
    await expect(optimiseHedge({ ...p, weights: [-1] }, highs)).rejects.toThrow(/weights/);
  });

  it("gives the same optimum on the bench problem with the tuned and HiGHS's default search", async () => {
    // The tuning (presolve, sub-MIP heuristics and node cuts off) must change only the speed:
    // the gaps stay zero, and the bench problem's optimum equals HiGHS's default search's.
    expect(SOLVER_OPTIONS.mip_rel_gap).toBe(0);
    expect(SOLVER_OPTIONS.mip_abs_gap).toBeLessThanOrEqual(1e-9);
    const p = benchProblem();
    const reference = highs.solve(buildLp(p), {
      output_flag: false,
      mip_rel_gap: 0,
      mip_abs_gap: 1e-9,
      time_limit: 20,
    });
    expect(reference.Status).toBe("Optimal");
    const r = await optimiseHedge(p, highs);
    expect(Math.abs(r.objective - reference.ObjectiveValue)).toBeLessThanOrEqual(
      1e-6 * Math.abs(reference.ObjectiveValue)
    );
    expect(violations(p, r)).toEqual([]);
  });

  it("writes a readable LP model", () => {
    const lp = buildLp({
      mode: "cost",
      keys: ["10Y"],
      portfolio: [1000],
      target: [0],
      instruments: [{ name: "ZN", krDv01: [70], cost: 12.5, min: -50, max: 50 }],
    });
    expect(lp).toContain("obj: + 1 e0 + 12.5 a0");
    expect(lp).toContain("rp0: + 70 x0 - 1 e0 <= -1000");
    expect(lp).toContain("-50 <= x0 <= 50");
    expect(lp).toContain("netshort: + 70 x0 >= -1000");
  });
});
