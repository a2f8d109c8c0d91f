/**
 * Horizon returns against hand computations on a flat continuously compounded zero curve z:
 * settlement on a coupon date (accrued 0), horizon 3 months, no coupon inside it, so with the
 * bond's Z-spread Z held the dirty value grows as e^{(z+Z)·h}: total return = (e^{(z+Z)h} − 1)·P₀
 * exactly, h = (H − s)/365. A bond maturing inside the horizon has its cash reinvested at z.
 */
import { makeMarket } from "../../../src/core/market/market";
import { serialFromYmd } from "../../../src/core/dates";
import { CurveSpec, tenorDate } from "../../../src/core/curve";
import {
  breakevenBp,
  horizonBook,
  horizonReturn,
  parallelProfile,
  scenarioBook,
} from "../../../src/core/scenarios";
import { packHoldings } from "../../../src/core/holdings";
import { holdingRecord } from "../../../src/core/holdings";

const z = 0.04;
const FLAT: CurveSpec = { kind: "zero_cont", months: [12, 120, 360], rates: [z, z, z] };
const S = serialFromYmd(2025, 1, 15);
const edate = (months: number) => tenorDate(S, months);
const H = edate(3);
const h = (H - S) / 365;

/** Dirty price per 100 of a semiannual bond on dates edate(6k) ≤ maturity, at z + Z. */
function dirtyByHand(coupon: number, months: number, Z: number, from = S): number {
  let p = 0;
  for (let m = months; m > 0 && edate(m) > from; m -= 6) {
    const t = (edate(m) - from) / 365;
    p += ((100 * coupon) / 2 + (m === months ? 100 : 0)) * Math.exp(-(z + Z) * t);
  }
  return p;
}

function book(bonds: { coupon: number; months: number; Z: number; par: number }[]) {
  const h0 = packHoldings(
    bonds.map((b, i) =>
      holdingRecord({
        id: `H${i}`,
        par: b.par,
        coupon: b.coupon,
        maturity: edate(b.months),
        price: dirtyByHand(b.coupon, b.months, b.Z), // accrued 0: settlement is a coupon date
        sourceRow: i + 2,
      })
    )
  );
  return scenarioBook(h0, makeMarket({ settlement: S, curve: FLAT, interpolation: "linear_zero" }));
}

describe("horizon returns on a flat curve, by hand", () => {
  const bonds = [
    { coupon: 0.05, months: 60, Z: 0, par: 1_000_000 },
    { coupon: 0, months: 120, Z: 0, par: 2_000_000 },
    { coupon: 0.06, months: 24, Z: 0.01, par: 500_000 },
    { coupon: 0.03, months: 360, Z: 0.005, par: 750_000 },
  ];

  it("carry = Σ par/100·P₀·(e^{(z+Z)h} − 1), to 1e-9 relative", () => {
    const b = book(bonds);
    const hb = horizonBook(b, 3);
    expect(hb.date).toBe(H);
    const carry = horizonReturn(b, hb, parallelProfile(0));
    const hand = bonds.reduce(
      (acc, x) =>
        acc + (x.par / 100) * dirtyByHand(x.coupon, x.months, x.Z) * Math.expm1((z + x.Z) * h),
      0
    );
    expect(Math.abs(carry.totalReturn / hand - 1)).toBeLessThan(1e-9);
  });

  it("price return of a zero = 100·(e^{−z(T−h)} − e^{−zT}) per 100: the roll-down", () => {
    const b = book([bonds[1]]);
    const r = horizonReturn(b, horizonBook(b, 3), parallelProfile(0));
    const T = (edate(120) - S) / 365;
    const hand = 2_000_000 * (Math.exp(-z * (T - h)) - Math.exp(-z * T));
    expect(Math.abs(r.priceReturn / hand - 1)).toBeLessThan(1e-9);
    expect(Math.abs(r.income)).toBeLessThan(1e-6); // no coupon, no accrual
  });

  it("a bond maturing inside the horizon: cash reinvested at z, total = P₀(e^{zh} − 1)", () => {
    // 1-month bond: settlement is 5 months into its last period, so it carries accrued interest.
    const months = 1;
    const mat = edate(months);
    const prev = edate(months - 6);
    const accrued = (2.5 * (S - prev)) / (mat - prev); // basis 1: C·A/E
    const dirty = 102.5 * Math.exp(-z * ((mat - S) / 365));
    const h0 = packHoldings([
      holdingRecord({ id: "M", par: 100, coupon: 0.05, maturity: mat, price: dirty - accrued }),
    ]);
    const b = scenarioBook(
      h0,
      makeMarket({ settlement: S, curve: FLAT, interpolation: "linear_zero" })
    );
    const r = horizonReturn(b, horizonBook(b, 3), parallelProfile(0));
    expect(Math.abs(r.totalReturn / (dirty * Math.expm1(z * h)) - 1)).toBeLessThan(1e-9);
    // price return: redemption 100 against the clean price; income the rest
    expect(r.priceReturn).toBeCloseTo(100 - (dirty - accrued), 9);
  });

  it("breakeven of a zero-coupon bond = z·h/(T − h) (as a parallel move at the horizon)", () => {
    const b = book([bonds[1]]);
    const T = (edate(120) - S) / 365;
    const hand = ((z * h) / (T - h)) * 1e4;
    expect(Math.abs(breakevenBp(b, horizonBook(b, 3)) - hand)).toBeLessThan(1e-6);
  });

  it("rejects a horizon that is not a whole number of months ≥ 0", () => {
    const b = book([bonds[0]]);
    expect(() => horizonBook(b, -1)).toThrow(/horizon_months/);
    expect(() => horizonBook(b, 1.5)).toThrow(/horizon_months/);
  });
});
