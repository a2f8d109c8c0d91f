/**
 * The callable engine in the totals: a callable holding is priced on the lattice through the one
 * risk ladder (effective duration and KRDs from its ±1 bp re-fitted lattices, OAS held), names its
 * model and parameters, and agrees with the OAS functions' computation (oasRisk); a callable
 * without a schedule is left out with the reason, never guessed.
 */
import { HoldingRecord, packHoldings } from "../../../src/core/holdings";
import { serialFromYmd } from "../../../src/core/dates";
import { makeMarket } from "../../../src/core/market/market";
import { holdingCurveExposure } from "../../../src/core/portfolio/curveExposure";
import { NO_CALL_SCHEDULE } from "../../../src/core/engines/callable";
import { oasRisk } from "../../../src/core/risk/oasRisk";
import { hwStepsPerYear } from "../../../src/core/conventions";
import { holdingTerms } from "../../../src/core/portfolio/holdingTerms";
import { holdingRecord } from "../../../src/core/holdings";

const SETTLE = serialFromYmd(2025, 1, 15);
const CURVE = {
  kind: "par" as const,
  months: [3, 6, 12, 24, 36, 60, 84, 120, 240, 360],
  rates: [0.0435, 0.0431, 0.0422, 0.0418, 0.042, 0.0428, 0.0437, 0.0446, 0.0472, 0.0468],
};

function record(
  id: string,
  type: HoldingRecord["type"],
  calls: HoldingRecord["calls"]
): HoldingRecord {
  return holdingRecord({
    id,
    description: id,
    sector: "corporate",
    type,
    coupon: 0.05,
    maturity: serialFromYmd(2033, 6, 1),
    price: 99.25,
    basis: 0,
    calls,
  });
}

describe("callable engine", () => {
  const schedule = {
    dates: Float64Array.of(serialFromYmd(2028, 6, 1), serialFromYmd(2030, 6, 1)),
    prices: Float64Array.of(101, 100),
    style: "bermudan" as const,
  };
  const records = [
    record("C1", "callable", schedule),
    record("B1", "bullet", null),
    record("C0", "callable", null),
  ];
  const h = { ...packHoldings(records), calls: records.map((r) => r.calls ?? null) };
  const market = makeMarket({ settlement: SETTLE, curve: CURVE });
  const x = holdingCurveExposure(h, market);

  it("prices callables in the totals with the model named", () => {
    expect(x.excluded[0]).toBeNull();
    expect(x.method[0]).toMatch(/Hull–White 1F trinomial/);
    expect(x.method[0]).toMatch(/a = 0\.03 \(default\)/);
    expect(x.method[0]).toMatch(/σ = 100 bp \(default volatility\)/);
    expect(x.method[0]).toMatch(/OAS held/);
    expect(x.excluded[2]).toBe(NO_CALL_SCHEDULE);
    expect(x.risk.effDuration[0]).toBeLessThan(x.risk.effDuration[1]);
    expect(x.flag[0]).toBeNull();
  });

  it("agrees with the OAS functions' computation", () => {
    const r = oasRisk(
      market,
      { terms: holdingTerms(h, SETTLE), clean: h.price, calls: h.calls!, include: (i) => i === 0 },
      { stepsPerYear: hwStepsPerYear(0.01) }
    );
    expect(x.risk.zspread[0]).toBeCloseTo(r.oas[0], 10);
    expect(x.risk.effDuration[0]).toBeCloseTo(r.duration[0], 8);
    expect(x.risk.effConvexity[0]).toBeCloseTo(r.convexity[0], 4);
    // KRDs: the ladder's ±1 bp re-fits against the adjoint's first-order figure.
    for (let k = 0; k < 10; k++) expect(Math.abs(x.risk.krd[k] - r.krd[k])).toBeLessThan(1e-4);
    expect(Math.abs(x.risk.spreadDuration[0] - r.spreadDuration[0])).toBeLessThan(1e-4);
  });
});
