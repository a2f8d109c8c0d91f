/**
 * Curve-based analytics of many bonds in one call: Z-spread, effective duration and convexity,
 * spread duration and key-rate durations, by full revaluation.
 *
 * Cash flows fall on the unadjusted coupon dates (counted back from maturity, Excel's schedule),
 * each coupon 100·rate/f, principal 100 at maturity; each is discounted at its ACT/365F time t as
 * DF(t)·exp(−Z·t), Z the Z-spread (continuously compounded, ACT/365F). Dirty = clean + accrued
 * (Excel's accrued on the bond's basis). With P₀ the dirty price and P± the dirty prices with a
 * shift of ±h (h = bump_bp/10,000), Z held:
 *   effective duration = (P₋ − P₊)/(2·P₀·h),  effective convexity = (P₋ + P₊ − 2P₀)/(P₀·h²),
 *   spread duration = the same with Z ± h,    KRD_k = the same with key k's triangular shift.
 * Shifts move the curve as given — par yields (re-bootstrapped) for a par curve, zero rates for a
 * zero curve — or, with shiftOn "zero", the continuously compounded zero rates. The triangles sum
 * to a parallel shift, so Σ KRD = effective duration up to the O(h²) of central differences; the
 * gap is returned for each bond so callers can flag it.
 *
 * Work is arranged for speed: discount factors are computed once per scenario curve on the grid
 * of distinct cash-flow dates, and every bond's repricing is a dot product with that grid.
 */
import { writeLastCouponDates, BondTerms, schedules, Frequency } from "../bond";
import { Interpolation } from "./interpolation";
import { DEFAULT_BUMP_BP, DEFAULT_KEYS_MONTHS, defaultShiftOn } from "../conventions";
import { buildCurve, CurveSpec, ShiftOn } from "./curveSpec";
import { tenorTime } from "./tenor";
import { keyRateShift, keyRateWeight, ZeroCurve } from "./zeroCurve";

export { DEFAULT_KEYS_MONTHS } from "../conventions";

export interface CurveRiskOptions {
  readonly keysMonths?: readonly number[];
  readonly shiftOn?: ShiftOn;
  /** Size of every bump, basis points (default 1). */
  readonly bumpBp?: number;
  readonly interpolation: Interpolation;
}

export interface CurveRisk {
  readonly count: number;
  readonly keysMonths: readonly number[];
  /** Z-spread, decimal, continuously compounded ACT/365F; NaN where it cannot be solved. */
  readonly zspread: Float64Array;
  /** Dirty price per 100 of par (clean + accrued). */
  readonly dirty: Float64Array;
  /** Effective duration, years. */
  readonly effDuration: Float64Array;
  /** Effective convexity, years². */
  readonly effConvexity: Float64Array;
  /** Spread duration, years. */
  readonly spreadDuration: Float64Array;
  /** KRDs, years: row-major count × keys. */
  readonly krd: Float64Array;
  /** Σ KRD − effective duration, years (the run-time check). */
  readonly krdGap: Float64Array;
}

/** Tolerance of the run-time check |Σ KRD − effective duration|, years (well under display precision). */
export const KRD_SUM_TOLERANCE = 1e-4;

/** The cash flows of many bonds on one grid of distinct dates (exported for scenario revaluation). */
export interface CashFlowGrid {
  /** For bond i, its cash flows are [start[i], start[i+1]). */
  start: Int32Array;
  /** Cash-flow amounts per 100 of par and their times (years). */
  amount: Float64Array;
  time: Float64Array;
  /** Index of each cash flow's date in `dates`. */
  dateIndex: Int32Array;
  /** Distinct cash-flow times, years. */
  dates: Float64Array;
}

/**
 * Cash flows per 100 of par of the bonds for which `valid(i)`, on their unadjusted coupon dates
 * after `settlement` (`n[i]` of them, from `schedules`), with ACT/365F times from settlement.
 */
export function cashFlowGrid(
  settlement: number,
  terms: BondTerms,
  n: Int32Array,
  valid: (i: number) => boolean
): CashFlowGrid {
  const count = terms.settlement.length;
  const start = new Int32Array(count + 1);
  let total = 0;
  for (let i = 0; i < count; i++) {
    start[i] = total;
    if (valid(i)) total += n[i];
  }
  start[count] = total;
  const amount = new Float64Array(total);
  const serial = new Int32Array(total);
  let last = settlement;
  for (let i = 0; i < count; i++) {
    if (!valid(i)) continue;
    const f = terms.frequency[i] as Frequency;
    const coupon = (100 * terms.rate[i]) / f;
    writeLastCouponDates(terms.maturity[i], f, n[i], serial, start[i]);
    for (let at = start[i]; at < start[i + 1]; at++) amount[at] = coupon;
    amount[start[i + 1] - 1] += 100;
    if (terms.maturity[i] > last) last = terms.maturity[i];
  }
  // Distinct dates through a day-offset table: every date lies in (settlement, last].
  const slot = new Int32Array(last - settlement + 1).fill(-1);
  for (let j = 0; j < total; j++) slot[serial[j] - settlement] = 0;
  const distinct: number[] = [];
  for (let d = 0; d < slot.length; d++) if (slot[d] === 0) slot[d] = distinct.push(d) - 1;
  const time = new Float64Array(total);
  const dateIndex = new Int32Array(total);
  for (let j = 0; j < total; j++) {
    time[j] = (serial[j] - settlement) / 365;
    dateIndex[j] = slot[serial[j] - settlement];
  }
  return { start, amount, time, dateIndex, dates: Float64Array.from(distinct, (d) => d / 365) };
}

/** Discount factors of a curve on the grid's distinct dates. */
export function discountGrid(curve: ZeroCurve, dates: Float64Array): Float64Array {
  const out = new Float64Array(dates.length);
  for (let k = 0; k < dates.length; k++) out[k] = curve.discount(dates[k]);
  return out;
}

/**
 * Dirty prices per 100 of par on a grid: out[i] = Σ weighted·DF over bond i's cash flows, where
 * `weighted` holds the spread-adjusted amounts a·exp(−Z·t); with `dz` (decimal per bond, may be
 * undefined) each cash flow is further discounted by exp(−dz[i]·t).
 */
export function priceOnGrid(
  grid: CashFlowGrid,
  weighted: Float64Array,
  df: Float64Array,
  out: Float64Array,
  dz?: Float64Array
): Float64Array {
  for (let i = 0; i < out.length; i++) {
    let p = 0;
    const s = dz ? dz[i] : 0;
    if (s === 0) {
      for (let j = grid.start[i]; j < grid.start[i + 1]; j++)
        p += weighted[j] * df[grid.dateIndex[j]];
    } else {
      for (let j = grid.start[i]; j < grid.start[i + 1]; j++)
        p += weighted[j] * df[grid.dateIndex[j]] * Math.exp(-s * grid.time[j]);
    }
    out[i] = p;
  }
  return out;
}

/**
 * Scenario curves: the base, the parallel pair, then a pair per key (−h then +h): the curves every
 * bump-and-reprice figure (bonds here, futures through their CTD) is computed on.
 */
export function scenarioCurves(
  spec: CurveSpec,
  settlement: number,
  options: CurveRiskOptions,
  keyTimes: Float64Array
): ZeroCurve[] {
  const h = options.bumpBp ?? DEFAULT_BUMP_BP;
  const base = buildCurve(spec, settlement, options.interpolation);
  const shiftOn = options.shiftOn ?? defaultShiftOn(spec.kind);
  const curves = [base];
  if (shiftOn === "par") {
    const nodeTimes = spec.months.map((m) => tenorTime(settlement, m));
    const bumped = (weight: (t: number) => number, bp: number) =>
      buildCurve(
        spec,
        settlement,
        options.interpolation,
        nodeTimes.map((t) => weight(t) * bp * 1e-4)
      );
    curves.push(
      bumped(() => 1, -h),
      bumped(() => 1, h)
    );
    for (let k = 0; k < keyTimes.length; k++) {
      const w = (t: number) => keyRateWeight(keyTimes, k, t);
      curves.push(bumped(w, -h), bumped(w, h));
    }
  } else {
    curves.push(base.parallel(-h), base.parallel(h));
    for (let k = 0; k < keyTimes.length; k++) {
      curves.push(
        base.withShift(keyRateShift(keyTimes, k, -h)),
        base.withShift(keyRateShift(keyTimes, k, h))
      );
    }
  }
  return curves;
}

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
  const count = terms.settlement.length;
  const keysMonths = options.keysMonths ?? DEFAULT_KEYS_MONTHS;
  const keyTimes = Float64Array.from(keysMonths, (m) => tenorTime(settlement, m));
  const nk = keyTimes.length;
  const h = (options.bumpBp ?? DEFAULT_BUMP_BP) * 1e-4;
  const sched = schedules(terms);
  const valid = (i: number) =>
    sched.n[i] > 0 && cleanPrice[i] > 0 && terms.settlement[i] === settlement;
  const grid = cashFlowGrid(settlement, terms, sched.n, valid);
  const curves = scenarioCurves(spec, settlement, options, keyTimes);
  const dfBase = discountGrid(curves[0], grid.dates);

  const zspread = new Float64Array(count).fill(NaN);
  const dirty = new Float64Array(count).fill(NaN);
  // Spread-adjusted amounts a·exp(−Z·t): every scenario reprices as Σ weighted · DF.
  const weighted = new Float64Array(grid.amount.length);
  for (let i = 0; i < count; i++) {
    if (!valid(i)) continue;
    const target = cleanPrice[i] + sched.accrued[i];
    const z = solveZSpread(grid, dfBase, i, target);
    if (!Number.isFinite(z)) continue;
    zspread[i] = z;
    dirty[i] = target;
    for (let j = grid.start[i]; j < grid.start[i + 1]; j++)
      weighted[j] = grid.amount[j] * Math.exp(-z * grid.time[j]);
  }

  const price = (df: Float64Array, out: Float64Array) => priceOnGrid(grid, weighted, df, out);
  const down = new Float64Array(count);
  const up = new Float64Array(count);
  const base = new Float64Array(count);
  price(dfBase, base);
  const effDuration = new Float64Array(count);
  const effConvexity = new Float64Array(count);
  price(discountGrid(curves[1], grid.dates), down);
  price(discountGrid(curves[2], grid.dates), up);
  for (let i = 0; i < count; i++) {
    effDuration[i] = (down[i] - up[i]) / (2 * base[i] * h);
    effConvexity[i] = (down[i] + up[i] - 2 * base[i]) / (base[i] * h * h);
  }
  const krd = new Float64Array(count * nk);
  const krdGap = new Float64Array(count);
  for (let k = 0; k < nk; k++) {
    price(discountGrid(curves[3 + 2 * k], grid.dates), down);
    price(discountGrid(curves[4 + 2 * k], grid.dates), up);
    for (let i = 0; i < count; i++) krd[i * nk + k] = (down[i] - up[i]) / (2 * base[i] * h);
  }
  for (let i = 0; i < count; i++) {
    let sum = 0;
    for (let k = 0; k < nk; k++) sum += krd[i * nk + k];
    krdGap[i] = sum - effDuration[i];
  }
  const spreadDuration = spreadDurations(grid, weighted, dfBase, base, h);
  // Bonds that were not valid stay NaN throughout (their prices summed to 0 above).
  for (let i = 0; i < count; i++) {
    if (Number.isNaN(zspread[i])) {
      effDuration[i] = effConvexity[i] = spreadDuration[i] = krdGap[i] = NaN;
      for (let k = 0; k < nk; k++) krd[i * nk + k] = NaN;
    }
  }
  return {
    count,
    keysMonths,
    zspread,
    dirty,
    effDuration,
    effConvexity,
    spreadDuration,
    krd,
    krdGap,
  };
}

/**
 * Z-spread of bond i by Newton's method on Σ a·DF·exp(−Z·t) = target (convex and decreasing in Z,
 * so the iteration converges quadratically); stops one step after the step falls below 1e-12.
 */
export function solveZSpread(
  grid: CashFlowGrid,
  df: Float64Array,
  i: number,
  target: number
): number {
  let z = 0;
  let converged = false;
  for (let iter = 0; iter < 100; iter++) {
    let p = 0;
    let dp = 0;
    for (let j = grid.start[i]; j < grid.start[i + 1]; j++) {
      const v = grid.amount[j] * df[grid.dateIndex[j]] * Math.exp(-z * grid.time[j]);
      p += v;
      dp -= grid.time[j] * v;
    }
    const step = (p - target) / dp;
    z -= Math.max(-0.5, Math.min(0.5, step));
    if (converged) return z;
    converged = Math.abs(step) < 1e-12;
  }
  return NaN;
}

function spreadDurations(
  grid: CashFlowGrid,
  weighted: Float64Array,
  df: Float64Array,
  base: Float64Array,
  h: number
): Float64Array {
  const count = base.length;
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let down = 0;
    let up = 0;
    for (let j = grid.start[i]; j < grid.start[i + 1]; j++) {
      const v = weighted[j] * df[grid.dateIndex[j]];
      const e = Math.exp(h * grid.time[j]);
      down += v * e;
      up += v / e;
    }
    out[i] = (down - up) / (2 * base[i] * h);
  }
  return out;
}
