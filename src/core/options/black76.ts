/**
 * Options on futures: Black-76 (European) and the Barone-Adesi–Whaley approximation (American),
 * prices in the futures' own units (points per 100 for Treasury futures).
 *
 * Black-76: DF·ω·(F·Φ(ω·d₁) − K·Φ(ω·d₂)), d₁,₂ = (ln(F/K) ± σ²T/2)/(σ√T), DF = e^(−rT); σ is the
 * lognormal price volatility (decimal a year), T years ACT/365F, r continuously compounded.
 *
 * Barone-Adesi–Whaley (1987) with the cost of carry of a futures (b = 0): the European price plus
 * the early-exercise premium A·(F/F*)^q, F* the critical futures price, solved by Newton's method
 * from the authors' seed (as QuantLib's BaroneAdesiWhaleyApproximationEngine does; here to a
 * relative 1e-12 rather than 1e-6). With r ≤ 0 a futures option is never exercised early (BAW is
 * not defined for negative rates): the European price is returned.
 */
import { OutOfDomainError } from "../errors";
import { normCdf, normPdf } from "./normal";

/** Black-76 price, discounted. `sign` +1 call, −1 put. */
export function black76(
  forward: number,
  strike: number,
  sigma: number,
  t: number,
  df: number,
  sign: 1 | -1
): number {
  const s = sigma * Math.sqrt(Math.max(t, 0));
  if (!(s > 0)) return df * Math.max(sign * (forward - strike), 0);
  const d1 = Math.log(forward / strike) / s + s / 2;
  const d2 = d1 - s;
  return df * sign * (forward * normCdf(sign * d1) - strike * normCdf(sign * d2));
}

/** The critical futures price F* of the BAW approximation (variance v = σ²T, DF = e^(−rT) < 1). */
function criticalPrice(
  strike: number,
  v: number,
  df: number,
  sign: 1 | -1,
  tolerance: number
): number {
  const sd = Math.sqrt(v);
  const m = (-2 * Math.log(df)) / v;
  // Seed (n = 0, bT = 0 for a futures).
  const qu = (1 + sign * Math.sqrt(1 + 4 * m)) / 2;
  const su = strike / (1 - 1 / qu);
  let si =
    sign > 0
      ? strike + (su - strike) * (1 - Math.exp((-2 * sd * strike) / (su - strike)))
      : su + (strike - su) * Math.exp((-2 * sd * strike) / (strike - su));
  const k = Math.abs(1 - df) > 1e-13 ? (-2 * Math.log(df)) / (v * (1 - df)) : 2 / v;
  const q = (1 + sign * Math.sqrt(1 + 4 * k)) / 2;
  for (let iter = 0; iter < 200; iter++) {
    const d1 = Math.log(si / strike) / sd + sd / 2;
    const nd = normCdf(sign * d1);
    const lhs = sign * (si - strike);
    const rhs = black76(si, strike, Math.sqrt(v), 1, df, sign) + (sign * (1 - df * nd) * si) / q;
    if (Math.abs(lhs - rhs) / strike <= tolerance) break;
    if (sign > 0) {
      const bi = df * nd * (1 - 1 / q) + (1 - (df * normPdf(d1)) / sd) / q;
      si = (strike + rhs - bi * si) / (1 - bi);
    } else {
      const bi = -df * nd * (1 - 1 / q) - (1 + (df * normPdf(-d1)) / sd) / q;
      si = (strike - rhs + bi * si) / (1 + bi);
    }
  }
  return si;
}

/**
 * Barone-Adesi–Whaley American futures-option price (points); `r` continuous, ACT/365F;
 * `tolerance` stops the critical-price search (relative to the strike; QuantLib uses 1e-6).
 */
export function baroneAdesiWhaley(
  forward: number,
  strike: number,
  sigma: number,
  t: number,
  r: number,
  sign: 1 | -1,
  tolerance = 1e-12
): number {
  if (!(forward > 0) || !(strike > 0))
    throw new OutOfDomainError(
      `futures price and strike must be > 0, got ${forward} and ${strike}`,
      [forward, strike],
      "futures_price"
    );
  const df = Math.exp(-r * Math.max(t, 0));
  const european = black76(forward, strike, sigma, t, df, sign);
  const v = sigma * sigma * Math.max(t, 0);
  if (!(v > 0) || !(r > 0)) return Math.max(european, Math.max(sign * (forward - strike), 0));
  const fs = criticalPrice(strike, v, df, sign, tolerance);
  const sd = Math.sqrt(v);
  const d1 = Math.log(fs / strike) / sd + sd / 2;
  const k = Math.abs(1 - df) > 1e-13 ? (-2 * Math.log(df)) / (v * (1 - df)) : 2 / v;
  const q = (1 + sign * Math.sqrt(1 + 4 * k)) / 2;
  const a = sign * (fs / q) * (1 - df * normCdf(sign * d1));
  if (sign > 0 ? forward < fs : forward > fs) return european + a * Math.pow(forward / fs, q);
  return sign * (forward - strike);
}
