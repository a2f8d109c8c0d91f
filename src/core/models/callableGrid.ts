/**
 * Callable bonds laid on a lattice's uniform time grid (t_i = i·dt years, ACT/365F from
 * settlement), built once per book and shared by every curve the book is priced on.
 *
 * Each cash flow keeps its exact time t: it is paid within step i (t_i < t ≤ t_{i+1}) and
 * discounted to t_i at that step's short rate. Exercise: American at every grid time from the
 * first call date (rounded up to the grid) until maturity; Bermudan on the coupon dates from the
 * first call date and European on the listed dates, each at its exact time t_e: the decision is
 * taken at the grid time t_i before it, against the strike discounted over t_e − t_i at the node's
 * rate, the flows up to t_e paid either way. The issuer pays the clean call price in force then
 * plus the accrued interest then (the coupon accrued, actual days over the period's actual days).
 * A make-whole call is priced as non-callable.
 */
import { BondTerms, couponDateBack, Frequency, Schedules, writeCashFlows } from "../bond";
import { CallSchedule } from "../instruments/callSchedule";

/** Many bonds' flows and exercise steps on one grid (bond b's at [start[b], start[b+1])). */
export interface CallableGrid {
  readonly count: number;
  readonly dt: number;
  /** Steps to maturity per bond (the rollback starts there); 0 where the bond is not valid. */
  readonly lastStep: Int32Array;
  /** Flows: offsets per bond, and per flow its step, time within the step (years) and amount per 100. */
  readonly flowStart: Int32Array;
  readonly flowStep: Int32Array;
  readonly flowTau: Float64Array;
  readonly flowAmount: Float64Array;
  /** Exact flow times, years (the bullet's deterministic price). */
  readonly flowTime: Float64Array;
  /**
   * Exercise: offsets per bond, and per exercise its step (ascending), its time after that step's
   * start (years, < dt; 0 on the grid) and its dirty strike per 100 (paid then).
   */
  readonly exStart: Int32Array;
  readonly exStep: Int32Array;
  readonly exTau: Float64Array;
  readonly exStrike: Float64Array;
  /** Accrued interest at settlement per 100 (Excel's, on the bond's basis). */
  readonly accrued: Float64Array;
  /** 1 where the bond's call is make-whole (priced as non-callable). */
  readonly makeWhole: Uint8Array;
}

/**
 * Lays bonds on a grid of `stepsPerYear`; bonds with invalid terms (sched.n = 0) or `include`
 * false get no flows. `calls[i]` null: not callable.
 */
export function callableGrid(
  settlement: number,
  terms: BondTerms,
  sched: Schedules,
  calls: readonly (CallSchedule | null | undefined)[],
  stepsPerYear: number,
  include: (i: number) => boolean = () => true
): CallableGrid {
  const count = terms.settlement.length;
  const dt = 1 / stepsPerYear;
  const lastStep = new Int32Array(count);
  const flowStart = new Int32Array(count + 1);
  const exStart = new Int32Array(count + 1);
  const fStep: number[] = [];
  const fTau: number[] = [];
  const fAmt: number[] = [];
  const fTime: number[] = [];
  const eStep: number[] = [];
  const eTau: number[] = [];
  const eStrike: number[] = [];
  const makeWhole = new Uint8Array(count);
  const dates = new Int32Array(1);
  const amounts = new Float64Array(1);
  let datesBuf = dates;
  let amountsBuf = amounts;
  for (let i = 0; i < count; i++) {
    flowStart[i] = fStep.length;
    exStart[i] = eStep.length;
    const n = sched.n[i];
    if (!(n > 0) || terms.settlement[i] !== settlement || !include(i)) continue;
    if (datesBuf.length < n) {
      datesBuf = new Int32Array(n);
      amountsBuf = new Float64Array(n);
    }
    writeCashFlows(terms, sched, i, datesBuf, amountsBuf, undefined, 0);
    const maturityT = (terms.maturity[i] - settlement) / 365;
    const last = Math.max(1, Math.ceil(maturityT / dt - 1e-9));
    lastStep[i] = last;
    for (let k = 0; k < n; k++) {
      const t = (datesBuf[k] - settlement) / 365;
      const step = Math.max(0, Math.ceil(t / dt - 1e-9) - 1);
      fStep.push(step);
      fTau.push(t - step * dt);
      fAmt.push(amountsBuf[k]);
      fTime.push(t);
    }
    const call = calls[i];
    if (!call || call.makeWhole) {
      if (call?.makeWhole) makeWhole[i] = 1;
      continue;
    }
    // Coupon period boundaries (serials): the previous coupon date, then the flows' dates.
    const f = terms.frequency[i] as Frequency;
    const previous = couponDateBack(terms.maturity[i], f, n);
    const coupon = (k: number) => amountsBuf[k] - (k === n - 1 ? 100 : 0);
    // Exercise dates arrive in ascending order: the coupon period is searched from the last one's.
    let period = 0;
    let previousDate = -Infinity;
    /** Accrued per 100 at serial-valued time d (fractional serial allowed). */
    const accruedAt = (d: number): number => {
      if (d < previousDate) period = 0;
      previousDate = d;
      let k = period;
      while (k < n - 1 && datesBuf[k] <= d) k++;
      period = k;
      const from = k === 0 ? previous : datesBuf[k - 1];
      if (d <= from) return 0;
      return (coupon(k) * (d - from)) / (datesBuf[k] - from);
    };
    const timeOf = (serial: number) => (serial - settlement) / 365;
    const priceAt = (serial: number): number => {
      let p = NaN;
      for (let k = 0; k < call.dates.length; k++)
        if (call.dates[k] <= serial + 1e-9) p = call.prices[k];
      return p;
    };
    const add = (step: number, tau: number, serial: number) => {
      const strike = priceAt(serial) + accruedAt(serial);
      if (!Number.isFinite(strike)) return;
      if (eStep.length > exStart[i] && eStep[eStep.length - 1] === step) {
        // Two dates in one step (a grid coarser than the schedule): the later one stands.
        eStep.pop();
        eTau.pop();
        eStrike.pop();
      }
      eStep.push(step);
      eTau.push(tau);
      eStrike.push(strike);
    };
    if (call.style === "american") {
      const first = Math.max(1, Math.ceil(timeOf(call.dates[0]) / dt - 1e-9));
      for (let s = first; s * dt < maturityT - 1e-9; s++) add(s, 0, settlement + s * dt * 365);
    } else {
      const candidates =
        call.style === "european"
          ? Array.from(call.dates)
          : Array.from(datesBuf.subarray(0, n)).filter((d) => d >= call.dates[0]);
      for (const d of candidates) {
        const t = timeOf(d);
        if (!(t > 0) || t >= maturityT - 1e-9) continue;
        const s = Math.floor(t / dt + 1e-9);
        add(s, Math.max(0, t - s * dt), d);
      }
    }
  }
  flowStart[count] = fStep.length;
  exStart[count] = eStep.length;
  return {
    count,
    dt,
    lastStep,
    flowStart,
    flowStep: Int32Array.from(fStep),
    flowTau: Float64Array.from(fTau),
    flowAmount: Float64Array.from(fAmt),
    flowTime: Float64Array.from(fTime),
    exStart,
    exStep: Int32Array.from(eStep),
    exTau: Float64Array.from(eTau),
    exStrike: Float64Array.from(eStrike),
    accrued: sched.accrued,
    makeWhole,
  };
}

/** The bullet's dirty price per 100 at a constant spread s over the curve's discount factors. */
export function bulletPrice(
  grid: CallableGrid,
  b: number,
  discount: (t: number) => number,
  spread: number
): number {
  let p = 0;
  for (let f = grid.flowStart[b]; f < grid.flowStart[b + 1]; f++) {
    const t = grid.flowTime[f];
    p += grid.flowAmount[f] * discount(t) * Math.exp(-spread * t);
  }
  return p;
}

/**
 * One bond laid on a grid from explicit flows (times in years, amounts per 100) and calls (times
 * and clean prices per 100), accrued interest accruing linearly in time from each coupon's
 * accrual start (`accrualStarts`, one per flow, years; a coupon is the flow less any principal of
 * 100 at the last flow): bonds whose flows do not follow the holdings' schedule rule (adjusted
 * dates, day counts of another library). `dirtyStrikes` (per call, per 100): the amounts the
 * issuer pays at each call, taken as they are (the call prices and accrual starts then unused).
 */
export function explicitCallableGrid(
  flowTimes: readonly number[],
  flowAmounts: readonly number[],
  accrualStarts: readonly number[],
  callTimes: readonly number[],
  callPrices: readonly number[],
  stepsPerYear: number,
  dirtyStrikes?: readonly number[]
): CallableGrid {
  const dt = 1 / stepsPerYear;
  const n = flowTimes.length;
  const maturity = flowTimes[n - 1];
  const flowStep = Int32Array.from(flowTimes, (t) => Math.max(0, Math.ceil(t / dt - 1e-9) - 1));
  const coupon = (k: number) => flowAmounts[k] - (k === n - 1 ? 100 : 0);
  const accruedAt = (t: number) => {
    for (let k = 0; k < n; k++) {
      if (t < flowTimes[k] && t >= accrualStarts[k])
        return (coupon(k) * (t - accrualStarts[k])) / (flowTimes[k] - accrualStarts[k]);
    }
    return 0;
  };
  const steps: number[] = [];
  const taus: number[] = [];
  const strikes: number[] = [];
  callTimes.forEach((t, k) => {
    if (!(t > 0) || t >= maturity - 1e-9) return;
    const s = Math.floor(t / dt + 1e-9);
    if (steps[steps.length - 1] === s) {
      steps.pop();
      taus.pop();
      strikes.pop();
    }
    steps.push(s);
    taus.push(Math.max(0, t - s * dt));
    strikes.push(dirtyStrikes ? dirtyStrikes[k] : callPrices[k] + accruedAt(t));
  });
  return {
    count: 1,
    dt,
    lastStep: Int32Array.of(Math.max(1, Math.ceil(maturity / dt - 1e-9))),
    flowStart: Int32Array.of(0, n),
    flowStep,
    flowTau: Float64Array.from(flowTimes, (t, k) => t - flowStep[k] * dt),
    flowAmount: Float64Array.from(flowAmounts),
    flowTime: Float64Array.from(flowTimes),
    exStart: Int32Array.of(0, steps.length),
    exStep: Int32Array.from(steps),
    exTau: Float64Array.from(taus),
    exStrike: Float64Array.from(strikes),
    accrued: Float64Array.of(0),
    makeWhole: Uint8Array.of(0),
  };
}
