/**
 * What every portfolio calculation shares about a holdings table: its bonds as kernel input.
 */
import { allocateTerms, BondTerms } from "../bond";
import { Holdings } from "../holdings";

/**
 * Kernel terms of holdings settling on `settlement`. Issue and first coupon dates pass through
 * (NaN when not given): a holding settling before its first coupon date is priced with Excel's
 * odd first period; with an issue date and no first coupon date the kernel takes the first
 * schedule date after issue (a short first period).
 */
export function holdingTerms(h: Holdings, settlement: number): BondTerms {
  const terms = allocateTerms(h.count);
  terms.settlement.fill(settlement);
  terms.maturity.set(h.maturity);
  terms.rate.set(h.coupon);
  terms.frequency.set(h.frequency);
  terms.basis.set(h.basis);
  terms.issue!.set(h.issueDate);
  terms.firstCoupon!.set(h.firstCoupon);
  return terms;
}
