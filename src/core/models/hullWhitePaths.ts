/**
 * Monte Carlo paths of the Hull–White one-factor short rate, fitted to a zero curve, for path-
 * dependent instruments (MBS). dr = (θ(t) − a·r) dt + σ dW is written r(t) = x(t) + φ(t) with
 * dx = −a·x dt + σ dW, x(0) = 0, and φ fitted to the curve. Everything random lives in x, which
 * does not depend on the curve; a curve enters only through deterministic terms:
 *   path discount factor  D_p(t) = P(0,t) · G_p(t),   G_p(t) = e^{−∫₀ᵗ x_p} / mean_p e^{−∫₀ᵗ x_p};
 *   zero yield at t for τ years  y_p(t,τ) = F(t,τ) + c(t,τ) + (B(τ)/τ)·x_p(t),
 * with P(0,t) the curve's discount factor, F(t,τ) its forward zero rate from t to t+τ, B(τ) =
 * (1 − e^{−aτ})/a and c(t,τ) = [σ²(1 − e^{−2at})B²/(4a) + σ²(1 − e^{−at})²B/(2a²)]/τ (Brigo &
 * Mercurio, Interest Rate Models, §3.3). Normalising G by its path mean at every date makes the
 * simulated discount factors reprice the curve exactly (the Monte Carlo fit of θ), so a fixed cash
 * flow is worth the same on the paths as on the curve for any σ, and the paths for a bumped or
 * shocked curve use the very same random numbers (common random numbers across every bump).
 *
 * x is simulated exactly between dates (x_{k+1} = x_k e^{−aΔ} + σ√((1 − e^{−2aΔ})/2a)·Z), ∫x by the
 * trapezoid rule; antithetic: path p + N/2 is path p with every Z negated; draws are step-major
 * (all paths' draws for date 1, then date 2, …) from a seeded generator, so results are
 * reproducible run to run.
 */
import { HullWhiteParams } from "./hullWhite";
import { OutOfDomainError } from "../errors";

// Math's functions as module constants: a global looked up in a hot loop is several times slower
// in a vm context (Jest's test environment).
const { exp, expm1, floor, imul, log, min, sqrt } = Math;

/** The curve-independent part of a path set. */
export interface HullWhiteStates {
  readonly params: HullWhiteParams;
  /** Number of paths (even: the second half are the antithetic mirrors of the first). */
  readonly paths: number;
  readonly seed: number;
  /** Dates, ACT/365F years: times[0] = 0 (settlement), then each payment date. */
  readonly times: Float64Array;
  /** x_p(times[k]) at [p·(n+1) + k], n + 1 = times.length. */
  readonly x: Float64Array;
  /** G_p(times[k]) at [p·(n+1) + k]; mean over paths 1 at every k (G = 1 at k = 0). */
  readonly g: Float64Array;
}

/** A deterministic uniform generator on (0, 1) (mulberry32). */
export function uniformGenerator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

/** B(τ) = (1 − e^{−aτ})/a (τ when a = 0). */
export function hwB(a: number, tau: number): number {
  return a > 1e-12 ? -expm1(-a * tau) / a : tau;
}

/** c(t, τ) of the module comment: the yield's deterministic convexity term, decimal. */
export function hwYieldConvexity(p: HullWhiteParams, t: number, tau: number): number {
  const a = p.meanReversion;
  const s2 = p.volatility * p.volatility;
  const b = hwB(a, tau);
  // σ²(1 − e^{−2at})/(4a) → σ²t/2 and σ²(1 − e^{−at})²/(2a²) → σ²t²/2 as a → 0.
  const v1 = a > 1e-12 ? (s2 * -expm1(-2 * a * t)) / (4 * a) : (s2 * t) / 2;
  const e = a > 1e-12 ? -expm1(-a * t) / a : t;
  return (v1 * b * b + (s2 * e * e * b) / 2) / tau;
}

const cache = new Map<string, HullWhiteStates>();

/**
 * The states of `paths` paths (rounded up to even) on the dates `times` (ACT/365F years,
 * increasing, times[0] = 0), cached by their inputs (a few kept).
 */
export function simulateHullWhite(
  params: HullWhiteParams,
  times: Float64Array,
  paths: number,
  seed: number
): HullWhiteStates {
  if (!(Number.isInteger(paths) && paths >= 2 && paths <= 100000))
    throw new OutOfDomainError("paths must be a whole number from 2 to 100,000", paths, "paths");
  const n = paths + (paths % 2);
  const key = `${params.meanReversion}|${params.volatility}|${n}|${seed}|${times.length}|${times[1]}|${times[times.length - 1]}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const a = params.meanReversion;
  const sigma = params.volatility;
  const m = times.length;
  const half = n / 2;
  const x = new Float64Array(n * m);
  const g = new Float64Array(n * m);
  const w = brownianPaths(times, half, seed);
  const decay = new Float64Array(m);
  const scale = new Float64Array(m);
  for (let k = 1; k < m; k++) {
    const dt = times[k] - times[k - 1];
    decay[k] = exp(-a * dt);
    // Exact OU transition from the Brownian increment: sd(x_k | x_{k−1}) / √Δ.
    scale[k] = sigma * sqrt(a > 1e-12 ? -expm1(-2 * a * dt) / (2 * a * dt) : 1);
  }
  for (let p = 0; p < n; p++) {
    const sign = p < half ? 1 : -1;
    const wr = (p % half) * m;
    const row = p * m;
    let integral = 0;
    g[row] = 1;
    for (let k = 1; k < m; k++) {
      const prev = x[row + k - 1];
      const cur = prev * decay[k] + scale[k] * sign * (w[wr + k] - w[wr + k - 1]);
      x[row + k] = cur;
      integral += 0.5 * (prev + cur) * (times[k] - times[k - 1]);
      g[row + k] = exp(-integral);
    }
  }
  for (let k = 1; k < m; k++) {
    let mean = 0;
    for (let p = 0; p < n; p++) mean += g[p * m + k];
    mean /= n;
    for (let p = 0; p < n; p++) g[p * m + k] /= mean;
  }
  const states: HullWhiteStates = { params, paths: n, seed, times, x, g };
  if (cache.size >= 8) cache.delete(cache.keys().next().value as string);
  cache.set(key, states);
  return states;
}

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(u: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (u < lo) {
    const q = sqrt(-2 * log(u));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (u > 1 - lo) return -normalQuantile(1 - u);
  const q = u - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** Bridge dimensions drawn by Latin hypercube sampling (the coarsest, which carry most variance). */
const STRATIFIED_DIMENSIONS = 16;

/**
 * `count` Brownian paths W(times[k]) (W(0) = 0), at [p·m + k], built by a Brownian bridge: the
 * last date first, then midpoints by bisection of index ranges, so the first draws fix the paths'
 * coarse shape. The first STRATIFIED_DIMENSIONS draws of the bridge are Latin-hypercube samples
 * (one per stratum of 1/count, strata shuffled per dimension); the rest are independent.
 */
function brownianPaths(times: Float64Array, count: number, seed: number): Float64Array {
  const m = times.length;
  // Bridge order: (node, left, right) with left/right already known (−1 right: none).
  const order: [number, number, number][] = [[m - 1, 0, -1]];
  const queue: [number, number][] = [[0, m - 1]];
  while (queue.length) {
    const [l, r] = queue.shift()!;
    if (r - l < 2) continue;
    const mid = (l + r) >> 1;
    order.push([mid, l, r]);
    queue.push([l, mid], [mid, r]);
  }
  const next = uniformGenerator(seed);
  const dims = min(STRATIFIED_DIMENSIONS, order.length);
  const strata: Int32Array[] = [];
  for (let d = 0; d < dims; d++) {
    const perm = Int32Array.from({ length: count }, (_, i) => i);
    for (let i = count - 1; i > 0; i--) {
      const j = floor(next() * (i + 1));
      const t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    strata.push(perm);
  }
  const w = new Float64Array(count * m);
  for (let p = 0; p < count; p++) {
    const row = p * m;
    for (let d = 0; d < order.length; d++) {
      const u = d < dims ? (strata[d][p] + next()) / count : next();
      const z = normalQuantile(u);
      const [k, l, r] = order[d];
      if (r < 0) {
        w[row + k] = sqrt(times[k] - times[l]) * z + w[row + l];
      } else {
        const tl = times[l];
        const tr = times[r];
        const tk = times[k];
        const mean = w[row + l] + ((tk - tl) / (tr - tl)) * (w[row + r] - w[row + l]);
        w[row + k] = mean + sqrt(((tk - tl) * (tr - tk)) / (tr - tl)) * z;
      }
    }
  }
  return w;
}
