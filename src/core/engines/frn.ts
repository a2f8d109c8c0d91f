/**
 * The floating-rate note engine (holding type "frn"): coupons projected from the index's forward
 * curve, discounted on the curve plus a discount margin calibrated to the price (engines/
 * floatingBook.ts; schedules and the current coupon in engines/floatingFlows.ts).
 *
 * The index (SOFR) is projected on the market's SOFR OIS swap curve when the market has one, its
 * basis to the Treasury curve held when the ladder shifts the curve; otherwise on the Treasury
 * curve itself. Every shift moves the projected coupons with the discounting, so the rate
 * (effective) duration is about the time to the next reset, while the spread duration (the
 * discount margin moved) runs to maturity.
 */
import type { CurveSpec } from "../curve/curveSpec";
import { buildCurve } from "../curve/curveSpec";
import type { ZeroCurve } from "../curve/zeroCurve";
import type { Holdings } from "../holdings/types";
import { baseCurve, CurveMarket } from "../market/market";
import { calibrateFloating, FloatingBook } from "./floatingBook";
import { floatingFlows } from "./floatingFlows";
import type { HoldingEngine } from "./registry";

/** How the index is projected, in words, for every floating engine's method. */
export const PROJECTION_METHOD =
  "SOFR projected on the market's SOFR OIS swap curve when it has one (its basis to the Treasury " +
  "curve held in shifts), else on the Treasury curve";

/** Method text of every figure this engine prices. */
export const FRN_METHOD =
  "floating-rate note: coupons = index forward + quoted margin (0 where not given; actual/360), " +
  `${PROJECTION_METHOD}; ` +
  "current coupon fixed at the holding's coupon to the next reset; discounted on the curve + " +
  "discount margin (calibrated to the price, held); rate duration ≈ time to the next reset, " +
  "spread duration to maturity";

/** The index's projection curve of a market: its swap curve when it carries one, else undefined. */
export function projectionCurve(market: CurveMarket): ZeroCurve | undefined {
  const swap = (market as CurveMarket & { swapCurve?: CurveSpec }).swapCurve;
  return swap ? buildCurve(swap, market.settlement, market.interpolation) : undefined;
}

/** Floating notes of `kind` calibrated to their prices (their discount margin without one). */
export function calibrateFloatingHoldings(
  market: CurveMarket,
  holdings: Holdings,
  clean: ArrayLike<number>,
  select: (i: number) => boolean,
  kind: "frn" | "fixed-to-float"
): FloatingBook {
  const s = market.settlement;
  const ok = (i: number) => select(i) && holdings.maturity[i] > s;
  const flows = floatingFlows(s, holdings, ok, kind);
  return calibrateFloating(
    flows,
    baseCurve(market),
    projectionCurve(market),
    clean,
    holdings.floating?.discountMargin
  );
}

export const FRN_ENGINE: HoldingEngine = {
  name: "floating-rate note",
  method: FRN_METHOD,
  spreadHeld: "discount margin",
  calibrate: (market, holdings, clean, select) =>
    calibrateFloatingHoldings(market, holdings, clean, select, "frn"),
};
