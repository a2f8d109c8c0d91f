/**
 * MBS at the horizon, paydowns as cash: on a flat continuously compounded curve z with OAS 0 and
 * a fixed speed, the 3-month total return is exactly (e^{z·h} − 1) of the dirty value (the
 * paydowns reinvested at z, the aged pool revalued at H); with the model (σ = 0, one path) the
 * principal repaid is between 0 and the balance and the return is within 0.2% of the carry.
 */
import { serialFromYmd } from "../../../src/core/dates";
import { CurveSpec, tenorDate } from "../../../src/core/curve";
import { buildCurve } from "../../../src/core/curve/curveSpec";
import { HoldingRecord, packHoldings } from "../../../src/core/holdings";
import { makeMarket } from "../../../src/core/market/market";
import { mbsAccrued } from "../../../src/core/mbs/program";
import { MbsTerms } from "../../../src/core/mbs/terms";
import { cohortFlows, mbsModel, priceAtSpread } from "../../../src/core/mbs/valuation";
import { hullWhiteParams } from "../../../src/core/models/hullWhite";
import {
  horizonBook,
  horizonReturn,
  parallelProfile,
  scenarioBook,
} from "../../../src/core/scenarios";
import { holdingRecord } from "../../../src/core/holdings";

const z = 0.04;
const FLAT: CurveSpec = { kind: "zero_cont", months: [12, 120, 480], rates: [z, z, z] };
const S = serialFromYmd(2025, 1, 15);
const h = (tenorDate(S, 3) - S) / 365;

function pool(terms: MbsTerms): HoldingRecord {
  const hw = hullWhiteParams(0);
  const curve = buildCurve(FLAT, S, "linear_zero");
  const cohort = {
    program: terms.program,
    coupon: 0.055,
    wac: terms.wac,
    wam: terms.wam,
    wala: terms.wala,
    ...(terms.speed ? { speed: terms.speed } : {}),
  };
  const dirty = priceAtSpread(cohortFlows(curve, cohort, mbsModel(hw, 2, 1)), 0);
  return holdingRecord({
    id: "P",
    sector: "securitized",
    type: "mbs",
    coupon: 0.055,
    maturity: S + 365 * 30,
    price: dirty - mbsAccrued(S, 0.055),
    basis: 0,
    mbs: terms,
  });
}

describe("MBS horizon returns (paydowns as cash)", () => {
  const market = makeMarket({ settlement: S, curve: FLAT, hullWhite: hullWhiteParams(0) });

  it("fixed speed, OAS 0, flat curve: total return = dirty × (e^{zh} − 1)", () => {
    const terms: MbsTerms = {
      program: "UMBS30",
      wac: 0.0625,
      wam: 340,
      wala: 20,
      factor: 1,
      pool: "",
      speed: { kind: "PSA", value: 200 },
    };
    const b = scenarioBook(packHoldings([pool(terms)]), market);
    const hb = horizonBook(b, 3);
    const r = horizonReturn(b, hb, parallelProfile(0));
    const mv = (1e6 * b.basePrice[0]) / 100;
    expect(r.totalReturn / mv).toBeCloseTo(Math.exp(z * h) - 1, 10);
    expect(hb.redeemed[0]).toBeGreaterThan(0);
    expect(hb.redeemed[0]).toBeLessThan(10);
  });

  it("the model: principal repaid inside the balance, return near the carry", () => {
    const terms: MbsTerms = {
      program: "UMBS30",
      wac: 0.0625,
      wam: 357,
      wala: 3,
      factor: 1,
      pool: "",
    };
    const b = scenarioBook(packHoldings([pool(terms)]), market);
    const hb = horizonBook(b, 3);
    const r = horizonReturn(b, hb, parallelProfile(0));
    const mv = (1e6 * b.basePrice[0]) / 100;
    expect(hb.redeemed[0]).toBeGreaterThan(0);
    expect(hb.redeemed[0]).toBeLessThan(100);
    // Not exact: v1's burnout accumulates from the valuation date, so the pool revalued at H
    // starts its burnout afresh (it does for any pool: v1 does not know a pool's past incentive).
    expect(Math.abs(r.totalReturn / mv - (Math.exp(z * h) - 1))).toBeLessThan(2e-3);
    const down = horizonReturn(b, hb, parallelProfile(100));
    expect(down.totalReturn).toBeLessThan(r.totalReturn);
  });
});
