/**
 * Cash flows of floating-rate notes and fixed-to-float notes, per 100 of par, after settlement:
 * each flow is a known amount (fixed coupons, the fixed part of the current floating coupon, the
 * principal) plus, for a floating period [S, E], a projected coupon 100·τ·(F(S, E) + m), τ the
 * period's actual/360 fraction, F the index forward over the period and m the quoted margin.
 *
 * Schedules (unadjusted dates, as the fixed-rate engine's):
 * - floating periods are counted back from maturity, `reset frequency` times a year when that is
 *   1, 2 or 4, else at the coupon frequency (monthly or daily resets compound within a period);
 * - a fixed-to-float note's fixed coupons (coupon/frequency per 100 on its basis) are counted back
 *   from the switch date `float_date`, its first floating period starts there;
 * - the current floating period is fixed at the holding's coupon (its current rate) up to the next
 *   reset — the period's end for resets at the payment frequency, the next monthly reset, or
 *   settlement itself for a daily index (SOFR compounded in arrears: the part already observed at
 *   the current coupon) — and floats after it; for a daily index the observed days compound at the
 *   coupon less the margin and multiply the projected growth (SOFR compounded in arrears), the
 *   margin accruing over the whole period; accrued interest is the coupon accrued on actual/360
 *   (floating) or Excel's accrued on the note's basis (fixed).
 * Issue and first-coupon dates are not used (no odd first periods).
 */
import { couponDateBack, daysBetween, daysInCouponPeriod } from "../bond";
import type { Basis, Frequency } from "../bond";
import { FLOAT_BASIS } from "../conventions";
import type { Holdings } from "../holdings/types";

/** Floating-rate flows of many notes, flat: note i owns flows [start[i], start[i+1]). */
export interface FloatingFlows {
  readonly count: number;
  readonly start: Int32Array;
  /** Payment time, years ACT/365F from settlement. */
  readonly pay: Float64Array;
  /** Known amount per 100 (fixed coupon or its fixed part, principal). */
  readonly fixed: Float64Array;
  /** Start and end times of the floating part (years); NaN where the flow has none. */
  readonly from: Float64Array;
  readonly to: Float64Array;
  /** Actual/360 fraction of the floating part (0 where none): the margin's accrual. */
  readonly tau: Float64Array;
  /** Index growth already observed, multiplying the projected growth (1 but for a daily index). */
  readonly past: Float64Array;
  /** Quoted margin of each flow's floating part, decimal. */
  readonly margin: Float64Array;
  /** Accrued interest per 100 at settlement, per note (NaN where not built). */
  readonly accrued: Float64Array;
  /** Years from settlement to the next index reset (the end of the known coupon), per note. */
  readonly nextReset: Float64Array;
}

/** Floating periods per year of note i: its reset frequency when 1, 2 or 4, else its coupon frequency. */
export function floatingPeriodsPerYear(h: Holdings, i: number): Frequency {
  const r = h.floating?.resetFrequency[i] ?? 0;
  return (r === 1 || r === 2 || r === 4 ? r : h.frequency[i]) as Frequency;
}

/** Actual/360 years between two dates (the index's accrual). */
export const act360 = (a: number, b: number) => daysBetween(FLOAT_BASIS, a, b) / 360;

/** Note i's quoted margin over the index, decimal (0 where not given). */
export function quotedMargin(h: Holdings, i: number): number {
  const m = h.floating?.spread[i];
  return m === undefined || Number.isNaN(m) ? 0 : m;
}

/** The date note i starts floating: its switch date for a fixed-to-float note, −∞ for an FRN. */
export function switchDateOf(h: Holdings, i: number, kind: "frn" | "fixed-to-float"): number {
  return kind === "fixed-to-float" ? (h.floating?.floatDate[i] ?? NaN) : -Infinity;
}

interface Flow {
  pay: number;
  fixed: number;
  from: number;
  to: number;
  tau: number;
  past?: number;
}

/**
 * Schedule dates counted back from `end` (k = 0 is `end`) down to and including the first one on
 * or before `after`: one pass, each date computed once.
 */
export function datesBack(end: number, frequency: number, after: number): number[] {
  const out: number[] = [];
  for (let k = 0; ; k++) {
    const d = couponDateBack(end, frequency as Frequency, k);
    out.push(d);
    if (d <= after) return out;
  }
}

/** The flows of note i (see the module comment) and its accrued and next reset (serials). */
function noteFlows(
  h: Holdings,
  i: number,
  s: number,
  kind: "frn" | "fixed-to-float"
): { flows: Flow[]; accrued: number; nextReset: number } {
  const mat = h.maturity[i];
  const c = h.coupon[i];
  const f = floatingPeriodsPerYear(h, i);
  const reset = h.floating?.resetFrequency[i] ?? 0;
  const switchDate = switchDateOf(h, i, kind);
  const flows: Flow[] = [];
  const floatFlow = (from: number, to: number): Flow => ({
    pay: to,
    fixed: 0,
    from,
    to,
    tau: act360(from, to),
  });
  let accrued = 0;
  let nextReset: number;
  if (s < switchDate) {
    // Fixed coupons to the switch date, counted back from it, on the note's basis.
    const fx = h.frequency[i] as Frequency;
    const basis = h.basis[i] as Basis;
    const fixedDates = datesBack(switchDate, fx, s);
    const k = fixedDates.length - 2;
    const pcd = fixedDates[k + 1];
    const ncd = fixedDates[k];
    for (let j = k; j >= 0; j--)
      flows.push({ pay: fixedDates[j], fixed: (100 * c) / fx, from: NaN, to: NaN, tau: 0 });
    accrued =
      ((100 * c) / fx) * (daysBetween(basis, pcd, s) / daysInCouponPeriod(basis, fx, pcd, ncd));
    nextReset = switchDate;
    const ends = datesBack(mat, f, switchDate).slice(0, -1).reverse();
    let from = switchDate;
    for (const to of ends) {
      flows.push(floatFlow(from, to));
      from = to;
    }
  } else {
    // Floating now: the current period fixed at the coupon up to the next reset.
    const back = datesBack(mat, f, s);
    const k = back.length - 2;
    const pcd = Math.max(back[k + 1], switchDate);
    const ncd = back[k];
    nextReset = ncd;
    if (reset === 365) nextReset = s;
    else if (reset === 12) {
      const monthly = datesBack(mat, 12, s);
      nextReset = Math.min(ncd, monthly[monthly.length - 2]);
    }
    const current = floatFlow(nextReset, ncd);
    const margin = quotedMargin(h, i);
    if (reset === 365) {
      // Compounded in arrears: the days observed at the coupon less the margin, compounded daily,
      // then the projected growth; the margin accrues over the whole period.
      current.past = Math.pow(1 + (c - margin) / 360, daysBetween(FLOAT_BASIS, pcd, s));
      current.tau = act360(pcd, ncd);
      accrued = 100 * (current.past - 1) + 100 * margin * act360(pcd, s);
    } else {
      current.fixed = 100 * c * act360(pcd, nextReset);
      if (!(nextReset < ncd)) {
        current.from = current.to = NaN;
        current.tau = 0;
      }
      accrued = 100 * c * act360(pcd, s);
    }
    flows.push(current);
    for (let j = k - 1; j >= 0; j--) flows.push(floatFlow(back[j + 1], back[j]));
  }
  flows[flows.length - 1].fixed += 100;
  return { flows, accrued, nextReset };
}

/** The flows of the notes for which `select(i)`, settling on `settlement` (an Excel serial). */
export function floatingFlows(
  settlement: number,
  h: Holdings,
  select: (i: number) => boolean,
  kind: "frn" | "fixed-to-float"
): FloatingFlows {
  const n = h.count;
  const start = new Int32Array(n + 1);
  const all: Flow[] = [];
  const margins: number[] = [];
  const accrued = new Float64Array(n).fill(NaN);
  const nextReset = new Float64Array(n).fill(NaN);
  const t = (d: number) => (d - settlement) / 365;
  for (let i = 0; i < n; i++) {
    start[i] = all.length;
    if (!select(i)) continue;
    const note = noteFlows(h, i, settlement, kind);
    const m = h.floating?.spread[i];
    for (const fl of note.flows) {
      all.push(fl);
      margins.push(m === undefined || Number.isNaN(m) ? 0 : m);
    }
    accrued[i] = note.accrued;
    nextReset[i] = t(note.nextReset);
  }
  start[n] = all.length;
  const m = all.length;
  const pay = new Float64Array(m);
  const fixed = new Float64Array(m);
  const from = new Float64Array(m);
  const to = new Float64Array(m);
  const tau = new Float64Array(m);
  const past = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const x = all[j];
    pay[j] = t(x.pay);
    fixed[j] = x.fixed;
    from[j] = t(x.from);
    to[j] = t(x.to);
    tau[j] = x.tau;
    past[j] = x.past ?? 1;
  }
  return {
    count: n,
    start,
    pay,
    fixed,
    from,
    to,
    tau,
    past,
    margin: Float64Array.from(margins),
    accrued,
    nextReset,
  };
}
