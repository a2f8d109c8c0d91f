/**
 * The agency MBS engine: pools valued by Monte Carlo on Hull–White paths fitted to the curve
 * (models/hullWhitePaths.ts) with keyrate's prepayment model or a row's fixed speed
 * (mbs/valuation.ts). `calibrate` solves each pool's OAS — the constant spread over the path
 * discount rates (continuously compounded, ACT/365F) that reprices clean + accrued per 100 of
 * current face — on the stored path cash flows; the book then prices the pools on any curve
 * (paths re-simulated on that curve with the same random numbers) with the OAS held, or moved by
 * dz. Cash flows are cached per cohort (program, coupon, WAC, WAM, WALA, speed) and curve
 * content, so pools alike are simulated once per curve, and a curve built again alike reuses them.
 */
import { DEFAULT_MBS_PATHS, DEFAULT_MBS_SEED } from "../conventions";
import { ZeroCurve } from "../curve/zeroCurve";
import type { Holdings } from "../holdings/types";
import { baseCurve, CurveMarket } from "../market/market";
import type { HullWhiteParams } from "../models/hullWhite";
import { mbsAccrued } from "../mbs/program";
import { MODEL_LABEL } from "../mbs/prepayParams";
import {
  CohortFlows,
  cohortFlows,
  cohortKey,
  MbsCohort,
  MbsModel,
  mbsModel,
  priceAtSpread,
  solveSpread,
} from "../mbs/valuation";
import type { PricedBook } from "./fixedBond";
import { firstOrderPrice } from "../mbs/gradient";
import type { HoldingEngine } from "./registry";

/** Why an mbs row without its pool columns is out of the totals. */
export const MBS_NO_TERMS =
  "option-adjusted analytics need the pool's WAC, and WAM or a maturity: add the pool columns";
/** Why MBS are out of the yield-based (bullet) totals. */
export const MBS_NO_YIELD_FIGURES =
  "yield-based bullet figures do not apply to a pass-through: see its option-adjusted (curve) figures";

/** Method text of the engine's figures in the totals. */
export const MBS_METHOD =
  `Monte Carlo OAS on Hull–White 1F paths fitted to the curve (the market's a and σ; ` +
  `${DEFAULT_MBS_PATHS} antithetic paths, seed ${DEFAULT_MBS_SEED}), ${MODEL_LABEL} ` +
  `(or the row's fixed speed); OAS held`;

export interface MbsBook extends PricedBook {
  readonly model: MbsModel;
  /** Cohort per instrument; null where not an MBS or not priced. */
  readonly cohorts: readonly (MbsCohort | null)[];
  /** Cohort flows on `curve` (cached per curve and cohort). */
  flows(curve: ZeroCurve, i: number): CohortFlows;
}

/** The engine's model: the market's Hull–White parameters, the default paths and seed, model v1. */
export function engineModel(hullWhite: HullWhiteParams): MbsModel {
  return mbsModel(hullWhite, DEFAULT_MBS_PATHS, DEFAULT_MBS_SEED);
}

/** Flows with the prepayment model they were simulated with (a cached entry must match it). */
type ModelFlows = CohortFlows & { readonly prepay: MbsModel["prepay"] };

/** Per curve object: the fast path, without building the curve's content key per holding. */
const flowCache = new WeakMap<ZeroCurve, Map<string, ModelFlows>>();

/**
 * Flows by the curve's content, the cache behind flowCache: a curve built again with the same
 * content (two scenarios that arrive at one curve, the next run on the same market) reuses them.
 * Least recently used curves go first once the flows kept exceed FLOW_NUMBERS_KEPT numbers.
 */
const byContent = new Map<string, Map<string, ModelFlows>>();
/** About 32 MB of flows: every curve of a few runs on a book of a few hundred cohorts. */
export const FLOW_NUMBERS_KEPT = 4_000_000;
let flowNumbersHeld = 0;

/** Numbers a cached entry holds (its discounted flows and balances). */
const numbersOf = (f: CohortFlows) => f.pv.length + f.balance.length;

/** A cohort's flows on a curve, simulated once per (curve content, cohort, model). */
export function cachedFlows(curve: ZeroCurve, c: MbsCohort, model: MbsModel): CohortFlows {
  let m = flowCache.get(curve);
  if (!m) flowCache.set(curve, (m = new Map()));
  const key = `${cohortKey(c)}|${model.paths}|${model.seed}|${model.hullWhite.meanReversion}|${model.hullWhite.volatility}`;
  const hit = m.get(key);
  if (hit && hit.prepay === model.prepay) return hit;
  const f = flowsByContent(curve, key, c, model);
  m.set(key, f);
  return f;
}

/** The flows from the content cache, simulated and kept there when missing. */
function flowsByContent(curve: ZeroCurve, key: string, c: MbsCohort, model: MbsModel): ModelFlows {
  const shared = contentFlows(curve);
  const hit = shared.get(key);
  if (hit && hit.prepay === model.prepay) return hit;
  if (hit) flowNumbersHeld -= numbersOf(hit);
  const f = Object.assign(cohortFlows(curve, c, model), { prepay: model.prepay });
  shared.set(key, f);
  flowNumbersHeld += numbersOf(f);
  evictBeyondBudget();
  return f;
}

/** The flows of `curve`'s content, marked as the most recently used. */
function contentFlows(curve: ZeroCurve): Map<string, ModelFlows> {
  const key = curve.contentKey;
  const m = byContent.get(key) ?? new Map<string, ModelFlows>();
  byContent.delete(key);
  byContent.set(key, m);
  return m;
}

/** Lets the least recently used curves' flows go until the rest fit the budget (the latest stays). */
function evictBeyondBudget(): void {
  for (const [key, m] of byContent) {
    if (flowNumbersHeld <= FLOW_NUMBERS_KEPT || byContent.size === 1) return;
    for (const kept of m.values()) flowNumbersHeld -= numbersOf(kept);
    byContent.delete(key);
  }
}

/**
 * Calibrates pools to their clean prices (per 100 of current face) on `base`: the OAS per pool
 * (NaN where the cohort is null, the price is not positive, or no spread reprices it).
 */
export function calibrateMbs(
  base: ZeroCurve,
  cohorts: readonly (MbsCohort | null)[],
  clean: ArrayLike<number>,
  model: MbsModel
): MbsBook {
  const count = cohorts.length;
  const spread = new Float64Array(count).fill(NaN);
  const dirty = new Float64Array(count).fill(NaN);
  const kept: (MbsCohort | null)[] = cohorts.map(() => null);
  for (let i = 0; i < count; i++) {
    const c = cohorts[i];
    if (!c || !(clean[i] > 0)) continue;
    const target = clean[i] + mbsAccrued(base.settlement, c.coupon);
    const s = solveSpread(cachedFlows(base, c, model), target);
    if (!Number.isFinite(s)) continue;
    spread[i] = s;
    dirty[i] = target;
    kept[i] = c;
  }
  return {
    count,
    spread,
    dirty,
    model,
    cohorts: kept,
    flows: (curve, i) => cachedFlows(curve, kept[i]!, model),
    priceNear(base, curve, out = new Float64Array(count)) {
      for (let i = 0; i < count; i++) {
        const c = kept[i];
        out[i] = c ? firstOrderPrice(base, curve, c, model, spread[i]) : NaN;
      }
      return out;
    },
    price(curve, dz, out = new Float64Array(count)) {
      for (let i = 0; i < count; i++) {
        const c = kept[i];
        out[i] = c
          ? priceAtSpread(cachedFlows(curve, c, model), spread[i] + (dz ? dz[i] : 0))
          : NaN;
      }
      return out;
    },
  };
}

/** The cohorts of the selected mbs holdings (null for the others). */
export function holdingCohorts(h: Holdings, select: (i: number) => boolean): (MbsCohort | null)[] {
  return Array.from({ length: h.count }, (_, i) => {
    const t = h.mbs?.[i];
    if (!t || h.type[i] !== "mbs" || !select(i)) return null;
    return {
      program: t.program,
      coupon: h.coupon[i],
      wac: t.wac,
      wam: t.wam,
      wala: t.wala,
      ...(t.speed ? { speed: t.speed } : {}),
    };
  });
}

/** What an mbs row lacks: its pool columns. */
const lacks = (holdings: Holdings, i: number): string | null =>
  holdings.mbs?.[i] ? null : MBS_NO_TERMS;

export const MBS_ENGINE: HoldingEngine = {
  name: "agency MBS pass-through",
  method: MBS_METHOD,
  spreadHeld: "OAS",
  lacks,
  calibrate: (market: CurveMarket, holdings, clean, select) => ({
    ...calibrateMbs(
      baseCurve(market),
      holdingCohorts(holdings, select),
      clean,
      engineModel(market.hullWhite)
    ),
    // A row without its pool columns is the engine's stated problem, shown beside it.
    problems: Array.from({ length: holdings.count }, (_, i) =>
      select(i) ? lacks(holdings, i) : null
    ),
  }),
};
