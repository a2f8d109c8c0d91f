/**
 * An immutable zero curve: continuously compounded zero rates at node times (ACT/365F years from
 * the settlement date), an interpolation, and optionally an additive zero-rate shift s(t)
 * (piecewise linear in t, flat outside its points) — the form a parallel, key-rate or spread bump
 * takes. Shifting returns a new curve.
 */
import { OutOfDomainError } from "../errors";
import { ForwardIntegral, Interpolation, interpolator } from "./interpolation";

// Math's functions as module constants: a global looked up in a hot loop is several times slower
// in a vm context (Jest's test environment).
const { exp } = Math;

/** A zero-rate shift: decimal at each point t (years), linear between points, flat outside. */
export interface ZeroShift {
  readonly times: Float64Array;
  readonly values: Float64Array;
}

function shiftAt(shift: ZeroShift, t: number): number {
  const { times, values } = shift;
  const n = times.length;
  if (t <= times[0]) return values[0];
  if (t >= times[n - 1]) return values[n - 1];
  let i = 0;
  while (times[i + 1] < t) i++;
  const w = (t - times[i]) / (times[i + 1] - times[i]);
  return values[i] + w * (values[i + 1] - values[i]);
}

export class ZeroCurve {
  private readonly integral: ForwardIntegral;
  /** contentKey, built on first use. */
  private key?: string;

  /**
   * @param settlement Reference date, Excel serial; t = 0.
   * @param times Node times, ACT/365F years, strictly increasing and > 0.
   * @param zeros Continuously compounded zero rates at the nodes, decimal.
   */
  constructor(
    readonly settlement: number,
    readonly times: Float64Array,
    readonly zeros: Float64Array,
    readonly interpolation: Interpolation,
    readonly shifts: readonly ZeroShift[] = []
  ) {
    if (times.length === 0 || times.length !== zeros.length) {
      throw new OutOfDomainError(
        "a curve needs at least one node, with one rate per tenor",
        times.length,
        "curve"
      );
    }
    for (let i = 0; i < times.length; i++) {
      if (!(times[i] > (i === 0 ? 0 : times[i - 1]))) {
        throw new OutOfDomainError(
          "curve tenors must be distinct, after settlement and in increasing order",
          times[i],
          "curve"
        );
      }
      if (!Number.isFinite(zeros[i]))
        throw new OutOfDomainError("curve rates must be numbers", zeros[i], "curve");
    }
    this.integral = interpolator(interpolation, times, zeros);
  }

  /** ∫₀ᵗ f(u) du including the shifts: −ln DF(t). */
  logDiscount(t: number): number {
    let v = this.integral(t);
    for (const s of this.shifts) v += shiftAt(s, t) * t;
    return v;
  }

  /** Discount factor at t years. */
  discount(t: number): number {
    return exp(-this.logDiscount(t));
  }

  /** Continuously compounded zero rate at t years (the first node's rate at t → 0). */
  zeroRate(t: number): number {
    return t > 1e-12 ? this.logDiscount(t) / t : this.logDiscount(1e-6) / 1e-6;
  }

  /**
   * A text equal for two curves exactly when their content is (settlement, interpolation, nodes
   * and shifts, every number in its round-trip form), so such curves give the same figures to the
   * bit: what a cache keyed by content uses.
   */
  get contentKey(): string {
    if (this.key === undefined) {
      const shifts = this.shifts.map((s) => `${s.times.join()}:${s.values.join()}`).join(";");
      this.key = `${this.settlement}|${this.interpolation}|${this.times.join()}|${this.zeros.join()}|${shifts}`;
    }
    return this.key;
  }

  /** The same curve with an additional zero-rate shift. */
  withShift(shift: ZeroShift): ZeroCurve {
    return new ZeroCurve(this.settlement, this.times, this.zeros, this.interpolation, [
      ...this.shifts,
      shift,
    ]);
  }

  /** The same curve shifted in parallel by `bp` basis points of continuously compounded zero rate. */
  parallel(bp: number): ZeroCurve {
    return this.withShift({ times: Float64Array.of(0), values: Float64Array.of(bp * 1e-4) });
  }
}

/**
 * Triangular key-rate weights: 1 at key k, falling linearly (in t) to 0 at its neighbours, flat
 * beyond the first and last key, so that the weights of all keys sum to 1 everywhere.
 */
export function keyRateWeight(keyTimes: Float64Array, k: number, t: number): number {
  const n = keyTimes.length;
  const tk = keyTimes[k];
  if (t <= tk) {
    if (k === 0) return 1;
    const prev = keyTimes[k - 1];
    return t <= prev ? 0 : (t - prev) / (tk - prev);
  }
  if (k === n - 1) return 1;
  const next = keyTimes[k + 1];
  return t >= next ? 0 : (next - t) / (next - tk);
}

/** The zero-rate shift of `bp` basis points shaped as key k's triangle. */
export function keyRateShift(keyTimes: Float64Array, k: number, bp: number): ZeroShift {
  return {
    times: keyTimes,
    values: Float64Array.from(keyTimes, (_, j) => (j === k ? bp * 1e-4 : 0)),
  };
}
