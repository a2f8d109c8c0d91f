/**
 * Floating-rate notes (and fixed-to-float notes) priced on a curve: each flow's known amount plus
 * its floating coupon 100·τ·(F + m), discounted as DF(t)·exp(−z·t).
 *
 * F is the index forward over the period, (β·DF(S)/DF(E) − 1)/τ on the curve priced on, β a
 * per-period basis fixed at calibration: the projection curve's growth DF(S)/DF(E) over the base
 * curve's (1 when the index is projected on the base curve itself) — the projection curve is the
 * curve priced on plus the base zero-rate basis, held. A shifted curve thus moves the projected
 * coupons with the discounting. z is the discount margin, decimal, continuously
 * compounded on the zero curve (as the fixed-rate engine's Z-spread): solved so that the price on
 * the base curve is the quote's dirty price (clean + accrued), or given (the holding's discount
 * margin) when there is no price.
 */
import { solveFlatSpread } from "../curve/spreadSolve";
import { ZeroCurve } from "../curve/zeroCurve";
import type { PricedBook } from "./fixedBond";
import type { FloatingFlows } from "./floatingFlows";

// Math's functions as module constants: a global looked up in a hot loop is several times slower
// in a vm context (Jest's test environment).
const { exp } = Math;

export interface FloatingBook extends PricedBook {
  readonly flows: FloatingFlows;
  /** Accrued interest per 100 at settlement, per note. */
  readonly accrued: Float64Array;
  /** Years to each note's next reset. */
  readonly nextReset: Float64Array;
  /** Every flow's amount per 100 with its coupon projected on `curve` (the flows' order). */
  amountsOn(curve: ZeroCurve): Float64Array;
}

/**
 * The distinct times of the flows (payment, period start and end) and each flow's index into
 * them, so that a curve is evaluated once per distinct date, not per flow.
 */
interface TimeGrid {
  readonly times: Float64Array;
  readonly pay: Int32Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
}

function timeGrid(f: FloatingFlows): TimeGrid {
  const index = new Map<number, number>();
  const times: number[] = [];
  const at = (t: number) => {
    if (Number.isNaN(t)) return -1;
    let k = index.get(t);
    if (k === undefined) {
      k = times.push(t) - 1;
      index.set(t, k);
    }
    return k;
  };
  return {
    pay: Int32Array.from(f.pay, at),
    from: Int32Array.from(f.from, at),
    to: Int32Array.from(f.to, at),
    times: Float64Array.from(times),
  };
}

/** Discount factors of `curve` on the grid's times. */
function gridDiscount(g: TimeGrid, curve: ZeroCurve): Float64Array {
  return Float64Array.from(g.times, (t) => curve.discount(t));
}

/** Amounts per 100 of every flow on discount factors `df` (a grid's) with the basis `b` (growth ratio per flow). */
function amounts(
  f: FloatingFlows,
  g: TimeGrid,
  b: Float64Array,
  df: Float64Array,
  out: Float64Array
): void {
  for (let j = 0; j < out.length; j++) {
    let a = f.fixed[j];
    if (f.tau[j] > 0) {
      const growth = (f.past[j] * df[g.from[j]]) / df[g.to[j]];
      a += 100 * (growth * b[j] - 1) + 100 * f.tau[j] * f.margin[j];
    }
    out[j] = a;
  }
}

/** Growth DF(S)/DF(E) over each floating period on `curve` (1 where none). */
function growths(f: FloatingFlows, curve: ZeroCurve): Float64Array {
  return Float64Array.from(f.tau, (tau, j) =>
    tau > 0 ? curve.discount(f.from[j]) / curve.discount(f.to[j]) : 1
  );
}

/**
 * Calibrates notes to their clean prices per 100 on `base` (NaN or ≤ 0: priced at the given
 * discount margin instead, when there is one), the index projected on `projection` (absent: on
 * `base`).
 */
export function calibrateFloating(
  flows: FloatingFlows,
  base: ZeroCurve,
  projection: ZeroCurve | undefined,
  clean: ArrayLike<number>,
  discountMargin?: ArrayLike<number>
): FloatingBook {
  const n = flows.count;
  const basis = new Float64Array(flows.pay.length).fill(1);
  if (projection) {
    const gp = growths(flows, projection);
    const gb = growths(flows, base);
    for (let j = 0; j < basis.length; j++) basis[j] = gp[j] / gb[j];
  }
  const g = timeGrid(flows);
  const baseDf = gridDiscount(g, base);
  const a = new Float64Array(flows.pay.length);
  amounts(flows, g, basis, baseDf, a);
  const df = Float64Array.from(g.pay, (k) => baseDf[k]);
  const pv = Float64Array.from(a, (x, j) => x * df[j]);
  const spread = new Float64Array(n).fill(NaN);
  const dirty = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    if (flows.start[i] === flows.start[i + 1]) continue;
    const dm = discountMargin?.[i] ?? NaN;
    if (clean[i] > 0) {
      const target = clean[i] + flows.accrued[i];
      spread[i] = solveFlatSpread(pv, flows.pay, flows.start[i], flows.start[i + 1], target);
    } else if (Number.isFinite(dm)) spread[i] = dm;
    if (!Number.isFinite(spread[i])) continue;
    let p = 0;
    for (let j = flows.start[i]; j < flows.start[i + 1]; j++)
      p += pv[j] * exp(-spread[i] * flows.pay[j]);
    dirty[i] = p;
  }
  // exp(−z·t) per flow, at the calibrated margins (held).
  const held = new Float64Array(flows.pay.length);
  for (let i = 0; i < n; i++) {
    const z = Number.isFinite(spread[i]) ? spread[i] : 0;
    for (let j = flows.start[i]; j < flows.start[i + 1]; j++) held[j] = exp(-z * flows.pay[j]);
  }
  const amt = new Float64Array(flows.pay.length);
  const price = (curve: ZeroCurve, dz?: Float64Array, out = new Float64Array(n)) => {
    const d = gridDiscount(g, curve);
    amounts(flows, g, basis, d, amt);
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(spread[i])) {
        out[i] = NaN;
        continue;
      }
      const extra = dz ? dz[i] : 0;
      let p = 0;
      if (extra === 0) {
        for (let j = flows.start[i]; j < flows.start[i + 1]; j++)
          p += amt[j] * d[g.pay[j]] * held[j];
      } else {
        for (let j = flows.start[i]; j < flows.start[i + 1]; j++)
          p += amt[j] * d[g.pay[j]] * held[j] * exp(-extra * flows.pay[j]);
      }
      out[i] = p;
    }
    return out;
  };
  return {
    count: n,
    spread,
    dirty,
    flows,
    accrued: flows.accrued,
    nextReset: flows.nextReset,
    price,
    amountsOn(curve: ZeroCurve) {
      const out = new Float64Array(flows.pay.length);
      amounts(flows, g, basis, gridDiscount(g, curve), out);
      return out;
    },
  };
}
