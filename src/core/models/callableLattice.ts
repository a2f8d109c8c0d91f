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
  /** Node arrays per lane (rollbackLanes: up to three; lane 0 is also the adjoint's scratch). */
  readonly v: Float64Array[];
  readonly vNext: Float64Array[];
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
  /** The recorded rollback: its bond, spread and lattice, and its other lanes' prices. */
  recorded: Recorded | null;
}

/** What the last recorded rollback was, and the prices of the lanes that ran with it. */
export interface Recorded {
  readonly bond: number;
  readonly spread: number;
  readonly lattice: FittedLattice;
  /** The recorded lane's price per 100, then the other lanes' (their lattices in `with`). */
  readonly prices: readonly number[];
  readonly with: readonly FittedLattice[];
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
    v: [0, 1, 2].map(() => new Float64Array(size)),
    vNext: [0, 1, 2].map(() => new Float64Array(size)),
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

/**
 * {@link stepValues} for three lanes at once (discounts df0–df2: each lane's lattice and spread):
 * the branch weights read once for the three.
 */
function stepValuesTriple(
  geo: LatticeGeometry,
  w: number,
  w1: number,
  df0: number,
  df1: number,
  df2: number,
  next: Float64Array[],
  v: Float64Array[]
): void {
  const { maxWidth, wDown, wMid, wUp } = geo;
  // Indexed, not destructured: an array pattern runs the iterator protocol on every step.
  const a0 = next[0];
  const a1 = next[1];
  const a2 = next[2];
  const v0 = v[0];
  const v1 = v[1];
  const v2 = v[2];
  const from = interiorFrom(geo, w, w1);
  const to = interiorTo(geo, w, w1);
  for (let j = from; j <= to; j++) {
    const n = j + maxWidth;
    const s = j + w1;
    const d = wDown[n];
    const m = wMid[n];
    const u = wUp[n];
    v0[j + w] = df0 * (d * a0[s - 1] + m * a0[s] + u * a0[s + 1]);
    v1[j + w] = df1 * (d * a1[s - 1] + m * a1[s] + u * a1[s + 1]);
    v2[j + w] = df2 * (d * a2[s - 1] + m * a2[s] + u * a2[s + 1]);
  }
  for (let j = -w; j <= w; j++) {
    if (j === from && from <= to) j = to;
    else {
      v0[j + w] = df0 * branchSum(geo, j, w1, a0);
      v1[j + w] = df1 * branchSum(geo, j, w1, a1);
      v2[j + w] = df2 * branchSum(geo, j, w1, a2);
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

/** One lane of a rollback: a lattice (of the lanes' shared geometry) at a spread. */
export interface Lane {
  readonly lattice: FittedLattice;
  /** Decimal, continuous, added to every node's short rate. */
  readonly spread: number;
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
  return rollbackLanes([{ lattice, spread }], grid, b, work, record)[0];
}

/**
 * Backward induction of bond b on one lane or three at once (lattices of one geometry, each at
 * its spread): one pass over the nodes serves the three, their branch weights read once (the
 * OAS solver's first three spreads; the recorded price at the OAS with the convexity's pair of
 * curves). Dirty prices per 100, one per lane (NaN where the bond is not on the grid).
 * `record`: keep what {@link adjoint} needs for lane 0 (`work.recorded` then names it and holds
 * every lane's price).
 */
export function rollbackLanes(
  lanes: readonly Lane[],
  grid: CallableGrid,
  b: number,
  work: LatticeWork,
  record = false
): number[] {
  const geo = lanes[0].lattice.geometry;
  const { width, dt, dx } = geo;
  const count = lanes.length;
  const last = grid.lastStep[b];
  if (count !== 1 && count !== 3) throw new Error("rollbackLanes: one lane or three");
  if (!(last > 0) || last > geo.steps || lanes.some((l) => l.lattice.geometry !== geo))
    return lanes.map(() => NaN);
  const v = work.v.slice(0, count);
  const next = work.vNext.slice(0, count);
  const rate = new Float64Array(count);
  const { g, nodeOffset, exercised } = work;
  for (const a of next) a.fill(0, 0, 2 * width[last] + 1);
  let f = grid.flowStart[b + 1] - 1;
  let e = grid.exStart[b + 1] - 1;
  const alpha = lanes.map((l) => l.lattice.alpha);
  const spread = lanes.map((l) => l.spread);
  for (let i = last - 1; i >= 0; i--) {
    const w = width[i];
    const off = nodeOffset[i];
    for (let l = 0; l < count; l++) rate[l] = alpha[l][i] + spread[l];
    if (count === 1) stepValues(geo, w, width[i + 1], exp(-rate[0] * dt), next[0], v[0]);
    else {
      const d0 = exp(-rate[0] * dt);
      stepValuesTriple(geo, w, width[i + 1], d0, exp(-rate[1] * dt), exp(-rate[2] * dt), next, v);
    }
    // ∂U/∂α_i = −dt·U (the step's discount), before this step's flows and exercise.
    if (record) {
      const v0 = v[0];
      for (let m = 0; m <= 2 * w; m++) g[off + m] = -dt * v0[m];
    }
    const fHi = f;
    while (f >= grid.flowStart[b] && grid.flowStep[f] === i) f--;
    const ex = e >= grid.exStart[b] && grid.exStep[e] === i ? e-- : -1;
    if (record) exercised[i] = ex < 0 ? 0 : 1;
    // Most steps pay nothing and call nothing: their values are final as they are.
    const quiet = ex < 0 && fHi === f;
    const split = ex < 0 ? f + 1 : splitAt(grid, f + 1, fHi, grid.exTau[ex]);
    for (let l = 0; l < count; l++) {
      const rec = record && l === 0 ? work : null;
      // The step's values end in `next` (the exercise writes there; without one, a swap).
      if (
        quiet ||
        !settleStep(grid, f + 1, split, fHi, ex, v[l], next[l], w, rate[l], dx, rec, off)
      ) {
        const t = v[l];
        v[l] = next[l];
        next[l] = t;
      }
    }
  }
  // Keep the arrays' rotation in the work (each lane's price is in next[l][0]).
  for (let l = 0; l < count; l++) {
    work.v[l] = v[l];
    work.vNext[l] = next[l];
  }
  const prices = next.map((a) => a[0]);
  if (record)
    work.recorded = {
      bond: b,
      spread: lanes[0].spread,
      lattice: lanes[0].lattice,
      prices,
      with: lanes.slice(1).map((l) => l.lattice),
    };
  return prices;
}

/** The first flow of [from, to] paid after time τ within its step (to + 1 if none). */
function splitAt(grid: CallableGrid, from: number, to: number, tau: number): number {
  let k = from;
  while (k <= to && grid.flowTau[k] <= tau) k++;
  return k;
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
  let mu = work.v[0];
  let next = work.vNext[0];
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
