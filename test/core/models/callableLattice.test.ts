/**
 * The callable lattice converges to the model, not to the grid, and keeps the model's properties.
 *
 * Grid refinement (12 → 192 steps a year; the reference at 192): at the default 24 steps a year,
 * OAS within 1 bp, OAS duration and every OAS KRD within 0.02 years and OAS convexity within
 * max(2, 5%) for American, Bermudan and European calls near the money, and the figures move
 * monotonically and smoothly with the grid (no jumps). Measured (par shifts, this bond): American
 * convexity −57.5, −58.0, −58.3, −58.4, −58.5 at 12, 24, 48, 96, 192 steps a year; Bermudan
 * −59.4, −59.7, −59.9, −59.9, −60.0. The convexity is a second difference over the lattice's node
 * spacing, which cancels the ripple a ±1 bp difference reads (−46 to −67 across the same grids).
 * Against Jamshidian's closed form (single European call): price within 0.01 per 100, duration
 * within 0.002 years, convexity within 1.5. Properties: callable ≤ bullet at the same OAS, price
 * falls as σ rises, σ → 0 gives the bullet to the best call date on the forward curve, KRDs sum to
 * the OAS duration, a call far out of the money gives the bullet's figures.
 */
import { allocateTerms } from "../../../src/core/bond";
import { serialFromYmd } from "../../../src/core/dates";
import { CallSchedule, CallStyle } from "../../../src/core/instruments/callSchedule";
import { makeMarket } from "../../../src/core/market/market";
import { shockedCurve } from "../../../src/core/market/shock";
import { callableBook } from "../../../src/core/models/callableBook";
import { hullWhiteParams } from "../../../src/core/models/hullWhite";
import { oasRisk } from "../../../src/core/risk/oasRisk";

const SETTLE = serialFromYmd(2025, 1, 15);
const CURVE = {
  kind: "par" as const,
  months: [3, 6, 12, 24, 36, 60, 84, 120, 240, 360],
  rates: [0.0435, 0.0431, 0.0422, 0.0418, 0.042, 0.0428, 0.0437, 0.0446, 0.0472, 0.0468],
};

function market(sigma = 0.01) {
  return makeMarket({ settlement: SETTLE, curve: CURVE, hullWhite: hullWhiteParams(sigma, 0.03) });
}

/** A 10-year 4.5% semiannual bond callable from 2028-07-15 at 100 in `style`. */
function bond(style: CallStyle, dates = [serialFromYmd(2028, 7, 15)], clean = 98.5) {
  const terms = allocateTerms(1);
  terms.settlement[0] = SETTLE;
  terms.maturity[0] = serialFromYmd(2035, 1, 15);
  terms.rate[0] = 0.045;
  terms.frequency[0] = 2;
  terms.basis[0] = 1;
  const calls: CallSchedule[] = [
    { dates: Float64Array.from(dates), prices: Float64Array.from(dates, () => 100), style },
  ];
  return { terms, calls, clean: Float64Array.of(clean) };
}

const risk = (style: CallStyle, spy: number, closedForm = true, sigma = 0.01) =>
  oasRisk(market(sigma), bond(style), { stepsPerYear: spy, closedForm });

describe("callable lattice grid refinement", () => {
  it.each(["american", "bermudan", "european"] as const)(
    "%s: 24 steps a year is converged",
    (style) => {
      const fine = risk(style, 192, false);
      const at = risk(style, 24, false);
      expect(Math.abs(at.oas[0] - fine.oas[0])).toBeLessThan(1e-4);
      expect(Math.abs(at.duration[0] - fine.duration[0])).toBeLessThan(0.02);
      expect(Math.abs(at.convexity[0] - fine.convexity[0])).toBeLessThan(
        Math.max(2, 0.05 * Math.abs(fine.convexity[0]))
      );
      for (let k = 0; k < fine.keysMonths.length; k++)
        expect(Math.abs(at.krd[k] - fine.krd[k])).toBeLessThan(0.02);
      expect(fine.optionValue[0]).toBeGreaterThan(0.5);
      // Every grid on the way: convexity moves monotonically towards the reference, OAS duration
      // stays within 0.01 years of it (no jumps as nodes cross the exercise boundary).
      const grids = [12, 24, 48, 96].map((spy) => risk(style, spy, false));
      const gaps = grids.map((r) => Math.abs(r.convexity[0] - fine.convexity[0]));
      for (let g = 0; g < grids.length; g++) {
        expect(Math.abs(grids[g].duration[0] - fine.duration[0])).toBeLessThan(0.01);
        if (g > 0) expect(gaps[g]).toBeLessThanOrEqual(gaps[g - 1] + 0.05);
      }
    }
  );

  it("European: the lattice agrees with Jamshidian's closed form", () => {
    const closed = risk("european", 24, true);
    const lattice = risk("european", 24, false);
    expect(closed.method[0]).toMatch(/Jamshidian/);
    expect(lattice.method[0]).toMatch(/trinomial/);
    expect(Math.abs(lattice.oas[0] - closed.oas[0])).toBeLessThan(0.2e-4);
    expect(Math.abs(lattice.duration[0] - closed.duration[0])).toBeLessThan(0.002);
    expect(Math.abs(lattice.convexity[0] - closed.convexity[0])).toBeLessThan(1.5);
    expect(Math.abs(lattice.spreadDuration[0] - closed.spreadDuration[0])).toBeLessThan(0.002);
    // KRDs within 0.01: the lattice discounts a flow inside a step at that step's rate, which
    // spreads a little of a flow's key sensitivity (≤ 0.012 years) to the neighbouring key.
    for (let k = 0; k < closed.keysMonths.length; k++)
      expect(Math.abs(lattice.krd[k] - closed.krd[k])).toBeLessThan(0.01);
  });
});

describe("callable properties", () => {
  it("convexity is the model's: a narrow bump is taken over the node spacing, a wide one as given", () => {
    const at = (bumpBp: number, spy: number) =>
      oasRisk(
        makeMarket({
          settlement: SETTLE,
          curve: CURVE,
          hullWhite: hullWhiteParams(0.01, 0.03),
          bumpBp,
        }),
        bond("american"),
        { stepsPerYear: spy, keys: false }
      );
    const narrow = at(1, 24);
    // ±1 bp at 24 steps a year (node spacing 35.3 bp) against ±25 bp on a fine grid (whose node
    // spacing, 8.8 bp, is narrower than the bump, so the bump is taken as given): the model's
    // convexity both ways, the ±25 bp shift's own O(h²) well inside max(2, 5%).
    expect(narrow.method[0]).toMatch(/convexity over ±35\.3 bp curve shifts/);
    const wide = at(25, 384);
    expect(wide.method[0]).toMatch(/convexity over ±25 bp curve shifts/);
    const tolerance = Math.max(2, 0.05 * Math.abs(wide.convexity[0]));
    expect(Math.abs(narrow.convexity[0] - wide.convexity[0])).toBeLessThan(tolerance);
    // Two-sided: a plain ±1 bp difference on the same lattice reads its ripple, off by more.
    const book = narrow.book;
    const m = makeMarket({
      settlement: SETTLE,
      curve: CURVE,
      hullWhite: hullWhiteParams(0.01, 0.03),
    });
    const p = (bp: number) =>
      book.price(shockedCurve(m, { kind: "parallel", bp }), 0, narrow.oas[0]);
    const plain = (p(-1) + p(1) - 2 * narrow.dirty[0]) / (narrow.dirty[0] * 1e-8);
    expect(Math.abs(plain - wide.convexity[0])).toBeGreaterThan(tolerance);
  });

  it("KRDs sum to the OAS duration; the callable is below the bullet", () => {
    for (const style of ["american", "bermudan"] as const) {
      const r = risk(style, 24);
      const sum = Array.from(r.krd).reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - r.duration[0])).toBeLessThan(1e-4);
      expect(r.optionValue[0]).toBeGreaterThan(0);
      expect(r.spreadDuration[0]).toBeGreaterThan(0);
      expect(r.spreadDuration[0]).toBeLessThan(r.book.route[0] === "lattice" ? 10 : 0);
    }
  });

  it("the price falls as σ rises; σ → 0 is the bullet to the best call date", () => {
    const m = market();
    const { terms, calls } = bond("bermudan");
    const curve = shockedCurve(m, { kind: "none" });
    const prices = [0, 0.005, 0.01, 0.02].map((sigma) =>
      callableBook(SETTLE, terms, calls, hullWhiteParams(sigma, 0.03), { stepsPerYear: 24 }).price(
        curve,
        0,
        0.01
      )
    );
    for (let k = 1; k < prices.length; k++) expect(prices[k]).toBeLessThan(prices[k - 1]);
    // σ = 0: the worst for the holder of the bullet to maturity and to each call date (at 100).
    const book = callableBook(SETTLE, terms, calls, hullWhiteParams(0, 0.03), { stepsPerYear: 24 });
    const g = book.grid;
    let best = book.bullet(curve, 0, 0.01);
    for (let e = g.exStart[0]; e < g.exStart[1]; e++) {
      const te = g.exStep[e] * g.dt + g.exTau[e];
      let v = 0;
      for (let f = g.flowStart[0]; f < g.flowStart[1]; f++)
        if (g.flowTime[f] <= te + 1e-12)
          v += g.flowAmount[f] * curve.discount(g.flowTime[f]) * Math.exp(-0.01 * g.flowTime[f]);
      v += g.exStrike[e] * curve.discount(te) * Math.exp(-0.01 * te);
      best = Math.min(best, v);
    }
    expect(Math.abs(prices[0] - best)).toBeLessThan(1e-3);
  });

  it("a call far out of the money gives the bullet's figures", () => {
    const m = market();
    const far = bond("american", [serialFromYmd(2028, 7, 15)], 98.5);
    far.calls[0] = { ...far.calls[0], prices: Float64Array.of(180) };
    const callable = oasRisk(m, far, { stepsPerYear: 24 });
    const bullet = oasRisk(m, { ...far, calls: [null] }, { stepsPerYear: 24 });
    expect(bullet.method[0]).toMatch(/no call/);
    expect(Math.abs(callable.oas[0] - bullet.oas[0])).toBeLessThan(1e-6);
    expect(Math.abs(callable.duration[0] - bullet.duration[0])).toBeLessThan(5e-4);
    expect(Math.abs(callable.convexity[0] - bullet.convexity[0])).toBeLessThan(0.05);
    // KRDs within 0.02 (the lattice's flows inside a step, above), their sum exactly.
    for (let k = 0; k < 10; k++)
      expect(Math.abs(callable.krd[k] - bullet.krd[k])).toBeLessThan(0.02);
    expect(Math.abs(callable.optionValue[0])).toBeLessThan(1e-4);
  });

  it("make-whole calls are priced as non-callable and say so", () => {
    const mw = bond("american");
    mw.calls[0] = { ...mw.calls[0], makeWhole: true };
    const r = oasRisk(market(), mw, { stepsPerYear: 24 });
    expect(r.method[0]).toMatch(/make-whole call priced as non-callable/);
    expect(r.optionValue[0]).toBe(0);
  });
});
