/**
 * Curve-based bond risk against QuantLib 1.29 (test/fixtures/quantlib/generate_curve.py): 320 bonds
 * on 5 zero curves (ZeroCurve, Linear, Actual365Fixed, Continuous), Z-spread by
 * BondFunctions.zSpread, effective duration/convexity and spread duration with ±1 bp zero spreads,
 * and zero-curve KRDs with PiecewiseZeroSpreadedTermStructure triangles at the 10 default keys.
 * Tolerances: Z-spread 1e-10 absolute; dirty price 1e-12 relative; effective and spread duration
 * and KRDs 1e-8 (relative, or absolute for values near 0); convexity 1e-6 absolute (QuantLib's
 * stacked spread layers add ~2.5e-7 of noise).
 */
import fixture from "../../fixtures/quantlib/curve-risk.json";
import { allocateTerms, setTerms, Frequency, Basis } from "../../../src/core/bond";
import { CurveSpec } from "../../../src/core/curve";
import { curveRisk } from "../../../src/core/risk/bondRisk";
import { DEFAULT_KEYS_MONTHS } from "../../../src/core/conventions";

const close = (a: number, b: number, tol: number) =>
  Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

describe("curve risk against QuantLib", () => {
  expect(fixture.keys_months).toEqual([...DEFAULT_KEYS_MONTHS]);
  for (const curve of fixture.curves) {
    const cases = fixture.cases.filter((c) => c.curve === curve.id);
    const spec: CurveSpec = {
      kind: "zero_cont",
      months: curve.tenors_months,
      rates: curve.zero_rates,
    };
    const terms = allocateTerms(cases.length);
    cases.forEach((c, i) =>
      setTerms(terms, i, {
        settlement: c.settlement,
        maturity: c.maturity,
        rate: c.rate,
        frequency: c.frequency as Frequency,
        basis: c.basis as Basis,
      })
    );
    const risk = curveRisk(
      curve.settlement,
      terms,
      Float64Array.from(cases, (c) => c.clean),
      spec,
      { interpolation: "linear_zero" }
    );

    it(`${curve.id} (${curve.shape}): ${cases.length} bonds agree`, () => {
      expect(cases.length).toBeGreaterThan(50);
      cases.forEach((c, i) => {
        expect(Math.abs(risk.zspread[i] - c.zspread)).toBeLessThan(1e-10);
        expect(close(risk.dirty[i], c.dirty, 1e-12)).toBe(true);
        expect(close(risk.effDuration[i], c.eff_duration, 1e-8)).toBe(true);
        expect(close(risk.spreadDuration[i], c.spread_duration, 1e-8)).toBe(true);
        expect(Math.abs(risk.effConvexity[i] - c.eff_convexity)).toBeLessThan(1e-6);
        c.krd.forEach((q, k) => expect(close(risk.krd[i * 10 + k], q, 1e-8)).toBe(true));
      });
    });
  }
});
