/**
 * Tracking error sqrt(xᵀΣx): hand-computed 2- and 3-key cases, the Euler decomposition, and
 * properties (TE ≥ 0, linear in x, 0 when the portfolio equals the benchmark). Tolerances are
 * relative 1e-12 (a few roundings of sums of 10 products).
 */
import fc from "fast-check";
import { rankByContribution, trackingError } from "../../../src/core/compare/trackingError";
import { BUNDLED_COVARIANCE } from "../../../src/core/compare/bundledCovariance";
import { KeyRateCovariance } from "../../../src/core/compare/covariance";

const close = (a: number, b: number, rel = 1e-12) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(Math.abs(a), Math.abs(b), 1e-300));

describe("tracking error", () => {
  it("two keys by hand: σ1 = 100 bp, σ2 = 80 bp, ρ = 0.9, x = (1, −2)", () => {
    const s1 = 0.01;
    const s2 = 0.008;
    const rho = 0.9;
    const cov: KeyRateCovariance = {
      keysMonths: [24, 120],
      matrix: [
        [s1 * s1, rho * s1 * s2],
        [rho * s1 * s2, s2 * s2],
      ],
    };
    const t = trackingError([1, -2], cov);
    // TE² = 1·1e-4 + 2·1·(−2)·7.2e-5 + 4·6.4e-5 = 6.8e-5
    close(t.variance, 6.8e-5);
    close(t.te, Math.sqrt(6.8e-5));
    // (Σx) = (1e-4 − 1.44e-4, 7.2e-5 − 1.28e-4) = (−4.4e-5, −5.6e-5)
    close(t.marginal[0], -4.4e-5 / Math.sqrt(6.8e-5));
    close(t.contributions[1], 1.12e-4 / Math.sqrt(6.8e-5));
    close(t.contributions[0] + t.contributions[1], t.te);
    // The 10Y short adds risk, the 2Y long offsets part of it.
    expect(rankByContribution(t)).toEqual([1, 0]);
  });

  it("three keys by hand, uncorrelated: TE = sqrt(Σ x_k² σ_k²)", () => {
    const sig = [0.006, 0.01, 0.009];
    const cov: KeyRateCovariance = {
      keysMonths: [3, 24, 360],
      matrix: sig.map((a, i) => sig.map((b, j) => (i === j ? a * b : 0))),
    };
    const x = [0.3, -1.5, 0.8];
    const t = trackingError(x, cov);
    close(t.te, Math.sqrt(0.09 * 3.6e-5 + 2.25 * 1e-4 + 0.64 * 8.1e-5));
    x.forEach((xi, k) => close(t.contributions[k], (xi * xi * sig[k] * sig[k]) / t.te));
  });

  it("is 0 when the portfolio equals the benchmark, with zero contributions", () => {
    const t = trackingError(new Array(10).fill(0), BUNDLED_COVARIANCE);
    expect(t.te).toBe(0);
    expect(t.contributions).toEqual(new Array(10).fill(0));
  });

  it("properties on the bundled Σ: TE ≥ 0, TE(λx) = |λ|·TE(x), Σ contributions = TE", () => {
    const krd = fc.double({ min: -3, max: 3, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(krd, { minLength: 10, maxLength: 10 }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        (x, lambda) => {
          const t = trackingError(x, BUNDLED_COVARIANCE);
          expect(t.te).toBeGreaterThanOrEqual(0);
          const scaled = trackingError(
            x.map((v) => lambda * v),
            BUNDLED_COVARIANCE
          );
          expect(Math.abs(scaled.te - Math.abs(lambda) * t.te)).toBeLessThanOrEqual(
            1e-12 * (1 + Math.abs(lambda) * t.te)
          );
          const sum = t.contributions.reduce((a, b) => a + b, 0);
          expect(Math.abs(sum - t.te)).toBeLessThanOrEqual(1e-12 + 1e-10 * t.te);
        }
      ),
      { numRuns: 200 }
    );
  });

  it("errors: wrong length, non-finite KRD, a covariance that is not positive semidefinite", () => {
    expect(() => trackingError([1, 2], BUNDLED_COVARIANCE)).toThrow(/2 values for 10 keys/);
    const bad: KeyRateCovariance = {
      keysMonths: [24, 120],
      matrix: [
        [1e-4, 2e-4],
        [2e-4, 1e-4],
      ],
    };
    expect(() => trackingError([1, NaN], bad)).toThrow(/active KRD at 10Y/);
    expect(() => trackingError([1, -1], bad)).toThrow(/not positive semidefinite/);
  });
});
