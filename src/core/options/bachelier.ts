/**
 * Bachelier (normal) option prices on a forward rate, undiscounted, per 1 of annuity:
 *
 *   ω(F − K)·Φ(ω·d) + s·φ(d),   d = (F − K)/s,   s = σ·√T
 *
 * with σ the normal volatility (decimal a year: 0.01 = 100 bp), T the time to expiry (years,
 * ACT/365F), ω = +1 for a call (payer swaption, caplet) and −1 for a put (receiver, floorlet).
 * At s = 0 the price is the intrinsic value max(ω(F − K), 0). The kernel takes typed arrays; the
 * scalar form is the kernel with one item.
 */
import { normCdf, normPdf } from "./normal";

/**
 * Undiscounted Bachelier prices: out[i] = price(forward[i], strike[i], stdev[i], sign[i]);
 * `stdev` is σ√T (decimal), `sign` +1 call / −1 put.
 */
export function bachelierKernel(
  forward: ArrayLike<number>,
  strike: ArrayLike<number>,
  stdev: ArrayLike<number>,
  sign: ArrayLike<number>,
  out: Float64Array = new Float64Array(forward.length)
): Float64Array {
  for (let i = 0; i < out.length; i++) {
    const w = sign[i];
    const m = w * (forward[i] - strike[i]);
    const s = stdev[i];
    if (!(s > 0)) {
      out[i] = m > 0 ? m : 0;
      continue;
    }
    const d = m / s;
    out[i] = m * normCdf(d) + s * normPdf(d);
  }
  return out;
}

/** dPrice/dσ·per unit of √T (the normal vega per 1 of σ, undiscounted): √T·φ(d). */
export function bachelierVega(forward: number, strike: number, sigma: number, t: number): number {
  const s = sigma * Math.sqrt(t);
  if (!(s > 0)) return 0;
  return Math.sqrt(t) * normPdf((forward - strike) / s);
}

/** One Bachelier price (the kernel with one item). */
export function bachelier(
  forward: number,
  strike: number,
  sigma: number,
  t: number,
  sign: 1 | -1
): number {
  return bachelierKernel([forward], [strike], [sigma * Math.sqrt(Math.max(t, 0))], [sign])[0];
}
