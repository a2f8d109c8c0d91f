/**
 * The fixed-to-float note engine (holding type "fixed-to-float"): fixed coupons on the note's
 * basis up to the switch date `float_date`, then a floating-rate note at its quoted margin over
 * the index (SOFR), valued as the FRN engine values its floating coupons (engines/frn.ts), all
 * discounted on the curve plus one discount margin calibrated to the price.
 *
 * A call (typically at par on the switch date, one year before maturity) is not valued here: the
 * note is priced without it, and the method says so. The option-adjusted (lattice) engine values
 * callable notes.
 */
import { calibrateFloatingHoldings, PROJECTION_METHOD } from "./frn";
import type { HoldingEngine } from "./registry";

/** Method text of every figure this engine prices. */
export const FIXED_TO_FLOAT_METHOD =
  "fixed-to-float note: fixed coupons to the switch date, then index forward + quoted margin " +
  `(actual/360), ${PROJECTION_METHOD}; discounted on the curve + discount margin (calibrated to ` +
  "the price, held); call not valued (needs the lattice engine): priced as non-callable";

export const FIXED_TO_FLOAT_ENGINE: HoldingEngine = {
  name: "fixed-to-float note",
  method: FIXED_TO_FLOAT_METHOD,
  calibrate: (market, holdings, clean, select) =>
    calibrateFloatingHoldings(
      market,
      holdings,
      clean,
      (i) => select(i) && Number.isFinite(holdings.floating?.floatDate[i] ?? NaN),
      "fixed-to-float"
    ),
};
