/**
 * Futures DV01 = CTD forward DV01 on the contract face ÷ CF: CME's worked example for the ÷CF
 * step, and full computations against the QuantLib fixture (forward yield and DV01 at delivery).
 * Tolerances: yields 1e-10 absolute, DV01 1e-10 relative; CME's example to its 2 decimals.
 */
import fixture from "../../fixtures/quantlib/futures-basis.json";
import { dv01PerContract, futuresDv01 } from "../../../src/core/futures/futuresDv01";
import { bondBasis } from "../../../src/core/futures/basis";
import { parseContract, parseDeliveryMonth } from "../../../src/core/futures/contracts";
import { serialFromIso } from "../../../src/core/dates";

interface Bond {
  coupon: number;
  maturity: number;
  clean: number;
  cf: number;
  forward: number;
  forward_yield: number;
  ctd_dv01_per100: number;
  futures_dv01: number;
}
interface Basket {
  id: number;
  contract: string;
  month: string;
  settlement: number;
  delivery: number;
  repo: number;
  bonds: Bond[];
}
const baskets = (fixture as unknown as { baskets: Basket[] }).baskets;
const d = (iso: string) => serialFromIso(iso)!;

describe("futures DV01", () => {
  it("CME's worked example: CTD DV01 67.64 with CF 0.9506 gives 71.16 per contract", () => {
    expect(Math.round(dv01PerContract(67.64, 0.9506) * 100) / 100).toBe(71.16);
    expect(() => dv01PerContract(67.64, 0)).toThrow(/conversion factor/);
  });

  it.each(baskets.map((b) => [b.id, b] as const))(
    "basket %i: every bond as the CTD, carried from settlement at repo",
    (_id, b) => {
      const contract = parseContract(b.contract);
      const month = parseDeliveryMonth(b.month);
      for (const x of b.bonds) {
        const r = futuresDv01(contract, month, x.coupon, x.maturity, x.clean, {
          settlement: b.settlement,
          repo: b.repo,
          delivery: b.delivery,
        });
        expect(Math.abs(r.forwardClean - x.forward)).toBeLessThanOrEqual(1e-10);
        expect(Math.abs(r.forwardYield - x.forward_yield)).toBeLessThanOrEqual(1e-10);
        expect(Math.abs(r.ctdDv01Per100 / x.ctd_dv01_per100 - 1)).toBeLessThanOrEqual(1e-10);
        expect(Math.abs(r.dv01 / x.futures_dv01 - 1)).toBeLessThanOrEqual(1e-10);
        expect(r.conversionFactor).toBe(x.cf);
        expect(r.ctdDv01OnFace).toBeCloseTo((r.ctdDv01Per100 * contract.face) / 100, 12);
      }
    }
  );

  it("reads the price as a forward price when no settlement is given", () => {
    const zn = parseContract("TY");
    const jun = parseDeliveryMonth("2025-06");
    const spot = { coupon: 0.04125, maturity: d("2032-05-31"), cleanPrice: 99.5 };
    const fwd = bondBasis(zn, jun, spot, d("2025-04-01"), 0.043).forwardClean;
    const a = futuresDv01(zn, jun, spot.coupon, spot.maturity, spot.cleanPrice, {
      settlement: d("2025-04-01"),
      repo: 0.043,
    });
    const b = futuresDv01(zn, jun, spot.coupon, spot.maturity, fwd);
    expect(a.dv01).toBeCloseTo(b.dv01, 10);
    expect(a.delivery).toBe(d("2025-06-30"));
    // a 7-year 10-year-note CTD: roughly 60–75 per 100,000 face ÷ CF ≈ 0.9
    expect(a.dv01).toBeGreaterThan(55);
    expect(a.dv01).toBeLessThan(85);
  });

  it("needs a repo rate with a settlement", () => {
    const zn = parseContract("ZN");
    const jun = parseDeliveryMonth("2025-06");
    expect(() =>
      futuresDv01(zn, jun, 0.04, d("2032-05-31"), 99, { settlement: d("2025-04-01") })
    ).toThrow(/repo/);
  });
});
