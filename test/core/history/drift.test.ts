/**
 * Hedge effectiveness from stored runs: the periods after a rebalance pair the market part of the
 * holdings' change with the held hedge's first-order P&L (−KR DV01 × key move); with fewer than
 * three such periods it says how many it has.
 */
import { seriesEffectiveness } from "../../../src/core/history/drift";
import { hedgeEffectiveness } from "../../../src/core/compare/hedgeEffectiveness";
import { RunSummary } from "../../../src/core/history/store";

const base: RunSummary = {
  runDate: "2025-01-02",
  settlement: 45659,
  rebalance: false,
  marketValue: 1e8,
  effective: 5,
  modified: 5,
  macaulay: 5.1,
  dv01: 50_000,
  hedgeDv01: -40_000,
  netDv01: 10_000,
  targetDv01: 10_000,
  keysMonths: [24, 120],
  krd: [1, 4],
  hedgeKrDv01: [-10_000, -30_000],
  keyZeroBp: [400, 420],
  trackingError: 0.002,
  benchmarkDuration: 5,
  durationBand: 0.5,
  marketPnl: NaN,
  futures: [],
  contract: { code: "ZN", symbol: "ZNH5", ctd: "X" },
};

describe("hedge effectiveness from stored runs", () => {
  const moves = [
    [5, 8],
    [-3, -6],
    [10, 7],
    [-2, 1],
  ];
  const pnl = [-60_000, 40_000, -120_000, 15_000];
  const series: RunSummary[] = [{ ...base, rebalance: true }];
  moves.forEach((m, t) => {
    const prev = series[series.length - 1];
    series.push({
      ...base,
      runDate: `2025-01-${10 + t}`,
      keyZeroBp: prev.keyZeroBp.map((z, k) => z + m[k]),
      marketPnl: pnl[t],
    });
  });

  it("pairs each period's market part with the held hedge's P&L", () => {
    const { effectiveness, note } = seriesEffectiveness(series);
    const hedge = moves.map((m) => -(-10_000 * m[0] + -30_000 * m[1]));
    expect(effectiveness).toEqual(hedgeEffectiveness(pnl, hedge));
    expect(note).toMatch(/from 4 periods/);
  });

  it("needs three periods with a hedge held since a rebalance", () => {
    expect(seriesEffectiveness(series.slice(0, 3)).effectiveness).toBeUndefined();
    expect(seriesEffectiveness(series.slice(0, 3)).note).toMatch(/needs 3 periods .* 2 stored/);
    const none = series.map((s) => ({ ...s, rebalance: false }));
    expect(seriesEffectiveness(none).note).toMatch(/0 stored/);
  });
});
