/**
 * Odd first coupon periods and when-issued trades against QuantLib 1.29, on the committed fixtures
 * of test/fixtures/quantlib/generate_oddf.py: 600 bonds, short and long first periods, settlement
 * inside the odd period or before the issue date, bases 1 (ActualActual ISMA over quasi-coupon
 * periods), 0 and 4 (30/360 with dates on days 1–27), frequencies 1/2/4.
 * Tolerances: dirty price, modified and Macaulay duration, convexity 1e-12 relative; accrued and
 * the first coupon 1e-10 absolute per 100; DV01 against QuantLib's basis-point value (its
 * second-order expansion), 1e-12 relative.
 */
import fixture from "../../fixtures/quantlib/oddf-risk.json";
import { Basis, Bond, bondCashFlows, bondRisk, Frequency, oneBond } from "../../../src/core/bond";

interface Case {
  id: number;
  kind: string;
  settles: string;
  settlement: number;
  maturity: number;
  issue: number;
  first_coupon: number;
  rate: number;
  yld: number;
  frequency: number;
  basis: number;
  dirty: number;
  accrued: number | null;
  first_amount: number;
  modified: number;
  macaulay: number;
  convexity: number;
  bpv: number;
}

const cases = fixture.cases as Case[];
const bondOf = (c: Case): Bond => ({
  settlement: c.settlement,
  maturity: c.maturity,
  rate: c.rate,
  frequency: c.frequency as Frequency,
  basis: c.basis as Basis,
  issue: c.issue,
  firstCoupon: c.first_coupon,
});
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe("odd first coupon against QuantLib", () => {
  it("has a broad fixture", () => {
    expect(cases.length).toBeGreaterThanOrEqual(600);
    for (const basis of [0, 1, 4])
      for (const kind of ["short", "long"])
        for (const settles of ["odd", "when-issued"])
          expect(
            cases.filter((c) => c.basis === basis && c.kind === kind && c.settles === settles)
              .length
          ).toBeGreaterThanOrEqual(5);
  });

  it("reproduces the dirty price, durations and convexity to 1e-12 relative", () => {
    const worst = { dirty: 0, modified: 0, macaulay: 0, convexity: 0 };
    for (const c of cases) {
      const r = bondRisk(bondOf(c), c.yld);
      worst.dirty = Math.max(worst.dirty, rel(r.dirty, c.dirty));
      worst.modified = Math.max(worst.modified, rel(r.modified, c.modified));
      worst.macaulay = Math.max(worst.macaulay, rel(r.macaulay, c.macaulay));
      worst.convexity = Math.max(worst.convexity, rel(r.convexity, c.convexity));
    }
    for (const v of Object.values(worst)) expect(v).toBeLessThan(1e-12);
  });

  it("reproduces the accrued interest (0 when-issued) and the odd first coupon to 1e-10", () => {
    for (const c of cases) {
      const flows = bondCashFlows(oneBond(bondOf(c)));
      const accrued = flows.sched.accrued[0];
      expect(Math.abs(accrued - (c.accrued ?? 0))).toBeLessThan(1e-10);
      const first = flows.amount[0] - (flows.amount.length === 1 ? 100 : 0);
      expect(Math.abs(first - c.first_amount)).toBeLessThan(1e-10);
    }
  });

  it("gives DV01 consistent with QuantLib's basis-point value (1e-12)", () => {
    for (const c of cases) {
      const r = bondRisk(bondOf(c), c.yld);
      // QuantLib's BPV is its Taylor expansion −D·P·1bp + ½·(C/100)·P·1bp² (its convexity/100).
      const expected = -r.dv01 + 0.5 * (r.convexity / 100) * r.dirty * 1e-8;
      expect(rel(expected, c.bpv)).toBeLessThan(1e-12);
    }
  });
});
