/**
 * Callables at the horizon: revalued on the Hull–White lattice at H with the OAS held (not as
 * bullets at a Z-spread). A zero-month horizon gives back the price (total return 0); a call far
 * out of the money gives the bullet's horizon return; an in-the-money call is worth less at H
 * than the bullet at the same spread.
 */
import { makeMarket } from "../../../src/core/market/market";
import { serialFromYmd } from "../../../src/core/dates";
import { CurveSpec, tenorDate } from "../../../src/core/curve";
import { rollCurve } from "../../../src/core/scenarios/horizon";
import {
  horizonBook,
  horizonReturn,
  parallelProfile,
  scenarioBook,
} from "../../../src/core/scenarios";
import { packHoldings } from "../../../src/core/holdings";
import type { CallSchedule } from "../../../src/core/instruments/callSchedule";
import { holdingRecord } from "../../../src/core/holdings";

const CURVE: CurveSpec = {
  kind: "zero_cont",
  months: [12, 60, 120, 360],
  rates: [0.04, 0.042, 0.045, 0.047],
};
const S = serialFromYmd(2025, 1, 15);
const edate = (months: number) => tenorDate(S, months);

function book(calls: CallSchedule | null, price: number) {
  const h = packHoldings([
    holdingRecord({
      id: "C",
      sector: "agency",
      type: calls ? "callable" : "bullet",
      coupon: 0.055,
      maturity: edate(84),
      price,
      basis: 0,
      calls,
    }),
  ]);
  return scenarioBook(h, makeMarket({ settlement: S, curve: CURVE, interpolation: "linear_zero" }));
}
const bermudan = (price: number): CallSchedule => ({
  dates: Float64Array.of(edate(24)),
  prices: Float64Array.of(price),
  style: "bermudan",
});

describe("callables at the horizon, on the lattice with the OAS held", () => {
  it("a zero-month horizon gives back the price", () => {
    const b = book(bermudan(100), 101);
    expect(b.included[0]).toBe(1);
    const hb = horizonBook(b, 0);
    expect(hb.callables.is(0)).toBe(true);
    const r = horizonReturn(b, hb, parallelProfile(0));
    expect(Math.abs(r.totalReturn)).toBeLessThan(1e-6);
  });

  it("a call far out of the money gives the bullet's horizon return", () => {
    const far = book(bermudan(200), 101);
    const bullet = book(null, 101);
    for (const bp of [0, -100, 100]) {
      const a = horizonReturn(far, horizonBook(far, 3), parallelProfile(bp)).totalReturn;
      const c = horizonReturn(bullet, horizonBook(bullet, 3), parallelProfile(bp)).totalReturn;
      // The lattice against the bullet's exact discounting: measured 5.7e-8 of the value.
      expect(Math.abs(a - c)).toBeLessThan(1e-6 * 1e4 * 101);
    }
  });

  it("an in-the-money call is worth less at H than the bullet at the same OAS", () => {
    const b = book(bermudan(100), 101);
    const hb = horizonBook(b, 3);
    const rolled = rollCurve(b.curve, hb.date);
    const bullet = hb.bonds.price(rolled);
    const out = Float64Array.from(bullet);
    hb.callables.price(rolled, undefined, out);
    expect(out[0]).toBeLessThan(bullet[0] - 0.5);
    const down = horizonReturn(b, hb, parallelProfile(-100)).totalReturn;
    const bulletBook = book(null, 101);
    const bulletDown = horizonReturn(
      bulletBook,
      horizonBook(bulletBook, 3),
      parallelProfile(-100)
    ).totalReturn;
    // Rates down 100 bp: the call caps the callable's gain.
    expect(down).toBeLessThan(bulletDown);
  });
});
