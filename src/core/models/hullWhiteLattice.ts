/**
 * A trinomial Hull–White lattice fitted exactly to a zero curve, on a uniform time grid from the
 * curve's settlement (t_i = i·dt, ACT/365F years).
 *
 * The state x follows dx = −a·x dt + σ dW (x₀ = 0); the short rate over step i is
 * r = α_i + x. The geometry (QuantLib's TrinomialTree construction: dx = √(3·V), V the exact
 * one-step variance; node j branches to round(j·e^{−a·dt}) ± 1 with probabilities matching the
 * exact conditional mean and variance) depends only on a, σ and dt, so it is built once and shared
 * by every curve; fitting a curve is one forward pass of Arrow–Debreu prices giving each α_i in
 * closed form so that the lattice reprices the curve's discount factor at every grid time.
 *
 * The lattice is cut at ±TRUNCATION_SD standard deviations of x (the mass that would leave is kept
 * on the edge node; probability below 6e-7), which keeps the node count proportional to the
 * distribution's width rather than to 1/(a·dt). Node (i, j) is stored at index j + width[i] of
 * step i's array.
 */
import { ZeroCurve } from "../curve/zeroCurve";
import { HullWhiteParams } from "./hullWhite";

// Math's functions as module constants: a global looked up in a hot loop is several times slower
// in a vm context (Jest's test environment).
const { ceil, exp, log, max, min, round, sqrt } = Math;

/** Standard deviations of x kept on each side of the lattice. */
export const TRUNCATION_SD = 5;

export interface LatticeGeometry {
  readonly meanReversion: number;
  readonly volatility: number;
  /** Step, years. */
  readonly dt: number;
  /** Steps; the lattice reaches t = steps·dt. */
  readonly steps: number;
  /** Node spacing of x, decimal rate (0 for σ = 0). */
  readonly dx: number;
  /** Half-width of step i (nodes −width[i] … width[i]); steps + 1 entries. */
  readonly width: Int32Array;
  /** Largest half-width. */
  readonly maxWidth: number;
  /** Per node j (index j + maxWidth): the middle branch target, and its three probabilities. */
  readonly k: Int32Array;
  readonly pDown: Float64Array;
  readonly pMid: Float64Array;
  readonly pUp: Float64Array;
  /** exp(−j·dx·dt) per node j (index j + maxWidth): the state's share of one step's discount. */
  readonly stateDf: Float64Array;
  /** stateDf × each branch probability per node: one step's discounted branch weights (less α). */
  readonly wDown: Float64Array;
  readonly wMid: Float64Array;
  readonly wUp: Float64Array;
  /**
   * True when every node branches around its own level (k = j: a·dt small enough that
   * round(j·e^{−a·dt}) = j across the lattice): the rollback's interior then needs no clamping.
   */
  readonly regular: boolean;
}

/** A geometry fitted to one curve. */
export interface FittedLattice {
  readonly geometry: LatticeGeometry;
  readonly curve: ZeroCurve;
  /** α_i, decimal: the short rate over step i is α_i + j·dx. */
  readonly alpha: Float64Array;
}

/** Exact variance of x after t years from a known state. */
function variance(a: number, sigma: number, t: number): number {
  return a < 1e-10 ? sigma * sigma * t : (sigma * sigma * (1 - exp(-2 * a * t))) / (2 * a);
}

/** The lattice's shape for the model at `stepsPerYear`, reaching at least `horizon` years. */
export function latticeGeometry(
  model: Pick<HullWhiteParams, "meanReversion" | "volatility">,
  stepsPerYear: number,
  horizon: number
): LatticeGeometry {
  const a = model.meanReversion;
  const sigma = model.volatility;
  const dt = 1 / stepsPerYear;
  const steps = max(1, ceil(horizon / dt - 1e-9));
  const v1 = variance(a, sigma, dt);
  const dx = sqrt(3 * v1);
  const width = new Int32Array(steps + 1);
  for (let i = 0; i <= steps; i++) {
    const cap = dx > 0 ? ceil((TRUNCATION_SD * sqrt(variance(a, sigma, i * dt))) / dx) : 0;
    width[i] = min(i, cap);
  }
  // Non-decreasing widths: a node's branches then stay within one node of the next step's edge.
  for (let i = 1; i <= steps; i++) if (width[i] < width[i - 1]) width[i] = width[i - 1];
  const maxWidth = width[steps];
  const size = 2 * maxWidth + 1;
  const k = new Int32Array(size);
  const pDown = new Float64Array(size);
  const pMid = new Float64Array(size).fill(1);
  const pUp = new Float64Array(size);
  const stateDf = new Float64Array(size);
  const decay = exp(-a * dt);
  for (let j = -maxWidth; j <= maxWidth; j++) {
    const n = j + maxWidth;
    stateDf[n] = exp(-j * dx * dt);
    if (dx === 0) continue;
    const mean = j * dx * decay;
    const kj = round(j * decay);
    const e = mean - kj * dx;
    const e2 = (e * e) / v1;
    const e3 = (e * sqrt(3)) / sqrt(v1);
    k[n] = kj;
    pDown[n] = (1 + e2 - e3) / 6;
    pMid[n] = (2 - e2) / 3;
    pUp[n] = (1 + e2 + e3) / 6;
  }
  let regular = true;
  for (let j = -maxWidth; j <= maxWidth; j++) if (k[j + maxWidth] !== j) regular = false;
  return {
    meanReversion: a,
    volatility: sigma,
    dt,
    steps,
    dx,
    width,
    maxWidth,
    k,
    pDown,
    pMid,
    pUp,
    stateDf,
    wDown: Float64Array.from(pDown, (p, n) => p * stateDf[n]),
    wMid: Float64Array.from(pMid, (p, n) => p * stateDf[n]),
    wUp: Float64Array.from(pUp, (p, n) => p * stateDf[n]),
    regular,
  };
}

/**
 * Fits the lattice to a curve: α_i such that Σ_j Q_i(j)·exp(−(α_i + j·dx)·dt) = DF(t_{i+1}), Q the
 * Arrow–Debreu prices (one forward pass, O(nodes)).
 */
export function fitLattice(geometry: LatticeGeometry, curve: ZeroCurve): FittedLattice {
  const { steps, width, maxWidth, k, pDown, pMid, pUp, stateDf, dt } = geometry;
  const alpha = new Float64Array(steps);
  let q = new Float64Array(2 * maxWidth + 1);
  let next = new Float64Array(2 * maxWidth + 1);
  q[0] = 1;
  for (let i = 0; i < steps; i++) {
    const w = width[i];
    const w1 = width[i + 1];
    let sum = 0;
    for (let j = -w; j <= w; j++) sum += q[j + w] * stateDf[j + maxWidth];
    const logDf = -curve.logDiscount((i + 1) * dt);
    alpha[i] = (log(sum) - logDf) / dt;
    const stepDf = exp(-alpha[i] * dt);
    next.fill(0, 0, 2 * w1 + 1);
    for (let j = -w; j <= w; j++) {
      const n = j + maxWidth;
      const m = q[j + w] * stepDf * stateDf[n];
      if (m === 0) continue;
      const km = k[n];
      const lo = max(km - 1, -w1) + w1;
      const mid = max(-w1, min(km, w1)) + w1;
      const hi = min(km + 1, w1) + w1;
      next[lo] += m * pDown[n];
      next[mid] += m * pMid[n];
      next[hi] += m * pUp[n];
    }
    const t = q;
    q = next;
    next = t;
  }
  return { geometry, curve, alpha };
}

/** The lattice fitted to each curve asked for, fitted once per curve (a book's shifted curves). */
export function fittedLattices(geometry: LatticeGeometry): (curve: ZeroCurve) => FittedLattice {
  const fitted = new Map<ZeroCurve, FittedLattice>();
  return (curve) => {
    let l = fitted.get(curve);
    if (!l) {
      l = fitLattice(geometry, curve);
      fitted.set(curve, l);
    }
    return l;
  };
}
