/**
 * The option-adjusted risk figures of a callable book at its OAS: the one computation behind
 * OAS, DURATION_OAS, CONVEXITY_OAS and KRD_OAS and the callable engine's rows in PORTFOLIO,
 * `measure`, the wizard and the hedge. All from dirty prices per 100, the OAS held, every curve
 * re-fitted by the lattice (the geometry shared).
 *
 * On the lattice (route "lattice"), with P₀ the price at the OAS and one adjoint pass giving
 * ∂P/∂α_i for every step:
 * - KRD_k = −Σ_i ∂P/∂α_i·(α⁺ − α⁻)_i/(2h·P₀), (α⁺ − α⁻) the move of the lattice's drift between
 *   key k's −h and +h curves: the central difference to first order, which is all a ±h difference
 *   resolves;
 * - OAS duration: the same with the parallel pair, so the KRDs sum to it;
 * - OAS spread duration = −Σ_i ∂P/∂α_i / P₀ (a spread moves every α alike);
 * - OAS convexity = (P₋ + P₊ − 2P₀)/(P₀·H²) on curves shifted ±H by the market's rule, H the
 *   book's convexitySpan: the bump, or the lattice's node spacing dx when the bump is narrower;
 *   the three prices come from one pass of three lanes (rollbackLanes) at the spread the
 *   gradient is taken at, so the solver's last rollback usually serves for all of them.
 *   The smoothed lattice's price is twice differentiable, but its curvature ripples as the
 *   exercise boundary passes between nodes, one node spacing long; a second difference over ±dx
 *   spans a whole ripple and cancels it, where one over ±1 bp reads the ripple (measured on an
 *   American call at 24 → 384 steps a year: −46 → −56 over ±1 bp, −62.0 → −62.6 over ±dx, the
 *   model's −62.6). The shift's own O(H²) is below the lattice's grid error there.
 * Bonds priced in closed form or as bullets use plain ±h differences on the ladder's curves.
 * Option value = the bullet at the same OAS − the callable, per 100.
 */
import { ZeroCurve } from "../curve/zeroCurve";
import { CurveMarket } from "../market/market";
import { parallelPair } from "./ladder";
import { adjoint, rollbackLanes } from "../models/callableLattice";
import { FittedLattice } from "../models/hullWhiteLattice";
import { CallableBook, solveOas } from "../models/callableBook";

export interface OasFigures {
  /** OAS, decimal, continuous; NaN where no spread reprices the bond. */
  readonly oas: Float64Array;
  /** OAS effective duration, years. */
  readonly duration: Float64Array;
  /** OAS effective convexity, years². */
  readonly convexity: Float64Array;
  /** OAS spread duration, years. */
  readonly spreadDuration: Float64Array;
  /** OAS KRDs, years, row-major count × keys. */
  readonly krd: Float64Array;
  /** Bullet at the same OAS − callable, per 100. */
  readonly optionValue: Float64Array;
}

/** OAS already solved (the callable engine's calibration), with where each gradient is taken. */
export interface SolvedOas {
  /** OAS per bond, decimal. */
  readonly oas: ArrayLike<number>;
  /** The spread of each lattice bond's last solver rollback (recordedSpread right after solveOas). */
  readonly recordedAt: ArrayLike<number>;
}

/**
 * The figures of every bond of `book` with a dirty price (per 100; NaN or ≤ 0: none), on the
 * ladder's `curves` (ladderCurves of `market`: base, parallel pair, key pairs). Each OAS is
 * solved here from its dirty price, or given (`solved`). Either way a lattice bond's gradient is
 * taken at its solver's last rollback (within 1e-6 of the OAS), so both give the same figures.
 */
export function oasFigures(
  book: CallableBook,
  market: CurveMarket,
  curves: readonly ZeroCurve[],
  dirty: ArrayLike<number>,
  solved?: SolvedOas
): OasFigures {
  const count = book.count;
  const nk = (curves.length - 3) / 2;
  const h = market.bumpBp * 1e-4;
  const nan = () => new Float64Array(count).fill(NaN);
  const out = {
    oas: nan(),
    duration: nan(),
    convexity: nan(),
    spreadDuration: nan(),
    krd: new Float64Array(count * nk).fill(NaN),
    optionValue: nan(),
  };
  const base = curves[0];
  const lattice = latticeRisk(book, market, curves);
  for (let b = 0; b < count; b++) {
    const p0 = dirty[b];
    if (!(book.grid.lastStep[b] > 0) || !(p0 > 0)) continue;
    if (copyTwin(book.twin[b], b, p0, dirty, solved, out, nk)) continue;
    const onLattice = book.route[b] === "lattice";
    const s = solved
      ? solved.oas[b]
      : solveOas(book, base, b, p0, onLattice ? lattice.wide() : undefined);
    if (!Number.isFinite(s)) continue;
    out.oas[b] = s;
    out.optionValue[b] = book.bullet(base, b, s) - p0;
    if (onLattice) {
      lattice.figures(b, s, p0, solved ? solved.recordedAt[b] : recordedSpread(book, b), out);
      continue;
    }
    const on = (c: ZeroCurve) => book.price(c, b, s);
    const centred = (down: number, up: number) => (down - up) / (2 * p0 * h);
    const pd = on(curves[1]);
    const pu = on(curves[2]);
    out.duration[b] = centred(pd, pu);
    out.convexity[b] = (pd + pu - 2 * p0) / (p0 * h * h);
    out.spreadDuration[b] = centred(book.price(base, b, s - h), book.price(base, b, s + h));
    for (let k = 0; k < nk; k++)
      out.krd[b * nk + k] = centred(on(curves[3 + 2 * k]), on(curves[4 + 2 * k]));
  }
  return out;
}

/**
 * Bond b's figures copied from its twin t (CallableBook.twin) when t's are done at the same dirty
 * price and, when given, the same solved OAS and gradient spread: the same numbers, not priced
 * again. False when they are not copied.
 */
function copyTwin(
  t: number,
  b: number,
  p0: number,
  dirty: ArrayLike<number>,
  solved: SolvedOas | undefined,
  out: OasFigures,
  nk: number
): boolean {
  if (t === b || dirty[t] !== p0 || !Number.isFinite(out.oas[t])) return false;
  // Object.is: a bond off the lattice has no gradient spread (NaN) and its twin neither.
  const same = (a: ArrayLike<number>) => Object.is(a[t], a[b]);
  if (solved && !(same(solved.oas) && same(solved.recordedAt))) return false;
  for (const f of ["oas", "duration", "convexity", "spreadDuration", "optionValue"] as const)
    out[f][b] = out[f][t];
  out.krd.copyWithin(b * nk, t * nk, (t + 1) * nk);
  return true;
}

/** The spread of the book's recorded rollback if it is bond b's, else NaN. */
export function recordedSpread(book: CallableBook, b: number): number {
  const r = book.work.recorded;
  return r && r.bond === b ? r.spread : NaN;
}

/**
 * The lattice route: `wide()`, the convexity's pair of lattices (the curves shifted ±span); and
 * `figures`, bond b's figures at OAS s (P₀ = p0) written to `out`, all taken at spread `at` (NaN:
 * at s): the gradient from the recorded rollback there, the convexity from the prices of the
 * pair beside it (one pass of three lanes when the solver's last rollback did not take them).
 */
function latticeRisk(
  book: CallableBook,
  market: CurveMarket,
  curves: readonly ZeroCurve[]
): {
  wide(): [FittedLattice, FittedLattice];
  figures(b: number, s: number, p0: number, at: number, out: OasFigures): void;
} {
  const nk = (curves.length - 3) / 2;
  const h = market.bumpBp * 1e-4;
  const span = book.convexitySpan;
  // Built on first use: a book without lattice bonds fits no lattice.
  let moves: Float64Array[] | null = null;
  let wide: [FittedLattice, FittedLattice] | null = null;
  const grad = new Float64Array(book.geometry.steps);
  /** The drift's move between the −h and +h curves of pair p (0: parallel, 1 + k: key k). */
  const move = (p: number) => {
    const lo = book.lattice(curves[1 + 2 * p]).alpha;
    const hi = book.lattice(curves[2 + 2 * p]).alpha;
    return Float64Array.from(hi, (v, i) => v - lo[i]);
  };
  const pair = (): [FittedLattice, FittedLattice] => {
    if (span <= h) return [book.lattice(curves[1]), book.lattice(curves[2])];
    const [down, up] = parallelPair(market, span * 1e4);
    return [book.lattice(down), book.lattice(up)];
  };
  return {
    wide: () => (wide ??= pair()),
    figures(b, s, p0, at, out) {
      moves ??= Array.from({ length: nk + 1 }, (_, p) => move(p));
      const [down, up] = (wide ??= pair());
      const x = Number.isFinite(at) ? at : s;
      const base = book.lattice(curves[0]);
      let rec = book.work.recorded;
      const usable =
        rec?.bond === b &&
        rec.spread === x &&
        rec.lattice === base &&
        rec.with[0] === down &&
        rec.with[1] === up;
      if (!usable) {
        const lanes = [base, down, up].map((lattice) => ({ lattice, spread: x }));
        rollbackLanes(lanes, book.grid, b, book.work, true);
        rec = book.work.recorded!;
      }
      const [pAt, pd, pu] = rec!.prices;
      adjoint(book.grid, book.work, grad);
      const along = (m: Float64Array) => {
        let d = 0;
        for (let i = 0; i < grad.length; i++) d += grad[i] * m[i];
        return -d / (2 * h * p0);
      };
      out.duration[b] = along(moves[0]);
      for (let k = 0; k < nk; k++) out.krd[b * nk + k] = along(moves[1 + k]);
      let ds = 0;
      for (let i = 0; i < grad.length; i++) ds += grad[i];
      out.spreadDuration[b] = -ds / p0;
      // The second difference about the price at the same spread (within 1e-6 of the OAS).
      out.convexity[b] = (pd + pu - 2 * pAt) / (pAt * span * span);
    },
  };
}
