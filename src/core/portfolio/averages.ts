/**
 * Market-value-weighted averages PORT shows in a summary: the yield to maturity and the Z-spread,
 * over the holdings in the totals (a holding with no yield or spread is left out of that average
 * and counted).
 *
 * Units: yield decimal (each bond's own, given or solved from its price, Excel's YIELD
 * convention); Z-spread in basis points (the engine's continuously compounded spread × 10,000).
 */
import { PositionRisk } from "./curveExposure";
import { HoldingExposure } from "./yieldExposure";

export interface WeightedAverage {
  /** The average; NaN when no holding has the figure. */
  readonly value: number;
  /** Holdings averaged over, and holdings in the totals without the figure. */
  readonly count: number;
  readonly missing: number;
}

function weighted(x: PositionRisk, figure: (i: number) => number): WeightedAverage {
  let sum = 0;
  let weight = 0;
  let count = 0;
  let missing = 0;
  for (let i = 0; i < x.marketValue.length; i++) {
    if (x.excluded[i]) continue;
    const v = figure(i);
    if (!Number.isFinite(v)) {
      missing++;
      continue;
    }
    sum += x.marketValue[i] * v;
    weight += x.marketValue[i];
    count++;
  }
  return { value: weight !== 0 ? sum / weight : NaN, count, missing };
}

/** Market-value-weighted yield to maturity, decimal. */
export function weightedYield(x: PositionRisk, y: HoldingExposure): WeightedAverage {
  return weighted(x, (i) => y.yld[i]);
}

/** Market-value-weighted Z-spread, basis points. */
export function weightedZspreadBp(x: PositionRisk): WeightedAverage {
  return weighted(x, (i) => x.risk.zspread[i] * 1e4);
}
