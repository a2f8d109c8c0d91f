/**
 * The risk ladder: one set of bumps — base, ±parallel, ±each key, ±spread — applied to any priced
 * book, giving one risk row per instrument. With P₀ the dirty price on the base curve and P± the
 * dirty prices with a bump of ±h (h = bump/10,000), spreads held:
 *   effective duration = (P₋ − P₊)/(2·P₀·h),  effective convexity = (P₋ + P₊ − 2P₀)/(P₀·h²),
 *   spread duration = the same with the spread ± h,  KRD_k = the same with key k's triangle.
 * The triangles sum to the parallel move, so Σ KRD = effective duration up to the O(h²) of central
 * differences; the gap is returned per instrument so callers can flag it. A book may price the key
 * curves to first order (PricedBook.priceNear, the MBS engine's adjoint): the same KRDs to O(h²).
 * A book may instead give all its figures (PricedBook.ladder): the callable lattice's, whose
 * ±1 bp second differences would read its grid (core/risk/oasLadder.ts).
 */
import { ZeroCurve } from "../curve/zeroCurve";
import { PricedBook, spreadPrices } from "../engines/fixedBond";
import { CurveMarket } from "../market/market";
import { shockedCurve } from "../market/shock";

/**
 * The ladder's curves: the base, the parallel pair, then a pair per key (−h then +h): the curves
 * every bump-and-reprice figure (bonds, futures through their CTD, swaps) is computed on.
 */
export function ladderCurves(market: CurveMarket): ZeroCurve[] {
  const h = market.bumpBp;
  const curves = [shockedCurve(market, { kind: "none" }), ...parallelPair(market, h)];
  market.keysMonths.forEach((_, index) =>
    curves.push(
      shockedCurve(market, { kind: "key", index, bp: -h }),
      shockedCurve(market, { kind: "key", index, bp: h })
    )
  );
  return curves;
}

/** The market's curve shifted in parallel by −bp and by +bp (by its par or zero rule). */
export function parallelPair(market: CurveMarket, bp: number): [ZeroCurve, ZeroCurve] {
  return [
    shockedCurve(market, { kind: "parallel", bp: -bp }),
    shockedCurve(market, { kind: "parallel", bp }),
  ];
}

/** A book's ladder figures per instrument (NaN where the book does not price it). */
export interface LadderFigures {
  /** Dirty price per 100 on the base curve. */
  readonly dirty: Float64Array;
  /** Effective duration, years. */
  readonly effDuration: Float64Array;
  /** Effective convexity, years². */
  readonly effConvexity: Float64Array;
  /** Spread duration, years. */
  readonly spreadDuration: Float64Array;
  /** KRDs, years: row-major count × keys. */
  readonly krd: Float64Array;
}

/** Figures for `count` instruments and `keys` keys, all NaN (none priced yet). */
export function emptyFigures(count: number, keys: number): LadderFigures {
  const nan = () => new Float64Array(count).fill(NaN);
  return {
    dirty: nan(),
    effDuration: nan(),
    effConvexity: nan(),
    spreadDuration: nan(),
    krd: new Float64Array(count * keys).fill(NaN),
  };
}

/** Copies instrument i's figures in `from` to row j of `to` (`keys` KRDs each). */
export function copyFigures(
  from: LadderFigures,
  i: number,
  to: LadderFigures,
  j: number,
  keys: number
): void {
  to.dirty[j] = from.dirty[i];
  to.effDuration[j] = from.effDuration[i];
  to.effConvexity[j] = from.effConvexity[i];
  to.spreadDuration[j] = from.spreadDuration[i];
  to.krd.set(from.krd.subarray(i * keys, (i + 1) * keys), j * keys);
}

/** One risk row per instrument of a book (NaN where the book does not price it). */
export interface RiskRows extends LadderFigures {
  readonly count: number;
  readonly keysMonths: readonly number[];
  /** Σ KRD − effective duration, years (the run-time check). */
  readonly krdGap: Float64Array;
}

/**
 * Runs the ladder on a book (`curves` from {@link ladderCurves} of the same market): the book's
 * own figures where it has them (PricedBook.ladder: the callable lattice's), bump and reprice
 * otherwise.
 */
export function ladderRisk(
  book: PricedBook,
  market: CurveMarket,
  curves: readonly ZeroCurve[] = ladderCurves(market)
): RiskRows {
  const figures = book.ladder ? book.ladder(market, curves) : repriceLadder(book, market, curves);
  const count = book.count;
  const nk = market.keysMonths.length;
  const krdGap = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let sum = 0;
    for (let k = 0; k < nk; k++) sum += figures.krd[i * nk + k];
    krdGap[i] = sum - figures.effDuration[i];
  }
  return { count, keysMonths: market.keysMonths, ...figures, krdGap };
}

/** The ladder by bump and reprice: every figure a central difference of the book's prices. */
export function repriceLadder(
  book: PricedBook,
  market: CurveMarket,
  curves: readonly ZeroCurve[]
): LadderFigures {
  const count = book.count;
  const nk = market.keysMonths.length;
  const h = market.bumpBp * 1e-4;
  const base = book.price(curves[0]);
  const down = new Float64Array(count);
  const up = new Float64Array(count);
  const centred = (d: Float64Array, u: Float64Array, i: number) =>
    (d[i] - u[i]) / (2 * base[i] * h);
  const effDuration = new Float64Array(count);
  const effConvexity = new Float64Array(count);
  book.price(curves[1], undefined, down);
  book.price(curves[2], undefined, up);
  for (let i = 0; i < count; i++) {
    effDuration[i] = centred(down, up, i);
    effConvexity[i] = (down[i] + up[i] - 2 * base[i]) / (base[i] * h * h);
  }
  const krd = new Float64Array(count * nk);
  const keyPrice = (curve: ZeroCurve, out: Float64Array) =>
    book.priceNear ? book.priceNear(curves[0], curve, out) : book.price(curve, undefined, out);
  for (let k = 0; k < nk; k++) {
    keyPrice(curves[3 + 2 * k], down);
    keyPrice(curves[4 + 2 * k], up);
    for (let i = 0; i < count; i++) krd[i * nk + k] = centred(down, up, i);
  }
  const [sDown, sUp] = spreadPrices(book, curves[0], h);
  const spreadDuration = Float64Array.from({ length: count }, (_, i) => centred(sDown, sUp, i));
  return { dirty: base, effDuration, effConvexity, spreadDuration, krd };
}
