/**
 * Yield-based exposure of a holdings table: per holding and for the portfolio, market value,
 * modified and Macaulay duration, yield convexity and DV01, all from each bond's own yield to
 * maturity (Excel's PRICE/YIELD model). One kernel call for the whole table.
 *
 * Holdings whose kind has no engine (engines/registry.ts: callables, MBS for now) are not priced
 * as bullets: they are kept out of the totals with the reason beside them, as on the curve; so are
 * FRNs and fixed-to-float notes, whose coupons a yield to maturity would hold fixed.
 */
import { Holdings } from "../holdings";
import { BondTerms, riskFromYield, Schedules, schedules, yieldFromPrice } from "../bond";
import { engineFor, noEngineReason } from "../engines/registry";
import { holdingTerms } from "./holdingTerms";
import { MBS_NO_YIELD_FIGURES } from "../engines/mbs";
import { aggregate } from "./aggregate";

/** Why a floater is out of the yield-based totals: a yield to maturity holds its coupon fixed. */
export const FLOATING_YIELD =
  "yield-based figures hold the coupon fixed; a floater's risk is in the curve figures";

/** Why a holding is left out of the portfolio totals ("no engine for callable (…)", "matured", …). */
export type Exclusion = string;

export interface HoldingExposure {
  /** Yield to maturity used, decimal (given, or solved from the clean price). */
  readonly yld: Float64Array;
  /** Clean price per 100 (given, or computed from the yield). */
  readonly clean: Float64Array;
  /** Accrued interest per 100 of par. */
  readonly accrued: Float64Array;
  /** Dirty market value in money: par × (clean + accrued) / 100. */
  readonly marketValue: Float64Array;
  /** Modified duration (yield-based), years. */
  readonly modified: Float64Array;
  /** Macaulay duration, years. */
  readonly macaulay: Float64Array;
  /** Yield convexity, years². */
  readonly convexity: Float64Array;
  /** DV01 (yield-based) of the position, money per 1 bp fall in yield. */
  readonly dv01: Float64Array;
  /** Reason each holding is out of the totals, or null when it is in. */
  readonly excluded: (Exclusion | null)[];
}

/** Portfolio totals over the included holdings (market-value weighted where a ratio). */
export interface PortfolioTotals {
  readonly marketValue: number;
  readonly modified: number;
  readonly macaulay: number;
  readonly convexity: number;
  readonly dv01: number;
  readonly included: number;
  readonly excluded: number;
}

/** Per-holding yield-based exposure at a settlement date (Excel serial). */
export function holdingExposure(
  h: Holdings,
  settlement: number,
  prepared?: { terms: BondTerms; sched: Schedules }
): HoldingExposure {
  const terms = prepared?.terms ?? holdingTerms(h, settlement);
  const sched = prepared?.sched ?? schedules(terms);
  const solved = yieldFromPrice(terms, h.price, sched);
  const yld = new Float64Array(h.count);
  for (let i = 0; i < h.count; i++) yld[i] = Number.isNaN(h.yld[i]) ? solved[i] : h.yld[i];
  const risk = riskFromYield(terms, yld, sched);
  const marketValue = new Float64Array(h.count);
  const dv01 = new Float64Array(h.count);
  const excluded: (Exclusion | null)[] = new Array(h.count).fill(null);
  const clean = new Float64Array(h.count);
  for (let i = 0; i < h.count; i++) {
    clean[i] = Number.isNaN(h.price[i]) ? risk.clean[i] : h.price[i];
    marketValue[i] = (h.par[i] * (clean[i] + risk.accrued[i])) / 100;
    dv01[i] = (h.par[i] * risk.dv01[i]) / 100;
    if (!engineFor(h.type[i])) excluded[i] = noEngineReason(h.type[i]);
    else if (h.type[i] === "frn" || h.type[i] === "fixed-to-float") excluded[i] = FLOATING_YIELD;
    else if (h.type[i] === "mbs") excluded[i] = MBS_NO_YIELD_FIGURES;
    else if (!(h.maturity[i] > settlement)) excluded[i] = "matured";
    else if (!Number.isFinite(risk.modified[i])) excluded[i] = "no yield reprices the price";
  }
  return {
    yld,
    clean,
    accrued: risk.accrued,
    marketValue,
    modified: risk.modified,
    macaulay: risk.macaulay,
    convexity: risk.convexity,
    dv01,
    excluded,
  };
}

/** Totals over the holdings for which `select(i)` is true. */
export function totals(x: HoldingExposure, select?: (i: number) => boolean): PortfolioTotals {
  const a = aggregate(
    x.marketValue,
    x.excluded,
    [x.modified, x.macaulay, x.convexity],
    [x.dv01],
    select
  );
  const [modified, macaulay, convexity] = a.averages;
  return {
    marketValue: a.marketValue,
    modified,
    macaulay,
    convexity,
    dv01: a.sums[0],
    included: a.included,
    excluded: a.excluded,
  };
}
