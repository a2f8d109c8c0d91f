/**
 * The cash flows each bond pays after settlement, per 100 of par: the schedule a curve prices.
 *
 * A regular bond pays C = 100·rate/f on each of its last n coupon dates and 100 at maturity. A
 * bond in an odd first coupon period (see ./oddFirst) pays the odd first coupon C·first on its
 * first coupon date instead of C (C·DFC/E for a short period, C·Σ DCᵢ/NLᵢ for a long one, as in
 * Excel's ODDFPRICE), then C on each later date. Dates are the unadjusted coupon dates of the
 * maturity's schedule (Excel serials). The accrued interest at settlement is `schedules().accrued`
 * (0 before the issue date), so a dirty price Σ amount·DF less it is a clean price.
 */
import { writeLastCouponDates } from "./coupons";
import { Frequency } from "./daycount";
import { BondTerms, Schedules, schedules } from "./yieldKernel";

/** Cash flows of many bonds, flattened: bond i's are at start[i] … start[i+1]−1. */
export interface BondCashFlows {
  /** Offsets into the flow arrays, one per bond plus the total at the end. */
  readonly start: Int32Array;
  /** Payment dates, Excel serials, ascending within a bond. */
  readonly date: Int32Array;
  /** Amounts per 100 of par: coupon (the odd first coupon first), plus 100 at maturity. */
  readonly amount: Float64Array;
  /**
   * Time from settlement in coupon periods as Excel's yield formulas count it: k + DSC/E for the
   * k-th flow (k + τ in an odd first period). Discounting by (1 + y/f)^−periods at the bond's
   * own yield reproduces its dirty price, except in a regular bond's final period, where Excel's
   * PRICE uses simple interest, 1/(1 + periods·y/f).
   */
  readonly periods: Float64Array;
  /** The schedules the flows were built from (accrued interest per 100, etc.). */
  readonly sched: Schedules;
}

/**
 * Writes bond i's cash flows (sched.n[i] of them) into the output arrays from `offset`: dates
 * (Excel serials), amounts per 100 of par, and times in coupon periods. Returns the count written
 * (0 for an invalid bond).
 */
export function writeCashFlows(
  terms: BondTerms,
  sched: Schedules,
  i: number,
  outDates: Int32Array,
  outAmounts: Float64Array,
  outPeriods: Float64Array | undefined,
  offset: number
): number {
  const n = sched.n[i];
  if (n === 0) return 0;
  writeLastCouponDates(terms.maturity[i], terms.frequency[i] as Frequency, n, outDates, offset);
  for (let k = 0; k < n; k++) {
    outAmounts[offset + k] = k === 0 ? sched.first[i] : sched.c[i];
    if (outPeriods) outPeriods[offset + k] = k + sched.w[i];
  }
  outAmounts[offset + n - 1] += 100;
  return n;
}

/** The cash flows after settlement of every bond in `terms` (none for an invalid bond). */
export function bondCashFlows(terms: BondTerms, sched = schedules(terms)): BondCashFlows {
  const count = sched.count;
  const start = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) start[i + 1] = start[i] + sched.n[i];
  const total = start[count];
  const date = new Int32Array(total);
  const amount = new Float64Array(total);
  const periods = new Float64Array(total);
  for (let i = 0; i < count; i++) writeCashFlows(terms, sched, i, date, amount, periods, start[i]);
  return { start, date, amount, periods, sched };
}
