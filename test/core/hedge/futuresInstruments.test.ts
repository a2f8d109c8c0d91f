/**
 * Futures as hedge instruments on the bundled 2024-12-31 curve: the forward DV01 from repricing
 * the CTD's forward on shifted curves agrees with the yield-based futures DV01 (CTD forward DV01 ÷
 * CF, an independent route) within 2%; KR DV01s sum to the DV01 and sit at the CTD's keys.
 */
import { makeMarket } from "../../../src/core/market/market";
import { futuresInstrument } from "../../../src/core/hedge/futuresInstruments";
import { CONTRACT_CODES, contractSpec } from "../../../src/core/futures/contracts";
import { futuresDv01 } from "../../../src/core/futures/futuresDv01";
import { DEFAULT_CURVE, tenorTime } from "../../../src/core/curve";
import { DEFAULT_KEYS_MONTHS } from "../../../src/core/conventions";

const SETTLE = 45659; // 2025-01-02

describe.each(CONTRACT_CODES)("%s as a hedge instrument", (code) => {
  const contract = contractSpec(code);
  const f = futuresInstrument(contract, makeMarket({ settlement: SETTLE, curve: DEFAULT_CURVE }));

  it("has a forward DV01 within 2% of CTD forward DV01 ÷ CF", () => {
    const y = futuresDv01(contract, f.month, f.ctd.coupon, f.ctd.maturity, f.ctd.cleanPrice, {
      settlement: SETTLE,
      repo: f.repo,
    });
    expect(f.dv01).toBeGreaterThan(0);
    expect(Math.abs(f.dv01 / y.dv01 - 1)).toBeLessThan(0.02);
    expect(f.conversionFactor).toBe(y.conversionFactor);
  });

  it("has KR DV01s that sum to its DV01 and sit at the CTD's maturity", () => {
    const sum = f.krDv01.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - f.dv01)).toBeLessThan(1e-3 * f.dv01);
    const years = (f.ctd.maturity - SETTLE) / 365;
    const keyYears = DEFAULT_KEYS_MONTHS.map((m) => tenorTime(SETTLE, m));
    const below = keyYears.filter((t) => t <= years).length - 1;
    const main = f.krDv01
      .map((v, k) => (k === below || k === below + 1 ? v : 0))
      .reduce((a, b) => a + b, 0);
    expect(main).toBeGreaterThan(0.9 * f.dv01);
  });
});
