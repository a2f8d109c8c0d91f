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
import { LatticeWork, latticeWork, rollback, rollbackPair } from "./callableLattice";

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
  /** The lattice fitted to a curve (cached by curve). */
  lattice(curve: ZeroCurve): FittedLattice;
  /** Dirty price per 100 of bond b on `curve` at spread s; NaN where the bond is not valid. */
  price(curve: ZeroCurve, b: number, spread: number): number;
  /** The bullet's dirty price per 100 at spread s (same flows, no call). */
  bullet(curve: ZeroCurve, b: number, spread: number): number;
  /** Scratch space of the lattice rollbacks. */
  readonly work: LatticeWork;
}

/** A span in bp, to 0.1 bp ("35.3 bp", "1 bp"). */
const formatBp = (span: number) => `${Number((span * 1e4).toFixed(1))} bp`;

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
  const span = `convexity over ±${formatBp(convexitySpan)} curve shifts`;
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
  const convexitySpan = Math.max((options.bumpBp ?? DEFAULT_BUMP_BP) * 1e-4, geometry.dx);
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
    method.push(callableMethod(r, model, spy, grid.makeWhole[b] === 1, convexitySpan));
  }
  const work = latticeWork(geometry);
  const lattice = fittedLattices(geometry);
  const discountOf = (curve: ZeroCurve) => (t: number) => curve.discount(t);
  const bullet = (curve: ZeroCurve, b: number, spread: number) =>
    grid.lastStep[b] > 0 ? bulletPrice(grid, b, discountOf(curve), spread) : NaN;
  return {
    count,
    model,
    grid,
    geometry,
    route,
    convexitySpan,
    method,
    work,
    lattice,
    bullet,
    price(curve, b, spread) {
      if (!(grid.lastStep[b] > 0)) return NaN;
      switch (route[b]) {
        case "bullet":
          return bullet(curve, b, spread);
        case "closed-form":
          return jamshidianPrice(europeanOf(grid, b), model, discountOf(curve), spread);
        case "lattice":
          return rollback(lattice(curve), grid, b, spread, work);
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
 * Second spread of the OAS solver's first lattice pass, below the bullet's Z-spread, decimal: the
 * typical gap to a callable's OAS (measured: median 37 bp), so the first secant step is already
 * between two callable prices.
 */
const FIRST_GAP = 0.0035;

/**
 * The OAS of bond b: the spread at which its price on `curve` is `dirty` (per 100), NaN when no
 * spread reprices it. By the secant method, kept inside the bracket the prices so far give
 * (bisection where a step leaves it; the price falls with the spread), from the bullet's Z-spread
 * and FIRST_GAP below it (one pass of rollbackPair on the lattice). Each further step costs one
 * plain rollback, against a forward-mode derivative's two; convergence is superlinear, so two or
 * three more reach a step below 1e-6 (0.01 bp), which is then taken without another rollback (the
 * OAS's error is below 1e-9). The last lattice rollback, within 1e-6 of the returned OAS, is
 * recorded for the adjoint.
 */
export function solveOas(book: CallableBook, curve: ZeroCurve, b: number, dirty: number): number {
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
  const price = lattice
    ? (x: number) => rollback(lattice, book.grid, b, x, book.work, true)
    : (x: number) => book.price(curve, b, x);
  // Bracket: the price is above the target at `lo`, below it at `hi`.
  let lo = -Infinity;
  let hi = Infinity;
  const bracket = (x: number, p: number) => {
    if (p > dirty) lo = Math.max(lo, x);
    else hi = Math.min(hi, x);
  };
  let sPrev = s - FIRST_GAP;
  let pPrev: number;
  let p: number;
  if (lattice) {
    const pair = rollbackPair(
      lattice,
      sPrev,
      lattice,
      s,
      book.grid,
      b,
      book.work,
      new Float64Array(2)
    );
    pPrev = pair[0];
    p = pair[1];
  } else {
    pPrev = price(sPrev);
    p = price(s);
  }
  if (!Number.isFinite(pPrev)) return NaN;
  bracket(sPrev, pPrev);
  for (let it = 0; it < 60; it++) {
    if (!Number.isFinite(p)) return NaN;
    bracket(s, p);
    const slope = (p - pPrev) / (s - sPrev);
    const step = slope < 0 ? (p - dirty) / slope : NaN;
    // The pair's values are not recorded: the last step is taken only after a recorded rollback.
    if (Math.abs(step) < 1e-6 && (it > 0 || !lattice)) return s - step;
    if (hi - lo < 1e-12) return (lo + hi) / 2;
    let next = s - Math.max(-0.05, Math.min(0.05, step));
    if (!(next > lo && next < hi)) {
      if (!Number.isFinite(lo) || !Number.isFinite(hi)) next = s + (p > dirty ? 0.05 : -0.05);
      else next = (lo + hi) / 2;
    }
    sPrev = s;
    pPrev = p;
    s = next;
    p = price(s);
  }
  return NaN;
}
