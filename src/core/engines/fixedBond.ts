/**
 * The fixed-rate bond engine (bullets and zeros): cash flows on the unadjusted coupon dates
 * (counted back from maturity, Excel's schedule), each coupon 100·rate/f and principal 100 at
 * maturity, discounted at their ACT/365F time t as DF(t)·exp(−Z·t).
 *
 * `calibrate` solves the Z-spread (decimal, continuously compounded) that reprices the quote's
 * dirty price (clean + Excel's accrued on the bond's basis); the book then prices the same cash
 * flows on any curve with Z held, or with Z moved by a spread shock dz. This is the only place a
 * fixed bond is priced on a curve: holdings, benchmark constituents, CTDs, deliverables, the
 * scenarios and the horizon all use it.
 */
import { solveFlatSpread } from "../curve/spreadSolve";
import { BondTerms, Schedules, schedules } from "../bond";
import { ZeroCurve } from "../curve/zeroCurve";
import type { CurveMarket } from "../market/market";
import type { LadderFigures } from "../risk/ladder";
import { CashFlowGrid, cashFlowGrid, discountGrid, priceOnGrid, spreadWeighted } from "./cashFlows";

/** Method text of every figure this engine prices. */
export const FIXED_BOND_METHOD = "fixed cash flows discounted on the curve, Z-spread held";

/** Instruments calibrated to their quotes, ready to be priced on any curve. */
export interface PricedBook {
  readonly count: number;
  /** Calibrated spread per instrument, decimal; NaN where the instrument is not priced. */
  readonly spread: Float64Array;
  /** Dirty price per 100 on the base curve (the quote's); NaN where not priced. */
  readonly dirty: Float64Array;
  /**
   * Dirty prices per 100 on `curve` with each spread moved by dz (decimal per instrument; none:
   * unmoved), written to `out`; NaN where not priced.
   */
  price(curve: ZeroCurve, dz?: Float64Array, out?: Float64Array): Float64Array;
  /**
   * Optional fast path of the ladder's spread pair: the prices on `curve` with every spread moved
   * by −h and by +h (decimal), equal to two `price` calls.
   */
  priceSpreadPair?(curve: ZeroCurve, h: number): [Float64Array, Float64Array];
  /** Optional: why an instrument is not priced (the default reason otherwise), per instrument. */
  readonly problems?: readonly (string | null)[];
  /** Optional: the method text per instrument, where it depends on the instrument or the market. */
  readonly methods?: readonly string[];
  /**
   * Optional fast path of the ladder's key-rate pairs: prices on `curve`, one bump away from
   * `base`, to first order in the bump (their central difference is the full revaluation's to
   * O(h²)); the MBS engine's adjoint (mbs/gradient.ts).
   */
  priceNear?(base: ZeroCurve, curve: ZeroCurve, out?: Float64Array): Float64Array;
  /**
   * Optional: the book's own ladder figures on the ladder's curves (ladderCurves of `market`),
   * in place of bump and reprice (the callable lattice's adjoint and wide convexity,
   * core/risk/oasLadder.ts).
   */
  ladder?(market: CurveMarket, curves: readonly ZeroCurve[]): LadderFigures;
  /**
   * Optional fast path of pricing on many curves (the scenarios): out[k] = price(curves[k],
   * dz[k]), the same numbers (the callable lattice prices three curves a pass).
   */
  priceMany?(
    curves: readonly ZeroCurve[],
    dz: readonly (Float64Array | undefined)[]
  ): Float64Array[];
}

export interface FixedBondBook extends PricedBook {
  readonly settlement: number;
  readonly terms: BondTerms;
  /** Excel's accrued interest per 100 at settlement, on each bond's basis. */
  readonly accrued: Float64Array;
  readonly grid: CashFlowGrid;
  /** Spread-adjusted cash flows a·exp(−Z·t), per 100. */
  readonly weighted: Float64Array;
  /** 1 where the bond is priced. */
  readonly priced: Uint8Array;
}

/** A book's prices on each curve k with spread shocks dz[k] (its fast path when it has one). */
export function pricesOnCurves(
  book: PricedBook,
  curves: readonly ZeroCurve[],
  dz: readonly (Float64Array | undefined)[]
): Float64Array[] {
  if (book.priceMany) return book.priceMany(curves, dz);
  return curves.map((curve, k) => book.price(curve, dz[k]));
}

/** A book's prices on `curve` with every spread moved by −h and by +h (its fast path when it has one). */
export function spreadPrices(
  book: PricedBook,
  curve: ZeroCurve,
  h: number
): [Float64Array, Float64Array] {
  if (book.priceSpreadPair) return book.priceSpreadPair(curve, h);
  const moved = (s: number) => book.price(curve, new Float64Array(book.count).fill(s));
  return [moved(-h), moved(h)];
}

/**
 * Z-spread of bond i: Σ a·DF·exp(−Z·t) = target, by the one flat-spread solve
 * (curve/spreadSolve.ts); `pv` is a·DF per cash flow of the grid.
 */
export function solveZSpread(
  grid: CashFlowGrid,
  pv: Float64Array,
  i: number,
  target: number
): number {
  return solveFlatSpread(pv, grid.time, grid.start[i], grid.start[i + 1], target);
}

function book(
  settlement: number,
  terms: BondTerms,
  grid: CashFlowGrid,
  accrued: Float64Array,
  spread: Float64Array,
  dirty: Float64Array
): FixedBondBook {
  const count = spread.length;
  const priced = Uint8Array.from(spread, (z) => (Number.isFinite(z) ? 1 : 0));
  const weighted = spreadWeighted(
    grid,
    Float64Array.from(spread, (z) => (Number.isFinite(z) ? z : 0))
  );
  return {
    count,
    settlement,
    terms,
    accrued,
    grid,
    weighted,
    priced,
    spread,
    dirty,
    price(curve, dz, out = new Float64Array(count)) {
      priceOnGrid(grid, weighted, discountGrid(curve, grid.dates), out, dz);
      for (let i = 0; i < count; i++) if (!priced[i]) out[i] = NaN;
      return out;
    },
    priceSpreadPair(curve, h) {
      // One exp(h·t) per cash flow serves both sides (exp(−h·t) = 1/exp(h·t)).
      const df = discountGrid(curve, grid.dates);
      const down = new Float64Array(count);
      const up = new Float64Array(count);
      for (let i = 0; i < count; i++) {
        if (!priced[i]) {
          down[i] = up[i] = NaN;
          continue;
        }
        let d = 0;
        let u = 0;
        for (let j = grid.start[i]; j < grid.start[i + 1]; j++) {
          const v = weighted[j] * df[grid.dateIndex[j]];
          const e = Math.exp(h * grid.time[j]);
          d += v * e;
          u += v / e;
        }
        down[i] = d;
        up[i] = u;
      }
      return [down, up];
    },
  };
}

/**
 * Bonds settling on `settlement` whose Z-spreads are known (decimal per bond; NaN: not priced),
 * e.g. the same holdings rolled to a horizon date, or deliverables priced on the curve at Z = 0.
 */
export function fixedBondBook(
  settlement: number,
  terms: BondTerms,
  spread: Float64Array,
  curve: ZeroCurve,
  sched: Schedules = schedules(terms)
): FixedBondBook {
  const ok = (i: number) =>
    sched.n[i] > 0 && terms.settlement[i] === settlement && Number.isFinite(spread[i]);
  const grid = cashFlowGrid(settlement, terms, sched, ok);
  const z = Float64Array.from(spread, (v, i) => (ok(i) ? v : NaN));
  const b = book(settlement, terms, grid, sched.accrued, z, new Float64Array(z.length));
  b.price(curve, undefined, b.dirty as Float64Array);
  return b;
}

/**
 * Calibrates bonds settling on `settlement` to their clean prices (per 100) on `curve`: the
 * Z-spread that reprices each dirty price. `sched`: the terms' schedules when already built. Bonds with invalid terms (see `schedules`), a
 * non-positive price, `include(i)` false, or no Z-spread that reprices them are not priced (NaN).
 */
export function calibrateFixedBonds(
  settlement: number,
  terms: BondTerms,
  clean: ArrayLike<number>,
  curve: ZeroCurve,
  include: (i: number) => boolean = () => true,
  sched: Schedules = schedules(terms)
): FixedBondBook {
  const count = terms.settlement.length;
  const valid = (i: number) =>
    sched.n[i] > 0 && clean[i] > 0 && terms.settlement[i] === settlement && include(i);
  const grid = cashFlowGrid(settlement, terms, sched, valid);
  const df = discountGrid(curve, grid.dates);
  const pv = Float64Array.from(grid.amount, (a, j) => a * df[grid.dateIndex[j]]);
  const spread = new Float64Array(count).fill(NaN);
  const dirty = new Float64Array(count).fill(NaN);
  for (let i = 0; i < count; i++) {
    if (!valid(i)) continue;
    const target = clean[i] + sched.accrued[i];
    const z = solveZSpread(grid, pv, i, target);
    if (!Number.isFinite(z)) continue;
    spread[i] = z;
    dirty[i] = target;
  }
  return book(settlement, terms, grid, sched.accrued, spread, dirty);
}
