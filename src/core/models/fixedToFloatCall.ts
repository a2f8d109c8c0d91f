/**
 * The issuer's call on a fixed-to-float note, valued on the Hull–White lattice fitted to the curve
 * (hullWhiteLattice.ts) by the callable bonds' backward pass (callableLattice.ts), the discount
 * margin z held as the OAS (decimal, continuous, added to the short rate).
 *
 * On the lattice the note is: its fixed coupons to the switch date, then at the switch date the
 * floater's value per node taken as 100 + (m − z) × A, m the quoted margin and A the floating
 * annuity (Σ τ_k·P(node, t_k), τ actual/360) on the lattice's discount factors at spread z. This
 * is laid as flows: 100 at the switch date and 100·(m − z)·τ_k at each floating payment. The
 * approximation: the index is taken to reset to the lattice's own short rate (a floater at index
 * flat is worth par at each reset; the SOFR basis to the Treasury curve and the current coupon's
 * gap are left in the curve pricing, not in the option). A call at t on or after the switch date
 * pays the call price + the margin accrued, against the floater's 100 + index accrued: its strike
 * on the lattice is call price − 100 + 100·m·(accrued fraction of τ); before the switch date,
 * the call price + the fixed coupon accrued (linear in time over the period).
 *
 * The call's value is the lattice value without the call less the value with it (both on the same
 * lattice, so the lattice's own error cancels): 0 for a call never exercised.
 */
import { CallSchedule } from "../instruments/callSchedule";
import { CallableGrid, explicitCallableGrid } from "./callableGrid";
import { FittedLattice } from "./hullWhiteLattice";
import { LatticeWork, rollback } from "./callableLattice";

/** One note's terms on the lattice's time axis (years ACT/365F from settlement). */
export interface FixedToFloatNote {
  /** Switch date, years (> 0). */
  readonly switchTime: number;
  /** Fixed coupons to the switch date: payment times and amounts per 100. */
  readonly fixedTimes: readonly number[];
  readonly fixedAmounts: readonly number[];
  /** Floating periods after the switch: payment, start and end times, actual/360 fraction. */
  readonly floatPay: readonly number[];
  readonly floatFrom: readonly number[];
  readonly floatTo: readonly number[];
  readonly floatTau: readonly number[];
  /** Quoted margin, decimal. */
  readonly margin: number;
  /** Call times (years, ascending) and clean prices per 100. */
  readonly callTimes: readonly number[];
  readonly callPrices: readonly number[];
}

/**
 * The note's call times and clean prices from its schedule (Excel serials → years from
 * `settlement`): European on the listed dates, Bermudan on the payment dates from the first call,
 * American at every grid time (1/stepsPerYear) from the first call to maturity.
 */
export function noteCallTimes(
  call: CallSchedule,
  settlement: number,
  payTimes: readonly number[],
  maturity: number,
  stepsPerYear: number
): { times: number[]; prices: number[] } {
  const first = (call.dates[0] - settlement) / 365;
  let times: number[];
  if (call.style === "european") times = Array.from(call.dates, (d) => (d - settlement) / 365);
  else if (call.style === "bermudan") times = payTimes.filter((t) => t >= first - 1e-9);
  else {
    times = [];
    const dt = 1 / stepsPerYear;
    for (let s = Math.max(1, Math.ceil(first / dt - 1e-9)); s * dt < maturity - 1e-9; s++)
      times.push(s * dt);
  }
  const priceAt = (t: number) => {
    let p = NaN;
    for (let k = 0; k < call.dates.length; k++)
      if ((call.dates[k] - settlement) / 365 <= t + 1e-9) p = call.prices[k];
    return p;
  };
  const keep = times.filter((t) => t > 0 && t < maturity - 1e-9 && Number.isFinite(priceAt(t)));
  return { times: keep, prices: keep.map(priceAt) };
}

/** The note laid on the lattice's grid at spread z, with its call or without. */
export function fixedToFloatGrid(
  note: FixedToFloatNote,
  spread: number,
  stepsPerYear: number,
  withCall: boolean
): CallableGrid {
  const times: number[] = [];
  const amounts: number[] = [];
  note.fixedTimes.forEach((t, k) => {
    times.push(t);
    amounts.push(note.fixedAmounts[k]);
  });
  times.push(note.switchTime);
  amounts.push(100);
  note.floatPay.forEach((t, k) => {
    times.push(t);
    amounts.push(100 * (note.margin - spread) * note.floatTau[k]);
  });
  const order = times.map((_, k) => k).sort((x, y) => times[x] - times[y]);
  const ft = order.map((k) => times[k]);
  const fa = order.map((k) => amounts[k]);
  const strikes: number[] = [];
  const callTimes = withCall ? note.callTimes : [];
  for (let c = 0; c < callTimes.length; c++) {
    const t = callTimes[c];
    const price = note.callPrices[c];
    if (t >= note.switchTime - 1e-9) {
      let acc = 0;
      for (let k = 0; k < note.floatPay.length; k++) {
        const from = note.floatFrom[k];
        const to = note.floatTo[k];
        if (t >= from && t < to && to > from)
          acc = (100 * note.margin * note.floatTau[k] * (t - from)) / (to - from);
      }
      strikes.push(price - 100 + acc);
    } else {
      let acc = 0;
      const ts = note.fixedTimes;
      for (let k = 0; k < ts.length; k++) {
        if (t < ts[k]) {
          const prev = k > 0 ? ts[k - 1] : ts.length > 1 ? ts[0] - (ts[1] - ts[0]) : ts[0];
          if (t > prev && ts[k] > prev) acc = (note.fixedAmounts[k] * (t - prev)) / (ts[k] - prev);
          break;
        }
      }
      strikes.push(price + acc);
    }
  }
  return explicitCallableGrid(
    ft,
    fa,
    ft.map(() => 0),
    callTimes,
    note.callPrices.slice(0, callTimes.length),
    stepsPerYear,
    strikes
  );
}

/**
 * The call's value per 100 to the issuer (≥ 0 up to the lattice's smoothing): the note's lattice
 * value without the call less its value with it, at spread z on `lattice`.
 */
export function fixedToFloatCallValue(
  lattice: FittedLattice,
  note: FixedToFloatNote,
  spread: number,
  work: LatticeWork
): number {
  const spy = Math.round(1 / lattice.geometry.dt);
  const bare = rollback(lattice, fixedToFloatGrid(note, spread, spy, false), 0, spread, work);
  const called = rollback(lattice, fixedToFloatGrid(note, spread, spy, true), 0, spread, work);
  return bare - called;
}
