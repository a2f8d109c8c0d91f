/**
 * CME's conversion factor: the price per 1 of face of a deliverable at a 6% yield (semiannual),
 * rounded to 4 decimals (SPEC S4).
 *
 * With coupon c (decimal), n whole years and z extra months from the first day of the delivery
 * month to maturity, z rounded down to whole months (ZT, Z3N, ZF) or whole quarters (others):
 *   v = z if z < 7, else 3 (quarter rounding) or z − 6 (month rounding)
 *   a = 1/1.03^(v/6);  b = (c/2)(6 − v)/6
 *   c' = 1/1.03^(2n) if z < 7, else 1/1.03^(2n+1);  d = (c/0.06)(1 − c')
 *   CF = a(c/2 + c' + d) − b
 * This reproduces every row of CME's 2025-03-13 table (test/core/futures).
 */
import { ymdFromSerial } from "../dates";
import { InvalidValueError, OutOfDomainError } from "../errors";
import { DeliveryMonth, FuturesContract } from "./contracts";

/** Whole months from the first day of the delivery month to maturity (the day is ignored). */
function wholeMonths(month: DeliveryMonth, maturitySerial: number): number {
  const mat = ymdFromSerial(maturitySerial);
  return (mat.y - month.y) * 12 + (mat.m - month.m);
}

/** Whole years n and extra months z (rounded down per the contract) to maturity. */
export function yearsAndMonths(
  contract: FuturesContract,
  month: DeliveryMonth,
  maturitySerial: number
): { n: number; z: number } {
  const total = wholeMonths(month, maturitySerial);
  const n = Math.floor(total / 12);
  const months = total - 12 * n;
  return { n, z: contract.factorRounding === "quarter" ? months - (months % 3) : months };
}

/** Rounds to 4 decimals half up as Excel's ROUND does, after trimming binary noise to 15 digits. */
function round4(x: number): number {
  return Math.round(Number((x * 1e4).toPrecision(15))) / 1e4;
}

/**
 * Conversion factors of many bonds for one contract month.
 * @param coupons Annual coupon rates as decimals (0.04375 for 4 3/8%).
 * @param maturities Maturity dates as Excel serials, after the delivery month.
 * @throws InvalidValueError when the arrays differ in length or hold a non-finite value;
 * OutOfDomainError for a coupon outside [0, 1) or a maturity not after the delivery month.
 */
export function conversionFactors(
  contract: FuturesContract,
  month: DeliveryMonth,
  coupons: Float64Array,
  maturities: Float64Array
): Float64Array {
  if (coupons.length !== maturities.length) {
    throw new InvalidValueError(
      `coupons and maturities differ in length (${coupons.length} vs ${maturities.length})`,
      coupons.length,
      "coupons"
    );
  }
  const quarterRule = contract.factorRounding === "quarter";
  const out = new Float64Array(coupons.length);
  for (let i = 0; i < coupons.length; i++) {
    const c = coupons[i];
    if (!Number.isFinite(c) || !Number.isFinite(maturities[i])) {
      throw new InvalidValueError(
        `bond ${i + 1}: coupon and maturity must be numbers`,
        [c, maturities[i]],
        "coupons"
      );
    }
    // A coupon ≥ 1 is almost surely a percent (4.375 for 4 3/8%): coupons are decimals (S3).
    if (c < 0 || c >= 1) {
      throw new OutOfDomainError(
        `bond ${i + 1}: coupon ${c} is outside [0, 1); coupons are decimals (0.04375 for 4.375%)`,
        c,
        "coupons"
      );
    }
    if (wholeMonths(month, maturities[i]) < 1) {
      throw new OutOfDomainError(
        `bond ${i + 1}: maturity must fall after the delivery month ` +
          `${month.y}-${String(month.m).padStart(2, "0")}`,
        maturities[i],
        "maturities"
      );
    }
    const { n, z } = yearsAndMonths(contract, month, maturities[i]);
    const v = z < 7 ? z : quarterRule ? 3 : z - 6;
    const a = 1 / Math.pow(1.03, v / 6);
    const b = (c / 2) * ((6 - v) / 6);
    const cPrime = 1 / Math.pow(1.03, z < 7 ? 2 * n : 2 * n + 1);
    const d = (c / 0.06) * (1 - cPrime);
    out[i] = round4(a * (c / 2 + cPrime + d) - b);
  }
  return out;
}

/** Conversion factor of one bond: the array form with one bond. */
export function conversionFactor(
  contract: FuturesContract,
  month: DeliveryMonth,
  coupon: number,
  maturitySerial: number
): number {
  return conversionFactors(
    contract,
    month,
    Float64Array.of(coupon),
    Float64Array.of(maturitySerial)
  )[0];
}
