/**
 * Callable bonds priced by backward induction on a fitted Hull–White lattice, with a constant
 * spread s (the OAS, decimal, continuous) added to every node's short rate.
 *
 * Exercise boundary smoothing: where the issuer may call, a node's value is the average of
 * min(C(x + u), K) over a tent window u ∈ [−dx, dx] (weight 1 − |u|/dx), C the continuation value
 * taken linear across the window (slope from the neighbouring nodes) and K the dirty strike: C
 * where the whole window continues, K where it is all called, and C − E[(C − K)⁺] between (a cubic
 * in K − C). A plain min(C, K) switches whole nodes between continuing and being called as the
 * curve moves, which makes ±1 bp differences jump (durations off by a tenth of a year, convexity
 * by hundreds at 24 steps a year). With the tent, the price is twice continuously differentiable
 * in the boundary's position (the windows of neighbouring nodes overlap, so the curvature of the
 * kink passes smoothly from node to node), and the ±1 bp figures converge with the grid like the
 * price does.
 *
 * `rollback` returns the dirty price per 100 and optionally its derivative in s (forward mode,
 * for Newton's method). With `record`, it keeps what `adjoint` needs to return ∂V/∂α_i for every
 * step in one forward pass — the price's sensitivity to the lattice's drift, from which every
 * key rate's sensitivity follows as Σ_i ∂V/∂α_i·Δα_i (Δα_i the refitted lattice's move).
 */
import { CallableGrid } from "./callableGrid";
import { FittedLattice, LatticeGeometry } from "./hullWhiteLattice";

// Math's functions as module constants: a global looked up in a hot loop is several times slower
// in a vm context (Jest's test environment).
const { abs, exp } = Math;

/** Scratch space of the rollback, sized for a geometry and reused across bonds. */
export interface LatticeWork {
  readonly geometry: LatticeGeometry;
  /** Offset of step i's nodes in the recorded arrays. */
  readonly nodeOffset: Int32Array;
  v: Float64Array;
  vNext: Float64Array;
  d: Float64Array;
  dNext: Float64Array;
  /** Recorded: ∂U_i(j)/∂α_i per node (U the value before exercise). */
  readonly g: Float64Array;
  /** Recorded at exercise steps: ∂Ṽ/∂U_j and the coefficient of the neighbour difference. */
  readonly cg: Float64Array;
  readonly ch: Float64Array;
  /** Recorded at exercise steps: ∂Ṽ_i(j)/∂α_i after the exercise (strike discounting, flows paid before it). */
  readonly gPost: Float64Array;
  /** 1 at steps with exercise in the recorded rollback. */
  readonly exercised: Uint8Array;
  /** The recorded rollback's bond, spread and lattice. */
  recorded: { bond: number; spread: number; lattice: FittedLattice } | null;
}

export function latticeWork(geometry: LatticeGeometry): LatticeWork {
  const { steps, width, maxWidth } = geometry;
  const nodeOffset = new Int32Array(steps + 2);
  for (let i = 0; i <= steps; i++) nodeOffset[i + 1] = nodeOffset[i] + 2 * width[i] + 1;
  const total = nodeOffset[steps + 1];
  const size = 2 * maxWidth + 1;
  return {
    geometry,
    nodeOffset,
    v: new Float64Array(size),
    vNext: new Float64Array(size),
    d: new Float64Array(size),
    dNext: new Float64Array(size),
    g: new Float64Array(total),
    cg: new Float64Array(total),
    ch: new Float64Array(total),
    gPost: new Float64Array(total),
    exercised: new Uint8Array(steps + 1),
    recorded: null,
  };
}

/** Result of one rollback. */
export interface Rollback {
  /** Dirty price per 100. */
  value: number;
  /** ∂value/∂s per 100 per unit of spread (NaN unless asked). */
  dValue: number;
}

/**
 * The smoothed exercise at one step: values `u` (2w+1 nodes) become the cell averages of
 * min(C, K), K at node m = strikeFirst·strikeRatio^m (the strike paid τ after the step's start,
 * discounted to it at the node's rate: ∂K/∂α = −τ·K); with `cg`, the partials are written at `off`. Derivatives `du` (may be null) are
 * carried through. Returns nothing; `out` receives the values, `dout` the derivatives.
 */
function exercise(
  u: Float64Array,
  du: Float64Array | null,
  w: number,
  strikeFirst: number,
  strikeRatio: number,
  tau: number,
  out: Float64Array,
  dout: Float64Array | null,
  cg: Float64Array | null,
  ch: Float64Array | null,
  gPost: Float64Array | null,
  off: number
): void {
  const n = 2 * w + 1;
  let strike = strikeFirst;
  for (let m = 0; m < n; m++, strike *= strikeRatio) {
    const c = u[m];
    let diff: number;
    if (n === 1) diff = 0;
    else if (m === 0) diff = 2 * (u[1] - u[0]);
    else if (m === n - 1) diff = 2 * (u[m] - u[m - 1]);
    else diff = u[m + 1] - u[m - 1];
    // The window's half-range of C: H = |slope|·dx (slope from the neighbours).
    const H = abs(diff) / 2;
    const dk = strike - c;
    let value: number;
    let dC: number;
    let dH: number;
    if (dk >= H) {
      value = c;
      dC = 1;
      dH = 0;
    } else if (dk <= -H) {
      value = strike;
      dC = 0;
      dH = 0;
    } else {
      // P = E[(C(x+u) − K)⁺] over the tent; value = C − P.
      const H2 = H * H;
      let p: number;
      let pH: number;
      if (dk >= 0) {
        const r = H - dk;
        p = (r * r * r) / (6 * H2);
        dC = 1 - (r * r) / (2 * H2);
        pH = (r * r) / (2 * H2) - (r * r * r) / (3 * H2 * H);
      } else {
        const r = H + dk;
        p = -dk + (r * r * r) / (6 * H2);
        dC = (r * r) / (2 * H2);
        pH = (r * r) / (2 * H2) - (r * r * r) / (3 * H2 * H);
      }
      value = c - p;
      dH = (-pH * (diff >= 0 ? 1 : -1)) / 2;
    }
    out[m] = value;
    if (du && dout) {
      let dd: number;
      if (n === 1) dd = 0;
      else if (m === 0) dd = 2 * (du[1] - du[0]);
      else if (m === n - 1) dd = 2 * (du[m] - du[m - 1]);
      else dd = du[m + 1] - du[m - 1];
      dout[m] = dC * du[m] + dH * dd - (1 - dC) * tau * strike;
    }
    if (cg && ch && gPost) {
      cg[off + m] = dC;
      ch[off + m] = dH;
      gPost[off + m] = -(1 - dC) * tau * strike;
    }
  }
}

/**
 * Backward induction of bond b on the lattice at spread s. `derivative`: also ∂V/∂s; `record`:
 * keep what {@link adjoint} needs (then `work.recorded` names this rollback).
 */
export function rollback(
  lattice: FittedLattice,
  grid: CallableGrid,
  b: number,
  spread: number,
  work: LatticeWork,
  derivative = false,
  record = false
): Rollback {
  const geo = lattice.geometry;
  const { width, maxWidth, k, pDown, pMid, pUp, stateDf, dt, dx } = geo;
  const alpha = lattice.alpha;
  const last = grid.lastStep[b];
  if (!(last > 0) || last > geo.steps) return { value: NaN, dValue: NaN };
  let v = work.v;
  let vNext = work.vNext;
  let d = work.d;
  let dNext = work.dNext;
  const { g, cg, ch, gPost, nodeOffset, exercised } = work;
  vNext.fill(0, 0, 2 * width[last] + 1);
  if (derivative) dNext.fill(0, 0, 2 * width[last] + 1);
  let f = grid.flowStart[b + 1] - 1;
  const fFirst = grid.flowStart[b];
  let e = grid.exStart[b + 1] - 1;
  const eFirst = grid.exStart[b];
  const wantG = derivative || record;
  for (let i = last - 1; i >= 0; i--) {
    const w = width[i];
    const w1 = width[i + 1];
    const stepDf = exp(-(alpha[i] + spread) * dt);
    const off = nodeOffset[i];
    if (!wantG) {
      // Values only (the ±h curves): the hot loop without the derivative's bookkeeping.
      for (let j = -w; j <= w; j++) {
        const n = j + maxWidth;
        const km = k[n];
        const lo = (km - 1 < -w1 ? -w1 : km - 1) + w1;
        const mid = (km < -w1 ? -w1 : km > w1 ? w1 : km) + w1;
        const hi = (km + 1 > w1 ? w1 : km + 1) + w1;
        v[j + w] =
          stepDf * stateDf[n] * (pDown[n] * vNext[lo] + pMid[n] * vNext[mid] + pUp[n] * vNext[hi]);
      }
    } else {
      for (let j = -w; j <= w; j++) {
        const n = j + maxWidth;
        const km = k[n];
        const lo = (km - 1 < -w1 ? -w1 : km - 1) + w1;
        const mid = (km < -w1 ? -w1 : km > w1 ? w1 : km) + w1;
        const hi = (km + 1 > w1 ? w1 : km + 1) + w1;
        const disc = stepDf * stateDf[n];
        const cont = disc * (pDown[n] * vNext[lo] + pMid[n] * vNext[mid] + pUp[n] * vNext[hi]);
        v[j + w] = cont;
        const gj = -dt * cont;
        if (record) g[off + j + w] = gj;
        if (derivative)
          d[j + w] = disc * (pDown[n] * dNext[lo] + pMid[n] * dNext[mid] + pUp[n] * dNext[hi]) + gj;
      }
    }
    const exercising = e >= eFirst && grid.exStep[e] === i;
    const exTau = exercising ? grid.exTau[e] : -1;
    // Flows paid within this step, discounted over their part of it: those after the exercise
    // time before it, those up to it after it (paid either way).
    for (let pass = 0; pass < 2; pass++) {
      while (f >= fFirst && grid.flowStep[f] === i && (pass === 1 || grid.flowTau[f] > exTau)) {
        const tau = grid.flowTau[f];
        const ratio = exp(-dx * tau);
        let term = grid.flowAmount[f] * exp(-(alpha[i] + spread) * tau + w * dx * tau);
        const target = pass === 0 ? g : gPost;
        for (let m = 0; m <= 2 * w; m++) {
          v[m] += term;
          if (wantG) {
            const gm = -tau * term;
            if (record) target[off + m] += gm;
            if (derivative) d[m] += gm;
          }
          term *= ratio;
        }
        f--;
      }
      if (pass === 1 || !exercising) break;
      // Exercise: values into vNext (free now), then swap.
      const tau = exTau;
      const ratio = exp(-dx * tau);
      const first = grid.exStrike[e] * exp(-(alpha[i] + spread) * tau + w * dx * tau);
      exercise(
        v,
        derivative ? d : null,
        w,
        first,
        ratio,
        tau,
        vNext,
        derivative ? dNext : null,
        record ? cg : null,
        record ? ch : null,
        record ? gPost : null,
        off
      );
      let t = v;
      v = vNext;
      vNext = t;
      t = d;
      d = dNext;
      dNext = t;
      e--;
    }
    if (record) exercised[i] = exercising ? 1 : 0;
    let t = v;
    v = vNext;
    vNext = t;
    t = d;
    d = dNext;
    dNext = t;
  }
  work.v = v;
  work.vNext = vNext;
  work.d = d;
  work.dNext = dNext;
  if (record) work.recorded = { bond: b, spread, lattice };
  return { value: vNext[0], dValue: derivative ? dNext[0] : NaN };
}

/**
 * ∂V/∂α_i for every step of the last recorded rollback (written to `out`, steps beyond the bond 0):
 * the forward pass of the rollback's adjoint — state prices along unexercised paths, with the
 * smoothed exercise's partials. Σ_i out[i] = ∂V/∂s.
 */
export function adjoint(grid: CallableGrid, work: LatticeWork, out: Float64Array): Float64Array {
  const rec = work.recorded;
  if (!rec) throw new Error("adjoint: no recorded rollback");
  const { lattice, bond: b, spread } = rec;
  const { width, maxWidth, k, pDown, pMid, pUp, stateDf, dt, steps } = lattice.geometry;
  const { g, cg, ch, gPost, nodeOffset, exercised } = work;
  const alpha = lattice.alpha;
  const last = grid.lastStep[b];
  out.fill(0);
  let mu = work.v;
  let next = work.vNext;
  let lambda = work.d;
  mu[0] = 1;
  for (let i = 0; i < last && i < steps; i++) {
    const w = width[i];
    const w1 = width[i + 1];
    const n = 2 * w + 1;
    const off = nodeOffset[i];
    let grad = 0;
    if (exercised[i]) {
      for (let m = 0; m < n; m++) grad += mu[m] * gPost[off + m];
      lambda.fill(0, 0, n);
      for (let m = 0; m < n; m++) {
        const mm = mu[m];
        if (mm === 0) continue;
        lambda[m] += mm * cg[off + m];
        const c = mm * ch[off + m];
        if (n === 1 || c === 0) continue;
        if (m === 0) {
          lambda[1] += 2 * c;
          lambda[0] -= 2 * c;
        } else if (m === n - 1) {
          lambda[m] += 2 * c;
          lambda[m - 1] -= 2 * c;
        } else {
          lambda[m + 1] += c;
          lambda[m - 1] -= c;
        }
      }
    } else {
      const t = lambda;
      lambda = mu;
      mu = t;
    }
    for (let m = 0; m < n; m++) grad += lambda[m] * g[off + m];
    out[i] = grad;
    const stepDf = exp(-(alpha[i] + spread) * dt);
    next.fill(0, 0, 2 * w1 + 1);
    for (let j = -w; j <= w; j++) {
      const l = lambda[j + w];
      if (l === 0) continue;
      const nn = j + maxWidth;
      const km = k[nn];
      const lo = (km - 1 < -w1 ? -w1 : km - 1) + w1;
      const mid = (km < -w1 ? -w1 : km > w1 ? w1 : km) + w1;
      const hi = (km + 1 > w1 ? w1 : km + 1) + w1;
      const m = l * stepDf * stateDf[nn];
      next[lo] += m * pDown[nn];
      next[mid] += m * pMid[nn];
      next[hi] += m * pUp[nn];
    }
    const t = mu;
    mu = next;
    next = t;
  }
  work.recorded = null;
  return out;
}
