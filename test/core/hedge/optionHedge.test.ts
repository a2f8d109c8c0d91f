/**
 * Options in the optimiser: "neutralise DV01 and buy back half the negative convexity" as one
 * choice (krd mode + convexityBuyBack(γ, 0.5)) on a portfolio short convexity; per-unit columns
 * equal the option greeks of the unit position; soft and hard gamma/vega rows; a gamma rule
 * without options is reported as the binding constraint.
 */
import { makeMarket, swapMarket } from "../../../src/core/market/market";
import { planHedge } from "../../../src/core/hedge/hedgePlan";
import { convexityBuyBack, optimiseHedge, TOL } from "../../../src/core/hedge/optimiser";
import { futuresInstrument } from "../../../src/core/hedge/futuresInstruments";
import { optionInstruments, OPTION_UNIT } from "../../../src/core/hedge/optionInstruments";
import { contractSpec } from "../../../src/core/futures/contracts";
import { DEFAULT_CURVE, parYieldOf, tenorDate } from "../../../src/core/curve";
import { baseCurve } from "../../../src/core/market/market";
import { OptionPosition } from "../../../src/core/options/optionHedges";
import { optionGreeks, rateOptionPricer } from "../../../src/core/options/optionRisk";
import { prepareRateOptions } from "../../../src/core/options/rateOptions";
import { NoSolutionError } from "../../../src/core/errors";

const SETTLE = 45659;
const market = makeMarket({ settlement: SETTLE, curve: DEFAULT_CURVE });
const swaps = swapMarket(market);
const atm = parYieldOf(baseCurve(swaps), 120, "sofr_ois");
const expiry = tenorDate(SETTLE, 12);
const CANDIDATES: OptionPosition[] = [
  { kind: "swaption", expiry, months: 120, strike: atm, vol: 0.009, payer: true, notional: 1 },
  { kind: "swaption", expiry, months: 120, strike: atm, vol: 0.009, payer: false, notional: 1 },
  {
    kind: "capfloor",
    start: tenorDate(SETTLE, 3),
    months: 60,
    strike: 0.04,
    vol: 0.008,
    cap: true,
    notional: 1,
  },
  {
    kind: "futures-option",
    contract: contractSpec("ZN"),
    expiry: SETTLE + 50,
    strike: 109,
    vol: 0.065,
    call: true,
    contracts: 1,
  },
];

describe("options in the hedge optimiser", () => {
  // A long-duration book short convexity: 400 ZN-equivalents of KR DV01 and gamma −2,000.
  const zn = futuresInstrument(contractSpec("ZN"), market);
  const portfolio = zn.krDv01.map((v) => 400 * v);
  const gamma = -2000;

  it("per-unit columns are the unit option's greeks", () => {
    const cols = optionInstruments(CANDIDATES, market, 2);
    const unit = { ...CANDIDATES[0], notional: OPTION_UNIT } as OptionPosition;
    const g = optionGreeks(rateOptionPricer(prepareRateOptions(SETTLE, [unit as never])), swaps);
    expect(cols[0].premium).toBeCloseTo(g.value[0], 9);
    expect(cols[0].gamma).toBeCloseTo(g.gamma[0], 9);
    expect(cols[0].dv01).toBeLessThan(0);
    expect(cols[1].dv01).toBeGreaterThan(0);
    cols.forEach((c) => {
      expect(c.gamma).toBeGreaterThan(0);
      expect(c.vega).toBeGreaterThan(0);
    });
    expect(cols[3].integer).toBe(true);
  });

  it("neutralises DV01 and buys back half the negative convexity in one choice", async () => {
    const plan = await planHedge({
      mode: "krd",
      market,
      portfolio,
      target: portfolio.map(() => 0),
      portfolioValue: 1e9,
      contracts: ["ZT", "ZF", "ZN", "ZB", "UB"].map((c) => contractSpec(c as never)),
      swapTenors: [24, 60, 120, 360],
      options: CANDIDATES,
      gamma: convexityBuyBack(gamma, 0.5),
      allowNetShort: true,
    });
    expect(plan.gammaAfter!).toBeGreaterThanOrEqual(gamma / 2 - TOL * 1000);
    expect(plan.options!.length).toBeGreaterThan(0);
    // DV01 neutral to within a contract's worth of residual.
    expect(Math.abs(plan.dv01After)).toBeLessThan(Math.abs(zn.dv01));
    for (const o of plan.options!) {
      expect(Math.sign(o.premium)).toBe(Math.sign(o.units));
      expect(o.gammaImpact).toBeCloseTo(o.units * o.instrument.gamma, 9);
      expect(o.vegaImpact).toBeCloseTo(o.units * o.instrument.vega, 9);
      expect(Number.isFinite(o.theta)).toBe(true);
    }
    const dates = plan.expiries!.map((e) => e.date);
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(plan.expiries![0].action).toMatch(/expires|starts/);
  });

  it("a soft vega row pulls vega toward its target; a gamma rule without options binds", async () => {
    const cols = optionInstruments(CANDIDATES.slice(0, 2), market, 2);
    const base = {
      mode: "krd" as const,
      keys: market.keysMonths.map(String),
      portfolio,
      target: portfolio.map(() => 0),
      allowNetShort: true,
    };
    const instruments = [
      { name: "ZN", krDv01: zn.krDv01 },
      ...cols.map((c) => ({
        name: c.symbol,
        krDv01: c.krDv01,
        gamma: c.gamma,
        vega: c.vega,
        integer: false,
      })),
    ];
    const hard = await optimiseHedge({
      ...base,
      instruments,
      gamma: convexityBuyBack(gamma, 0.5),
      vega: { portfolio: 0, target: 0, rule: "soft", weight: 10 },
    });
    expect(hard.gammaAfter!).toBeGreaterThanOrEqual(gamma / 2 - 1e-6);
    // Buying gamma with the least vega: the vega weight keeps the notional to what gamma needs.
    expect(hard.gammaAfter!).toBeCloseTo(gamma / 2, 3);
    await expect(
      optimiseHedge({ ...base, instruments: [instruments[0]], gamma: convexityBuyBack(gamma, 0.5) })
    ).rejects.toThrow(NoSolutionError);
    await expect(
      optimiseHedge({ ...base, instruments: [instruments[0]], gamma: convexityBuyBack(gamma, 0.5) })
    ).rejects.toThrow(/gamma/);
  });
});
