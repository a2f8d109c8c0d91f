/**
 * The path kernel's form of the prepayment model (month × path factors, the cubic SMM table)
 * against the model as prepayParams.ts writes it, evaluated here directly: an exponential per
 * term and step, 1 − (1 − CPR)^(1/12) exactly, the burnout from the accumulated exposure. The
 * simulated flows must agree to 1e-11 relative in every month (the table's error is below
 * 1.5e-10 in the SMM; the factor products differ from the exponentials by rounding), on
 * discount, current and premium coupons where lock-in, the S-curve and burnout all act.
 */
import { DEFAULT_CURVE } from "../../../src/core/curve/defaultCurve";
import { serialFromYmd } from "../../../src/core/dates";
import { baseCurve, makeMarket } from "../../../src/core/market/market";
import { simulateHullWhite } from "../../../src/core/models/hullWhitePaths";
import { hullWhiteParams } from "../../../src/core/models/hullWhite";
import { accrualMonth, PROGRAMS } from "../../../src/core/mbs/program";
import {
  monthFactors,
  mortgageBetaX,
  pathFactors,
  SMM_TOP,
  smmTable,
} from "../../../src/core/mbs/prepayKernel";
import { PREPAY_V1, prepayParams } from "../../../src/core/mbs/prepayParams";
import { scheduledFractions, smmOfCpr } from "../../../src/core/mbs/staticCashFlows";
import {
  cohortFlows,
  gridTerms,
  MbsCohort,
  mbsModel,
  nodeTimes,
  simulatedMonths,
} from "../../../src/core/mbs/valuation";

const SETTLE = serialFromYmd(2025, 1, 15);

describe("the SMM table", () => {
  it("is within 1.5e-10 of 1 − (1 − CPR)^(1/12) over [0, 0.95], exact at its nodes", () => {
    let worst = 0;
    let worstLow = 0;
    for (let i = 0; i <= 200000; i++) {
      const cpr = (i / 200000) * SMM_TOP;
      const err = Math.abs(smmTable(cpr) - smmOfCpr(cpr));
      worst = Math.max(worst, err);
      if (cpr <= 0.6) worstLow = Math.max(worstLow, err);
    }
    expect(worst).toBeLessThan(1.5e-10);
    expect(worstLow).toBeLessThan(1e-12);
    // Two-sided: an interpolation, not the exact function (a node is exact).
    expect(worst).toBeGreaterThan(0);
    expect(smmTable(0.5 * SMM_TOP)).toBeCloseTo(smmOfCpr(0.5 * SMM_TOP), 14);
  });

  it("the model refuses a CPR cap above the table", () => {
    expect(() => prepayParams({ maxCpr: 0.97 })).toThrow(/maxCpr/);
    expect(prepayParams({ maxCpr: 0.95 }).maxCpr).toBe(0.95);
  });
});

describe("month × path factors", () => {
  it("multiply to the model's exponentials of the incentive, to rounding", () => {
    const hw = hullWhiteParams(0.012);
    const times = nodeTimes(SETTLE, 25, 120);
    const states = simulateHullWhite(hw, times, 64, 7);
    const pr = PREPAY_V1;
    const betaX = mortgageBetaX(hw, pr);
    const mortgage = Float64Array.from({ length: 120 }, (_, k) => 0.055 + 0.0001 * (k % 17));
    const wac = 0.062;
    const month = monthFactors(mortgage, wac, pr, 120);
    const path = pathFactors(states, betaX, pr);
    expect(pathFactors(states, betaX, pr)).toBe(path);
    let worst = 0;
    for (let p = 0; p < 64; p++) {
      for (let k = 0; k < 120; k++) {
        const j = p * times.length + k;
        const inc = wac - mortgage[k] - betaX * states.x[j];
        const rel = (a: number, b: number) => Math.abs(a / b - 1);
        worst = Math.max(
          worst,
          rel(month.lock[k] * path.lock[j], Math.exp(inc / pr.lockInScale)),
          rel(month.refi[k] * path.refi[j], Math.exp((pr.refiMidpoint - inc) / pr.refiWidth)),
          rel(month.burn[k] * path.burn[j], Math.exp(-inc / 12 / pr.burnoutScale))
        );
      }
    }
    expect(worst).toBeLessThan(1e-13);
  });
});

/** The model as prepayParams.ts writes it, on the same paths: e_k per 100 of face. */
function referenceFlows(curve: ReturnType<typeof baseCurve>, c: MbsCohort, paths: number) {
  const hw = hullWhiteParams(0.012);
  const model = mbsModel(hw, paths, 11);
  const pr = model.prepay;
  const nSim = simulatedMonths(c.wam);
  const nodes = nodeTimes(SETTLE, PROGRAMS[c.program].payDay, nSim);
  const states = simulateHullWhite(hw, nodes, model.paths, model.seed);
  const grid = gridTerms(curve, nodes, `${SETTLE}|${PROGRAMS[c.program].payDay}|${nSim}`, model);
  const betaX = mortgageBetaX(hw, pr);
  const sf = scheduledFractions(c.wac, c.wam);
  const acc = new Float64Array(c.wam);
  for (let p = 0; p < model.paths; p++) {
    let b = 1;
    let exposure = 0;
    for (let k = 1; k <= c.wam; k++) {
      const age = c.wala + k;
      const rate = grid.mortgage[k - 1] + betaX * states.x[p * nodes.length + k - 1];
      const inc = c.wac - rate;
      const lock =
        inc >= 0 ? 1 : pr.lockInFloor + (1 - pr.lockInFloor) * Math.exp(inc / pr.lockInScale);
      const turnover =
        pr.turnoverCpr *
        Math.min(age / pr.turnoverSeasoningMonths, 1) *
        pr.seasonality[accrualMonth(SETTLE, k) - 1] *
        lock;
      const burnout =
        pr.burnoutFloor + (1 - pr.burnoutFloor) * Math.exp(-exposure / pr.burnoutScale);
      const refi =
        (pr.refiMaxCpr / (1 + Math.exp(-(inc - pr.refiMidpoint) / pr.refiWidth))) *
        Math.min(age / pr.refiSeasoningMonths, 1) *
        burnout;
      const smm = smmOfCpr(Math.min(turnover + refi, pr.maxCpr));
      exposure += Math.max(inc, 0) / 12;
      const sched = b * sf[k - 1];
      const prep = smm * (b - sched);
      acc[k - 1] += (sched + prep + (b * c.coupon) / 12) * states.g[p * nodes.length + k];
      b -= sched + prep;
    }
  }
  return { model, pv: acc.map((v, k) => (100 * v * grid.df[k]) / model.paths) };
}

describe("the simulation's kernel is the model", () => {
  const curve = baseCurve(makeMarket({ settlement: SETTLE, curve: DEFAULT_CURVE }));
  const cohorts: MbsCohort[] = [
    { program: "UMBS30", coupon: 0.03, wac: 0.0375, wam: 300, wala: 60 },
    { program: "UMBS30", coupon: 0.055, wac: 0.0625, wam: 340, wala: 20 },
    { program: "GNMA2_30", coupon: 0.07, wac: 0.0765, wam: 352, wala: 8 },
  ];
  it.each(cohorts)("coupon $coupon: every month's discounted flow within 1e-11", (c) => {
    const ref = referenceFlows(curve, c, 256);
    const got = cohortFlows(curve, c, ref.model).pv;
    let worst = 0;
    let total = 0;
    for (let k = 0; k < c.wam; k++) {
      worst = Math.max(worst, Math.abs(got[k] - ref.pv[k]));
      total += ref.pv[k];
    }
    expect(worst / total).toBeLessThan(1e-11);
    // The reference is not trivially the kernel: the prepayments move the flows by far more.
    const speedless = cohortFlows(curve, { ...c, speed: { kind: "CPR", value: 0 } }, ref.model).pv;
    expect(Math.abs(speedless[11] - ref.pv[11])).toBeGreaterThan(1e-4);
  });
});
