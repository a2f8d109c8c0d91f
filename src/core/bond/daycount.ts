/**
 * Excel's day-count bases 0–4, as its coupon and bond functions (COUPDAYS, PRICE, YIELD, …) use them.
 *
 * | code | name            | days between two dates                 | days in a coupon period (E) |
 * |------|-----------------|----------------------------------------|-----------------------------|
 * | 0    | US (NASD) 30/360| 30/360 with the US month-end rules     | 360 / frequency             |
 * | 1    | actual/actual   | actual days                            | actual days of the period   |
 * | 2    | actual/360      | actual days                            | 360 / frequency             |
 * | 3    | actual/365      | actual days                            | 365 / frequency             |
 * | 4    | European 30/360 | 30E/360 (day 31 becomes 30)            | 360 / frequency             |
 *
 * The US 30/360 month-end rules follow Gnumeric's implementation of Excel's basis 0: an end on the
 * 31st counts as the 30th when the start is the 30th or 31st; a start on the 31st counts as the
 * 30th; a start on the last day of February counts as the 30th, and so does an end that is also
 * the last day of February.
 */
import { InvalidValueError, OutOfDomainError } from "../errors";
import { daysInMonth, ymdFromSerial } from "../dates";

/** Excel's day-count basis codes. */
export type Basis = 0 | 1 | 2 | 3 | 4;

/** Human-readable name of each basis, for labels and messages. */
export const BASIS_NAMES: Readonly<Record<Basis, string>> = {
  0: "US (NASD) 30/360",
  1: "actual/actual",
  2: "actual/360",
  3: "actual/365",
  4: "European 30/360",
};

/** Coupon frequencies Excel's bond functions accept: annual, semiannual, quarterly. */
export type Frequency = 1 | 2 | 4;

/** True for a valid basis code. */
export function isBasis(x: number): x is Basis {
  return x === 0 || x === 1 || x === 2 || x === 3 || x === 4;
}

/** True for a valid coupon frequency. */
export function isFrequency(x: number): x is Frequency {
  return x === 1 || x === 2 || x === 4;
}

/**
 * Parses a basis argument: a number 0–4 (truncated, as Excel does), or `undefined` for the default 0.
 * @throws OutOfDomainError for a number outside 0–4; InvalidValueError for text.
 */
export function parseBasis(value: unknown, argument = "basis"): Basis {
  if (value === undefined || value === null || value === "") return 0;
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  if (!Number.isFinite(n)) {
    throw new InvalidValueError(
      `${argument}: expected a day-count basis 0–4, got ${JSON.stringify(value)}`,
      value,
      argument
    );
  }
  const code = Math.trunc(n);
  if (!isBasis(code)) {
    throw new OutOfDomainError(
      `${argument}: day-count basis must be 0, 1, 2, 3 or 4, got ${n}`,
      value,
      argument
    );
  }
  return code;
}

/**
 * Parses a coupon frequency: 1, 2 or 4 (truncated, as Excel does).
 * @throws OutOfDomainError for any other number; InvalidValueError for text.
 */
export function parseFrequency(value: unknown, argument = "frequency"): Frequency {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && value.trim() !== ""
        ? Number(value)
        : NaN;
  if (!Number.isFinite(n)) {
    throw new InvalidValueError(
      `${argument}: expected a coupon frequency 1, 2 or 4, got ${JSON.stringify(value)}`,
      value,
      argument
    );
  }
  const f = Math.trunc(n);
  if (!isFrequency(f)) {
    throw new OutOfDomainError(
      `${argument}: frequency must be 1 (annual), 2 (semiannual) or 4 (quarterly), got ${n}`,
      value,
      argument
    );
  }
  return f;
}

function isLastOfFebruary(y: number, m: number, d: number): boolean {
  return m === 2 && d >= daysInMonth(y, 2);
}

/** Days from `from` to `to` (Excel serials) on the 30/360 US (MSRB) convention of basis 0. */
export function days30360us(from: number, to: number): number {
  const a = ymdFromSerial(from);
  const b = ymdFromSerial(to);
  let d1 = a.d;
  let d2 = b.d;
  // Gnumeric's order: the 31st rules look at the start's own day, then the February month-end
  // rule moves the start (and an end that is also February's last day) to the 30th.
  if (d2 === 31 && d1 >= 30) d2 = 30;
  if (d1 === 31) d1 = 30;
  if (isLastOfFebruary(a.y, a.m, a.d)) {
    d1 = 30;
    if (isLastOfFebruary(b.y, b.m, b.d)) d2 = 30;
  }
  return (b.y - a.y) * 360 + (b.m - a.m) * 30 + (d2 - d1);
}

/** Days from `from` to `to` (Excel serials) on the European 30E/360 convention of basis 4. */
export function days30360eu(from: number, to: number): number {
  const a = ymdFromSerial(from);
  const b = ymdFromSerial(to);
  const d1 = Math.min(a.d, 30);
  const d2 = Math.min(b.d, 30);
  return (b.y - a.y) * 360 + (b.m - a.m) * 30 + (d2 - d1);
}

/** Days from `from` to `to` (Excel serials) as the basis counts them (COUPDAYBS, COUPDAYSNC). */
export function daysBetween(basis: Basis, from: number, to: number): number {
  if (basis === 0) return days30360us(from, to);
  if (basis === 4) return days30360eu(from, to);
  return to - from;
}

/**
 * Days in the coupon period (COUPDAYS): 360/f on the 30/360 and actual/360 bases, 365/f on
 * actual/365, and the actual length of the period on actual/actual.
 */
export function daysInCouponPeriod(
  basis: Basis,
  frequency: Frequency,
  pcd: number,
  ncd: number
): number {
  if (basis === 1) return ncd - pcd;
  if (basis === 3) return 365 / frequency;
  return 360 / frequency;
}
