/**
 * Callable bonds at the horizon date H (scenarios/horizon.ts): each priced on the Hull–White
 * lattice fitted to the (shocked, rolled) curve at H, its OAS held (plus the scenario's spread
 * shock), by the callable book (models/callableBook.ts) laid out at H — the one place a callable
 * is priced. Approximation: the bond is taken as not called inside the horizon (its coupons in
 * (s, H] are cash, as a bullet's); a call date already passed at H leaves it callable from H on.
 */
import { hwStepsPerYear } from "../conventions";
import type { ZeroCurve } from "../curve/zeroCurve";
import type { Holdings } from "../holdings/types";
import { callableBook, CallableBook } from "../models/callableBook";
import type { HullWhiteParams } from "../models/hullWhite";
import { holdingTerms } from "../portfolio/holdingTerms";

export interface CallableHorizon {
  /** True for the holdings priced here. */
  is(i: number): boolean;
  /** Writes their dirty prices per 100 at H on `rolled` (a curve settling at H) into `out`. */
  price(rolled: ZeroCurve, dz: Float64Array | undefined, out: Float64Array): void;
  /** `price` on several curves at once (curve k, shocks dz[k], into outs[k]): the same numbers. */
  priceMany(
    rolled: readonly ZeroCurve[],
    dz: readonly (Float64Array | undefined)[],
    outs: readonly Float64Array[]
  ): void;
}

export function callableHorizon(
  holdings: Holdings,
  include: (i: number) => boolean,
  oas: ArrayLike<number>,
  model: HullWhiteParams,
  date: number
): CallableHorizon {
  const calls = holdings.calls;
  const n = holdings.count;
  const mine = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    mine[i] =
      include(i) &&
      holdings.type[i] === "callable" &&
      !!calls?.[i] &&
      holdings.maturity[i] > date &&
      Number.isFinite(oas[i])
        ? 1
        : 0;
  }
  let book: CallableBook | null = null;
  if (calls && mine.some((x) => x === 1)) {
    book = callableBook(
      date,
      holdingTerms(holdings, date),
      calls,
      model,
      { stepsPerYear: hwStepsPerYear(model.volatility) },
      (i) => mine[i] === 1
    );
  }
  const priceMany: CallableHorizon["priceMany"] = (rolled, dz, outs) =>
    book?.priceBonds(rolled, oas, dz, outs, (i) => mine[i] === 1);
  return {
    is: (i) => mine[i] === 1,
    price: (rolled, dz, out) => priceMany([rolled], [dz], [out]),
    priceMany,
  };
}
