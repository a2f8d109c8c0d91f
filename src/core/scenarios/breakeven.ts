/**
 * The breakeven (SPEC S7): the parallel move Δ (bp, applied at the horizon) that wipes out the
 * horizon carry — total return(Δ) + hedges' P&L(Δ) = 0 — on full revaluation (horizon.ts); NaN
 * when no move within ±2,000 bp does.
 *
 * Each move revalues the whole book at the horizon, and the book prices moves asked together in
 * one batch (callables three curves a lattice pass), so the unhedged and hedged breakevens are
 * solved together in rounds of moves (breakevensBp), with the sequential bracketing solver
 * (solveOutwards) as the fallback on the same revaluations.
 */
import type { HorizonBook } from "./horizon";
import { horizonReturns } from "./horizon";
import type { ScenarioBook } from "./revalue";
import { parallelProfile } from "./shapes";

/** Moves beyond ±this many bp are not looked at, bp. */
const LIMIT_BP = 2000;
/** The first move revalued besides the zero move (the carry), bp: their secant is the first guess. */
export const BREAKEVEN_PROBE_BP = 5;
/** Half-width of the final bracket about the refined guess, bp. */
const FINAL_HALF_WIDTH_BP = 0.01;

/** A bracket [a, b] of a root: f(a) and f(b) of opposite signs. */
type Bracket = readonly [a: number, fa: number, b: number, fb: number];

/**
 * A bracket found by walking from x (f(x) = fx) towards `dir` (±1) in steps of `d`, doubling,
 * as far as `end`; null when f keeps its sign.
 */
function walk(
  f: (x: number) => number,
  x: number,
  fx: number,
  dir: number,
  d: number,
  end: number
): Bracket | null {
  for (;;) {
    const next = dir > 0 ? Math.min(x + d, end) : Math.max(x - d, end);
    const fn = f(next);
    if (Math.sign(fn) !== Math.sign(fx)) return [x, fx, next, fn];
    if (next === end) return null;
    [x, fx, d] = [next, fn, d * 2];
  }
}

/** The Illinois regula falsi on a bracket, to |b − a| < 1e-9 or |f| ≤ ftol. */
function illinois(f: (x: number) => number, bracket: Bracket, ftol: number): number {
  let [a, fa, b, fb] = bracket;
  let side = 0;
  for (let iter = 0; iter < 200; iter++) {
    const c = (a * fb - b * fa) / (fb - fa);
    const fc = f(c);
    if (Math.abs(fc) <= ftol || Math.abs(b - a) < 1e-9) return c;
    if (Math.sign(fc) === Math.sign(fb)) {
      [b, fb] = [c, fc];
      if (side === -1) fa /= 2;
      side = -1;
    } else {
      [a, fa] = [c, fc];
      if (side === 1) fb /= 2;
      side = 1;
    }
  }
  return (a + b) / 2;
}

/**
 * The root of a continuous f within ±`limit`, for a nearly linear f (a book's return against a
 * parallel move), in few evaluations: the secant guess g from f(0) and f(5), then a bracket
 * walked from g in steps of 1% of |g| (at least 0.5), doubling, towards the side the signs point
 * to; failing that, outwards from 0 (steps 5, 10, 20, …, both sides); then the Illinois regula
 * falsi to |Δ| < 1e-9 or |f| ≤ `ftol`. NaN when no sign change is found.
 */
export function solveOutwards(f: (x: number) => number, limit = 2000, ftol = 1e-7): number {
  const f0 = f(0);
  if (Math.abs(f0) <= ftol) return 0;
  const probe = 5;
  const fp = f(probe);
  if (Math.abs(fp) <= ftol) return probe;
  if (Math.sign(fp) !== Math.sign(f0)) return illinois(f, [0, f0, probe, fp], ftol);
  const g = probe - (fp * probe) / (fp - f0);
  let bracket: Bracket | null = null;
  if (Number.isFinite(g) && Math.abs(g) < limit) {
    const fg = f(g);
    if (Math.abs(fg) <= ftol) return g;
    const d = Math.max(0.5, 0.01 * Math.abs(g));
    if (Math.sign(fg) !== Math.sign(f0)) {
      // Past the root: walk back towards the nearer of 0 and the probe (f0's sign at both).
      const near = Math.abs(g) < Math.abs(g - probe) ? 0 : probe;
      bracket = walk(f, g, fg, Math.sign(near - g), d, near) ?? [near, near ? fp : f0, g, fg];
    } else bracket = walk(f, g, fg, Math.sign(g), d, Math.sign(g) * limit);
  }
  if (!bracket) {
    for (let step = 10; step <= limit * 1.0001 && !bracket; step *= 2) {
      for (const x of [step, -step]) {
        const fx = f(x);
        if (Math.sign(fx) !== Math.sign(f0)) {
          bracket = [0, f0, x, fx];
          break;
        }
      }
    }
  }
  return bracket ? illinois(f, bracket, ftol) : NaN;
}

/**
 * The book's horizon total return (money) by parallel move (bp), each move revalued once; moves
 * prefetched together are revalued together.
 */
export interface ParallelReturns {
  (bp: number): number;
  /** Revalues together the moves not yet known. */
  prefetch(bps: readonly number[]): void;
  /** Records a move's total return computed elsewhere (the carry is the zero move's). */
  know(bp: number, totalReturn: number): void;
}

/** {@link ParallelReturns} of a book over its horizon. */
export function parallelReturns(book: ScenarioBook, hb: HorizonBook): ParallelReturns {
  const seen = new Map<number, number>();
  const prefetch = (bps: readonly number[]) => {
    const todo = [...new Set(bps)].filter((bp) => !seen.has(bp));
    if (todo.length === 0) return;
    const r = horizonReturns(
      book,
      hb,
      todo.map(parallelProfile),
      todo.map(() => undefined)
    );
    todo.forEach((bp, k) => seen.set(bp, r[k].totalReturn));
  };
  return Object.assign(
    (bp: number) => {
      prefetch([bp]);
      return seen.get(bp)!;
    },
    { prefetch, know: (bp: number, v: number) => void seen.set(bp, v) }
  );
}

/** The root of the line through (a, fa) and (b, fb). */
const secant = (a: number, fa: number, b: number, fb: number) => a - (fa * (b - a)) / (fb - fa);

/**
 * The root nearest xs[2] of the parabola through (x, f(x)) at the three xs (Newton's method on
 * it from xs[2]); the secant through the last two when the parabola has none there.
 */
function parabolaRoot(xs: readonly number[], f: (x: number) => number): number {
  const [x0, x1, x2] = xs;
  const [f0, f1, f2] = xs.map(f);
  const d1 = (f1 - f0) / (x1 - x0);
  const d2 = ((f2 - f1) / (x2 - x1) - d1) / (x2 - x0);
  let x = x2;
  for (let it = 0; it < 30; it++) {
    const q = f0 + (x - x0) * (d1 + d2 * (x - x1));
    const step = q / (d1 + d2 * (2 * x - x0 - x1));
    x -= step;
    if (!Number.isFinite(x)) break;
    if (Math.abs(step) < 1e-12 * Math.max(1, Math.abs(x))) return x;
  }
  return secant(x1, f1, x2, f2);
}

/**
 * The breakeven moves (bp) of a book, one per hedge P&L function (money by move; () => 0 for the
 * unhedged portfolio), solved together (solveBreakevens) to |total| ≤ MV·1e-12 at the zero move.
 */
export function breakevensBp(
  book: ScenarioBook,
  hb: HorizonBook,
  hedges: readonly ((bp: number) => number)[],
  totalReturn: ParallelReturns = parallelReturns(book, hb)
): number[] {
  const ftol = Math.max(1, Math.abs(book.totals.marketValue)) * 1e-12;
  return solveBreakevens(totalReturn, hedges, ftol);
}

/**
 * The roots of totalReturn(Δ) + hedge(Δ), one per hedge, in three rounds, each round's moves
 * revalued in one batch (prefetch):
 * 1. the zero move and BREAKEVEN_PROBE_BP (when not already known);
 * 2. each root's secant guess g through them;
 * 3. r ± 0.01 bp, r the root nearest g of the parabola through the three (exact for a quadratic
 *    return; a book's return is one to within its third-order term).
 * When r ± 0.01 bp bracket the root, it is the root between them of the parabola through them
 * and g (the secant's if that leaves the bracket, with an error below |f''/2f'|·(0.01 bp)², under
 * 1e-7 bp for a bond book); otherwise solveOutwards finds it on the
 * same revaluations. A total within `ftol` of zero at the zero move gives 0; NaN: no root within
 * ±2,000 bp.
 */
export function solveBreakevens(
  totalReturn: ParallelReturns,
  hedges: readonly ((bp: number) => number)[],
  ftol: number
): number[] {
  const P = BREAKEVEN_PROBE_BP;
  const E = FINAL_HALF_WIDTH_BP;
  const fs = hedges.map((hedge) => (bp: number) => totalReturn(bp) + hedge(bp));
  const inReach = (x: number) => Number.isFinite(x) && Math.abs(x) < LIMIT_BP - E;
  totalReturn.prefetch([0, P]);
  const g = fs.map((f) => secant(0, f(0), P, f(P)));
  totalReturn.prefetch(g.filter(inReach));
  const r = fs.map((f, j) => (inReach(g[j]) ? parabolaRoot([0, P, g[j]], f) : NaN));
  totalReturn.prefetch(r.filter(inReach).flatMap((x) => [x - E, x + E]));
  return fs.map((f, j) => {
    if (Math.abs(f(0)) <= ftol) return 0;
    if (inReach(r[j])) {
      const [a, b] = [r[j] - E, r[j] + E];
      const [fa, fb] = [f(a), f(b)];
      if (Math.sign(fa) !== Math.sign(fb)) {
        const x = parabolaRoot([g[j], a, b], f);
        return x >= a && x <= b ? x : secant(a, fa, b, fb);
      }
    }
    return solveOutwards(f, LIMIT_BP, ftol);
  });
}

/**
 * The breakeven parallel move (bp) that wipes out the horizon carry: total return(Δ) + `hedge(Δ)`
 * = 0, hedge the hedges' P&L of the parallel move (money; 0 for the unhedged portfolio).
 */
export function breakevenBp(
  book: ScenarioBook,
  hb: HorizonBook,
  hedge: (bp: number) => number = () => 0,
  totalReturn?: ParallelReturns
): number {
  return breakevensBp(book, hb, [hedge], totalReturn)[0];
}
