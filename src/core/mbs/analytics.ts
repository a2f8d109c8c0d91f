/**
 * The full set of figures of one pool at its price, as the cell functions and the tests read
 * them: OAS and its standard error, OAD and OAC (the risk ladder's ±bump on the same engine),
 * spread duration, OAS KRDs (summing to OAD), the path statistics (CPR first year and lifetime,
 * WAL) and, with a fixed speed, the static figures (cash-flow yield, WAL, effective duration).
 *
 * Standard errors come from the antithetic pairs: with V_j the mean of pair j's path values at
 * the OAS, SE(price) = sd(V)/√pairs and SE(OAS) = SE(price)/|∂price/∂OAS|; SE(OAD) is the sd of
 * the pairs' own OADs (common random numbers across the bumps)/√pairs.
 */
import { ZeroCurve } from "../curve/zeroCurve";
import { calibrateMbs, MbsBook } from "../engines/mbs";
import { baseCurve, CurveMarket } from "../market/market";
import { ladderCurves, ladderRisk } from "../risk/ladder";
import { mbsAccrued } from "./program";
import { poolCashFlows, weightedAverageLife } from "./staticCashFlows";
import { cohortFlows, CohortFlows, MbsCohort, mbsMethod, MbsModel } from "./valuation";

export interface MbsFigures {
  /** OAS, decimal (continuously compounded, ACT/365F); NaN when no spread reprices the price. */
  readonly oas: number;
  readonly oasSe: number;
  /** Option-adjusted duration, years. */
  readonly oad: number;
  readonly oadSe: number;
  /** Option-adjusted convexity, years². */
  readonly oac: number;
  readonly spreadDuration: number;
  /** OAS KRDs at the market's keys, years (empty without keys). */
  readonly krd: Float64Array;
  readonly dirty: number;
  readonly accrued: number;
  readonly wal: number;
  readonly cprYear1: number;
  readonly cprLife: number;
  /** With a fixed speed: cash-flow yield (bond-equivalent, decimal), WAL (years), effective duration. */
  readonly staticYield?: number;
  readonly staticWal?: number;
  readonly method: string;
}

/** The calibrated one-pool book. */
export function mbsBookOf(
  market: CurveMarket,
  cohort: MbsCohort,
  clean: number,
  model: MbsModel
): MbsBook {
  return calibrateMbs(baseCurve(market), [cohort], [clean], model);
}

function pairValues(f: CohortFlows, s: number, paths: number): Float64Array {
  const n = f.pv.length;
  const half = paths / 2;
  const disc = Float64Array.from(f.times, (t) => Math.exp(-s * t));
  const out = new Float64Array(half);
  for (let p = 0; p < paths; p++) {
    let v = 0;
    for (let k = 0; k < n; k++) v += f.pathPv![p * n + k] * disc[k];
    out[p % half] += v / 2;
  }
  return out;
}

function standardError(x: Float64Array): number {
  const n = x.length;
  let m = 0;
  for (const v of x) m += v;
  m /= n;
  let s2 = 0;
  for (const v of x) s2 += (v - m) * (v - m);
  return Math.sqrt(s2 / Math.max(1, n - 1) / n);
}

/**
 * Standard errors of the OAS (decimal) and OAD (years) from the antithetic pairs, on the base and
 * the ±parallel curves of `market` (re-simulated with the paths kept).
 */
export function mbsStandardErrors(
  market: CurveMarket,
  book: MbsBook,
  curves: readonly ZeroCurve[] = ladderCurves({ ...market, keysMonths: [] })
): { oasSe: number; oadSe: number } {
  const c = book.cohorts[0];
  const s = book.spread[0];
  if (!c || !Number.isFinite(s)) return { oasSe: NaN, oadSe: NaN };
  const m = book.model;
  const base = cohortFlows(curves[0], c, m, true);
  const v0 = pairValues(base, s, m.paths);
  let dv = 0;
  for (let k = 0; k < base.pv.length; k++)
    dv += base.times[k] * base.pv[k] * Math.exp(-s * base.times[k]);
  const oasSe = standardError(v0) / dv;
  const h = market.bumpBp * 1e-4;
  const vd = pairValues(cohortFlows(curves[1], c, m, true), s, m.paths);
  const vu = pairValues(cohortFlows(curves[2], c, m, true), s, m.paths);
  const d = Float64Array.from(vd, (x, j) => (x - vu[j]) / (2 * book.dirty[0] * h));
  return { oasSe, oadSe: standardError(d) };
}

/** Cash-flow yield of fixed flows at their payment times: bond-equivalent (semiannual), decimal. */
function cashFlowYield(amount: Float64Array, times: Float64Array, dirty: number): number {
  let i = 0.005;
  for (let iter = 0; iter < 100; iter++) {
    let v = 0;
    let dv = 0;
    for (let k = 0; k < amount.length; k++) {
      const m = times[k] * 12;
      const x = amount[k] * Math.pow(1 + i, -m);
      v += x;
      dv -= (m * x) / (1 + i);
    }
    const step = (v - dirty) / dv;
    i -= step;
    if (Math.abs(step) < 1e-14) break;
  }
  return 2 * (Math.pow(1 + i, 6) - 1);
}

/**
 * Every figure of a pool at its clean price (per 100 of current face).
 * @param keys Run the key-rate ladder (KRDs) too; otherwise only base, ±parallel, ±spread.
 * @param errors Compute the standard errors (three more simulations with the paths kept).
 * @param ladder false: the OAS and path statistics only (no bumps).
 */
export function mbsFigures(
  market: CurveMarket,
  cohort: MbsCohort,
  clean: number,
  model: MbsModel,
  options: { keys?: boolean; errors?: boolean; ladder?: boolean } = {}
): MbsFigures {
  const m = options.keys ? market : { ...market, keysMonths: [] };
  const curves = ladderCurves(m);
  const book = mbsBookOf(market, cohort, clean, model);
  const risk = options.ladder === false ? undefined : ladderRisk(book, m, curves);
  const se = options.errors ? mbsStandardErrors(market, book) : { oasSe: NaN, oadSe: NaN };
  const f = book.cohorts[0] ? book.flows(curves[0], 0) : undefined;
  let staticFigures = {};
  if (cohort.speed && f) {
    const cf = poolCashFlows(cohort.coupon, cohort.wac, cohort.wam, cohort.wala, cohort.speed);
    staticFigures = {
      staticYield: cashFlowYield(cf.total, f.times, book.dirty[0]),
      staticWal: weightedAverageLife(cf),
    };
  }
  return {
    oas: book.spread[0],
    oasSe: se.oasSe,
    oad: risk?.effDuration[0] ?? NaN,
    oadSe: se.oadSe,
    oac: risk?.effConvexity[0] ?? NaN,
    spreadDuration: risk?.spreadDuration[0] ?? NaN,
    krd: risk?.krd.slice(0, m.keysMonths.length) ?? new Float64Array(0),
    dirty: book.dirty[0],
    accrued: mbsAccrued(market.settlement, cohort.coupon),
    wal: f?.wal ?? NaN,
    cprYear1: f?.cprYear1 ?? NaN,
    cprLife: f?.cprLife ?? NaN,
    ...staticFigures,
    method: mbsMethod(model, cohort.speed),
  };
}
