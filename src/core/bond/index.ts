/**
 * Excel-compatible bond math: scalar forms over the array kernels (each is the array form with one
 * bond, so there is a single implementation). Dates are Excel serials, rates decimals, prices per
 * 100 of par.
 */
import { NoSolutionError } from "../errors";
import { couponPeriod, CouponPeriod } from "./coupons";
import { Bond, checkBond, checkPrice, checkYield, oneBond } from "./terms";
import { riskFromYield, yieldFromPrice } from "./yieldKernel";

export * from "./daycount";
export * from "./coupons";
export * from "./terms";
export * from "./oddFirst";
export * from "./cashFlows";
export * from "./yieldKernel";

/** One bond's yield-based figures (see `YieldRisk` for units). */
export interface BondRisk {
  clean: number;
  dirty: number;
  accrued: number;
  macaulay: number;
  modified: number;
  convexity: number;
  /** Per 100 of par. */
  dv01: number;
}

/** COUP* figures of one bond (Excel's COUPPCD, COUPNCD, COUPNUM, COUPDAYBS, COUPDAYS, COUPDAYSNC). */
export function coupons(bond: Bond): CouponPeriod {
  checkBond(bond);
  return couponPeriod(bond.settlement, bond.maturity, bond.frequency, bond.basis);
}

/** Prices, durations, convexity and DV01 of one bond at a yield (decimal, ≥ 0). */
export function bondRisk(bond: Bond, yld: number): BondRisk {
  checkBond(bond);
  checkYield(yld);
  const r = riskFromYield(oneBond(bond), Float64Array.of(yld));
  return {
    clean: r.clean[0],
    dirty: r.dirty[0],
    accrued: r.accrued[0],
    macaulay: r.macaulay[0],
    modified: r.modified[0],
    convexity: r.convexity[0],
    dv01: r.dv01[0],
  };
}

/** Excel's PRICE: clean price per 100 of par at a yield. */
export function price(bond: Bond, yld: number): number {
  return bondRisk(bond, yld).clean;
}

/**
 * Excel's YIELD: the yield that reprices a clean price per 100 of par.
 * @throws NoSolutionError when no yield reprices the bond.
 */
export function yieldOf(bond: Bond, cleanPrice: number): number {
  checkBond(bond);
  checkPrice(cleanPrice);
  const y = yieldFromPrice(oneBond(bond), Float64Array.of(cleanPrice))[0];
  if (!Number.isFinite(y))
    throw new NoSolutionError(`no yield reprices the bond at ${cleanPrice}`, cleanPrice, "price");
  return y;
}
