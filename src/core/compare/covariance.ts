/**
 * Covariance of key-rate changes from a curve history (SPEC S6): the changes of each key's par
 * yield between consecutive rows of the history (daily for Treasury's file), their covariance,
 * annualised by the number of periods per year (252 for daily data by default), equal-weighted or
 * exponentially weighted (EWMA) with a half-life in periods (trading days for daily data).
 *
 * Units: yields are decimals, so the matrix is in decimal² per year: the variance of a year's
 * change of each key rate (0.01² = a 100 bp a year standard deviation).
 *
 * Missing data, handled in the open:
 * - a key that is a column of the history is used as is; a key between two columns is
 *   interpolated linearly in tenor between its neighbouring columns on each date
 *   (`interpolatedKeys` says which); a key outside the history's tenors is an error naming it;
 * - a blank cell leaves the changes into and out of it missing, and each pair of keys uses the
 *   periods where both changes are present (pairwise-complete observations: `observations`
 *   holds the counts). A pairwise matrix need not be positive semidefinite when keys have very
 *   different coverage; {@link trackingError} reports a negative variance as an error.
 */
import { InvalidValueError, OutOfDomainError } from "../errors";
import { tenorLabel } from "../curve/tenor";
import { CurveHistory } from "../curve/curveHistory";

/** Trading days a year: the default annualisation of daily changes. */
export const DEFAULT_PERIODS_PER_YEAR = 252;

/** A covariance of annual key-rate changes, decimal² per year, keys in months. */
export interface KeyRateCovariance {
  readonly keysMonths: readonly number[];
  /** Symmetric keys × keys matrix, decimal² per year. */
  readonly matrix: readonly (readonly number[])[];
}

/** An estimated covariance with what it was estimated from. */
export interface EstimatedCovariance extends KeyRateCovariance {
  /** Periods per year used to annualise the per-period covariance. */
  readonly periodsPerYear: number;
  /** EWMA half-life in periods; Infinity for equal weights. */
  readonly halfLife: number;
  /** First and last dates of the rows used (Excel serials). */
  readonly from: number;
  readonly to: number;
  /** Number of periods (consecutive row pairs) in the window. */
  readonly periods: number;
  /** Pairwise-complete observation counts, keys × keys. */
  readonly observations: readonly (readonly number[])[];
  /** Keys interpolated between the history's columns (months). */
  readonly interpolatedKeys: readonly number[];
}

export interface CovarianceOptions {
  /** Key tenors, months, strictly increasing. */
  readonly keysMonths: readonly number[];
  /** EWMA half-life in periods (> 0); omitted or Infinity for equal weights. */
  readonly halfLife?: number;
  /** Periods per year (> 0); default 252. */
  readonly periodsPerYear?: number;
}

/** Each key's yield on each date of the history: the column, or linear in tenor between two. */
function keySeries(
  h: CurveHistory,
  keys: readonly number[]
): { series: Float64Array[]; interpolated: number[] } {
  const outside = keys.filter((k) => k < h.months[0] || k > h.months[h.months.length - 1]);
  if (outside.length) {
    throw new InvalidValueError(
      `keys ${outside.map(tenorLabel).join(", ")} are outside the history's tenors ` +
        `(${tenorLabel(h.months[0])} … ${tenorLabel(h.months[h.months.length - 1])})`,
      outside.map(tenorLabel).join(", "),
      "keys"
    );
  }
  const interpolated: number[] = [];
  const series = keys.map((k) => {
    const exact = h.months.indexOf(k);
    if (exact >= 0) return Float64Array.from(h.yields, (row) => row[exact]);
    interpolated.push(k);
    const hi = h.months.findIndex((m) => m > k);
    const lo = hi - 1;
    const w = (k - h.months[lo]) / (h.months[hi] - h.months[lo]);
    return Float64Array.from(h.yields, (row) => (1 - w) * row[lo] + w * row[hi]);
  });
  return { series, interpolated };
}

/**
 * Estimates the annualised covariance of key-rate changes from a history (already windowed with
 * {@link historyWindow}). Weighted, mean-adjusted, with the reliability-weights correction
 * cov = Σ w(x − x̄)(y − ȳ) / (W − Σw²/W), W = Σw over the pair's common periods: with equal
 * weights this is the usual n − 1 sample covariance. EWMA weights w_t = 0.5^(age_t / halfLife),
 * age in periods back from the last change.
 * @throws InvalidValueError for keys outside the history or with fewer than 2 changes in common.
 */
export function estimateCovariance(
  h: CurveHistory,
  options: CovarianceOptions
): EstimatedCovariance {
  const keys = options.keysMonths;
  const periodsPerYear = options.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  const halfLife = options.halfLife ?? Infinity;
  if (!(periodsPerYear > 0) || !Number.isFinite(periodsPerYear)) {
    throw new OutOfDomainError(
      `periods_per_year: expected a number > 0, got ${periodsPerYear}`,
      periodsPerYear,
      "periods_per_year"
    );
  }
  if (!(halfLife > 0)) {
    throw new OutOfDomainError(
      `halflife_days: expected a number of periods > 0, got ${halfLife}`,
      halfLife,
      "halflife_days"
    );
  }
  if (h.dates.length < 3) {
    throw new InvalidValueError(
      `history: ${h.dates.length} dated rows in the window; at least 3 are needed for a covariance of changes`,
      h.dates.length,
      "history"
    );
  }
  const { series, interpolated } = keySeries(h, keys);
  const n = keys.length;
  const periods = h.dates.length - 1;
  const changes = series.map((s) => {
    const d = new Float64Array(periods);
    for (let t = 0; t < periods; t++) d[t] = s[t + 1] - s[t];
    return d;
  });
  const weight = new Float64Array(periods);
  for (let t = 0; t < periods; t++)
    weight[t] = Number.isFinite(halfLife) ? Math.pow(0.5, (periods - 1 - t) / halfLife) : 1;

  const uncovered = keys.filter((_, i) => changes[i].filter(Number.isFinite).length < 2);
  if (uncovered.length) {
    throw new InvalidValueError(
      `keys ${uncovered.map(tenorLabel).join(", ")} have fewer than 2 changes in the history's window`,
      uncovered.map(tenorLabel).join(", "),
      "keys"
    );
  }
  const matrix = keys.map(() => new Array<number>(n).fill(0));
  const observations = keys.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const x = changes[i];
      const y = changes[j];
      let W = 0;
      let W2 = 0;
      let sx = 0;
      let sy = 0;
      let count = 0;
      for (let t = 0; t < periods; t++) {
        if (!Number.isFinite(x[t]) || !Number.isFinite(y[t])) continue;
        const w = weight[t];
        W += w;
        W2 += w * w;
        sx += w * x[t];
        sy += w * y[t];
        count++;
      }
      if (count < 2) {
        throw new InvalidValueError(
          `keys ${tenorLabel(keys[i])} and ${tenorLabel(keys[j])} have fewer than 2 changes in common`,
          count,
          "history"
        );
      }
      const mx = sx / W;
      const my = sy / W;
      let s = 0;
      for (let t = 0; t < periods; t++) {
        if (!Number.isFinite(x[t]) || !Number.isFinite(y[t])) continue;
        s += weight[t] * (x[t] - mx) * (y[t] - my);
      }
      const c = (s / (W - W2 / W)) * periodsPerYear;
      matrix[i][j] = matrix[j][i] = c;
      observations[i][j] = observations[j][i] = count;
    }
  }
  return {
    keysMonths: [...keys],
    matrix,
    periodsPerYear,
    halfLife,
    from: h.dates[0],
    to: h.dates[h.dates.length - 1],
    periods,
    observations,
    interpolatedKeys: interpolated,
  };
}

/** The sub-matrix of a covariance for `keys` (each must be one of its keys). */
export function covarianceForKeys(
  cov: KeyRateCovariance,
  keys: readonly number[]
): KeyRateCovariance {
  const index = keys.map((k) => cov.keysMonths.indexOf(k));
  const missing = keys.filter((_, i) => index[i] < 0);
  if (missing.length) {
    throw new InvalidValueError(
      `keys ${missing.map(tenorLabel).join(", ")} are not in the covariance (its keys: ${cov.keysMonths.map(tenorLabel).join(" ")})`,
      missing.map(tenorLabel).join(", "),
      "keys"
    );
  }
  return { keysMonths: [...keys], matrix: index.map((a) => index.map((b) => cov.matrix[a][b])) };
}
