/**
 * Coupon dates counted back from maturity, as Excel's COUPPCD, COUPNCD, COUPNUM, COUPDAYS,
 * COUPDAYBS and COUPDAYSNC count them.
 *
 * The k-th coupon date before maturity is maturity minus k·12/f months, computed from maturity
 * each time (no drift through short months), with the day clamped to the month's length; when
 * maturity is the last day of its month, every coupon date is the last day of its month (the
 * end-of-month rule). The previous coupon date is the latest such date on or before settlement.
 */
import { daysInMonth, ymdFromSerial, serialFromYmd } from "../dates";
import { Basis, Frequency, daysBetween, daysInCouponPeriod } from "./daycount";

/** Where settlement falls in the coupon schedule, in the basis' day counts. */
export interface CouponPeriod {
  /** Previous coupon date (COUPPCD), Excel serial. */
  pcd: number;
  /** Next coupon date (COUPNCD), Excel serial. */
  ncd: number;
  /** Coupons payable after settlement up to maturity (COUPNUM). */
  n: number;
  /** Days from the previous coupon date to settlement (COUPDAYBS): A. */
  a: number;
  /** Days in the coupon period containing settlement (COUPDAYS): E. */
  e: number;
  /** Days from settlement to the next coupon date (COUPDAYSNC): DSC. */
  dsc: number;
}

/** Serial of the coupon date `k` periods of `months` before a maturity given as (y, m0, d, eom). */
function couponDateBefore(
  y: number,
  m0: number,
  d: number,
  eom: boolean,
  k: number,
  months: number
): number {
  const idx = y * 12 + m0 - k * months;
  const cy = Math.floor(idx / 12);
  const cm = idx - cy * 12 + 1;
  const last = daysInMonth(cy, cm);
  return serialFromYmd(cy, cm, eom ? last : Math.min(d, last));
}

/**
 * Locates settlement in the coupon schedule of a bond maturing on `maturity`.
 * Both dates are whole Excel serials and settlement < maturity (validated by the caller).
 */
export function couponPeriod(
  settlement: number,
  maturity: number,
  frequency: Frequency,
  basis: Basis
): CouponPeriod {
  const mat = ymdFromSerial(maturity);
  const set = ymdFromSerial(settlement);
  const months = 12 / frequency;
  const eom = mat.d >= daysInMonth(mat.y, mat.m);
  const m0 = mat.m - 1;
  // The coupon k0 periods back lies in settlement's month or later; one more period is before it.
  const spanMonths = (mat.y - set.y) * 12 + (mat.m - set.m);
  const k0 = Math.floor(spanMonths / months);
  let n = k0;
  let pcd = couponDateBefore(mat.y, m0, mat.d, eom, k0, months);
  if (pcd > settlement) {
    n = k0 + 1;
    pcd = couponDateBefore(mat.y, m0, mat.d, eom, n, months);
  }
  const ncd = n === 1 ? maturity : couponDateBefore(mat.y, m0, mat.d, eom, n - 1, months);
  return {
    pcd,
    ncd,
    n,
    a: daysBetween(basis, pcd, settlement),
    e: daysInCouponPeriod(basis, frequency, pcd, ncd),
    dsc: daysBetween(basis, settlement, ncd),
  };
}

/**
 * The coupon date `k` periods before maturity on the bond's schedule (k = 0 is maturity itself),
 * Excel serial, with the day clamped and the end-of-month rule as above. For k beyond the first
 * coupon these are the quasi-coupon dates of an odd first period.
 */
export function couponDateBack(maturity: number, frequency: Frequency, k: number): number {
  const mat = ymdFromSerial(maturity);
  const eom = mat.d >= daysInMonth(mat.y, mat.m);
  return couponDateBefore(mat.y, mat.m - 1, mat.d, eom, k, 12 / frequency);
}

/**
 * Writes the last `n` coupon dates of a bond, ascending and ending at maturity (Excel serials,
 * unadjusted), into `out` from `offset`: with n = COUPNUM, the dates it pays on after settlement.
 */
export function writeLastCouponDates(
  maturity: number,
  frequency: Frequency,
  n: number,
  out: Int32Array,
  offset: number
): void {
  const mat = ymdFromSerial(maturity);
  const months = 12 / frequency;
  const eom = mat.d >= daysInMonth(mat.y, mat.m);
  for (let k = 0; k < n; k++)
    out[offset + n - 1 - k] = couponDateBefore(mat.y, mat.m - 1, mat.d, eom, k, months);
}
