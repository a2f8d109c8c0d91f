/**
 * keyrate's defaults, in one place. Every module that needs a default refers to it here; none
 * restates it. Units as stated on each.
 */
import type { CurveKind, ShiftOn } from "./curve/curveSpec";
import type { Interpolation } from "./curve/interpolation";

/** US Treasury notes and bonds: coupons twice a year (Excel frequency 2). */
export const TREASURY_FREQUENCY = 2 as const;
/** US Treasury notes and bonds: actual/actual (Excel basis 1). */
export const TREASURY_BASIS = 1 as const;

/** What a curve's rates are when not said: US Treasury par yields. */
export const DEFAULT_CURVE_KIND: CurveKind = "par";
/** Interpolation when not said: linear in continuously compounded zero rates. */
export const DEFAULT_INTERPOLATION: Interpolation = "linear_zero";

/** True for the kinds quoted as par instruments (bootstrapped; par-curve shifts by default). */
export function isParKind(kind: CurveKind): boolean {
  return kind === "par" || kind === "sofr_ois";
}

/**
 * The shift rule of a curve kind when not said: par yields shifted and re-bootstrapped for the
 * par kinds (Treasury par, SOFR OIS), zero rates shifted for the zero kinds.
 */
export function defaultShiftOn(kind: CurveKind): ShiftOn {
  return isParKind(kind) ? "par" : "zero";
}

/** What a shift rule moves, in words, for the method text of every figure. */
export function shiftMethod(shiftOn: ShiftOn): string {
  return shiftOn === "par" ? "par yields shifted, curve re-bootstrapped" : "zero rates shifted";
}

/** A curve kind in words. */
export const CURVE_KIND_NAMES: Readonly<Record<CurveKind, string>> = {
  par: "par yields",
  zero_cont: "zero rates (continuous)",
  zero_semi: "zero rates (semiannual)",
  sofr_ois: "SOFR OIS par swap rates",
};

/** Default key tenors, in months: 3M 6M 1Y 2Y 3Y 5Y 7Y 10Y 20Y 30Y. */
export const DEFAULT_KEYS_MONTHS: readonly number[] = [3, 6, 12, 24, 36, 60, 84, 120, 240, 360];

/** Size of every bump of the risk ladder, basis points. */
export const DEFAULT_BUMP_BP = 1;

/** Futures contract of the one-contract DV01-ratio hedge. */
export const DEFAULT_CONTRACT = "ZN";

/** Contracts the optimiser uses by default: the liquid 2Y, 5Y, 10Y, Ultra 10Y, Bond and Ultra Bond. */
export const DEFAULT_HEDGE_CONTRACTS: readonly string[] = ["ZT", "ZF", "ZN", "TN", "ZB", "UB"];

/** Target effective duration when neither the user nor a Settings sheet gives one, years. */
export const DEFAULT_TARGET_DURATION = 5;

/** Horizon of the scenario returns, months. */
export const DEFAULT_HORIZON_MONTHS = 3;

/** Currency of holdings that do not say theirs (ISO 4217). */
export const DEFAULT_CURRENCY = "USD";

/** Index of a floating-rate note or a fixed-to-float note's floating leg when not said. */
export const DEFAULT_FLOAT_INDEX = "SOFR";
/** Day count of floating coupons on SOFR: actual/360 (Excel basis 2). */
export const FLOAT_BASIS = 2 as const;

/** Hull–White one-factor mean reversion `a` when not said, per year (callables and MBS). */
export const DEFAULT_HW_MEAN_REVERSION = 0.03;
/** Hull–White normal volatility σ of the short rate when not said, decimal a year (0.01 = 100 bp). */
export const DEFAULT_HW_VOLATILITY = 0.01;
/**
 * Time steps a year of the Hull–White lattice callables are priced on (its exercise boundary is
 * smoothed, so OAS durations converge at this grid; see core/models/callableLattice.ts).
 */
export const DEFAULT_HW_STEPS_PER_YEAR = 24;

/**
 * Lattice steps a year for a short-rate volatility σ (decimal): the default at σ ≤ 100 bp, more in
 * proportion above it (the lattice's grid error grows as σ²·dt, so this keeps it ∝ σ).
 */
export function hwStepsPerYear(volatility: number): number {
  return Math.max(
    DEFAULT_HW_STEPS_PER_YEAR,
    Math.ceil(DEFAULT_HW_STEPS_PER_YEAR * (volatility / 0.01))
  );
}

/** Monte Carlo paths of the MBS engine (antithetic pairs: half are mirrors), per valuation. */
export const DEFAULT_MBS_PATHS = 2048;
/** Seed of the MBS engine's random numbers: every run, bump and scenario uses the same draws. */
export const DEFAULT_MBS_SEED = 20240101;
/** Vendor OAD against keyrate's OAD beyond which an MBS holding is flagged, years. */
export const MBS_OAD_TOLERANCE = 1;

/** Notional of a swaption or cap/floor when not said, money. */
export const DEFAULT_OPTION_NOTIONAL = 1_000_000;
/** Curve kind of the SOFR option functions (SWAPTION, CAPFLOOR) when not said. */
export const DEFAULT_OPTION_CURVE_KIND: CurveKind = "sofr_ois";
/** Stored runs kept in full (the latest and the last rebalance always); older ones thinned to summaries. */
export const HISTORY_FULL_RUNS = 8;
/** Stored runs kept at all (full or summary); the oldest summaries beyond are dropped, and logged. */
export const HISTORY_MAX_RUNS = 520;
/** Characters of history the task pane keeps in the workbook (full runs thinned beyond). */
export const PANE_HISTORY_MAX_CHARS = 2_000_000;
/** Stored runs needed before hedge effectiveness is measured from them (3 changes). */
export const HISTORY_EFFECTIVENESS_RUNS = 4;
