/**
 * Callable bonds ready to be priced on any curve at any spread: the one place a callable is
 * priced (the OAS functions, the callable engine's ladder, the scenarios).
 *
 * Each bond is priced by the simplest exact route: a bond with no call left (or a make-whole call,
 * priced as non-callable) by its flows on the curve; a bond with one European call by
 * Jamshidian's closed form (jamshidian.ts); any other on the Hull–White lattice fitted to the
 * curve (hullWhiteLattice.ts, callableLattice.ts). The lattice geometry is built once for the
 * book and fitted once per curve, shared by every bond. Prices are dirty per 100; spreads are
 * the OAS, decimal, continuously compounded, added to the short rate.
 */
import { BondTerms, Schedules, schedules } from "../bond";
import { DEFAULT_BUMP_BP } from "../conventions";
import { ZeroCurve } from "../curve/zeroCurve";
import { CallSchedule } from "../instruments/callSchedule";
import { bulletPrice, CallableGrid, callableGrid } from "./callableGrid";
import { describeHullWhite, HullWhiteParams } from "./hullWhite";
import {
  FittedLattice,
  fittedLattices,
  LatticeGeometry,
  latticeGeometry,
} from "./hullWhiteLattice";
import { jamshidianPrice } from "./jamshidian";
import { LatticeWork, latticeWork, rollback, rollbackLanes } from "./callableLattice";
import { twins } from "./callableTwins";

/** How a bond of the book is priced. */
export type CallableRoute = "bullet" | "closed-form" | "lattice";

export interface CallableBookOptions {
  /** Lattice steps a year. */
  readonly stepsPerYear: number;
  /** False: price single European calls on the lattice too (the closed form's test). */
  readonly closedForm?: boolean;
  /** The risk ladder's bump, bp (default DEFAULT_BUMP_BP): sets the convexity's span. */
  readonly bumpBp?: number;
}

export interface CallableBook {
  readonly count: number;
  readonly model: HullWhiteParams;
  readonly grid: CallableGrid;
  readonly geometry: LatticeGeometry;
  readonly route: CallableRoute[];
  /**
   * Half-width of the curve shifts the lattice bonds' OAS convexity is taken over, decimal: the
   * bump, or the lattice's node spacing dx when the bump is narrower (a second difference over
   * ±dx cancels the lattice's curvature ripple; see oasLadder.ts).
   */
  readonly convexitySpan: number;
  /** Method text per bond. */
  readonly method: string[];
  /**
   * Per bond, the first bond of the book priced exactly as it is (the same flows, exercises and
   * route on the grid: identical positions, lots of one security); itself when none comes before.
   * A bond's figures at the same spread are its twin's, copied rather than priced again.
   */
  readonly twin: Int32Array;
  /** The lattice fitted to a curve (cached by curve). */
  lattice(curve: ZeroCurve): FittedLattice;
  /** Dirty price per 100 of bond b on `curve` at spread s; NaN where the bond is not valid. */
  price(curve: ZeroCurve, b: number, spread: number): number;
  /**
   * Bond b's prices on several curves, curve k at spreads[k], into out[k]: on the lattice three
   * curves a pass (rollbackLanes), the same numbers as `price` one curve at a time.
   */
  priceOn(
    curves: readonly ZeroCurve[],
    b: number,
    spreads: ArrayLike<number>,
    out: Float64Array
  ): Float64Array;
  /**
   * Every bond `select`ed, on every curve: outs[k][b] = price(curves[k], b, spread[b] +
   * dz[k][b]) (the others left as they are), three curves a lattice pass (priceOn); a bond
   * whose twin was priced at the same spreads takes its prices.
   */
  priceBonds(
    curves: readonly ZeroCurve[],
    spread: ArrayLike<number>,
    dz: readonly (Float64Array | undefined)[],
    outs: readonly Float64Array[],
    select: (b: number) => boolean
  ): void;
  /** The bullet's dirty price per 100 at spread s (same flows, no call). */
  bullet(curve: ZeroCurve, b: number, spread: number): number;
  /** Scratch space of the lattice rollbacks. */
  readonly work: LatticeWork;
}

/**
 * Half-width of the curve shifts a lattice-priced figure's convexity is taken over, decimal: the
 * bump (bp), or the node spacing dx (decimal) when the bump is narrower: a second difference over
 * ±dx cancels the ripple of the lattice's curvature as an exercise boundary passes between nodes.
 */
export const convexitySpan = (bumpBp: number, dx: number) => Math.max(bumpBp * 1e-4, dx);

/** The convexity's clause of a method text ("convexity over ±35.3 bp curve shifts"). */
export const convexitySpanText = (span: number) =>
  `convexity over ±${Number((span * 1e4).toFixed(1))} bp curve shifts`;

/**
 * The method text of a route under the model; lattice routes name the convexity's span (the
 * book's, decimal).
 */
export function callableMethod(
  route: CallableRoute,
  model: HullWhiteParams,
  stepsPerYear: number,
  makeWhole = false,
  convexitySpan = DEFAULT_BUMP_BP * 1e-4
): string {
  const hw = describeHullWhite(model);
  if (makeWhole)
    return "make-whole call priced as non-callable: fixed cash flows on the curve, OAS held";
  if (route === "bullet") return "no call left: fixed cash flows on the curve, OAS held";
  if (route === "closed-form")
    return `${hw.replace("Hull–White 1F", "Hull–White 1F closed form (Jamshidian)")}, OAS held`;
  const span = convexitySpanText(convexitySpan);
  const tree = `Hull–White 1F trinomial (${stepsPerYear} steps a year, exercise boundary smoothed)`;
  return `${hw.replace("Hull–White 1F", tree)}, OAS held; ${span}`;
}

/**
 * The book of bonds `include(i)` settling on `settlement` with their call schedules (null: not
 * callable).
 */
export function callableBook(
  settlement: number,
  terms: BondTerms,
  calls: readonly (CallSchedule | null | undefined)[],
  model: HullWhiteParams,
  options: CallableBookOptions,
  include: (i: number) => boolean = () => true,
  sched: Schedules = schedules(terms)
): CallableBook {
  const spy = options.stepsPerYear;
  const grid = callableGrid(settlement, terms, sched, calls, spy, include);
  const count = grid.count;
  let horizon = grid.dt;
  for (let b = 0; b < count; b++) horizon = Math.max(horizon, grid.lastStep[b] * grid.dt);
  const geometry = latticeGeometry(model, spy, horizon);
  const span = convexitySpan(options.bumpBp ?? DEFAULT_BUMP_BP, geometry.dx);
  const route: CallableRoute[] = [];
  const method: string[] = [];
  for (let b = 0; b < count; b++) {
    const exercises = grid.exStart[b + 1] - grid.exStart[b];
    const european = exercises === 1 && calls[b]?.style === "european";
    const r: CallableRoute =
      exercises === 0
        ? "bullet"
        : european && options.closedForm !== false
          ? "closed-form"
          : "lattice";
    route.push(r);
    method.push(callableMethod(r, model, spy, grid.makeWhole[b] === 1, span));
  }
  const twin = twins(grid, route);
  const work = latticeWork(geometry);
  const lattice = fittedLattices(geometry);
  const discountOf = (curve: ZeroCurve) => (t: number) => curve.discount(t);
  const bullet = (curve: ZeroCurve, b: number, spread: number) =>
    grid.lastStep[b] > 0 ? bulletPrice(grid, b, discountOf(curve), spread) : NaN;
  const price = (curve: ZeroCurve, b: number, spread: number): number => {
    if (!(grid.lastStep[b] > 0)) return NaN;
    switch (route[b]) {
      case "bullet":
        return bullet(curve, b, spread);
      case "closed-form":
        return jamshidianPrice(europeanOf(grid, b), model, discountOf(curve), spread);
      case "lattice":
        return rollback(lattice(curve), grid, b, spread, work);
    }
  };
  const priceOn: CallableBook["priceOn"] = (curves, b, spreads, out) => {
    let k = 0;
    if (route[b] === "lattice" && grid.lastStep[b] > 0) {
      for (; k + 3 <= curves.length; k += 3) {
        const lanes = [0, 1, 2].map((l) => ({
          lattice: lattice(curves[k + l]),
          spread: spreads[k + l],
        }));
        const p = rollbackLanes(lanes, grid, b, work);
        out[k] = p[0];
        out[k + 1] = p[1];
        out[k + 2] = p[2];
      }
    }
    for (; k < curves.length; k++) out[k] = price(curves[k], b, spreads[k]);
    return out;
  };
  return {
    count,
    model,
    grid,
    geometry,
    route,
    convexitySpan: span,
    method,
    twin,
    work,
    lattice,
    bullet,
    price,
    priceOn,
    priceBonds(curves, spread, dz, outs, select) {
      const spreads = new Float64Array(curves.length);
      const prices = new Float64Array(curves.length);
      const spreadOn = (k: number, b: number) => spread[b] + (dz[k]?.[b] ?? 0);
      for (let b = 0; b < count; b++) {
        if (!select(b)) continue;
        for (let k = 0; k < curves.length; k++) spreads[k] = spreadOn(k, b);
        const t = twin[b];
        if (t !== b && select(t) && spreads.every((x, k) => x === spreadOn(k, t))) {
          for (let k = 0; k < curves.length; k++) outs[k][b] = outs[k][t];
          continue;
        }
        priceOn(curves, b, spreads, prices);
        for (let k = 0; k < curves.length; k++) outs[k][b] = prices[k];
      }
    },
  };
}

/** Bond b's single European call in the closed form's terms. */
export function europeanOf(grid: CallableGrid, b: number) {
  const from = grid.flowStart[b];
  const to = grid.flowStart[b + 1];
  const e = grid.exStart[b];
  return {
    times: grid.flowTime.subarray(from, to),
    amounts: grid.flowAmount.subarray(from, to),
    exercise: grid.exStep[e] * grid.dt + grid.exTau[e],
    strike: grid.exStrike[e],
  };
}

/**
 * Spacing of the OAS solver's first three spreads, below the bullet's Z-spread, decimal: the
 * typical gap to a callable's OAS (measured: median 37 bp), so the three bracket it as a rule.
 */
const FIRST_GAP = 0.0035;
/** Steps below which the solver's next rollback is expected to be its last, decimal. */
const NEAR = 1e-4;

/**
 * The OAS of bond b: the spread at which its price on `curve` is `dirty` (per 100), NaN when no
 * spread reprices it. From the bullet's Z-spread, on the lattice: the bond at Z, Z − FIRST_GAP
 * and Z − 2·FIRST_GAP in one pass of three lanes, inverse quadratic interpolation through them,
 * then secant steps (each new point with the last two, quadratic where it stays inside the
 * bracket the prices give, secant or bisection otherwise; the price falls with the spread) until
 * a step is below 1e-6 (0.01 bp), which is then taken without another rollback (the OAS's error
 * is below 1e-9). The last rollback, within 1e-6 of the returned OAS, is recorded for the
 * adjoint; with `wide` (the convexity's pair of lattices), a rollback expected to be the last
 * prices them in the same pass at its spread (work.recorded.prices), so the figures need no
 * further rollback. Bonds priced in closed form take the same steps on their price.
 */
export function solveOas(
  book: CallableBook,
  curve: ZeroCurve,
  b: number,
  dirty: number,
  wide?: readonly [FittedLattice, FittedLattice]
): number {
  if (!(book.grid.lastStep[b] > 0) || !(dirty > 0)) return NaN;
  let s = 0;
  // Z-spread of the bullet: the starting point (and the answer for a bullet).
  for (let it = 0; it < 50; it++) {
    const p = book.bullet(curve, b, s);
    const slope = (book.bullet(curve, b, s + 1e-6) - book.bullet(curve, b, s - 1e-6)) / 2e-6;
    const step = (p - dirty) / slope;
    s -= Math.max(-0.5, Math.min(0.5, step));
    if (Math.abs(step) < 1e-12) break;
  }
  if (!Number.isFinite(s)) return NaN;
  if (book.route[b] === "bullet") return s;
  const lattice = book.route[b] === "lattice" ? book.lattice(curve) : null;
  const first = [s, s - FIRST_GAP, s - 2 * FIRST_GAP];
  const firstPrices = lattice
    ? rollbackLanes(
        first.map((spread) => ({ lattice, spread })),
        book.grid,
        b,
        book.work
      )
    : first.map((x) => book.price(curve, b, x));
  const price = (x: number, last: boolean) => {
    if (!lattice) return book.price(curve, b, x);
    const lanes = [{ lattice, spread: x }];
    if (last && wide) lanes.push({ lattice: wide[0], spread: x }, { lattice: wide[1], spread: x });
    return rollbackLanes(lanes, book.grid, b, book.work, true)[0];
  };
  return secantSolve(first, firstPrices, dirty, price, lattice !== null);
}

/**
 * The root of price(x) = target from three points (spreads xs, prices ps; the price falls with
 * x), as solveOas describes. `recorded`: the first points are not recorded, so the last step is
 * taken only after a `price` call. NaN when the prices do not reach the target.
 */
function secantSolve(
  xs: number[],
  ps: number[],
  target: number,
  price: (x: number, last: boolean) => number,
  recorded: boolean
): number {
  // Bracket: the price is above the target at `lo`, below it at `hi`.
  let lo = -Infinity;
  let hi = Infinity;
  const points: [number, number][] = [];
  const add = (x: number, p: number) => {
    if (p > target) lo = Math.max(lo, x);
    else hi = Math.min(hi, x);
    points.push([x, p]);
    if (points.length > 3) points.shift();
  };
  for (let k = 0; k < xs.length; k++) {
    if (!Number.isFinite(ps[k])) return NaN;
    add(xs[k], ps[k]);
  }
  // The point nearest the target last: the steps start from it.
  points.sort((a, b) => Math.abs(a[1] - target) - Math.abs(b[1] - target)).reverse();
  let step = Infinity;
  for (let it = 0; it < 60; it++) {
    const [x, p] = points[points.length - 1];
    const [xPrev, pPrev] = points[points.length - 2];
    const slope = (p - pPrev) / (x - xPrev);
    const secant = slope < 0 ? (p - target) / slope : NaN;
    if (Math.abs(secant) < 1e-6 && (it > 0 || !recorded)) return x - secant;
    if (hi - lo < 1e-12) return (lo + hi) / 2;
    let next = points.length === 3 ? inverseQuadratic(points, target) : NaN;
    if (!(next > lo && next < hi)) next = x - Math.max(-0.05, Math.min(0.05, secant));
    if (!(next > lo && next < hi)) {
      if (!Number.isFinite(lo) || !Number.isFinite(hi)) next = x + (p > target ? 0.05 : -0.05);
      else next = (lo + hi) / 2;
    }
    const expectedLast = Math.abs(next - x) < NEAR || Math.abs(step) < NEAR;
    step = next - x;
    const pNext = price(next, expectedLast);
    if (!Number.isFinite(pNext)) return NaN;
    add(next, pNext);
  }
  return NaN;
}

/** The x at which the parabola through three (x, price) points, as x of price, gives `target`. */
function inverseQuadratic(points: readonly [number, number][], target: number): number {
  const [[x0, p0], [x1, p1], [x2, p2]] = points;
  return (
    (x0 * (target - p1) * (target - p2)) / ((p0 - p1) * (p0 - p2)) +
    (x1 * (target - p0) * (target - p2)) / ((p1 - p0) * (p1 - p2)) +
    (x2 * (target - p0) * (target - p1)) / ((p2 - p0) * (p2 - p1))
  );
}
