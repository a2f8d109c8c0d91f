/**
 * Callable bonds priced by backward induction on a fitted Hull–White lattice, with a constant
 * spread s (the OAS, decimal, continuous) added to every node's short rate.
 *
 * Where the issuer may call, the exercise boundary is smoothed (exerciseSmoothing.ts): a plain
 * min(C, K) switches whole nodes between continuing and being called as the curve moves, which
 * makes ±1 bp differences jump (durations off by a tenth of a year, convexity by hundreds at 24
 * steps a year). With the tent, the price is twice continuously differentiable in the boundary's
 * position. What is left is a ripple of the price's curvature with the boundary's position between
 * nodes, one node spacing (dx) long: second differences over ±dx cancel it (oasLadder.ts).
 *
 * `rollback` returns the dirty price per 100. With `record`, it keeps what `adjoint` needs to
 * return ∂V/∂α_i for every step in one forward pass — the price's sensitivity to the lattice's
 * drift, from which every key rate's sensitivity follows as Σ_i ∂V/∂α_i·Δα_i (Δα_i the refitted
 * lattice's move), and the spread's as Σ_i ∂V/∂α_i.
 */
import { CallableGrid } from "./callableGrid";
import { exercise } from "./exerciseSmoothing";
import { FittedLattice, LatticeGeometry } from "./hullWhiteLattice";

// Math's functions as module constants: a global looked up in a hot loop is several times slower
// in a vm context (Jest's test environment).
const { exp } = Math;

/** Scratch space of the rollback, sized for a geometry and reused across bonds. */
export interface LatticeWork {
  readonly geometry: LatticeGeometry;
  /** Offset of step i's nodes in the recorded arrays. */
  readonly nodeOffset: Int32Array;
  v: Float64Array;
  vNext: Float64Array;
  /** The second lane's node arrays (rollbackPair). */
  pairV: Float64Array;
  pairNext: Float64Array;
  /** The adjoint's third node array. */
  readonly lambda: Float64Array;
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
    pairV: new Float64Array(size),
    pairNext: new Float64Array(size),
    lambda: new Float64Array(size),
    g: new Float64Array(total),
    cg: new Float64Array(total),
    ch: new Float64Array(total),
    gPost: new Float64Array(total),
    exercised: new Uint8Array(steps + 1),
    recorded: null,
  };
}

/**
 * The nodes of a step (half-width w, next step's w1) whose three branches need no clamping run
 * from interiorFrom to interiorTo (an empty range when the geometry is not regular); the rest are
 * the lattice's edges. Two scalar functions, not a tuple: a destructured array costs more than
 * the step it bounds.
 */
function interiorFrom(geo: LatticeGeometry, w: number, w1: number): number {
  return !geo.regular ? 1 : -w > 1 - w1 ? -w : 1 - w1;
}

function interiorTo(geo: LatticeGeometry, w: number, w1: number): number {
  return !geo.regular ? 0 : w < w1 - 1 ? w : w1 - 1;
}

/** Σ branch weight × a[target] over node j's branches, clamped to the next step's ±w1. */
function branchSum(geo: LatticeGeometry, j: number, w1: number, a: Float64Array): number {
  const n = j + geo.maxWidth;
  const km = geo.k[n];
  const lo = (km - 1 < -w1 ? -w1 : km - 1) + w1;
  const mid = (km < -w1 ? -w1 : km > w1 ? w1 : km) + w1;
  const hi = (km + 1 > w1 ? w1 : km + 1) + w1;
  return geo.wDown[n] * a[lo] + geo.wMid[n] * a[mid] + geo.wUp[n] * a[hi];
}

/** One step back, values only: v_j = stepDf·Σ branch weight × vNext (the ±h curves' hot loop). */
function stepValues(
  geo: LatticeGeometry,
  w: number,
  w1: number,
  stepDf: number,
  vNext: Float64Array,
  v: Float64Array
): void {
  const { maxWidth, wDown, wMid, wUp } = geo;
  const from = interiorFrom(geo, w, w1);
  const to = interiorTo(geo, w, w1);
  for (let j = from; j <= to; j++) {
    const n = j + maxWidth;
    const s = j + w1;
    v[j + w] = stepDf * (wDown[n] * vNext[s - 1] + wMid[n] * vNext[s] + wUp[n] * vNext[s + 1]);
  }
  for (let j = -w; j <= w; j++) {
    if (j === from && from <= to) j = to;
    else v[j + w] = stepDf * branchSum(geo, j, w1, vNext);
  }
}

/** {@link stepValues} for two lanes at once (discounts dfA, dfB): the branch weights read once. */
function stepValuesPair(
  geo: LatticeGeometry,
  w: number,
  w1: number,
  dfA: number,
  dfB: number,
  nextA: Float64Array,
  vA: Float64Array,
  nextB: Float64Array,
  vB: Float64Array
): void {
  const { maxWidth, wDown, wMid, wUp } = geo;
  const from = interiorFrom(geo, w, w1);
  const to = interiorTo(geo, w, w1);
  for (let j = from; j <= to; j++) {
    const n = j + maxWidth;
    const s = j + w1;
    const d = wDown[n];
    const m = wMid[n];
    const u = wUp[n];
    vA[j + w] = dfA * (d * nextA[s - 1] + m * nextA[s] + u * nextA[s + 1]);
    vB[j + w] = dfB * (d * nextB[s - 1] + m * nextB[s] + u * nextB[s + 1]);
  }
  for (let j = -w; j <= w; j++) {
    if (j === from && from <= to) j = to;
    else {
      vA[j + w] = dfA * branchSum(geo, j, w1, nextA);
      vB[j + w] = dfB * branchSum(geo, j, w1, nextB);
    }
  }
}

/** Flows `from`…`to` (one step's) added to its node values v (2w+1 nodes, node rate `rate` + j·dx). */
function addFlows(
  grid: CallableGrid,
  from: number,
  to: number,
  v: Float64Array,
  w: number,
  rate: number,
  dx: number,
  g: Float64Array | null,
  off: number
): void {
  for (let f = to; f >= from; f--) {
    // Each flow is discounted over its part of the step, τ, at its node's rate.
    const tau = grid.flowTau[f];
    const ratio = exp(-dx * tau);
    let term = grid.flowAmount[f] * exp(-rate * tau + w * dx * tau);
    if (g) {
      for (let m = 0; m <= 2 * w; m++, term *= ratio) {
        v[m] += term;
        g[off + m] -= tau * term;
      }
    } else for (let m = 0; m <= 2 * w; m++, term *= ratio) v[m] += term;
  }
}

/** Exercise e of a step: the smoothed min(C, K) of v into `out` (partials recorded with `rec`). */
function exerciseAt(
  grid: CallableGrid,
  e: number,
  v: Float64Array,
  out: Float64Array,
  w: number,
  rate: number,
  dx: number,
  rec: LatticeWork | null,
  off: number
): void {
  const tau = grid.exTau[e];
  const first = grid.exStrike[e] * exp(-rate * tau + w * dx * tau);
  exercise(
    v,
    w,
    first,
    exp(-dx * tau),
    tau,
    out,
    rec?.cg ?? null,
    rec?.ch ?? null,
    rec?.gPost ?? null,
    off
  );
}

/**
 * The flows and exercise of one step: flows [fLo, fHi] (ascending in time), exercise `e` (−1:
 * none) after flow `split` − 1: flows from `split` on are paid after the exercise time (added
 * before the decision, going backward), those before it either way (added after). Returns the
 * lane's arrays, swapped when the exercise wrote into `vNext`.
 */
function settleStep(
  grid: CallableGrid,
  fLo: number,
  split: number,
  fHi: number,
  e: number,
  v: Float64Array,
  vNext: Float64Array,
  w: number,
  rate: number,
  dx: number,
  rec: LatticeWork | null,
  off: number
): boolean {
  addFlows(grid, split, fHi, v, w, rate, dx, rec ? rec.g : null, off);
  if (e < 0) return false;
  exerciseAt(grid, e, v, vNext, w, rate, dx, rec, off);
  addFlows(grid, fLo, split - 1, vNext, w, rate, dx, rec ? rec.gPost : null, off);
  return true;
}

/**
 * Backward induction of bond b on the lattice at spread s: its dirty price per 100 (NaN where the
 * bond is not on the grid). `record`: keep what {@link adjoint} needs (then `work.recorded` names
 * this rollback).
 */
export function rollback(
  lattice: FittedLattice,
  grid: CallableGrid,
  b: number,
  spread: number,
  work: LatticeWork,
  record = false
): number {
  const geo = lattice.geometry;
  const { width, dt, dx } = geo;
  const alpha = lattice.alpha;
  const last = grid.lastStep[b];
  if (!(last > 0) || last > geo.steps) return NaN;
  let v = work.v;
  let vNext = work.vNext;
  const { g, nodeOffset, exercised } = work;
  const rec = record ? work : null;
  vNext.fill(0, 0, 2 * width[last] + 1);
  let f = grid.flowStart[b + 1] - 1;
  let e = grid.exStart[b + 1] - 1;
  for (let i = last - 1; i >= 0; i--) {
    const w = width[i];
    const rate = alpha[i] + spread;
    const off = nodeOffset[i];
    stepValues(geo, w, width[i + 1], exp(-rate * dt), vNext, v);
    // ∂U/∂α_i = −dt·U (the step's discount), before this step's flows and exercise.
    if (record) for (let m = 0; m <= 2 * w; m++) g[off + m] = -dt * v[m];
    const fHi = f;
    while (f >= grid.flowStart[b] && grid.flowStep[f] === i) f--;
    const ex = e >= grid.exStart[b] && grid.exStep[e] === i ? e-- : -1;
    const split = ex < 0 ? f + 1 : splitAt(grid, f + 1, fHi, grid.exTau[ex]);
    if (record) exercised[i] = ex < 0 ? 0 : 1;
    if (settleStep(grid, f + 1, split, fHi, ex, v, vNext, w, rate, dx, rec, off)) {
      const t = v;
      v = vNext;
      vNext = t;
    }
    const t = v;
    v = vNext;
    vNext = t;
  }
  work.v = v;
  work.vNext = vNext;
  if (record) work.recorded = { bond: b, spread, lattice };
  return vNext[0];
}

/** The first flow of [from, to] paid after time τ within its step (to + 1 if none). */
function splitAt(grid: CallableGrid, from: number, to: number, tau: number): number {
  let k = from;
  while (k <= to && grid.flowTau[k] <= tau) k++;
  return k;
}

/**
 * Bond b rolled back on two lattices of one geometry at once (the convexity's pair of curves, or
 * two spreads of the OAS solver): one pass over the nodes serves both, their branch weights read
 * once. Returns the two dirty prices per 100 in `out`; not recorded.
 */
export function rollbackPair(
  latticeA: FittedLattice,
  spreadA: number,
  latticeB: FittedLattice,
  spreadB: number,
  grid: CallableGrid,
  b: number,
  work: LatticeWork,
  out: Float64Array
): Float64Array {
  const geo = latticeA.geometry;
  const { width, dt, dx } = geo;
  const last = grid.lastStep[b];
  if (!(last > 0) || last > geo.steps || latticeB.geometry !== geo) return out.fill(NaN);
  let vA = work.v;
  let nA = work.vNext;
  let vB = work.pairV;
  let nB = work.pairNext;
  nA.fill(0, 0, 2 * width[last] + 1);
  nB.fill(0, 0, 2 * width[last] + 1);
  let f = grid.flowStart[b + 1] - 1;
  let e = grid.exStart[b + 1] - 1;
  for (let i = last - 1; i >= 0; i--) {
    const w = width[i];
    const rateA = latticeA.alpha[i] + spreadA;
    const rateB = latticeB.alpha[i] + spreadB;
    stepValuesPair(geo, w, width[i + 1], exp(-rateA * dt), exp(-rateB * dt), nA, vA, nB, vB);
    const fHi = f;
    while (f >= grid.flowStart[b] && grid.flowStep[f] === i) f--;
    const ex = e >= grid.exStart[b] && grid.exStep[e] === i ? e-- : -1;
    const split = ex < 0 ? f + 1 : splitAt(grid, f + 1, fHi, grid.exTau[ex]);
    if (settleStep(grid, f + 1, split, fHi, ex, vA, nA, w, rateA, dx, null, 0)) {
      const t = vA;
      vA = nA;
      nA = t;
    }
    if (settleStep(grid, f + 1, split, fHi, ex, vB, nB, w, rateB, dx, null, 0)) {
      const t = vB;
      vB = nB;
      nB = t;
    }
    let t = vA;
    vA = nA;
    nA = t;
    t = vB;
    vB = nB;
    nB = t;
  }
  work.v = vA;
  work.vNext = nA;
  work.pairV = vB;
  work.pairNext = nB;
  out[0] = nA[0];
  out[1] = nB[0];
  return out;
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
  const { width, maxWidth, k, wDown, wMid, wUp, dt, steps } = lattice.geometry;
  const { g, cg, ch, gPost, nodeOffset, exercised } = work;
  const alpha = lattice.alpha;
  const last = grid.lastStep[b];
  out.fill(0);
  let mu = work.v;
  let next = work.vNext;
  let lambda = work.lambda;
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
    const from = interiorFrom(lattice.geometry, w, w1);
    const to = interiorTo(lattice.geometry, w, w1);
    for (let j = from; j <= to; j++) {
      const nn = j + maxWidth;
      const m = lambda[j + w] * stepDf;
      const s = j + w1;
      next[s - 1] += m * wDown[nn];
      next[s] += m * wMid[nn];
      next[s + 1] += m * wUp[nn];
    }
    for (let j = -w; j <= w; j++) {
      if (j === from && from <= to) {
        j = to;
        continue;
      }
      const l = lambda[j + w];
      if (l === 0) continue;
      const nn = j + maxWidth;
      const km = k[nn];
      const lo = (km - 1 < -w1 ? -w1 : km - 1) + w1;
      const mid = (km < -w1 ? -w1 : km > w1 ? w1 : km) + w1;
      const hi = (km + 1 > w1 ? w1 : km + 1) + w1;
      const m = l * stepDf;
      next[lo] += m * wDown[nn];
      next[mid] += m * wMid[nn];
      next[hi] += m * wUp[nn];
    }
    const t = mu;
    mu = next;
    next = t;
  }
  work.recorded = null;
  return out;
}
