/**
 * keyrate prepayment model v1 — uncalibrated. Every parameter in one place, with where its form
 * and its value come from. The forms follow the public models; the values are keyrate's round
 * numbers, not fitted to any data: every figure the model produces carries MODEL_LABEL until a
 * user supplies calibrated parameters (any subset overrides these; see {@link prepayParams}).
 *
 * Annual CPR in month k of a pool (age = WALA + k, I = WAC − mortgage rate, all decimals):
 *   CPR = turnover + refinancing, capped at maxCpr;
 *   turnover = turnoverCpr × min(age/turnoverSeasoningMonths, 1) × seasonality[calendar month]
 *              × lock-in,  lock-in = 1 when I ≥ 0, else lockInFloor + (1 − lockInFloor)·e^{I/lockInScale};
 *   refinancing = refiMaxCpr / (1 + e^{−(I − refiMidpoint)/refiWidth}) × min(age/refiSeasoningMonths, 1)
 *              × burnout,  burnout = burnoutFloor + (1 − burnoutFloor)·e^{−E/burnoutScale},
 *              E = Σ over past months of max(I, 0)/12 (the refinancing exposure accumulated since the
 *              valuation date: v1 does not know a pool's incentive before it);
 *   mortgage rate = mortgageSpread + mortgageBeta2y·y₂ + mortgageBeta10y·y₁₀, with y₂ and y₁₀ the
 *              simulated 2- and 10-year zero yields (continuously compounded) at the start of the month.
 *
 * Sources of the forms: Richard, S. F. and Roll, R. (1989), "Prepayments on fixed-rate
 * mortgage-backed securities", Journal of Portfolio Management 15(3) — refinancing incentive as an
 * S-curve, seasoning, monthly seasonality and burnout as multiplicative effects; US Office of
 * Thrift Supervision, "The OTS Net Portfolio Value Model" (2000), prepayment section — turnover plus
 * an incentive-driven refinancing term with a seasoning ramp; PSA standard (SIFMA Uniform
 * Practices) — the 30-month ramp; Freddie Mac PMMS against the 10-year Treasury (FRED MORTGAGE30US
 * − DGS10, about 1.7 percentage points on average 1990–2019) — the mortgage-rate spread.
 */

import { SMM_TOP } from "./prepayKernel";
import { InvalidValueError } from "../errors";

/** The label every model figure carries. */
export const MODEL_LABEL = "keyrate prepayment model v1 — uncalibrated";

export interface PrepayParams {
  /** Housing turnover of a seasoned pool at par, annual CPR (decimal). OTS NPV: turnover base. */
  readonly turnoverCpr: number;
  /** Months to full seasoning of turnover (PSA standard ramp: 30). */
  readonly turnoverSeasoningMonths: number;
  /** Turnover multipliers January…December, mean 1 (Richard & Roll's monthly effect; round numbers). */
  readonly seasonality: readonly number[];
  /** Turnover multiplier deep out of the money (lock-in floor), 0–1. */
  readonly lockInFloor: number;
  /** Out-of-the-money distance over which lock-in sets in, decimal rate (0.02 = 200 bp). */
  readonly lockInScale: number;
  /** Refinancing CPR far in the money (the S-curve's ceiling), decimal. */
  readonly refiMaxCpr: number;
  /** Incentive at the S-curve's midpoint, decimal (0.0075 = 75 bp). */
  readonly refiMidpoint: number;
  /** Width of the S-curve, decimal rate. */
  readonly refiWidth: number;
  /** Months to full seasoning of refinancing. */
  readonly refiSeasoningMonths: number;
  /** Refinancing multiplier of a fully burnt-out pool, 0–1. */
  readonly burnoutFloor: number;
  /** Accumulated exposure (decimal incentive × years) at which 1 − 1/e of the burnout has set in. */
  readonly burnoutScale: number;
  /** Cap on the annual CPR. */
  readonly maxCpr: number;
  /** Mortgage rate over the weighted 2y/10y yields, decimal. */
  readonly mortgageSpread: number;
  /** Weight of the 2-year yield in the mortgage rate. */
  readonly mortgageBeta2y: number;
  /** Weight of the 10-year yield in the mortgage rate. */
  readonly mortgageBeta10y: number;
}

/** keyrate's v1 values (uncalibrated). */
export const PREPAY_V1: PrepayParams = Object.freeze({
  turnoverCpr: 0.06,
  turnoverSeasoningMonths: 30,
  seasonality: Object.freeze([0.8, 0.75, 0.85, 0.95, 1.05, 1.15, 1.2, 1.2, 1.1, 1.05, 0.95, 0.95]),
  lockInFloor: 0.5,
  lockInScale: 0.02,
  refiMaxCpr: 0.55,
  refiMidpoint: 0.0075,
  refiWidth: 0.0025,
  refiSeasoningMonths: 12,
  burnoutFloor: 0.3,
  burnoutScale: 0.02,
  maxCpr: 0.9,
  mortgageSpread: 0.017,
  mortgageBeta2y: 0.25,
  mortgageBeta10y: 0.75,
});

/** v1 with the user's overrides; `calibrated` true drops the "uncalibrated" label. */
export function prepayParams(overrides: Partial<PrepayParams> = {}): PrepayParams {
  const p = { ...PREPAY_V1, ...overrides };
  if (p.seasonality.length !== 12)
    throw new InvalidValueError(
      "prepay: seasonality needs 12 monthly factors",
      p.seasonality.length,
      "prepay"
    );
  if (!(p.maxCpr > 0 && p.maxCpr <= SMM_TOP))
    throw new InvalidValueError(`prepay: maxCpr must be in (0, ${SMM_TOP}]`, p.maxCpr, "prepay");
  return Object.freeze(p);
}

/** The label of a parameter set: the v1 label, or "keyrate prepayment model v1 (user parameters)". */
export function prepayLabel(p: PrepayParams): string {
  return p === PREPAY_V1 ? MODEL_LABEL : "keyrate prepayment model v1 (user parameters)";
}
