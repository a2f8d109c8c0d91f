/**
 * What every portfolio calculation shares about a holdings table: its bonds as kernel input.
 */
import { allocateTerms, BondTerms } from "../bond";
import { Holdings } from "../holdings";

/** Kernel terms of holdings settling on `settlement`. */
export function holdingTerms(h: Holdings, settlement: number): BondTerms {
  const terms = allocateTerms(h.count);
  terms.settlement.fill(settlement);
  terms.maturity.set(h.maturity);
  terms.rate.set(h.coupon);
  terms.frequency.set(h.frequency);
  terms.basis.set(h.basis);
  return terms;
}
