/**
 * Ex-ante tracking error, curve part (SPEC S6): TE = sqrt(xᵀΣx), x the active key-rate durations
 * (portfolio minus benchmark, years) and Σ the covariance of annual key-rate changes (decimal² per
 * year), so TE is a decimal per year (0.0025 = 25 bp a year): the standard deviation of the
 * active return −Σ x_k·Δy_k over a year.
 *
 * Decomposition by tenor (Euler): c_k = x_k·(Σx)_k / TE, the key's contribution; Σ c_k = TE. A
 * negative contribution is a position that offsets the others. The marginal contribution
 * (Σx)_k / TE is TE's change per year of active KRD at key k.
 *
 * Spread risk is not in this figure: it needs a spread history, which is not given.
 */
import { InvalidValueError, OutOfDomainError } from "../errors";
import { tenorLabel } from "../curve/tenor";
import { KeyRateCovariance } from "./covariance";

/** Said wherever a tracking error is shown. */
export const SPREAD_RISK_NOTE =
  "curve risk only: spread risk is not in the figure (no spread history given)";

export interface TrackingError {
  /** Tracking error, decimal per year (0.0025 = 25 bp). */
  readonly te: number;
  /** xᵀΣx, decimal² per year. */
  readonly variance: number;
  readonly keysMonths: readonly number[];
  /** Active KRDs used, years. */
  readonly active: readonly number[];
  /** (Σx)_k / TE: TE per unit of active KRD at key k, decimal per year per year of KRD (0 when TE = 0). */
  readonly marginal: readonly number[];
  /** x_k·(Σx)_k / TE, decimal per year; they sum to `te` (all 0 when TE = 0). */
  readonly contributions: readonly number[];
}

/** Relative size of a negative xᵀΣx put down to rounding (of Σ|x_i Σ_ij x_j|). */
const NEGATIVE_TOLERANCE = 1e-12;

/**
 * Tracking error of active KRDs (years, one per key of `cov`) against a covariance.
 * @throws InvalidValueError when the lengths differ or a KRD is not finite; OutOfDomainError when
 *   xᵀΣx is negative beyond rounding (Σ not positive semidefinite).
 */
export function trackingError(active: readonly number[], cov: KeyRateCovariance): TrackingError {
  const n = cov.keysMonths.length;
  if (active.length !== n) {
    throw new InvalidValueError(
      `active KRDs: ${active.length} values for ${n} keys (${cov.keysMonths.map(tenorLabel).join(" ")})`,
      active.length,
      "active_krd_row"
    );
  }
  active.forEach((x, k) => {
    if (!Number.isFinite(x)) {
      throw new InvalidValueError(
        `active KRD at ${tenorLabel(cov.keysMonths[k])}: expected a number of years, got ${x}`,
        x,
        "active_krd_row"
      );
    }
  });
  const sx = cov.matrix.map((row) => row.reduce((s, v, j) => s + v * active[j], 0));
  let variance = 0;
  let scale = 0;
  for (let k = 0; k < n; k++) {
    variance += active[k] * sx[k];
    for (let j = 0; j < n; j++) scale += Math.abs(active[k] * cov.matrix[k][j] * active[j]);
  }
  if (variance < 0) {
    if (variance < -NEGATIVE_TOLERANCE * scale) {
      throw new OutOfDomainError(
        `xᵀΣx = ${variance.toExponential(3)} < 0: the covariance is not positive semidefinite ` +
          "(pairwise-complete estimates can do this); use a window where every key is observed",
        variance,
        "covariance"
      );
    }
    variance = 0;
  }
  const te = Math.sqrt(variance);
  const marginal = sx.map((v) => (te > 0 ? v / te : 0));
  return {
    te,
    variance,
    keysMonths: cov.keysMonths,
    active: [...active],
    marginal,
    contributions: marginal.map((m, k) => m * active[k]),
  };
}

/** Keys ordered by their contribution to TE, largest first (ties: larger |active KRD| first). */
export function rankByContribution(t: TrackingError): number[] {
  return t.keysMonths
    .map((_, k) => k)
    .sort(
      (a, b) =>
        t.contributions[b] - t.contributions[a] || Math.abs(t.active[b]) - Math.abs(t.active[a])
    );
}
