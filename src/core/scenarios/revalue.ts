/**
 * Full revaluation of a holdings table under scenarios (SPEC S7), with the estimate beside it.
 *
 * Every holding in the totals (those whose kind has an engine, see curveExposure.ts) is repriced
 * by its engine on the shocked curve with its spread held plus its sector's spread shock (for a
 * fixed bond: dirty per 100 = Σ a·DF_s(t)·exp(−(Z + ΔZ)·t), t ACT/365F from settlement). The curve
 * is moved as given (market/shock.ts: par yields re-bootstrapped for a par curve, zero rates for a
 * zero curve). The exposure's calibrated book serves every scenario: each scenario costs one
 * discount-factor vector and a dot product per holding.
 *
 * P&L (money) = Σ par/100 × (P_s − P₀), P₀ the dirty price on the unshocked curve (the same grid,
 * so a zero shock gives exactly zero).
 *
 * The estimate (money), from the holdings' effective figures (curveRisk, ±1 bp):
 *   parallel rate move Δy:  −MV·D·Δy + ½·MV·C·Δy²   (D effective duration, C effective convexity)
 *   any other rate move:    −Σₖ KR DV01ₖ · Δyₖ        (Δyₖ the move at key k, bp; KR DV01 per bp)
 *   spread shocks:          −Σᵢ MVᵢ · SDᵢ · ΔZᵢ        (SD spread duration; added to either)
 * and its error = full revaluation − estimate.
 */
import { CurveMarket, withDefaultShift } from "../market/market";
import { shockedCurve } from "../market/shock";
import { PricedBook, pricesOnCurves } from "../engines/fixedBond";
import { ZeroCurve } from "../curve";
import { Holdings } from "../holdings";
import {
  curveTotals,
  CurveHoldingExposure,
  CurveTotals,
  holdingCurveExposure,
} from "../portfolio/curveExposure";
import { Scenario, scenarioProfile, spreadShockBp } from "./scenario";
import { parallelSize, profileAtTenors, ShiftProfile } from "./shapes";

/** A holdings table prepared once for any number of scenarios. */
export interface ScenarioBook {
  /** The market, with the curve kind's own shift rule (scenario shapes move curves that way). */
  readonly market: CurveMarket;
  readonly settlement: number;
  readonly keysMonths: readonly number[];
  readonly holdings: Holdings;
  /** Effective figures, KRDs and the reasons holdings are left out. */
  readonly exposure: CurveHoldingExposure;
  readonly totals: CurveTotals;
  /** 1 for a holding in the totals (revalued), 0 otherwise. */
  readonly included: Uint8Array;
  /** The holdings as priced by their engines, spreads held. */
  readonly bonds: PricedBook;
  /** Dirty price per 100 on the unshocked curve (NaN when left out). */
  readonly basePrice: Float64Array;
  /** The unshocked curve. */
  readonly curve: ZeroCurve;
}

/**
 * Prepares the holdings for revaluation on a market: the exposure given (measured on this
 * market with the curve's own shift rule — the hedge job's) is reused, else measured here.
 */
export function scenarioBook(
  holdings: Holdings,
  market: CurveMarket,
  exposure?: CurveHoldingExposure
): ScenarioBook {
  const m = withDefaultShift(market);
  const x = exposure ?? holdingCurveExposure(holdings, m);
  const included = Uint8Array.from(x.excluded, (e) => (e ? 0 : 1));
  const curve = shockedCurve(m, { kind: "none" });
  const basePrice = x.book.price(curve);
  for (let i = 0; i < holdings.count; i++) if (!included[i]) basePrice[i] = NaN;
  return {
    market: m,
    settlement: m.settlement,
    keysMonths: m.keysMonths,
    holdings,
    exposure: x,
    totals: curveTotals(x),
    included,
    bonds: x.book,
    basePrice,
    curve,
  };
}

/** Each holding's spread shock under a scenario, decimal (0 for holdings left out; none without spread rules). */
export function spreadShocks(book: ScenarioBook, s: Scenario): Float64Array | undefined {
  if (!s.spreads.length) return undefined;
  const h = book.holdings;
  // One rule lookup per sector and rating, not per holding.
  const seen = new Map<string, number>();
  return Float64Array.from({ length: h.count }, (_, i) => {
    if (!book.included[i]) return 0;
    const key = `${h.sector[i]}|${h.rating[i]}`;
    let dz = seen.get(key);
    if (dz === undefined) seen.set(key, (dz = spreadShockBp(s, h.sector[i], h.rating[i]) * 1e-4));
    return dz;
  });
}

export type EstimateMethod = "duration-convexity" | "key-rate";

export interface Revaluation {
  /** Full-revaluation P&L of the holdings in the totals, money. */
  readonly pnl: number;
  /** Per holding, money (NaN for holdings left out). */
  readonly perHolding: Float64Array;
  /** The estimate, money (rate part + spread part). */
  readonly estimate: number;
  readonly estimateMethod: EstimateMethod;
  /** Full revaluation − estimate, money. */
  readonly estimateError: number;
}

/** Full revaluation under a rate profile and per-holding spread shocks dz (decimal). */
export function revalueProfile(
  book: ScenarioBook,
  profile: ShiftProfile,
  dz?: Float64Array
): Revaluation {
  return revalueProfiles(book, [profile], [dz])[0];
}

/** {@link revalueProfile} under several profiles (profile k with shocks dz[k]), priced together. */
export function revalueProfiles(
  book: ScenarioBook,
  profiles: readonly ShiftProfile[],
  dz: readonly (Float64Array | undefined)[]
): Revaluation[] {
  const h = book.holdings;
  const curves = profiles.map((profile) => shockedCurve(book.market, { kind: "profile", profile }));
  return pricesOnCurves(book.bonds, curves, dz).map((prices, k) => {
    const perHolding = new Float64Array(h.count);
    let pnl = 0;
    for (let i = 0; i < h.count; i++) {
      if (!book.included[i]) {
        perHolding[i] = NaN;
        continue;
      }
      perHolding[i] = (h.par[i] * (prices[i] - book.basePrice[i])) / 100;
      pnl += perHolding[i];
    }
    const { estimate, method } = estimateOf(book, profiles[k], dz[k]);
    return { pnl, perHolding, estimate, estimateMethod: method, estimateError: pnl - estimate };
  });
}

/** Full revaluation of a scenario. */
export function revalue(book: ScenarioBook, s: Scenario): Revaluation {
  return revalueProfile(book, scenarioProfile(s, book.settlement), spreadShocks(book, s));
}

/** The duration-convexity or key-rate estimate of a move (see the file comment), money. */
export function estimateOf(
  book: ScenarioBook,
  profile: ShiftProfile,
  dz?: Float64Array
): { estimate: number; method: EstimateMethod } {
  const t = book.totals;
  const x = book.exposure;
  let rate: number;
  let method: EstimateMethod;
  const parallel = parallelSize(profile);
  if (parallel !== undefined) {
    const dy = parallel * 1e-4;
    rate = -t.marketValue * t.effDuration * dy + 0.5 * t.marketValue * t.effConvexity * dy * dy;
    method = "duration-convexity";
  } else {
    const atKeys = profileAtTenors(profile, book.settlement, book.keysMonths);
    rate = -atKeys.reduce((acc, bp, k) => acc + t.krDv01[k] * bp, 0);
    method = "key-rate";
  }
  let spread = 0;
  if (dz) {
    for (let i = 0; i < dz.length; i++) {
      if (book.included[i] && dz[i] !== 0)
        spread -= x.marketValue[i] * x.risk.spreadDuration[i] * dz[i];
    }
  }
  return { estimate: rate + spread, method };
}
