/**
 * Deliverable eligibility of a Treasury note or bond for a futures contract month, from the
 * contract's rule in contracts.ts.
 *
 * Terms are compared as dates, not as day counts: "remaining ≥ 1y9m from the first day" means
 * maturity ≥ EDATE(first day of the delivery month, 21). The original term runs from the issue
 * date: pass the issue date of the tranche that makes the bond deliverable when a security was
 * reopened with a shorter original term (Treasury reopened the 7-year notes 912828Z78 and
 * 91282CGQ8 as 5-year notes in January 2022 and February 2025; CME lists them for ZT and ZF).
 */
import { addMonths, daysInMonth, serialFromYmd, Ymd, ymdFromSerial } from "../dates";
import { InvalidValueError } from "../errors";
import { DeliveryMonth, FuturesContract } from "./contracts";

/** Serial limits on maturity for one contract month: min inclusive, max inclusive or exclusive. */
export interface MaturityWindow {
  readonly min: number;
  readonly max: number;
  readonly maxExclusive: boolean;
}

/** The maturity window a contract month admits (independent of the bond's original term). */
export function maturityWindow(contract: FuturesContract, month: DeliveryMonth): MaturityWindow {
  const rule = contract.deliverable;
  const first = { y: month.y, m: month.m, d: 1 };
  const last = { y: month.y, m: month.m, d: daysInMonth(month.y, month.m) };
  const serial = (months: number, from: Ymd) => {
    const t = addMonths(from, months);
    return serialFromYmd(t.y, t.m, t.d);
  };
  const max =
    rule.remainingMaxMonths === undefined
      ? Number.POSITIVE_INFINITY
      : serial(rule.remainingMaxMonths, rule.remainingMaxFrom === "first" ? first : last);
  return {
    min: serial(rule.remainingMinMonths, first),
    max,
    maxExclusive: rule.remainingMaxExclusive,
  };
}

/**
 * Deliverability of many bonds into one contract month: 1 where deliverable, 0 otherwise.
 * @param issues Issue dates (Excel serials) of the tranche whose original term counts.
 * @param maturities Maturity dates (Excel serials).
 * @throws InvalidValueError when the arrays differ in length.
 */
export function deliverableMask(
  contract: FuturesContract,
  month: DeliveryMonth,
  issues: Float64Array,
  maturities: Float64Array
): Uint8Array {
  if (issues.length !== maturities.length) {
    throw new InvalidValueError(
      `issues and maturities must have the same length (${issues.length} vs ${maturities.length})`,
      issues.length,
      "issues"
    );
  }
  const window = maturityWindow(contract, month);
  const originalMax = contract.deliverable.originalTermMaxMonths;
  const mask = new Uint8Array(maturities.length);
  for (let i = 0; i < maturities.length; i++) {
    const maturity = Math.floor(maturities[i]);
    let ok =
      maturity >= window.min &&
      (window.maxExclusive ? maturity < window.max : maturity <= window.max);
    if (ok && originalMax !== undefined) {
      const limit = addMonths(ymdFromSerial(issues[i]), originalMax);
      ok = maturity <= serialFromYmd(limit.y, limit.m, limit.d);
    }
    mask[i] = ok ? 1 : 0;
  }
  return mask;
}

/** Deliverability of one bond: the array form with one bond. */
export function isDeliverable(
  contract: FuturesContract,
  month: DeliveryMonth,
  issueSerial: number,
  maturitySerial: number
): boolean {
  return (
    deliverableMask(
      contract,
      month,
      Float64Array.of(issueSerial),
      Float64Array.of(maturitySerial)
    )[0] === 1
  );
}
