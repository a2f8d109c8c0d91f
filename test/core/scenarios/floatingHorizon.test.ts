/**
 * FRNs and fixed-to-float notes at the horizon: revalued by their engines at H, discount margin
 * held, with the coupon the resets in (s, H] set on the unshocked forwards (not as bullets at a
 * Z-spread). Checked against identities computed here, not by the engine:
 * - a quarterly FRN at margin 0 and discount margin 0 is worth, at H, its current coupon and
 *   principal discounted from the period's end: 100·(1 + c_H·τ)·DF_H(E) (the later coupons
 *   telescope), c_H the forward over the period containing H on the curve at s;
 * - its coupon paid in (s, H] is the holding's current coupon, reinvested at the forward;
 * - a parallel shock at H moves it by about the time to its next reset, not its maturity;
 * - a daily-compounded note's coupon at H reproduces the growth observed over its period;
 * - a fixed-to-float note before its switch date at H keeps its fixed coupon.
 */
import { daysBetween } from "../../../src/core/bond";
import { CurveSpec, tenorDate } from "../../../src/core/curve";
import { serialFromYmd } from "../../../src/core/dates";
import { packHoldings } from "../../../src/core/holdings";
import type { HoldingRecord } from "../../../src/core/holdings/types";
import { makeMarket } from "../../../src/core/market/market";
import {
  horizonBook,
  horizonReturn,
  parallelProfile,
  scenarioBook,
} from "../../../src/core/scenarios";
import { couponAtHorizon } from "../../../src/core/scenarios/floatingHorizon";
import { rollCurve } from "../../../src/core/scenarios/horizon";
import { holdingRecord } from "../../../src/core/holdings";

const CURVE: CurveSpec = {
  kind: "zero_cont",
  months: [3, 12, 60, 120, 360],
  rates: [0.043, 0.041, 0.04, 0.042, 0.045],
};
const S = serialFromYmd(2025, 1, 15);
const edate = tenorDate;
const act360 = (a: number, b: number) => daysBetween(2, a, b) / 360;

function note(extra: Partial<HoldingRecord>): HoldingRecord {
  return holdingRecord({
    id: "F",
    sector: "corporate",
    type: "frn",
    coupon: 0.0435,
    maturity: edate(S, 60) - 30, // periods end 30 days before a settlement anniversary
    price: 99.8,
    frequency: 4,
    basis: 2,
    spread: 0,
    resetFrequency: 4,
    ...extra,
  });
}

function bookOf(records: HoldingRecord[]) {
  const h = packHoldings(records);
  return scenarioBook(h, makeMarket({ settlement: S, curve: CURVE, interpolation: "linear_zero" }));
}

describe("floating notes at the horizon", () => {
  test("a quarterly FRN at H: its current coupon and principal discounted from the period's end", () => {
    // Discount margin 0: price the note at the dirty price the curve alone gives it.
    const probe = bookOf([note({ price: NaN, discountMargin: 0 })]);
    expect(probe.exposure.excluded[0]).toBeNull();
    expect(probe.exposure.risk.zspread[0]).toBe(0);
    const b = probe;
    const hb = horizonBook(b, 3);
    const H = hb.date;
    const mat = b.holdings.maturity[0];
    // Quarterly periods counted back from maturity: the one at s ends ncd (in (s, H]), the one
    // containing H starts there.
    const ends = [0, 1, 2, 3, 4, 5].map((k) => edate(mat, -3 * (20 - k)));
    const ncd = ends.find((d) => d > S)!;
    const pcd = edate(ncd, -3);
    const end = edate(ncd, 3);
    expect(ncd).toBeLessThanOrEqual(H);
    expect(end).toBeGreaterThan(H);
    const curve = b.curve;
    const t = (d: number) => (d - S) / 365;
    const forward = (curve.discount(t(ncd)) / curve.discount(t(end)) - 1) / act360(ncd, end);
    expect(
      couponAtHorizon(b.holdings, 0, S, H, (x, y) => curve.discount(t(x)) / curve.discount(t(y)))
    ).toBeCloseTo(forward, 14);

    // Coupon paid at ncd: the holding's current coupon over [pcd, ncd], reinvested to H.
    const paid = 100 * 0.0435 * act360(pcd, ncd);
    expect(hb.cash[0]).toBeCloseTo((paid * curve.discount(t(ncd))) / curve.discount(t(H)), 10);
    expect(hb.accrued0[0]).toBeCloseTo(100 * 0.0435 * act360(pcd, S), 10);
    expect(hb.accruedH[0]).toBeCloseTo(100 * forward * act360(ncd, H), 10);
    expect(hb.redeemed[0]).toBe(0);

    // At H on the rolled curve: 100·(1 + c_H·τ)·DF_H(end).
    const rolled = rollCurve(curve, H);
    const expected = 100 * (1 + forward * act360(ncd, end)) * rolled.discount((end - H) / 365);
    const r = horizonReturn(b, hb, parallelProfile(0));
    const dirtyH = (r.totalReturn * 100) / 1_000_000 + b.basePrice[0] - hb.cash[0];
    expect(dirtyH).toBeCloseTo(expected, 8);
  });

  test("a parallel shock at H moves an FRN by about its time to the next reset, a bullet by its duration", () => {
    const frn = bookOf([note({})]);
    const bullet = bookOf([note({ type: "bullet", spread: undefined, resetFrequency: undefined })]);
    const move = (b: ReturnType<typeof bookOf>) => {
      const hb = horizonBook(b, 3);
      const r = (bp: number) => horizonReturn(b, hb, parallelProfile(bp)).priceReturn;
      return ((r(100) - r(0)) / 1_000_000) * 100; // per 100 of par
    };
    const f = move(frn);
    const g = move(bullet);
    // Next reset after H is under 3 months away: about −0.25 per 100 at most.
    expect(f).toBeLessThan(0);
    expect(f).toBeGreaterThan(-0.26);
    // The bullet of the same maturity loses its duration (about 4.3 years) per 100 bp.
    expect(g).toBeLessThan(-3.5);
  });

  test("a daily-compounded note's coupon at H gives the growth observed over its period", () => {
    const b = bookOf([note({ resetFrequency: 365, spread: 0.01, coupon: 0.0535 })]);
    const h = b.holdings;
    const curve = b.curve;
    const t = (d: number) => (d - S) / 365;
    const growth = (x: number, y: number) => curve.discount(t(x)) / curve.discount(t(y));
    const mat = h.maturity[0];
    // H inside the period current at s: compounded at the coupon less the margin to s, then the forward.
    const ends = Array.from({ length: 21 }, (_, k) => edate(mat, -3 * (20 - k)));
    const pcd = ends.filter((d) => d <= S).pop()!;
    const ncd = ends.find((d) => d > S)!;
    const H = S + Math.floor((ncd - S) / 2);
    const c = couponAtHorizon(h, 0, S, H, growth);
    const days = (x: number, y: number) => daysBetween(2, x, y);
    const observed = Math.pow(1 + (0.0535 - 0.01) / 360, days(pcd, S)) * growth(S, H);
    expect(Math.pow(1 + (c - 0.01) / 360, days(pcd, H))).toBeCloseTo(observed, 13);
    // H in a later period: the forward growth from its start.
    const H2 = edate(ncd, 1);
    const c2 = couponAtHorizon(h, 0, S, H2, growth);
    expect(Math.pow(1 + (c2 - 0.01) / 360, days(ncd, H2))).toBeCloseTo(growth(ncd, H2), 13);
  });

  test("a fixed-to-float note keeps its fixed coupon before the switch, floats after it", () => {
    const records = [
      note({
        type: "fixed-to-float",
        coupon: 0.05,
        frequency: 2,
        basis: 0,
        floatDate: edate(S, 24) - 30,
        spread: 0.012,
      }),
    ];
    const b = bookOf(records);
    expect(b.exposure.excluded[0]).toBeNull();
    const t = (d: number) => (d - S) / 365;
    const growth = (x: number, y: number) => b.curve.discount(t(x)) / b.curve.discount(t(y));
    expect(couponAtHorizon(b.holdings, 0, S, edate(S, 3), growth)).toBe(0.05);
    const sw = records[0].floatDate!;
    const after = edate(sw, 1);
    const end = edate(sw, 3);
    expect(couponAtHorizon(b.holdings, 0, S, after, growth)).toBeCloseTo(
      (growth(sw, end) - 1) / act360(sw, end) + 0.012,
      14
    );
    // Revalued at H by its engine: a 100 bp shock at H moves it as a 2-year fixed note then a
    // floater (about 1.7 years), far less than the 5-year bullet.
    const hb = horizonBook(b, 3);
    const r = (bp: number) => horizonReturn(b, hb, parallelProfile(bp)).priceReturn;
    const move = ((r(100) - r(0)) / 1_000_000) * 100;
    expect(move).toBeLessThan(-1.2);
    expect(move).toBeGreaterThan(-2.2);
  });

  test("a zero-month horizon gives back the price: total return 0", () => {
    const b = bookOf([note({}), note({ id: "D", resetFrequency: 365, coupon: 0.0445 })]);
    const hb = horizonBook(b, 0);
    const r = horizonReturn(b, hb, parallelProfile(0));
    expect(Math.abs(r.totalReturn)).toBeLessThan(1e-6);
  });
});
