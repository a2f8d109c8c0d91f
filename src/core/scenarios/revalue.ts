/**
 * Full revaluation of a holdings table under scenarios (SPEC S7), with the estimate beside it.
 *
 * Every holding in the totals (bullets and zeros; callables, MBS and FRNs are left out as in the
 * exposure, see curveExposure.ts) is repriced on the shocked curve with its Z-spread held plus its
 * sector's spread shock: dirty per 100 = Σ a·DF_s(t)·exp(−(Z + ΔZ)·t), t ACT/365F from settlement
 * (curveRisk's model). The curve is moved as given (shapes.ts: par yields re-bootstrapped for a par
 * curve, zero rates for a zero curve), as the KRDs are. One cash-flow grid serves every scenario:
 * each scenario costs one discount-factor vector and a dot product per holding.
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
import { BondTerms, schedules } from "../bond";
import { defaultShiftOn } from "../conventions";
import {
  CashFlowGrid,
  cashFlowGrid,
  CurveSpec,
  DEFAULT_KEYS_MONTHS,
  discountGrid,
  Interpolation,
  priceOnGrid,
  ZeroCurve,
} from "../curve";
import { Holdings } from "../holdings";
import { holdingTerms } from "../portfolio/holdingTerms";
import {
  curveTotals,
  CurveHoldingExposure,
  CurveTotals,
  holdingCurveExposure,
} from "../portfolio/curveExposure";
import { Scenario, scenarioProfile, spreadShockBp } from "./scenario";
import { parallelSize, profileAtTenors, shockedCurve, ShiftProfile } from "./shapes";

export interface ScenarioBookOptions {
  readonly interpolation: Interpolation;
  /** Keys of the KRD estimate, months (default 3M … 30Y). */
  readonly keysMonths?: readonly number[];
  /**
   * The holdings' curve exposure when already measured (the hedge job's), at this settlement,
   * curve, interpolation and keys, with the book's shift (see bookShiftOn): reused, not recomputed.
   */
  readonly exposure?: CurveHoldingExposure;
}

/** The shift a scenario book's KRDs use: par shifts on par curves, zero shifts on zero curves. */
export function bookShiftOn(spec: CurveSpec): "par" | "zero" {
  return defaultShiftOn(spec.kind);
}

/** A holdings table prepared once for any number of scenarios. */
export interface ScenarioBook {
  readonly settlement: number;
  readonly spec: CurveSpec;
  readonly interpolation: Interpolation;
  readonly keysMonths: readonly number[];
  readonly holdings: Holdings;
  /** Effective figures, KRDs and the reasons holdings are left out. */
  readonly exposure: CurveHoldingExposure;
  readonly totals: CurveTotals;
  /** Kernel terms of the holdings at settlement. */
  readonly terms: BondTerms;
  /** 1 for a holding in the totals (revalued), 0 otherwise. */
  readonly included: Uint8Array;
  readonly grid: CashFlowGrid;
  /** Cash flows a·exp(−Z·t) per 100 of par. */
  readonly weighted: Float64Array;
  /** Dirty price per 100 on the unshocked curve, from the grid (NaN when left out). */
  readonly basePrice: Float64Array;
  /** The unshocked curve. */
  readonly curve: ZeroCurve;
}

/** Spread-adjusted cash flows a·exp(−Z·t) of the grid's bonds. */
export function spreadWeighted(grid: CashFlowGrid, z: Float64Array): Float64Array {
  const out = new Float64Array(grid.amount.length);
  for (let i = 0; i < z.length; i++) {
    for (let j = grid.start[i]; j < grid.start[i + 1]; j++)
      out[j] = grid.amount[j] * Math.exp(-z[i] * grid.time[j]);
  }
  return out;
}

/** Measures the holdings against the curve and lays out their cash flows for revaluation. */
export function scenarioBook(
  holdings: Holdings,
  settlement: number,
  spec: CurveSpec,
  options: ScenarioBookOptions
): ScenarioBook {
  const keysMonths = options.keysMonths ?? DEFAULT_KEYS_MONTHS;
  const interpolation = options.interpolation;
  const exposure =
    options.exposure ??
    holdingCurveExposure(holdings, settlement, spec, {
      interpolation,
      keysMonths,
      shiftOn: bookShiftOn(spec),
    });
  const terms = holdingTerms(holdings, settlement);
  const included = Uint8Array.from(exposure.excluded, (e) => (e ? 0 : 1));
  const sched = schedules(terms);
  const grid = cashFlowGrid(settlement, terms, sched.n, (i) => included[i] === 1);
  const z = Float64Array.from(exposure.risk.zspread, (v, i) => (included[i] ? v : 0));
  const weighted = spreadWeighted(grid, z);
  const curve = shockedCurve(spec, settlement, interpolation, { months: [3], bp: [0] });
  const basePrice = priceOnGrid(
    grid,
    weighted,
    discountGrid(curve, grid.dates),
    new Float64Array(holdings.count)
  );
  for (let i = 0; i < holdings.count; i++) if (!included[i]) basePrice[i] = NaN;
  return {
    settlement,
    spec,
    interpolation,
    keysMonths,
    holdings,
    exposure,
    totals: curveTotals(exposure),
    terms,
    included,
    grid,
    weighted,
    basePrice,
    curve,
  };
}

/** Each holding's spread shock under a scenario, decimal (0 for holdings left out). */
export function spreadShocks(book: ScenarioBook, s: Scenario): Float64Array {
  const h = book.holdings;
  return Float64Array.from({ length: h.count }, (_, i) =>
    book.included[i] ? spreadShockBp(s, h.sector[i], h.rating[i]) * 1e-4 : 0
  );
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

/** The dirty prices per 100 of the book's holdings on a curve with spread shocks dz (decimal). */
export function bookPrices(book: ScenarioBook, curve: ZeroCurve, dz?: Float64Array): Float64Array {
  const df = discountGrid(curve, book.grid.dates);
  return priceOnGrid(book.grid, book.weighted, df, new Float64Array(book.holdings.count), dz);
}

/** Full revaluation under a rate profile and per-holding spread shocks dz (decimal). */
export function revalueProfile(
  book: ScenarioBook,
  profile: ShiftProfile,
  dz?: Float64Array
): Revaluation {
  const h = book.holdings;
  const curve = shockedCurve(book.spec, book.settlement, book.interpolation, profile);
  const prices = bookPrices(book, curve, dz);
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
  const { estimate, method } = estimateOf(book, profile, dz);
  return { pnl, perHolding, estimate, estimateMethod: method, estimateError: pnl - estimate };
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
