/** Holdings to kernel terms: issue and first coupon dates reach the odd-first-period model. */
import { bondRisk, firstCouponAfter } from "../../../src/core/bond";
import { serialFromIso } from "../../../src/core/dates";
import { packHoldings } from "../../../src/core/holdings/pack";
import { HoldingRecord } from "../../../src/core/holdings/types";
import { holdingTerms } from "../../../src/core/portfolio/holdingTerms";
import { holdingExposure } from "../../../src/core/portfolio/yieldExposure";

const d = (iso: string) => serialFromIso(iso)!;
const settlement = d("2025-11-20");

function record(issueDate: number, firstCoupon: number): HoldingRecord {
  return {
    id: "NEW",
    description: "",
    sector: "corporate",
    type: "bullet",
    par: 1_000_000,
    coupon: 0.05,
    maturity: d("2035-09-15"),
    price: NaN,
    yld: 0.05,
    frequency: 2,
    basis: 0,
    rating: "",
    currency: "USD",
    issueDate,
    firstCoupon,
    vendorDuration: NaN,
    vendorDv01: NaN,
    sourceRow: 2,
  };
}

describe("holdingTerms", () => {
  // A new issue dated 2025-10-01 paying a short first coupon on 2026-03-15.
  const odd = { issue: d("2025-10-01"), firstCoupon: d("2026-03-15") };
  const bond = {
    settlement,
    maturity: d("2035-09-15"),
    rate: 0.05,
    frequency: 2,
    basis: 0,
  } as const;

  it("passes issue and first coupon dates through, NaN when not given", () => {
    const h = packHoldings([record(odd.issue, odd.firstCoupon), record(NaN, NaN)]);
    const t = holdingTerms(h, settlement);
    expect(Array.from(t.issue!)).toEqual([odd.issue, NaN]);
    expect(Array.from(t.firstCoupon!)).toEqual([odd.firstCoupon, NaN]);
  });

  it("values a new issue in its first coupon period with the odd first period", () => {
    const h = packHoldings([record(odd.issue, odd.firstCoupon), record(NaN, NaN)]);
    const x = holdingExposure(h, settlement);
    const withOdd = bondRisk({ ...bond, ...odd }, 0.05);
    const regular = bondRisk(bond, 0.05);
    expect(x.accrued[0]).toBe(withOdd.accrued); // from 2025-10-01, not from 2025-09-15
    expect(x.modified[0]).toBe(withOdd.modified);
    expect(x.marketValue[0]).toBeCloseTo((1_000_000 * withOdd.dirty) / 100, 6);
    expect(x.accrued[1]).toBe(regular.accrued);
    expect(x.accrued[0]).toBeLessThan(x.accrued[1]);
  });

  it("with an issue date alone, takes the first schedule date after it as first coupon", () => {
    expect(firstCouponAfter(odd.issue, bond.maturity, 2)).toBe(odd.firstCoupon);
    const h = packHoldings([record(odd.issue, NaN), record(odd.issue, odd.firstCoupon)]);
    const x = holdingExposure(h, settlement);
    expect(x.clean[0]).toBe(x.clean[1]);
    expect(x.dv01[0]).toBe(x.dv01[1]);
  });
});
