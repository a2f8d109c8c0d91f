/**
 * Option identities and limits (tolerances stated per check):
 * - parity: payer − receiver = N·A·(S − K); cap − floor = the swap of the same schedule
 *   N·(DF(s₀) − DF(e_n) − K·Σα·DF(e)); European call − put = DF·(F − K)   (1e-9 relative);
 * - σ → 0: every price is its intrinsic value on the forward                  (1e-9 relative);
 * - greeks: vega (central ±1 bp) and theta (one day) equal the analytic Bachelier derivatives (1e-5 and 2e-3 relative); KR DV01s sum
 *   to the DV01 (1e-3 relative: O(h²) of central differences on par re-bootstraps); gamma equals
 *   the change of DV01 between markets 1 bp apart (2% relative); a futures option's DV01 is its
 *   delta × the futures' points per bp × face/100 (1e-4 relative).
 */
import { buildCurve, CurveSpec } from "../../../src/core/curve";
import { makeMarket } from "../../../src/core/market/market";
import { black76 } from "../../../src/core/options/black76";
import { bachelierVega } from "../../../src/core/options/bachelier";
import {
  legForwards,
  prepareRateOptions,
  RateOptionPosition,
  rateOptionValues,
} from "../../../src/core/options/rateOptions";
import {
  futuresOptionPricer,
  optionGreeks,
  rateOptionPricer,
} from "../../../src/core/options/optionRisk";
import {
  futuresOptionPrice,
  futuresOptionValues,
  prepareFuturesOptions,
  to64ths,
} from "../../../src/core/options/futuresOptions";
import { contractSpec } from "../../../src/core/futures/contracts";
import { tenorDate } from "../../../src/core/curve";

const SETTLE = 45659; // 2025-01-02
const SOFR: CurveSpec = {
  kind: "sofr_ois",
  months: [1, 3, 6, 12, 24, 36, 60, 84, 120, 240, 360],
  rates: [0.0433, 0.0431, 0.0424, 0.0415, 0.0405, 0.0401, 0.0399, 0.0401, 0.0405, 0.0412, 0.0398],
};
const curve = buildCurve(SOFR, SETTLE, "linear_zero");
const rel = (a: number, b: number, tol: number) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));

const swaption = (payer: boolean, strike = 0.042, vol = 0.009): RateOptionPosition => ({
  kind: "swaption",
  expiry: tenorDate(SETTLE, 12),
  months: 120,
  strike,
  vol,
  payer,
  notional: 10_000_000,
});
const cap = (isCap: boolean, strike = 0.04, vol = 0.008): RateOptionPosition => ({
  kind: "capfloor",
  start: tenorDate(SETTLE, 3),
  months: 60,
  strike,
  vol,
  cap: isCap,
  notional: 10_000_000,
});

describe("parity", () => {
  it("payer − receiver = N·A·(S − K)", () => {
    for (const k of [0.02, 0.04, 0.06]) {
      const book = prepareRateOptions(SETTLE, [swaption(true, k), swaption(false, k)]);
      const [p, r] = rateOptionValues(book, curve);
      const { forward, annuity } = legForwards(book, curve);
      rel(p - r, 10_000_000 * annuity[0] * (forward[0] - k), 1e-9);
    }
  });

  it("cap − floor = the swap of the same schedule", () => {
    for (const k of [0.02, 0.04, 0.06]) {
      const book = prepareRateOptions(SETTLE, [cap(true, k), cap(false, k)]);
      const [c, f] = rateOptionValues(book, curve);
      let fixed = 0;
      for (let m = 0; m < 60; m += 3) {
        const s = tenorDate(tenorDate(SETTLE, 3), m);
        const e = tenorDate(tenorDate(SETTLE, 3), m + 3);
        fixed += ((e - s) / 360) * curve.discount((e - SETTLE) / 365);
      }
      const floating =
        curve.discount((tenorDate(SETTLE, 3) - SETTLE) / 365) -
        curve.discount((tenorDate(tenorDate(SETTLE, 3), 60) - SETTLE) / 365);
      rel(c - f, 10_000_000 * (floating - k * fixed), 1e-9);
    }
  });

  it("European call − put = DF·(F − K)", () => {
    for (const k of [105, 110, 115]) {
      const c = futuresOptionPrice(110.5, k, 0.07, 0.25, 0.04, true, false);
      const p = futuresOptionPrice(110.5, k, 0.07, 0.25, 0.04, false, false);
      rel(c - p, Math.exp(-0.04 * 0.25) * (110.5 - k), 1e-12);
    }
  });
});

describe("σ → 0 gives intrinsic value on the forward", () => {
  it("swaptions and caplets", () => {
    const book = prepareRateOptions(SETTLE, [
      swaption(true, 0.035, 0),
      swaption(false, 0.035, 0),
      cap(true, 0.039, 0),
    ]);
    const v = rateOptionValues(book, curve);
    const { forward, annuity } = legForwards(book, curve);
    rel(v[0], 1e7 * annuity[0] * Math.max(forward[0] - 0.035, 0), 1e-9);
    expect(v[1]).toBe(0);
    let caplets = 0;
    for (let l = 2; l < forward.length; l++)
      caplets += 1e7 * annuity[l] * Math.max(forward[l] - 0.039, 0);
    rel(v[2], caplets, 1e-9);
    // A tiny volatility converges to the same.
    const tiny = rateOptionValues(
      prepareRateOptions(SETTLE, [swaption(true, 0.035, 1e-9)]),
      curve
    )[0];
    rel(tiny, v[0], 1e-9);
  });

  it("futures options: European DF·max(ω(F − K), 0), American max(ω(F − K), 0)", () => {
    const df = Math.exp(-0.04 * 0.5);
    rel(black76(112, 110, 0, 0.5, df, 1), df * 2, 1e-12);
    rel(futuresOptionPrice(112, 110, 0, 0.5, 0.04, true, true), 2, 1e-12);
    rel(futuresOptionPrice(112, 110, 1e-8, 0.5, 0.04, true, true), 2, 1e-9);
    expect(futuresOptionPrice(112, 110, 0, 0.5, 0.04, false, false)).toBe(0);
  });
});

describe("greeks equal finite differences", () => {
  const market = makeMarket({ settlement: SETTLE, curve: SOFR });
  const positions = [swaption(true), swaption(false, 0.038), cap(true), cap(false, 0.036)];
  const book = prepareRateOptions(SETTLE, positions);
  const g = optionGreeks(rateOptionPricer(book), market);

  it("vega and theta are the Bachelier derivatives", () => {
    const { forward, annuity } = legForwards(book, curve);
    const t = (tenorDate(SETTLE, 12) - SETTLE) / 365;
    const vega = 1e7 * annuity[0] * bachelierVega(forward[0], 0.042, 0.009, t) * 1e-4;
    rel(g.vega[0], vega, 1e-5);
    // ∂V/∂T = N·A·σ·φ(d)/(2√T); one day = −∂V/∂T / 365 to O(1/365²).
    const dVdT = (1e7 * annuity[0] * 0.009 * bachelierVega(forward[0], 0.042, 0.009, t)) / (2 * t);
    rel(g.theta[0], -dVdT / 365, 2e-3);
  });

  it("KR DV01s sum to the DV01; gamma is the change of DV01 over 1 bp", () => {
    const nk = g.keysMonths.length;
    const down = makeMarket({
      settlement: SETTLE,
      curve: { ...SOFR, rates: SOFR.rates.map((r) => r - 1e-4) },
    });
    const up = makeMarket({
      settlement: SETTLE,
      curve: { ...SOFR, rates: SOFR.rates.map((r) => r + 1e-4) },
    });
    const gDown = optionGreeks(rateOptionPricer(book), down);
    const gUp = optionGreeks(rateOptionPricer(book), up);
    positions.forEach((_, i) => {
      const sum = g.krDv01.slice(i * nk, (i + 1) * nk).reduce((a, b) => a + b, 0);
      rel(sum, g.dv01[i], 1e-3);
      const change = (gDown.dv01[i] - gUp.dv01[i]) / 2;
      expect(Math.abs(change - g.gamma[i])).toBeLessThanOrEqual(0.02 * Math.abs(g.gamma[i]));
      expect(g.gamma[i]).toBeGreaterThan(0); // bought options are long convexity
    });
    expect(g.dv01[0]).toBeLessThan(0); // a payer loses when rates fall
    expect(g.dv01[1]).toBeGreaterThan(0);
  });

  it("a futures option's DV01 is delta × points per bp × face/100", () => {
    const treasury = makeMarket({ settlement: SETTLE, curve: { ...SOFR, kind: "par" } });
    const zn = contractSpec("ZN");
    const fBook = prepareFuturesOptions(treasury, [
      {
        kind: "futures-option",
        contract: zn,
        expiry: SETTLE + 50,
        strike: 109,
        vol: 0.065,
        call: true,
        contracts: 10,
        futuresPrice: 109.25,
      },
    ]);
    const fg = optionGreeks(futuresOptionPricer(fBook), treasury);
    const r = buildCurve({ ...SOFR, kind: "par" }, SETTLE, "linear_zero").zeroRate(50 / 365);
    const delta =
      (futuresOptionPrice(109.26, 109, 0.065, 50 / 365, r, true) -
        futuresOptionPrice(109.24, 109, 0.065, 50 / 365, r, true)) /
      0.02;
    rel(fg.dv01[0], delta * fBook.pointsPerBp[0] * 10 * (zn.face / 100), 1e-4 * fg.dv01[0]);
    const base = futuresOptionValues(
      fBook,
      buildCurve({ ...SOFR, kind: "par" }, SETTLE, "linear_zero")
    )[0];
    expect(base).toBeCloseTo(fg.value[0], 9);
    expect(fg.vega[0]).toBeGreaterThan(0);
    expect(fg.theta[0]).toBeLessThan(0);
  });

  it("quotes in 64ths", () => {
    expect(to64ths(1 + 23 / 64)).toBe("1-23");
    expect(to64ths(0 + 23.5 / 64)).toBe("0-23+");
    expect(to64ths(2)).toBe("2-00");
  });
});
