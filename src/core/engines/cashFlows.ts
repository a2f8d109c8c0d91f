/**
 * Fixed cash flows of many instruments on one grid of distinct dates, and their prices on a curve:
 * discount factors are computed once per curve on the grid's dates, and every instrument's price
 * is a dot product with that vector. Amounts are per 100 of par; times ACT/365F from settlement.
 */
import { BondTerms, Schedules, writeCashFlows } from "../bond";
import { ZeroCurve } from "../curve/zeroCurve";

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
 * after `settlement` (the schedules' n[i] of them; an odd first coupon as the bond kernel pays it,
 * bond/cashFlows.ts), with ACT/365F times from settlement.
 */
export function cashFlowGrid(
  settlement: number,
  terms: BondTerms,
  sched: Schedules,
  valid: (i: number) => boolean
): CashFlowGrid {
  const n = sched.n;
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
    writeCashFlows(terms, sched, i, serial, amount, undefined, start[i]);
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

/** Spread-adjusted cash flows a·exp(−Z·t) of the grid's instruments (Z per instrument, decimal). */
export function spreadWeighted(grid: CashFlowGrid, z: ArrayLike<number>): Float64Array {
  const out = new Float64Array(grid.amount.length);
  for (let i = 0; i < z.length; i++) {
    for (let j = grid.start[i]; j < grid.start[i + 1]; j++)
      out[j] = grid.amount[j] * Math.exp(-z[i] * grid.time[j]);
  }
  return out;
}
