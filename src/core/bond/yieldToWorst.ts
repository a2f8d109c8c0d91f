/**
 * Yield to worst: the lowest of Excel's YIELD to maturity (redemption 100) and to each workout
 * date of the call schedule at its call price (YIELD with that date as maturity and the call price
 * as redemption), decimal, compounded at the coupon frequency.
 *
 * Workout dates after settlement: every listed call date; for American and Bermudan schedules
 * also every coupon date (counted back from maturity) from the first call date on, at the price in
 * effect then (each price holds until the next listed date). A make-whole call is not a workout
 * (its price tracks the bond's own value): the yield to worst is the yield to maturity. Call dates
 * on or before settlement are not workouts (a bond callable now works out to its next date).
 *
 * Excel's YIELD with redemption R equals YIELD at redemption 100 of the price and coupon scaled by
 * 100/R (both sides of its price equation scale alike), so every leg is one bond of one kernel
 * call ({@link yieldFromPrice}).
 */
import type { CallSchedule } from "../instruments/callSchedule";
import { couponDateBack } from "./coupons";
import type { Frequency } from "./daycount";
import { allocateTerms } from "./terms";
import { BondTerms, yieldFromPrice } from "./yieldKernel";

export interface YieldToWorst {
  /** Lowest yield over the workouts, decimal; NaN where a leg has no yield. */
  readonly yld: Float64Array;
  /** Workout date of the lowest yield (maturity when it is), Excel serial. */
  readonly date: Float64Array;
  /** Redemption price per 100 at that date. */
  readonly price: Float64Array;
}

/** The call price in effect on `date` (the last listed date on or before it). */
function priceOn(s: CallSchedule, date: number): number {
  let p = s.prices[0];
  for (let k = 0; k < s.dates.length && s.dates[k] <= date; k++) p = s.prices[k];
  return p;
}

/** Workout dates and redemption prices of a bond (maturity first at 100). */
export function workouts(
  settlement: number,
  maturity: number,
  frequency: Frequency,
  calls: CallSchedule | null
): { date: number; price: number }[] {
  const out = [{ date: maturity, price: 100 }];
  if (!calls || calls.makeWhole) return out;
  const dates = new Set<number>();
  for (const d of calls.dates) if (d > settlement && d < maturity) dates.add(d);
  if (calls.style !== "european") {
    for (let k = 1; ; k++) {
      const d = couponDateBack(maturity, frequency, k);
      if (d < calls.dates[0] || d <= settlement) break;
      dates.add(d);
    }
  }
  for (const d of [...dates].sort((a, b) => a - b)) out.push({ date: d, price: priceOn(calls, d) });
  return out;
}

/**
 * Yield to worst of many bonds (regular schedules: issue and first coupon dates are not used).
 * @param terms The bonds (settlement, maturity, rate, frequency, basis per bond).
 * @param clean Clean price per 100 per bond.
 * @param calls Call schedule per bond; null: not callable (yield to maturity).
 */
export function yieldToWorst(
  terms: BondTerms,
  clean: ArrayLike<number>,
  calls: readonly (CallSchedule | null)[]
): YieldToWorst {
  const n = terms.settlement.length;
  const legs: { bond: number; date: number; price: number }[] = [];
  for (let i = 0; i < n; i++) {
    const f = terms.frequency[i] as Frequency;
    for (const w of workouts(terms.settlement[i], terms.maturity[i], f, calls[i] ?? null))
      legs.push({ bond: i, ...w });
  }
  const legTerms = allocateTerms(legs.length);
  const legPrice = new Float64Array(legs.length);
  legs.forEach((l, j) => {
    const scale = 100 / l.price;
    legTerms.settlement[j] = terms.settlement[l.bond];
    legTerms.maturity[j] = l.date;
    legTerms.rate[j] = terms.rate[l.bond] * scale;
    legTerms.frequency[j] = terms.frequency[l.bond];
    legTerms.basis[j] = terms.basis[l.bond];
    legPrice[j] = clean[l.bond] * scale;
  });
  const y = yieldFromPrice(legTerms, legPrice);
  const yld = new Float64Array(n).fill(Infinity);
  const date = new Float64Array(n).fill(NaN);
  const price = new Float64Array(n).fill(NaN);
  legs.forEach((l, j) => {
    const i = l.bond;
    if (Number.isNaN(yld[i])) return;
    if (!Number.isFinite(y[j])) {
      yld[i] = NaN;
      date[i] = price[i] = NaN;
    } else if (y[j] < yld[i]) {
      yld[i] = y[j];
      date[i] = l.date;
      price[i] = l.price;
    }
  });
  for (let i = 0; i < n; i++) if (yld[i] === Infinity) yld[i] = NaN;
  return { yld, date, price };
}
