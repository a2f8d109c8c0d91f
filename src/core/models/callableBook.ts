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
import { LatticeWork, latticeWork, rollback } from "./callableLattice";

/** How a bond of the book is priced. */
export type CallableRoute = "bullet" | "closed-form" | "lattice";

export interface CallableBookOptions {
  /** Lattice steps a year. */
  readonly stepsPerYear: number;
  /** False: price single European calls on the lattice too (the closed form's test). */
  readonly closedForm?: boolean;
}

export interface CallableBook {
  readonly count: number;
  readonly model: HullWhiteParams;
  readonly grid: CallableGrid;
  readonly geometry: LatticeGeometry;
  readonly route: CallableRoute[];
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

/** The method text of a route under the model. */
export function callableMethod(
  route: CallableRoute,
  model: HullWhiteParams,
  stepsPerYear: number,
  makeWhole = false
): string {
  const hw = describeHullWhite(model);
  if (makeWhole)
    return "make-whole call priced as non-callable: fixed cash flows on the curve, OAS held";
  if (route === "bullet") return "no call left: fixed cash flows on the curve, OAS held";
  if (route === "closed-form")
    return `${hw.replace("Hull–White 1F", "Hull–White 1F closed form (Jamshidian)")}, OAS held`;
  return `${hw.replace("Hull–White 1F", `Hull–White 1F trinomial (${stepsPerYear} steps a year, exercise boundary smoothed)`)}, OAS held`;
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
    method.push(callableMethod(r, model, spy, grid.makeWhole[b] === 1));
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
          return rollback(lattice(curve), grid, b, spread, work).value;
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
 * The OAS of bond b: the spread at which its price on `curve` is `dirty` (per 100), by Newton's
 * method from the bullet's Z-spread (the lattice's derivative comes with its rollback; the other
 * routes' from a ±1e-6 difference). The last lattice rollback, within 1e-6 of the returned OAS,
 * is recorded for the adjoint.
 * NaN when no spread reprices it.
 */
export function solveOas(book: CallableBook, curve: ZeroCurve, b: number, dirty: number): number {
  if (!(book.grid.lastStep[b] > 0) || !(dirty > 0)) return NaN;
  let s = 0;
  // Z-spread of the bullet: the starting point (and the answer for a bullet).
  for (let it = 0; it < 50; it++) {
    const p = book.bullet(curve, b, s);
    const dp = (book.bullet(curve, b, s + 1e-6) - book.bullet(curve, b, s - 1e-6)) / 2e-6;
    const step = (p - dirty) / dp;
    s -= Math.max(-0.5, Math.min(0.5, step));
    if (Math.abs(step) < 1e-12) break;
  }
  if (!Number.isFinite(s)) return NaN;
  if (book.route[b] === "bullet") return s;
  const lattice = book.route[b] === "lattice" ? book.lattice(curve) : null;
  for (let it = 0; it < 60; it++) {
    let p: number;
    let dp: number;
    if (lattice) {
      const r = rollback(lattice, book.grid, b, s, book.work, true, true);
      p = r.value;
      dp = r.dValue;
    } else {
      p = book.price(curve, b, s);
      dp = (book.price(curve, b, s + 1e-6) - book.price(curve, b, s - 1e-6)) / 2e-6;
    }
    if (!(dp < 0)) return NaN;
    const step = (p - dirty) / dp;
    // Quadratic convergence: a step below 1e-6 (0.01 bp) leaves an error below 1e-10 once
    // taken, so it is taken without another rollback (the recorded one is 1e-6 away).
    if (Math.abs(step) < 1e-6) return s - step;
    s -= Math.max(-0.05, Math.min(0.05, step));
  }
  return NaN;
}
