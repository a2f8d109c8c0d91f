/**
 * Closed form of a bond callable once (European) under Hull–White: Jamshidian's decomposition.
 * The callable is the bullet less the issuer's call on the bond's remaining flows, struck at the
 * dirty call price K at the exercise time T. Under the T-forward measure the model's bond prices
 * are P(T,t) = F(t)·exp(−B(T,t)·y − ½B(T,t)²·v), F(t) = P(0,t)/P(0,T), y ~ N(0, v),
 * v = σ²(1 − e^{−2aT})/(2a), B(T,t) = (1 − e^{−a(t−T)})/a, so with y* where the flows are worth K,
 *   call = P(0,T)·[Σ_k c_k·F(t_k)·N(z* + B_k·√v) − K·N(z*)],  z* = y* ÷ √v.
 * A constant spread s on the short rate scales every flow by e^{−s·t} (the model's dynamics are
 * unchanged), which is how the OAS enters. Prices per 100, times ACT/365F years.
 */
import { HullWhiteParams } from "./hullWhite";

/** Standard normal CDF (W. J. Cody's erfc rational approximations via the complementary error function; |error| < 1e-14). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

function erfc(x: number): number {
  // Numerical Recipes' erfc via Chebyshev fit (relative error < 1.2e-7) is too coarse for
  // finite differences; use the continued fraction / series split instead.
  const z = Math.abs(x);
  let r: number;
  if (z < 2) {
    // erf series: erf(z) = 2/√π Σ (−1)^n z^{2n+1}/(n!(2n+1))
    let sum = z;
    let term = z;
    const z2 = z * z;
    for (let n = 1; n < 60; n++) {
      term *= -z2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    r = 1 - (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    // Continued fraction (Lentz) for erfc(z) = e^{−z²}/√π · 1/(z + 1/2/(z + 1/(z + 3/2/(z + …))))
    let f = z;
    let c = z;
    let d = 0;
    for (let n = 1; n < 200; n++) {
      const an = n / 2;
      d = z + an * d;
      d = d === 0 ? 1e-300 : 1 / d;
      c = z + an / c;
      if (c === 0) c = 1e-300;
      const delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) break;
    }
    r = Math.exp(-z * z) / Math.sqrt(Math.PI) / f;
  }
  return x >= 0 ? r : 2 - r;
}

/** A bond with one European call, on a curve. */
export interface EuropeanCallable {
  /** Flow times (years) and amounts per 100, ascending. */
  readonly times: ArrayLike<number>;
  readonly amounts: ArrayLike<number>;
  /** Exercise time, years (> 0), and dirty strike per 100 (clean call price + accrued then). */
  readonly exercise: number;
  readonly strike: number;
}

/**
 * Dirty price per 100 of the callable at spread s (decimal, continuous, added to the short rate):
 * the bullet's value less the call's. `discount(t)` is the curve's discount factor.
 */
export function jamshidianPrice(
  bond: EuropeanCallable,
  model: Pick<HullWhiteParams, "meanReversion" | "volatility">,
  discount: (t: number) => number,
  spread: number
): number {
  const { times, amounts, exercise: T, strike: K } = bond;
  const a = model.meanReversion;
  const sigma = model.volatility;
  let bullet = 0;
  const c: number[] = [];
  const F: number[] = [];
  const B: number[] = [];
  const pT = discount(T) * Math.exp(-spread * T);
  for (let k = 0; k < times.length; k++) {
    const t = times[k];
    const pv = amounts[k] * discount(t) * Math.exp(-spread * t);
    bullet += pv;
    if (t <= T) continue;
    c.push(pv / pT); // c_k·F_k with the spread folded in
    F.push(1);
    B.push(a < 1e-10 ? t - T : (1 - Math.exp(-a * (t - T))) / a);
  }
  if (!c.length) return bullet;
  const v = a < 1e-10 ? sigma * sigma * T : (sigma * sigma * (1 - Math.exp(-2 * a * T))) / (2 * a);
  const sd = Math.sqrt(v);
  const worth = (y: number) => {
    let s = 0;
    let ds = 0;
    for (let k = 0; k < c.length; k++) {
      const x = c[k] * Math.exp(-B[k] * y - 0.5 * B[k] * B[k] * v);
      s += x;
      ds -= B[k] * x;
    }
    return [s, ds];
  };
  if (sd === 0) return bullet - pT * Math.max(worth(0)[0] - K, 0);
  // y*: the flows are worth K (decreasing in y); Newton from 0, guarded by bisection bounds.
  let y = 0;
  let lo = -1;
  let hi = 1;
  while (worth(lo)[0] < K && lo > -50) lo *= 2;
  while (worth(hi)[0] > K && hi < 50) hi *= 2;
  for (let it = 0; it < 100; it++) {
    const [s, ds] = worth(y);
    if (s > K) lo = y;
    else hi = y;
    let next = y - (s - K) / ds;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - y) < 1e-15) {
      y = next;
      break;
    }
    y = next;
  }
  const z = y / sd;
  let call = -K * normalCdf(z);
  for (let k = 0; k < c.length; k++) call += c[k] * normalCdf(z + B[k] * sd);
  return bullet - pT * call;
}
