/**
 * Callable fixed-to-float notes: the call valued on the Hull–White lattice, discount margin held
 * as the OAS. A call far out of the money gives today's non-callable figures; callable ≤
 * non-callable; with margin = discount margin the floater is par at the switch date and a
 * European call before it is the option on the fixed bond to the switch date (Jamshidian).
 */
import { packHoldings } from "../../../src/core/holdings/pack";
import type { HoldingRecord } from "../../../src/core/holdings/types";
import type { CallSchedule } from "../../../src/core/instruments/callSchedule";
import { baseCurve, makeMarket } from "../../../src/core/market/market";
import { engineFor } from "../../../src/core/engines/registry";
import { FloatingBook } from "../../../src/core/engines/floatingBook";
import { hullWhiteParams } from "../../../src/core/models/hullWhite";
import { fitLattice, latticeGeometry } from "../../../src/core/models/hullWhiteLattice";
import { latticeWork } from "../../../src/core/models/callableLattice";
import { fixedToFloatCallValue } from "../../../src/core/models/fixedToFloatCall";
import { jamshidianPrice } from "../../../src/core/models/jamshidian";
import { holdingRecord } from "../../../src/core/holdings";
import { shockedCurve } from "../../../src/core/market/shock";
import { ladderCurves, repriceLadder } from "../../../src/core/risk/ladder";

const S = 45659;
const MONTHS = [1, 3, 6, 12, 24, 36, 60, 84, 120, 240, 360];
const RATES = [0.043, 0.0425, 0.042, 0.041, 0.0405, 0.0408, 0.0415, 0.0425, 0.0435, 0.046, 0.047];
const market = makeMarket({
  settlement: S,
  curve: { kind: "zero_cont", months: MONTHS, rates: RATES },
  shiftOn: "zero",
});
const base = baseCurve(market);

function record(calls: CallSchedule | null, price = NaN, dm = 0.00289): HoldingRecord {
  return holdingRecord({
    id: "N",
    sector: "corporate",
    type: "fixed-to-float",
    coupon: 0.05548,
    maturity: 47743,
    price,
    basis: 0,
    floatDate: 47013,
    spread: 0.01503,
    discountMargin: dm,
    resetFrequency: 4,
    index: "SOFR",
    calls,
  });
}
const call = (price: number, style: CallSchedule["style"] = "european", date = 47013) => ({
  dates: Float64Array.of(date),
  prices: Float64Array.of(price),
  style,
});

function bookOf(calls: CallSchedule | null, clean = NaN) {
  const h = packHoldings([record(calls, clean)]);
  return engineFor(h.type[0])!.calibrate(
    market,
    h,
    Float64Array.of(clean),
    () => true
  ) as FloatingBook & { methods: string[] };
}

describe("callable fixed-to-float notes on the Hull–White lattice", () => {
  it("a call far out of the money gives the non-callable figures", () => {
    const bare = bookOf(null);
    const far = bookOf(call(200, "bermudan"));
    expect(far.methods[0]).toMatch(/Hull–White 1F trinomial.*default volatility.*annuity/);
    expect(Math.abs(far.dirty[0] - bare.dirty[0])).toBeLessThan(1e-10);
    for (const curve of [base.parallel(-1), base.parallel(1)])
      expect(Math.abs(far.price(curve)[0] - bare.price(curve)[0])).toBeLessThan(1e-10);
    const dz = Float64Array.of(1e-4);
    expect(Math.abs(far.price(base, dz)[0] - bare.price(base, dz)[0])).toBeLessThan(1e-10);
    const back = bookOf(call(200, "bermudan"), bare.dirty[0] - bare.accrued[0]);
    expect(Math.abs(back.spread[0] - 0.00289)).toBeLessThan(1e-10);
  });

  it("callable ≤ non-callable; the OAS is calibrated back from the price", () => {
    const bare = bookOf(null);
    for (const c of [call(100), call(100, "bermudan"), call(100, "american", 46900)]) {
      const b = bookOf(c);
      // Margin 150 bp over a 29 bp discount margin: the par call on the switch date is deep in
      // the money, worth about (m − z) × the annuity (≈ 1.2 per 100 over two years).
      expect(b.dirty[0]).toBeLessThan(bare.dirty[0] - 1);
      expect(b.dirty[0]).toBeGreaterThan(bare.dirty[0] - 3);
      const back = bookOf(c, b.dirty[0] - b.accrued[0]);
      expect(Math.abs(back.spread[0] - 0.00289)).toBeLessThan(1e-9);
      expect(Math.abs(back.dirty[0] - b.dirty[0])).toBeLessThan(1e-7);
      // Rates up: the note falls.
      expect(b.price(base.parallel(1))[0]).toBeLessThan(b.price(base.parallel(-1))[0]);
    }
  });

  it("a callable note's convexity is taken over the lattice's node spacing, as a callable's", () => {
    const curves = ladderCurves(market);
    // Without a call the note is bumped and repriced as any floater.
    expect(bookOf(null).ladder).toBeUndefined();
    const b = bookOf(call(100, "bermudan"));
    const own = b.ladder!(market, curves);
    const plain = repriceLadder(b, market, curves);
    // Durations and KRDs are the bump-and-reprice figures.
    expect(own.effDuration[0]).toBe(plain.effDuration[0]);
    expect(Array.from(own.krd)).toEqual(Array.from(plain.krd));
    expect(b.methods[0]).toMatch(/convexity over ±35\.3 bp curve shifts/);
    const span = 35.3e-4;
    const at = (bp: number) => b.price(shockedCurve(market, { kind: "parallel", bp }))[0];
    const p0 = own.dirty[0];
    const wide = (at(-span * 1e4) + at(span * 1e4) - 2 * p0) / (p0 * span * span);
    // Within 0.05: the span here is rounded to 0.1 bp.
    expect(Math.abs(own.effConvexity[0] - wide)).toBeLessThan(0.05);
    expect(own.effConvexity[0]).not.toBe(plain.effConvexity[0]);
  });

  it("a note held in several lots is valued once, to the bits of each lot alone", () => {
    const c = call(100, "bermudan");
    const clean = [99.1, 99.1, 98.4, 99.1];
    const lots = clean.map((p) => record(c, p));
    const h = packHoldings(lots);
    const all = engineFor("fixed-to-float")!.calibrate(
      market,
      h,
      Float64Array.from(clean),
      () => true
    ) as FloatingBook;
    const curve = base.parallel(25);
    const dz = Float64Array.of(0, 0, 0, 0.001);
    const many = all.price(curve, dz);
    clean.forEach((p, i) => {
      const alone = bookOf(c, p);
      expect(all.spread[i]).toBe(alone.spread[0]);
      expect(all.dirty[i]).toBe(alone.dirty[0]);
      expect(many[i]).toBe(alone.price(curve, dz.subarray(i, i + 1))[0]);
    });
    // Two-sided: another price or shock gives another figure.
    expect(all.spread[2]).not.toBe(all.spread[0]);
    expect(many[3]).not.toBe(many[0]);
  });

  it("margin = discount margin: a European call before the switch is Jamshidian's on the fixed leg", () => {
    const model = hullWhiteParams(0.01, 0.03);
    const spy = 48;
    const z = 0.004;
    const switchTime = 3;
    const fixedTimes = [0.5, 1, 1.5, 2, 2.5, 3];
    const fixedAmounts = fixedTimes.map(() => 2.75);
    const floatPay = [3.25, 3.5, 3.75, 4];
    const note = {
      switchTime,
      fixedTimes,
      fixedAmounts,
      floatPay,
      floatFrom: floatPay.map((t) => t - 0.25),
      floatTo: floatPay,
      floatTau: floatPay.map(() => 0.2535),
      margin: z,
      callTimes: [2],
      callPrices: [100],
    };
    const valueAt = (steps: number) => {
      const geo = latticeGeometry(model, steps, 4);
      return fixedToFloatCallValue(fitLattice(geo, base), note, z, latticeWork(geo));
    };
    const value = valueAt(spy);
    const times = [...fixedTimes];
    const amounts = fixedAmounts.map((a, k) => (k === fixedAmounts.length - 1 ? a + 100 : a));
    const df = (t: number) => base.discount(t);
    let bullet = 0;
    times.forEach((t, k) => (bullet += amounts[k] * df(t) * Math.exp(-z * t)));
    const closed =
      bullet - jamshidianPrice({ times, amounts, exercise: 2, strike: 100 }, model, df, z);
    expect(closed).toBeGreaterThan(0.2);
    // Measured 0.0012 per 100 at 48 steps a year (the lattice against the closed form).
    expect(Math.abs(value - closed)).toBeLessThan(0.005);
    // Grid refinement: the error is first order in dt (the exercise smoothing's window, dx² ∝
    // dt; measured 0.0024, 0.0012, 0.0006 at 24, 48, 96 steps a year) and vanishes in the limit:
    // the Richardson extrapolation of 48 and 96 steps is within 1e-6 (5e-5 allowed).
    const fine = valueAt(2 * spy);
    expect(Math.abs(fine - closed)).toBeLessThan(0.6 * Math.abs(value - closed));
    expect(Math.abs(2 * fine - value - closed)).toBeLessThan(5e-5);
  });
});
