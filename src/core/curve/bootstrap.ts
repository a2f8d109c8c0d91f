/**
 * Bootstraps a par curve to zero rates so that every input instrument reprices to par (to 1e-12).
 *
 * Treasury par yields ("treasury", as the US Treasury publishes them: bond-equivalent, semiannual):
 * - tenors of 6 months or less are single-payment bills: price 1/(1 + y·τ), τ = ACT/365 days;
 * - longer tenors are par bonds paying y/2 every six months, dated back from the tenor date (a
 *   short first period pays its pro-rated share), discounted at their ACT/365F times.
 * SOFR OIS par rates ("sofr_ois": fixed annual ACT/360 against compounded SOFR, single curve, so
 * the floating leg is worth 1 − DF(T)): tenors of 12 months or less pay once, (1 + S·α) at T;
 * longer tenors pay S·α every year counted back from the tenor date, α = actual days/360 of each
 * period (a short first period accrues its own days). Par: S·Σ α·DF + DF(T) = 1.
 * The interpolation between nodes is the curve's own; with monotone convex (non-local by one
 * interval) the sequential solve is repeated until no node moves by more than 1e-15.
 */
import { NoSolutionError } from "../errors";
import { Interpolation } from "./interpolation";
import { tenorDate, curveTime } from "./tenor";
import { ZeroCurve } from "./zeroCurve";

interface ParInstrument {
  /** Payment times (years) and amounts per 1 of face, final principal included. */
  times: number[];
  amounts: number[];
  /** Its price per 1 of face: 1 for a par bond, 1/(1 + yτ) for a bill. */
  price: number;
}

/** Which par instruments a par curve quotes. */
export type ParConvention = "treasury" | "sofr_ois";

function parInstrument(
  settlement: number,
  months: number,
  parYield: number,
  convention: ParConvention
): ParInstrument {
  return convention === "sofr_ois"
    ? oisInstrument(settlement, months, parYield)
    : treasuryInstrument(settlement, months, parYield);
}

/**
 * Fixed-leg payment dates (Excel serials) and ACT/360 accruals of a SOFR OIS of `months` from
 * settlement: annual, counted back from the end; the first period may be short.
 */
export function oisFixedLeg(
  settlement: number,
  months: number
): { pay: number[]; accrual: number[] } {
  const pay: number[] = [];
  const accrual: number[] = [];
  for (let back = 0; back < months; back += 12) {
    const end = tenorDate(settlement, months - back);
    const start = months - back - 12 > 0 ? tenorDate(settlement, months - back - 12) : settlement;
    pay.unshift(end);
    accrual.unshift((end - start) / 360);
  }
  return { pay, accrual };
}

function oisInstrument(settlement: number, months: number, rate: number): ParInstrument {
  const { pay, accrual } = oisFixedLeg(settlement, months);
  return {
    times: pay.map((d) => curveTime(settlement, d)),
    amounts: accrual.map((a, j) => rate * a + (j === pay.length - 1 ? 1 : 0)),
    price: 1,
  };
}

function treasuryInstrument(settlement: number, months: number, parYield: number): ParInstrument {
  const t = curveTime(settlement, tenorDate(settlement, months));
  if (months <= 6) return { times: [t], amounts: [1], price: 1 / (1 + parYield * t) };
  const times: number[] = [];
  const amounts: number[] = [];
  for (let back = 0; back < months; back += 6) {
    const pay = tenorDate(settlement, months - back);
    const prev = tenorDate(settlement, months - back - 6);
    // A first period shorter than six months pays its share of the coupon.
    const share = months - back < 6 ? (pay - settlement) / (pay - prev) : 1;
    times.unshift(curveTime(settlement, pay));
    amounts.unshift((parYield / 2) * share + (back === 0 ? 1 : 0));
  }
  return { times, amounts, price: 1 };
}

/** Present value per 1 of face of an instrument on a curve. */
function value(curve: ZeroCurve, ins: ParInstrument): number {
  let pv = 0;
  for (let j = 0; j < ins.times.length; j++) pv += ins.amounts[j] * curve.discount(ins.times[j]);
  return pv;
}

/**
 * Zero curve (continuous, ACT/365F) whose par instruments reprice exactly.
 * @param months Tenors in months, strictly increasing.
 * @param parYields Par yields (decimal) in the convention's quoting.
 * @param convention Treasury par yields (default) or SOFR OIS par swap rates.
 * @throws NoSolutionError when a tenor cannot be repriced (e.g. absurd inputs).
 */
export function bootstrapPar(
  settlement: number,
  months: readonly number[],
  parYields: readonly number[],
  interpolation: Interpolation,
  convention: ParConvention = "treasury"
): ZeroCurve {
  const n = months.length;
  const times = Float64Array.from(months, (m) => curveTime(settlement, tenorDate(settlement, m)));
  const instruments = months.map((m, i) => parInstrument(settlement, m, parYields[i], convention));
  const zeros = new Float64Array(n);
  // Start: each node's zero rate from its yield, continuously compounded.
  for (let i = 0; i < n; i++) zeros[i] = 2 * Math.log(1 + parYields[i] / 2);
  const solveNode = (i: number): number => {
    const before = zeros[i];
    const price = (z: number) => {
      zeros[i] = z;
      const curve = new ZeroCurve(settlement, times, zeros, interpolation);
      return value(curve, instruments[i]);
    };
    const goal = instruments[i].price;
    // Secant iterations on the node's zero rate; the price is smooth and monotone in it.
    let z0 = before;
    let z1 = before + 1e-4;
    let p0 = price(z0) - goal;
    let p1 = price(z1) - goal;
    for (let k = 0; k < 60 && Math.abs(p1) > 1e-15; k++) {
      const z2 = z1 - (p1 * (z1 - z0)) / (p1 - p0);
      z0 = z1;
      p0 = p1;
      z1 = z2;
      p1 = price(z1) - goal;
    }
    if (!Number.isFinite(z1) || Math.abs(p1) > 1e-12) {
      throw new NoSolutionError(
        `the par curve cannot be bootstrapped at ${months[i]} months (yield ${parYields[i]})`,
        parYields[i],
        "curve"
      );
    }
    zeros[i] = z1;
    return Math.abs(z1 - before);
  };
  for (let pass = 0; pass < 100; pass++) {
    let moved = 0;
    for (let i = 0; i < n; i++) moved = Math.max(moved, solveNode(i));
    if (moved < 1e-15 || interpolation === "linear_zero") break;
  }
  return new ZeroCurve(settlement, times, zeros, interpolation);
}

/** Par yield implied by a curve for a tenor (the inverse of the bootstrap, for checks and display). */
export function parYieldOf(
  curve: ZeroCurve,
  months: number,
  convention: ParConvention = "treasury"
): number {
  const unit = parInstrument(curve.settlement, months, 1, convention);
  const t = unit.times[unit.times.length - 1];
  if (convention === "treasury" && months <= 6) return (1 / curve.discount(t) - 1) / t;
  // value(y) = DF(T) + y·annuity, where annuity is the value of the coupons per unit of yield.
  const annuity = value(curve, unit) - curve.discount(t);
  return (1 - curve.discount(t)) / annuity;
}
