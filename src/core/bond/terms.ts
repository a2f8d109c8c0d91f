/**
 * Checks of a bond's terms with the errors Excel's bond functions give, and the one-bond form of
 * the array kernels' input.
 */
import { InvalidValueError, OutOfDomainError } from "../errors";
import { isoFromSerial } from "../dates";
import { Basis, Frequency } from "./daycount";
import { oddFirstProblem } from "./oddFirst";
import { BondTerms } from "./yieldKernel";

/** One bond's terms, already parsed: dates as serials, rate as a decimal. */
export interface Bond {
  settlement: number;
  maturity: number;
  rate: number;
  frequency: Frequency;
  basis: Basis;
  /** Issue (dated) date of a bond with an odd first coupon period, Excel serial (with firstCoupon). */
  issue?: number;
  /** First coupon date, Excel serial, on the maturity's schedule (with issue). */
  firstCoupon?: number;
}

/**
 * Excel's domain checks for PRICE, YIELD, DURATION, MDURATION: settlement before maturity and a
 * non-negative coupon rate (frequency and basis are checked when parsed).
 * @throws OutOfDomainError naming the offending value.
 */
export function checkBond(bond: Bond): void {
  checkBondTerms(bond.settlement, bond.maturity, bond.rate);
  if (bond.issue !== undefined || bond.firstCoupon !== undefined)
    checkOddFirst(bond.issue ?? NaN, bond.firstCoupon ?? NaN, bond.maturity, bond.frequency);
}

/**
 * Checks an odd first period's issue and first coupon dates (Excel serials; NaN for not given):
 * both or neither, issue before the first coupon, the first coupon on or before maturity and on
 * the maturity's coupon schedule. Settlement may be anywhere before maturity: before the issue
 * date (when-issued), in the odd period (ODDFPRICE), or on/after the first coupon (regular).
 * @throws InvalidValueError when only one of the two is given; OutOfDomainError otherwise.
 */
export function checkOddFirst(
  issue: number,
  firstCoupon: number,
  maturity: number,
  frequency: Frequency
): void {
  const hasIssue = !Number.isNaN(issue);
  const hasFirst = !Number.isNaN(firstCoupon);
  if (!hasIssue && !hasFirst) return;
  if (hasIssue !== hasFirst) {
    const [given, missing] = hasIssue ? ["issue", "first_coupon"] : ["first_coupon", "issue"];
    throw new InvalidValueError(
      `${given} is given without ${missing}: an odd first coupon period needs both dates (or neither for a regular bond)`,
      hasIssue ? issue : firstCoupon,
      missing
    );
  }
  const problem = oddFirstProblem(issue, firstCoupon, maturity, frequency);
  if (problem !== "") {
    const argument = problem.startsWith("issue") ? "issue" : "first_coupon";
    throw new OutOfDomainError(problem, argument === "issue" ? issue : firstCoupon, argument);
  }
}

/** {@link checkBond} on plain values (the range adapters' hot path builds no object per bond). */
export function checkBondTerms(settlement: number, maturity: number, rate: number): void {
  if (!(settlement < maturity)) {
    throw new OutOfDomainError(
      `settlement (${isoFromSerial(settlement)}) must be before maturity (${isoFromSerial(maturity)})`,
      settlement,
      "settlement"
    );
  }
  if (!(rate >= 0)) {
    throw new OutOfDomainError(
      `coupon: must be ≥ 0 (a decimal: 0.05 for 5%), got ${rate}`,
      rate,
      "coupon"
    );
  }
}

/** Excel's check of a yield argument: non-negative. */
export function checkYield(yld: number, argument = "yld"): void {
  if (!(yld >= 0)) {
    throw new OutOfDomainError(
      `${argument}: must be ≥ 0 (a decimal: 0.05 for 5%), got ${yld}`,
      yld,
      argument
    );
  }
}

/** Excel's check of a price argument: positive. */
export function checkPrice(price: number, argument = "price"): void {
  if (!(price > 0)) {
    throw new OutOfDomainError(
      `${argument}: must be > 0 (per 100 of par), got ${price}`,
      price,
      argument
    );
  }
}

/** Allocates the kernel input for `count` bonds. */
export function allocateTerms(count: number): BondTerms {
  return {
    settlement: new Float64Array(count),
    maturity: new Float64Array(count),
    rate: new Float64Array(count),
    frequency: new Float64Array(count),
    basis: new Float64Array(count),
    issue: new Float64Array(count).fill(NaN),
    firstCoupon: new Float64Array(count).fill(NaN),
  };
}

/** Writes one bond into slot `i` of kernel input. */
export function setTerms(terms: BondTerms, i: number, bond: Bond): void {
  terms.settlement[i] = bond.settlement;
  terms.maturity[i] = bond.maturity;
  terms.rate[i] = bond.rate;
  terms.frequency[i] = bond.frequency;
  terms.basis[i] = bond.basis;
  if (terms.issue) terms.issue[i] = bond.issue ?? NaN;
  if (terms.firstCoupon) terms.firstCoupon[i] = bond.firstCoupon ?? NaN;
}

/** Marks slot `i` invalid so that the kernels return NaN for it. */
export function clearTerms(terms: BondTerms, i: number): void {
  terms.settlement[i] = NaN;
  terms.maturity[i] = NaN;
  terms.rate[i] = NaN;
  terms.frequency[i] = NaN;
  terms.basis[i] = NaN;
  if (terms.issue) terms.issue[i] = NaN;
  if (terms.firstCoupon) terms.firstCoupon[i] = NaN;
}

/** Kernel input holding exactly one bond: the scalar forms use the array kernels through this. */
export function oneBond(bond: Bond): BondTerms {
  const terms = allocateTerms(1);
  setTerms(terms, 0, bond);
  return terms;
}
