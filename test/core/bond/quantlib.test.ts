/**
 * Yield risk against QuantLib 1.29's BondFunctions (test/fixtures/quantlib/generate.py): 480 bonds,
 * basis 1 as ActualActual(ISMA) with the bond's schedule, bases 0/4 as Thirty360 where QuantLib's
 * day count agrees with Excel's (days ≤ 27). Tolerance 1e-9 relative for dirty price, Macaulay and
 * modified duration, convexity and DV01.
 */
import fixture from "../../fixtures/quantlib/bond-risk.json";
import { Basis, bondRisk, Frequency } from "../../../src/core/bond";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const riskOf = (c: (typeof fixture.cases)[number]) =>
  bondRisk(
    {
      settlement: c.settlement,
      maturity: c.maturity,
      rate: c.rate,
      frequency: c.frequency as Frequency,
      basis: c.basis as Basis,
    },
    c.yld
  );

describe("against QuantLib", () => {
  const cases = fixture.cases;
  it("covers enough bonds", () => expect(cases.length).toBeGreaterThanOrEqual(400));

  for (const field of ["dirty", "clean", "macaulay", "modified", "convexity", "dv01"] as const) {
    it(`agrees on ${field} to 1e-9 relative`, () => {
      let worst = 0;
      for (const c of cases) {
        const r = riskOf(c);
        worst = Math.max(worst, rel(r[field], c[field]));
      }
      expect(worst).toBeLessThan(1e-9);
    });
  }

  it("matches QuantLib's signed basis-point value", () => {
    // QuantLib's BPV is its second-order price change for a 1 bp rise: −DV01 + ½·(convexity/100)·P·1e-8
    // (the /100 is QuantLib's own scaling of convexity inside basisPointValue).
    for (const c of cases) {
      const r = riskOf(c);
      expect(Math.abs(-r.dv01 + 0.5 * (r.convexity / 100) * r.dirty * 1e-8 - c.bpv)).toBeLessThan(
        1e-9 * Math.abs(c.bpv) + 1e-12
      );
    }
  });
});
