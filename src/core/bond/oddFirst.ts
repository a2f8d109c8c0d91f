/**
 * Excel's odd first coupon period (ODDFPRICE, ODDFYIELD): a bond that accrues interest from its
 * issue (dated) date to a first coupon date that is not one regular period after it.
 *
 * The first coupon date must be a date of the maturity's coupon schedule (see `couponDateBack`);
 * the schedule continued before it gives the quasi-coupon dates q_j, j periods before maturity.
 * Fractions are counted in quasi-coupon periods as Excel documents ODDFPRICE: the time to the
 * first coupon is τ = Nq + DSC/E (whole quasi periods after the one holding settlement, plus
 * DSC/E of that one); the first coupon and the accrued interest are Σ DCᵢ/NLᵢ and Σ Aᵢ/NLᵢ over
 * the quasi periods of the odd period, each period's days on the basis (COUPDAYBS) over its own
 * COUPDAYS. Inside one quasi period (a short first period) these are Excel's DSC/E, DFC/E, A/E.
 *
 * With these, per 100 of par and C = 100·rate/f, the bond pays C·first on the first coupon date,
 * C on each later coupon date and 100 at maturity: n payments at τ, τ+1, …, τ+n−1 periods, and
 * Excel's ODDFPRICE is Σ cf_k·v^(τ+k) − C·accrued, v = 1/(1+y/f) (no simple-interest final
 * period). Before the issue date (a when-issued trade) nothing has accrued: the accrued fraction
 * is 0 and τ still counts from settlement, so the price is the present value at settlement of
 * the same cash flows.
 */
import { isoFromSerial } from "../dates";
import { couponDateBack, couponPeriod } from "./coupons";
import { Basis, Frequency, daysBetween, daysInCouponPeriod } from "./daycount";

/** Where settlement falls in an odd first coupon period, in quasi-coupon periods. */
export interface OddFirstPeriod {
  /** Coupons from the first coupon date to maturity, both included. */
  n: number;
  /** Quasi-coupon periods from settlement to the first coupon date (Nq + DSC/E). */
  tau: number;
  /** First coupon as a fraction of a regular one (DFC/E short, Σ DCᵢ/NLᵢ long). */
  first: number;
  /** Accrued interest as a fraction of a regular coupon (A/E, Σ Aᵢ/NLᵢ); 0 before issue. */
  accrued: number;
}

/**
 * Periods before maturity of `date` on the maturity's coupon schedule (0 for maturity itself),
 * or −1 when `date` is not a coupon date of that schedule or is after maturity.
 */
export function scheduleIndex(date: number, maturity: number, frequency: Frequency): number {
  if (date === maturity) return 0;
  if (!(date < maturity)) return -1;
  const p = couponPeriod(date, maturity, frequency, 0);
  return p.pcd === date ? p.n : -1;
}

/**
 * The first coupon date of the maturity's schedule strictly after `issue`: the first coupon of a
 * bond with a short (or regular) first period when no first coupon date is given.
 */
export function firstCouponAfter(issue: number, maturity: number, frequency: Frequency): number {
  return issue < maturity ? couponPeriod(issue, maturity, frequency, 0).ncd : NaN;
}

/**
 * Σ days/E over the quasi-coupon periods from d1 to d2 (d1 < d2 ≤ maturity) on the maturity's
 * schedule: each period's days on the basis within [d1, d2] over that period's COUPDAYS — Excel's
 * Σ Aᵢ/NLᵢ and Σ DCᵢ/NLᵢ, and plain A/E, DFC/E inside one period. A whole period counts
 * days/E too: 1 on actual/actual, 181/180 on actual/360 for a 181-day half year, as Excel's
 * short-period DFC/E counts it.
 */
export function accrualPeriods(
  d1: number,
  d2: number,
  maturity: number,
  frequency: Frequency,
  basis: Basis
): number {
  const p1 = couponPeriod(d1, maturity, frequency, basis);
  if (p1.ncd >= d2) return daysBetween(basis, d1, d2) / p1.e;
  let sum = p1.dsc / p1.e;
  for (let j = p1.n - 1; j > 0; j--) {
    const prev = couponDateBack(maturity, frequency, j);
    if (prev >= d2) break;
    const next = couponDateBack(maturity, frequency, j - 1);
    const end = Math.min(next, d2);
    sum += daysBetween(basis, prev, end) / daysInCouponPeriod(basis, frequency, prev, next);
  }
  return sum;
}

/**
 * Periods from settlement to the first coupon date `firstCoupon` (on the maturity's schedule, after
 * settlement): DSC/E of the quasi period holding settlement plus the whole quasi periods after it,
 * Excel's Nq + DSC/E.
 */
export function periodsToFirst(
  settlement: number,
  firstCoupon: number,
  maturity: number,
  frequency: Frequency,
  basis: Basis
): number {
  const p = couponPeriod(settlement, maturity, frequency, basis);
  return p.dsc / p.e + (p.n - 1 - scheduleIndex(firstCoupon, maturity, frequency));
}

/**
 * Why (issue, first coupon) cannot describe an odd first period of a bond maturing on
 * `maturity`, or "" when they can. Dates are Excel serials.
 */
export function oddFirstProblem(
  issue: number,
  firstCoupon: number,
  maturity: number,
  frequency: Frequency
): string {
  const iso = isoFromSerial;
  if (!(firstCoupon <= maturity))
    return `first_coupon (${iso(firstCoupon)}) must be on or before maturity (${iso(maturity)})`;
  if (!(issue < firstCoupon))
    return `issue (${iso(issue)}) must be before first_coupon (${iso(firstCoupon)})`;
  if (scheduleIndex(firstCoupon, maturity, frequency) < 0) {
    const p = couponPeriod(firstCoupon, maturity, frequency, 0);
    return (
      `first_coupon (${iso(firstCoupon)}) is not a coupon date of the schedule that ends at ` +
      `maturity (${iso(maturity)}); the nearest are ${iso(p.pcd)} and ${iso(p.ncd)}`
    );
  }
  return "";
}

/**
 * The odd first period of a bond settling on `settlement`, or undefined when settlement is on or
 * after the first coupon date (the bond is then regular: Excel's PRICE). The terms must pass
 * {@link oddFirstProblem} and settlement must be before maturity.
 */
export function oddFirstPeriod(
  settlement: number,
  maturity: number,
  issue: number,
  firstCoupon: number,
  frequency: Frequency,
  basis: Basis
): OddFirstPeriod | undefined {
  if (settlement >= firstCoupon) return undefined;
  const q = (d1: number, d2: number) => accrualPeriods(d1, d2, maturity, frequency, basis);
  return {
    n: scheduleIndex(firstCoupon, maturity, frequency) + 1,
    tau: periodsToFirst(settlement, firstCoupon, maturity, frequency, basis),
    first: q(issue, firstCoupon),
    accrued: settlement > issue ? q(issue, settlement) : 0,
  };
}
