/**
 * SOFR OIS swaps: exact identities of the single-curve model (tolerance 1e-9 relative unless said).
 * - a par swap is worth zero at inception; receive and pay are opposite;
 * - for a swap whose tenor is a curve node, shifting every par rate by ±h moves the par rate at T
 *   by exactly ±h, so its DV01 equals N × 1 bp × (A₋ + A₊)/2, the annuities on the shifted curves;
 * - KR DV01s sum to the DV01 (to O(h²)); a 5Y swap's risk sits at the 5Y key;
 * - the bootstrap reprices every input OIS to par.
 */
import { buildCurve, CurveSpec, parYieldOf, tenorTime } from "../../../src/core/curve";
import { annuityOf, swapRisk, swapValue } from "../../../src/core/swaps/ois";
import { OutOfDomainError } from "../../../src/core/errors";

const SETTLE = 45659;
const SOFR: CurveSpec = {
  kind: "sofr_ois",
  months: [1, 3, 6, 12, 24, 36, 60, 84, 120, 240, 360],
  rates: [0.0433, 0.0431, 0.0424, 0.0415, 0.0405, 0.0401, 0.0399, 0.0401, 0.0405, 0.0412, 0.0398],
};

describe("SOFR OIS swaps", () => {
  it("bootstraps so that every input swap reprices to par", () => {
    const curve = buildCurve(SOFR, SETTLE, "linear_zero");
    SOFR.months.forEach((m, i) =>
      expect(Math.abs(parYieldOf(curve, m, "sofr_ois") - SOFR.rates[i])).toBeLessThan(1e-12)
    );
  });

  it("values a par swap at zero; receive and pay are opposite", () => {
    const curve = buildCurve(SOFR, SETTLE, "linear_zero");
    for (const months of [24, 60, 84, 120, 180]) {
      const par = parYieldOf(curve, months, "sofr_ois");
      expect(
        Math.abs(swapValue(curve, { months, notional: 1e8, payFixed: false }, par))
      ).toBeLessThan(1e-6);
      const off = swapValue(curve, { months, notional: 1e8, payFixed: false }, par + 0.001);
      expect(swapValue(curve, { months, notional: 1e8, payFixed: true }, par + 0.001)).toBeCloseTo(
        -off,
        6
      );
      expect(off).toBeCloseTo(1e8 * 0.001 * annuityOf(curve, months).annuity, 4);
    }
  });

  it("DV01 of a node-tenor par swap is N·1bp·(A₋ + A₊)/2 exactly; receive lengthens, pay shortens", () => {
    const N = 1e8;
    const r = swapRisk(SOFR, SETTLE, { months: 120, notional: N, payFixed: false });
    const bumped = (bp: number) =>
      buildCurve(
        SOFR,
        SETTLE,
        "linear_zero",
        SOFR.months.map(() => bp * 1e-4)
      );
    const expected =
      N * 1e-4 * ((annuityOf(bumped(-1), 120).annuity + annuityOf(bumped(1), 120).annuity) / 2);
    expect(Math.abs(r.dv01 - expected) / expected).toBeLessThan(1e-9);
    expect(r.dv01).toBeGreaterThan(0);
    expect(swapRisk(SOFR, SETTLE, { months: 120, notional: N, payFixed: true }).dv01).toBeCloseTo(
      -r.dv01,
      6
    );
  });

  it("KR DV01s sum to the DV01 and sit at the swap's own key", () => {
    const r = swapRisk(SOFR, SETTLE, { months: 60, notional: 5e7, payFixed: true });
    const sum = r.krDv01.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - r.dv01)).toBeLessThan(1e-6 * Math.abs(r.dv01));
    const fiveY = r.keysMonths.indexOf(60);
    expect(Math.abs(r.krDv01[fiveY])).toBeGreaterThan(0.95 * Math.abs(r.dv01));
    expect(tenorTime(SETTLE, 60)).toBeCloseTo(5, 1);
  });

  it("rejects a Treasury curve, a zero notional and a zero tenor", () => {
    expect(() =>
      swapRisk({ ...SOFR, kind: "par" }, SETTLE, { months: 60, notional: 1, payFixed: true })
    ).toThrow(OutOfDomainError);
    expect(() => swapRisk(SOFR, SETTLE, { months: 60, notional: 0, payFixed: true })).toThrow(
      OutOfDomainError
    );
    expect(() => swapRisk(SOFR, SETTLE, { months: 0, notional: 1, payFixed: true })).toThrow(
      OutOfDomainError
    );
  });
});
