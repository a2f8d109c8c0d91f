/** Key-rate durations: the sum property and edge cases, over random bonds and curves. */
import fc from "fast-check";
import { allocateTerms, setTerms, Frequency } from "../../../src/core/bond";
import { CurveSpec, DEFAULT_CURVE, ShiftOn } from "../../../src/core/curve";
import { curveRisk } from "../../../src/core/risk/bondRisk";
import { krdSumTolerance } from "../../../src/core/portfolio/curveExposure";

const SETTLE = 45659; // 2025-01-02

function risk(
  spec: CurveSpec,
  bonds: { years: number; rate: number; f: Frequency; price: number }[],
  shiftOn?: ShiftOn
) {
  const terms = allocateTerms(bonds.length);
  bonds.forEach((b, i) =>
    setTerms(terms, i, {
      settlement: SETTLE,
      maturity: SETTLE + Math.max(2, Math.round(b.years * 365.25)),
      rate: b.rate,
      frequency: b.f,
      basis: 1,
    })
  );
  return curveRisk(
    SETTLE,
    terms,
    Float64Array.from(bonds, (b) => b.price),
    spec,
    { interpolation: "linear_zero", shiftOn }
  );
}

const curveArb = fc
  .record({
    kind: fc.constantFrom<CurveSpec["kind"]>("par", "zero_cont", "zero_semi"),
    level: fc.double({ min: 0.005, max: 0.08, noNaN: true }),
    slope: fc.double({ min: -0.02, max: 0.03, noNaN: true }),
  })
  .map(({ kind, level, slope }): CurveSpec => ({
    kind,
    months: DEFAULT_CURVE.months,
    rates: DEFAULT_CURVE.months.map((m) => level + (slope * Math.log1p(m / 12)) / Math.log(31)),
  }));

const bondArb = fc.record({
  years: fc.double({ min: 0.02, max: 40, noNaN: true }),
  rate: fc.constantFrom(0, 0.01, 0.025, 0.04, 0.065, 0.09),
  f: fc.constantFrom<Frequency>(1, 2, 4),
  price: fc.double({ min: 70, max: 120, noNaN: true }),
});

describe("key-rate durations", () => {
  it("sum to effective duration within the O(h²) tolerance, for par and zero shifts", () => {
    fc.assert(
      fc.property(
        curveArb,
        fc.array(bondArb, { minLength: 1, maxLength: 6 }),
        fc.constantFrom<ShiftOn | undefined>(undefined, "zero"),
        (spec, bonds, shiftOn) => {
          const r = risk(spec, bonds, shiftOn);
          bonds.forEach((b, i) => {
            if (!Number.isFinite(r.zspread[i])) return; // a price no spread can reach
            const shift = shiftOn ?? (spec.kind === "par" ? "par" : "zero");
            expect(Math.abs(r.krdGap[i])).toBeLessThan(
              krdSumTolerance(1, b.years + 0.1, shift, Math.max(...spec.rates))
            );
          });
        }
      ),
      { numRuns: 150 }
    );
  });

  it("puts a zero-coupon bond's whole duration on its two neighbouring keys", () => {
    const r = risk(DEFAULT_CURVE, [{ years: 4, rate: 0, f: 2, price: 84 }], "zero");
    const krd = Array.from(r.krd);
    // 4Y lies between the 3Y and 5Y keys: only those two are non-zero, in proportion to distance.
    krd.forEach((v, k) =>
      k === 4 || k === 5 ? expect(v).toBeGreaterThan(0.5) : expect(Math.abs(v)).toBeLessThan(1e-12)
    );
    expect(r.effDuration[0]).toBeCloseTo(4, 2);
  });

  it("assigns a bond beyond the last key to the last key, and one inside the first key to the first", () => {
    const r = risk(
      DEFAULT_CURVE,
      [
        { years: 38, rate: 0, f: 2, price: 18 },
        { years: 0.1, rate: 0, f: 2, price: 99.5 },
      ],
      "zero"
    );
    expect(r.krd[9]).toBeCloseTo(r.effDuration[0], 4);
    expect(Array.from(r.krd.slice(0, 9)).every((v) => Math.abs(v) < 1e-12)).toBe(true);
    expect(r.krd[10]).toBeCloseTo(r.effDuration[1], 9);
  });

  it("a zero shift and a Z-spread shift give the same duration (both are parallel continuous shifts)", () => {
    const r = risk(
      { kind: "zero_cont", months: DEFAULT_CURVE.months, rates: DEFAULT_CURVE.rates },
      [{ years: 12, rate: 0.04, f: 2, price: 95 }]
    );
    expect(r.spreadDuration[0]).toBeCloseTo(r.effDuration[0], 9);
  });
});
