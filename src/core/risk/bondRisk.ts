/**
 * Curve-based analytics of many fixed-rate bonds in one call: Z-spread, effective duration and
 * convexity, spread duration and key-rate durations, by full revaluation — the fixed-bond engine
 * (engines/fixedBond.ts) calibrated to the prices and run through the risk ladder (ladder.ts).
 *
 * Shifts move the curve as given — par yields (re-bootstrapped) for a par curve, zero rates for a
 * zero curve — or, with shiftOn "zero", the continuously compounded zero rates (market/shock.ts).
 */
import { BondTerms } from "../bond";
import { CurveSpec, ShiftOn } from "../curve/curveSpec";
import { Interpolation } from "../curve/interpolation";
import { calibrateFixedBonds } from "../engines/fixedBond";
import { baseCurve, makeMarket } from "../market/market";
import { ladderCurves, ladderRisk, RiskRows } from "./ladder";

export interface CurveRiskOptions {
  readonly keysMonths?: readonly number[];
  readonly shiftOn?: ShiftOn;
  /** Size of every bump, basis points (default 1). */
  readonly bumpBp?: number;
  readonly interpolation: Interpolation;
}

/** The ladder's risk rows of bonds with their Z-spreads (dirty: the quote's clean + accrued). */
export interface CurveRisk extends RiskRows {
  /** Z-spread, decimal, continuously compounded ACT/365F; NaN where it cannot be solved. */
  readonly zspread: Float64Array;
}

/** Tolerance of the run-time check |Σ KRD − effective duration|, years (well under display precision). */
export const KRD_SUM_TOLERANCE = 1e-4;

/**
 * Curve analytics of bonds that all settle on `settlement`, from their clean prices.
 * Bonds with invalid terms (see `schedules`) or non-positive prices get NaN.
 */
export function curveRisk(
  settlement: number,
  terms: BondTerms,
  cleanPrice: Float64Array,
  spec: CurveSpec,
  options: CurveRiskOptions
): CurveRisk {
  const market = makeMarket({ settlement, curve: spec, ...options });
  const curves = ladderCurves(market);
  const book = calibrateFixedBonds(settlement, terms, cleanPrice, baseCurve(market));
  const rows = ladderRisk(book, market, curves);
  return { ...rows, zspread: book.spread, dirty: book.dirty };
}
