/**
 * The scenario analysis of a portfolio (SPEC S7, S9 "Scenario matrix"): every scenario fully
 * revalued, unhedged and hedged, instantaneous and over the horizon, with the estimate and its
 * error, the carry and the breakevens. One book, one horizon layout and one hedge book serve
 * every scenario.
 *
 * Hedged figures add the hedges' P&L of the scenario (hedges.ts) to the holdings'. Over the horizon
 * the hedges contribute the same P&L (their shock P&L; their own carry and roll-down — futures
 * convergence, swap accrual — are not modelled), to both price and total return. Percentages are
 * of the holdings' dirty market value at settlement (hedges have no market value).
 */
import { Market } from "../market/market";
import { Holdings } from "../holdings";
import { CurveHoldingExposure } from "../portfolio/curveExposure";
import { Hedge, HedgeBook, hedgeBook, hedgePnl } from "./hedges";
import {
  DEFAULT_HORIZON_MONTHS,
  HorizonBook,
  horizonBook,
  HorizonReturn,
  horizonReturns,
} from "./horizon";
import { BREAKEVEN_PROBE_BP, breakevensBp, parallelReturns } from "./breakeven";
import {
  EstimateMethod,
  revalueProfiles,
  ScenarioBook,
  scenarioBook,
  spreadShocks,
} from "./revalue";
import { Scenario, scenarioProfile } from "./scenario";
import { describeShape, parallelProfile } from "./shapes";

export interface ScenarioInput {
  readonly holdings: Holdings;
  /** The market: the Treasury curve, keys, and the SOFR OIS curve that sized any swaps. */
  readonly market: Market;
  readonly scenarios: readonly Scenario[];
  readonly hedges?: readonly Hedge[];
  readonly horizonMonths?: number;
  /** The holdings' curve exposure when already measured on this market (see scenarioBook). */
  readonly exposure?: CurveHoldingExposure;
}

export interface ScenarioRow {
  readonly scenario: Scenario;
  /** The move in words: rates, spreads, swap spread. */
  readonly description: string;
  /** Instantaneous full-revaluation P&L, money. */
  readonly unhedged: number;
  readonly hedgePnl: number;
  readonly hedged: number;
  /** Per hedge, money. */
  readonly perHedge: Float64Array;
  readonly unhedgedPct: number;
  readonly hedgedPct: number;
  /** Over the horizon, shock applied at the horizon (money). */
  readonly horizon: HorizonReturn;
  readonly hedgedPriceReturn: number;
  readonly hedgedTotalReturn: number;
  /** Estimate of the unhedged P&L, money, its method and error (full − estimate). */
  readonly estimate: number;
  readonly estimateMethod: EstimateMethod;
  readonly estimateError: number;
}

export interface ScenarioAnalysis {
  readonly book: ScenarioBook;
  readonly hedges?: HedgeBook;
  readonly horizon: HorizonBook;
  /** Dirty market value of the holdings in the totals, money. */
  readonly marketValue: number;
  readonly rows: ScenarioRow[];
  /** Unshocked horizon returns: price return = roll-down, total return = carry. */
  readonly carry: HorizonReturn;
  /** Parallel moves (bp) that wipe out the horizon carry. */
  readonly breakevenUnhedged: number;
  readonly breakevenHedged: number;
}

/** The analysis as data: what the Scenario Analysis sheet and the run record keep. */
export interface ScenarioResults {
  readonly settlement: number;
  /** Holdings revalued and left out. */
  readonly included: number;
  readonly excluded: number;
  readonly horizonMonths: number;
  /** Horizon date, Excel serial. */
  readonly horizonDate: number;
  /** A label per hedge revalued ("none" when empty). */
  readonly hedgeLabels: readonly string[];
  readonly marketValue: number;
  readonly rows: readonly ScenarioRow[];
  readonly carry: HorizonReturn;
  readonly breakevenUnhedged: number;
  readonly breakevenHedged: number;
}

/** The data of an analysis, without its pricing books. */
export function scenarioResults(a: ScenarioAnalysis): ScenarioResults {
  return {
    settlement: a.book.settlement,
    included: a.book.totals.included,
    excluded: a.book.totals.excluded,
    horizonMonths: a.horizon.months,
    horizonDate: a.horizon.date,
    hedgeLabels: a.hedges ? a.hedges.labels : [],
    marketValue: a.marketValue,
    rows: a.rows,
    carry: a.carry,
    breakevenUnhedged: a.breakevenUnhedged,
    breakevenHedged: a.breakevenHedged,
  };
}

/** A scenario's move in words. */
export function describeScenario(s: Scenario): string {
  const parts = s.rates.map(describeShape);
  for (const r of s.spreads) {
    const who = `${r.sector === "all" ? "all sectors" : r.sector}${r.rating ? ` ${r.rating}` : ""}`;
    parts.push(`${who} spread ${r.bp > 0 ? "+" : ""}${r.bp} bp`);
  }
  if (s.swapSpreadBp)
    parts.push(`swap spread ${s.swapSpreadBp > 0 ? "+" : ""}${s.swapSpreadBp} bp`);
  if (s.volShiftBp) parts.push(`normal vol ${s.volShiftBp > 0 ? "+" : ""}${s.volShiftBp} bp`);
  return parts.length ? parts.join("; ") : "no move";
}

/** Runs every scenario. */
export function analyseScenarios(input: ScenarioInput): ScenarioAnalysis {
  const book = scenarioBook(input.holdings, input.market, input.exposure);
  const hb = horizonBook(book, input.horizonMonths ?? DEFAULT_HORIZON_MONTHS);
  const hedges = input.hedges?.length ? hedgeBook(input.hedges, input.market) : undefined;
  const mv = book.totals.marketValue;
  // Every scenario's curve priced together: engines that batch curves (the callable lattice,
  // three a pass) do so.
  const profiles = input.scenarios.map((s) => scenarioProfile(s, book.settlement));
  const shocks = input.scenarios.map((s) => spreadShocks(book, s));
  const revaluations = revalueProfiles(book, profiles, shocks);
  // The carry (the zero move) and the breakeven's first probe ride with the scenarios' horizons.
  const n = profiles.length;
  const horizons = horizonReturns(
    book,
    hb,
    [...profiles, parallelProfile(0), parallelProfile(BREAKEVEN_PROBE_BP)],
    [...shocks, undefined, undefined]
  );
  const carry = horizons[n];
  const totalReturn = parallelReturns(book, hb);
  totalReturn.know(0, carry.totalReturn);
  totalReturn.know(BREAKEVEN_PROBE_BP, horizons[n + 1].totalReturn);
  const rows = input.scenarios.map((s, k): ScenarioRow => {
    const profile = profiles[k];
    const r = revaluations[k];
    const perHedge = hedges
      ? hedgePnl(hedges, profile, s.swapSpreadBp, s.volShiftBp)
      : new Float64Array(0);
    const hedge = perHedge.reduce((a, b) => a + b, 0);
    const horizon = horizons[k];
    return {
      scenario: s,
      description: describeScenario(s),
      unhedged: r.pnl,
      hedgePnl: hedge,
      hedged: r.pnl + hedge,
      perHedge,
      unhedgedPct: r.pnl / mv,
      hedgedPct: (r.pnl + hedge) / mv,
      horizon,
      hedgedPriceReturn: horizon.priceReturn + hedge,
      hedgedTotalReturn: horizon.totalReturn + hedge,
      estimate: r.estimate,
      estimateMethod: r.estimateMethod,
      estimateError: r.estimateError,
    };
  });
  const hedgeOfParallel = (bp: number) =>
    hedges ? hedgePnl(hedges, parallelProfile(bp), 0).reduce((a, b) => a + b, 0) : 0;
  // Without hedges the hedged breakeven is the unhedged one; with hedges both are solved together
  // (each round's moves revalued in one batch).
  const [breakevenUnhedged, breakevenHedged = breakevenUnhedged] = breakevensBp(
    book,
    hb,
    hedges ? [() => 0, hedgeOfParallel] : [() => 0],
    totalReturn
  );
  return {
    book,
    hedges,
    horizon: hb,
    marketValue: mv,
    rows,
    carry,
    breakevenUnhedged,
    breakevenHedged,
  };
}
