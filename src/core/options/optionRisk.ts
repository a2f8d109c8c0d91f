/**
 * Greeks of option positions, in money, from the same ladder curves as every other figure
 * (risk/ladder.ts: base, ±parallel, ±each key triangle, par or zero shifts as the market says):
 *   DV01      = (V(−h) − V(+h)) / 2 / h          money per 1 bp fall of rates
 *   KR DV01_k = the same on key k's triangle      (Σ_k KR DV01 = DV01 up to O(h²))
 *   gamma     = (V(−h) + V(+h) − 2V₀) / h²        change of DV01 for 1 bp, money per bp per bp
 *   vega      = (V(σ+1) − V(σ−1)) / 2             per 1 bp of normal vol (swaptions, caps) or per
 *                                                 1% of price vol (futures options)
 *   theta     = V(one calendar day nearer expiry) − V₀, curve and volatility held
 * with h the ladder's bump in bp. Rate options (swaptions, caps/floors) are priced on the SOFR OIS
 * curve, futures options on the Treasury curve through their futures.
 */
import { ZeroCurve } from "../curve";
import { CurveMarket } from "../market/market";
import { ladderCurves } from "../risk/ladder";
import { FuturesOptionBook, futuresOptionValues } from "./futuresOptions";
import { RateOptionBook, rateOptionValues } from "./rateOptions";

/** Something that values option positions on a curve. */
export interface OptionPricer {
  readonly count: number;
  /** Units of vega: "1 bp normal vol" or "1% price vol". */
  readonly vegaUnit: string;
  /** Values, money; `volBump` in the vega unit; `volShiftBp` normal bp (scenarios). */
  value(curve: ZeroCurve, volShiftBp?: number, daysPassed?: number, volBump?: number): Float64Array;
}

export function rateOptionPricer(book: RateOptionBook): OptionPricer {
  return {
    count: book.positions.length,
    vegaUnit: "1 bp normal vol",
    value: (curve, volShiftBp = 0, daysPassed = 0, volBump = 0) =>
      rateOptionValues(book, curve, volShiftBp + volBump, daysPassed),
  };
}

export function futuresOptionPricer(book: FuturesOptionBook): OptionPricer {
  return {
    count: book.positions.length,
    vegaUnit: "1% price vol",
    value: (curve, volShiftBp = 0, daysPassed = 0, volBump = 0) =>
      futuresOptionValues(book, curve, volShiftBp, daysPassed, volBump * 0.01),
  };
}

/** Greeks per position, money. */
export interface OptionGreeks {
  readonly keysMonths: readonly number[];
  readonly value: Float64Array;
  readonly dv01: Float64Array;
  /** Row-major positions × keys. */
  readonly krDv01: Float64Array;
  readonly gamma: Float64Array;
  readonly vega: Float64Array;
  readonly theta: Float64Array;
  readonly vegaUnit: string;
}

/** Greeks of a pricer's positions on a market's ladder (`curves` from ladderCurves(market)). */
export function optionGreeks(
  pricer: OptionPricer,
  market: CurveMarket,
  curves: readonly ZeroCurve[] = ladderCurves(market)
): OptionGreeks {
  const n = pricer.count;
  const nk = market.keysMonths.length;
  const h = market.bumpBp;
  const v0 = pricer.value(curves[0]);
  const down = pricer.value(curves[1]);
  const up = pricer.value(curves[2]);
  const dv01 = Float64Array.from(v0, (_, i) => (down[i] - up[i]) / 2 / h);
  const gamma = Float64Array.from(v0, (v, i) => (down[i] + up[i] - 2 * v) / (h * h));
  const krDv01 = new Float64Array(n * nk);
  for (let k = 0; k < nk; k++) {
    const d = pricer.value(curves[3 + 2 * k]);
    const u = pricer.value(curves[4 + 2 * k]);
    for (let i = 0; i < n; i++) krDv01[i * nk + k] = (d[i] - u[i]) / 2 / h;
  }
  const vUp = pricer.value(curves[0], 0, 0, 1);
  const vDown = pricer.value(curves[0], 0, 0, -1);
  const vega = Float64Array.from(v0, (_, i) => (vUp[i] - vDown[i]) / 2);
  const later = pricer.value(curves[0], 0, 1);
  const theta = Float64Array.from(v0, (v, i) => later[i] - v);
  return {
    keysMonths: market.keysMonths,
    value: v0,
    dv01,
    krDv01,
    gamma,
    vega,
    theta,
    vegaUnit: pricer.vegaUnit,
  };
}
