/**
 * The prepayment model's terms (prepayParams.ts) in the form the path kernels take them
 * (valuation.ts, the simulation; gradient.ts, its adjoint). On path p in month k the incentive is
 * I = WAC − D_k − βx·x_pk: D_k the mortgage rate's deterministic part on the curve, x_pk the
 * Hull–White state, βx the mortgage rate's loading on it. Every exponential the model takes of I
 * splits into a month factor (curve and cohort) times a path factor (the path set alone):
 *   lock-in     e^{I/λ}            = e^{(WAC − D_k)/λ} · e^{−βx·x/λ}
 *   S-curve     e^{(m − I)/w}      = e^{(m − WAC + D_k)/w} · e^{βx·x/w},  L = 1/(1 + ·)
 *   burnout     e^{−(I/12)/β}      = e^{−(WAC − D_k)/(12β)} · e^{βx·x/(12β)}, a running product
 * The path factors are computed once per path set and shared by every cohort and curve valued on
 * it, so a path step takes no exponential: a valuation is about twice as fast as with one per
 * step, and the products differ from the exponential of the sum by rounding only (≈1e-16
 * relative; the burnout's running product by ≈1e-16 per month).
 */
import { HullWhiteParams } from "../models/hullWhite";
import { hwB, HullWhiteStates } from "../models/hullWhitePaths";
import type { PrepayParams } from "./prepayParams";
import { accrualMonth } from "./program";
import { smmOfCpr, speedCpr } from "./staticCashFlows";
import type { MbsCohort } from "./valuation";

// Math's functions as module constants: a global looked up in a hot loop is several times slower
// in a vm context (Jest's test environment).
const { exp, min, pow } = Math;

/** The mortgage rate's loading on the Hull–White state x: β2y·B(2)/2 + β10y·B(10)/10. */
export function mortgageBetaX(hw: HullWhiteParams, pr: PrepayParams): number {
  return (
    (pr.mortgageBeta2y * hwB(hw.meanReversion, 2)) / 2 +
    (pr.mortgageBeta10y * hwB(hw.meanReversion, 10)) / 10
  );
}

/** The path factors at [p·(n+1) + k], laid out as the states' x. */
export interface PathFactors {
  /** e^{−βx·x/λ}: the lock-in's path factor. */
  readonly lock: Float64Array;
  /** e^{βx·x/w}: the S-curve's path factor. */
  readonly refi: Float64Array;
  /** e^{βx·x/(12β)}: the burnout's path factor. */
  readonly burn: Float64Array;
}

/** Per path set (freed with it: the path cache keeps a few), per loading and model scales. */
const pathCache = new WeakMap<HullWhiteStates, Map<string, PathFactors>>();

/** The path factors of a path set under the model (module comment); cached. */
export function pathFactors(states: HullWhiteStates, betaX: number, pr: PrepayParams): PathFactors {
  let m = pathCache.get(states);
  if (!m) pathCache.set(states, (m = new Map()));
  const key = `${betaX}|${pr.lockInScale}|${pr.refiWidth}|${pr.burnoutScale}`;
  const hit = m.get(key);
  if (hit) return hit;
  const x = states.x;
  const lock = new Float64Array(x.length);
  const refi = new Float64Array(x.length);
  const burn = new Float64Array(x.length);
  const aLock = -betaX / pr.lockInScale;
  const aRefi = betaX / pr.refiWidth;
  const aBurn = betaX / (12 * pr.burnoutScale);
  for (let i = 0; i < x.length; i++) {
    lock[i] = exp(aLock * x[i]);
    refi[i] = exp(aRefi * x[i]);
    burn[i] = exp(aBurn * x[i]);
  }
  const factors = { lock, refi, burn };
  m.set(key, factors);
  return factors;
}

/** The month factors of a cohort on a curve, month k at [k − 1]. */
export interface MonthFactors {
  /** WAC − D_k: the incentive on a path with x = 0 (decimal). */
  readonly excess: Float64Array;
  /** e^{(WAC − D_k)/λ}. */
  readonly lock: Float64Array;
  /** e^{(m − WAC + D_k)/w}. */
  readonly refi: Float64Array;
  /** e^{−(WAC − D_k)/(12β)}. */
  readonly burn: Float64Array;
}

/** The month factors (module comment) of months 1…n from the mortgage rate's deterministic part. */
export function monthFactors(
  mortgage: Float64Array,
  wac: number,
  pr: PrepayParams,
  n: number
): MonthFactors {
  const excess = new Float64Array(n);
  const lock = new Float64Array(n);
  const refi = new Float64Array(n);
  const burn = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const d = wac - mortgage[k];
    excess[k] = d;
    lock[k] = exp(d / pr.lockInScale);
    refi[k] = exp((pr.refiMidpoint - d) / pr.refiWidth);
    burn[k] = exp(-d / (12 * pr.burnoutScale));
  }
  return { excess, lock, refi, burn };
}

/** A cohort's deterministic per-month parts of the model (or its fixed speed's SMM), month k at [k − 1]. */
export function cohortMonths(
  c: MbsCohort,
  pr: PrepayParams,
  settlement: number
): { turn: Float64Array; refiRamp: Float64Array; fixedSmm: Float64Array } {
  const n = c.wam;
  const turn = new Float64Array(n);
  const refiRamp = new Float64Array(n);
  const fixedSmm = new Float64Array(n);
  for (let k = 1; k <= n; k++) {
    const age = c.wala + k;
    if (c.speed) fixedSmm[k - 1] = smmOfCpr(speedCpr(c.speed, age));
    turn[k - 1] =
      pr.turnoverCpr *
      min(age / pr.turnoverSeasoningMonths, 1) *
      pr.seasonality[accrualMonth(settlement, k) - 1];
    refiRamp[k - 1] = pr.refiMaxCpr * min(age / pr.refiSeasoningMonths, 1);
  }
  return { turn, refiRamp, fixedSmm };
}

/** Intervals of the SMM(CPR) table on [0, SMM_TOP]: cubic Hermite, error < 1.5e-10 (at 0.95). */
const SMM_INTERVALS = 1024;
/** The table's top CPR: the model's cap may not exceed it (prepayParams validates maxCpr). */
export const SMM_TOP = 0.95;
/** The table: a + b·t + c·t² + d·t³ on interval i at [4i…4i+3], t ∈ [0, 1) the position in it. */
function smmTableCoefficients(): Float64Array {
  const h = SMM_TOP / SMM_INTERVALS;
  const coefficients = new Float64Array(4 * (SMM_INTERVALS + 1));
  // d SMM / d CPR = (1 − CPR)^(−11/12) / 12, scaled to the interval.
  const slope = (cpr: number) => (pow(1 - cpr, -11 / 12) / 12) * h;
  for (let i = 0; i <= SMM_INTERVALS; i++) {
    const c0 = i * h;
    const c1 = min((i + 1) * h, 0.999);
    const f0 = smmOfCpr(c0);
    const f1 = smmOfCpr(c1);
    const d0 = slope(c0);
    const d1 = slope(c1);
    coefficients.set([f0, d0, 3 * (f1 - f0) - 2 * d0 - d1, 2 * (f0 - f1) + d0 + d1], 4 * i);
  }
  return coefficients;
}

// Built on load (1,025 intervals): a constant, so the hot loop reads it without a check.
const SMM_COEFFICIENTS = smmTableCoefficients();

/**
 * 1 − (1 − CPR)^(1/12) for CPR in [0, SMM_TOP], from a cubic Hermite table small enough to stay
 * in the first-level cache (about 32 KB); exact: smmOfCpr.
 */
export function smmTable(cpr: number): number {
  const t = SMM_COEFFICIENTS;
  const u = cpr * (SMM_INTERVALS / SMM_TOP);
  const i = u | 0;
  const f = u - i;
  const o = 4 * i;
  return t[o] + f * (t[o + 1] + f * (t[o + 2] + f * t[o + 3]));
}
