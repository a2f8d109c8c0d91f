/** Property tests (fast-check) of the yield kernel over random bonds. */
import fc from "fast-check";
import { Basis, bondRisk, Frequency, price, yieldOf } from "../../../src/core/bond";

const bondArb = fc
  .record({
    settlement: fc.integer({ min: 36526, max: 47482 }), // 2000–2029
    years: fc.double({ min: 0.02, max: 40, noNaN: true }),
    rate: fc.double({ min: 0, max: 0.12, noNaN: true }),
    frequency: fc.constantFrom<Frequency>(1, 2, 4),
    basis: fc.constantFrom<Basis>(0, 1, 2, 3, 4),
    yld: fc.double({ min: 0.0005, max: 0.15, noNaN: true }),
  })
  .map((b) => ({ ...b, maturity: b.settlement + Math.max(1, Math.round(b.years * 365.25)) }));

describe("yield kernel properties", () => {
  it("price → yield → price", () => {
    fc.assert(
      fc.property(bondArb, (b) => {
        const p = price(b, b.yld);
        expect(yieldOf(b, p)).toBeCloseTo(b.yld, 10);
        expect(price(b, yieldOf(b, p))).toBeCloseTo(p, 9);
      }),
      { numRuns: 500 }
    );
  });

  it("DV01 is the finite difference of the price (per 100, 1 bp)", () => {
    fc.assert(
      fc.property(bondArb, (b) => {
        const r = bondRisk(b, b.yld);
        const h = 1e-5;
        const fd = ((price(b, b.yld - h) - price(b, b.yld + h)) / (2 * h)) * 1e-4;
        expect(Math.abs(r.dv01 - fd)).toBeLessThan(1e-7 * Math.max(1, r.dv01));
        const fd2 =
          (price(b, b.yld - h) + price(b, b.yld + h) - 2 * price(b, b.yld)) / (h * h) / r.dirty;
        expect(Math.abs(r.convexity - fd2)).toBeLessThan(1e-3 * Math.max(1, r.convexity));
      }),
      { numRuns: 500 }
    );
  });

  it("0 < Macaulay duration ≤ years to maturity, and modified ≤ Macaulay", () => {
    fc.assert(
      fc.property(bondArb, (b) => {
        const r = bondRisk(b, b.yld);
        expect(r.macaulay).toBeGreaterThan(0);
        // Years to maturity in coupon periods of the basis (the schedule's own clock).
        expect(r.macaulay).toBeLessThanOrEqual(
          ((b.maturity - b.settlement) / 365) * 1.02 + 1 / b.frequency
        );
        expect(r.modified).toBeLessThanOrEqual(r.macaulay + 1e-12);
        expect(r.convexity).toBeGreaterThan(0);
      }),
      { numRuns: 500 }
    );
  });
});
