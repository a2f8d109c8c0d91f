/**
 * First-order prices of a cohort on curves a bump away from the base: the key-rate ladder's
 * fast path. On every path the price at spread s is PV = Σ_k cf_k·w_k, w_k = 100·G_k·P(0,t_k)·
 * e^{−s·t_k}; a curve enters only through P(0,t_k) and the mortgage rate's deterministic part D_k
 * (valuation.ts). One reverse (adjoint) pass through the cash-flow recursion gives ∂PV/∂D_k for
 * every month at once, so the price on a nearby curve is
 *   P(curve) ≈ Σ_k e_k·e^{−s·t_k}·P'(0,t_k)/P(0,t_k) + Σ_k (∂P/∂D_k)·(D'_k − D_k),
 * exact in the discounting and first order in the prepayments. A central difference of these
 * prices is the derivative the full revaluation's central difference approximates to O(h²), at the
 * cost of about two valuations for all keys instead of two per key.
 */
import { ZeroCurve } from "../curve/zeroCurve";
import { simulateHullWhite } from "../models/hullWhitePaths";
import { PROGRAMS } from "./program";
import { scheduledFractions } from "./staticCashFlows";
import { cohortMonths, monthFactors, mortgageBetaX, pathFactors, smmTable } from "./prepayKernel";
import {
  cohortFlows,
  cohortKey,
  gridTerms,
  MbsCohort,
  MbsModel,
  nodeTimes,
  simulatedMonths,
} from "./valuation";

// Math's functions as module constants: a global looked up in a hot loop is several times slower
// in a vm context (Jest's test environment).
const { exp } = Math;

interface Gradient {
  /** e_k·e^{−s·t_k}: the base's discounted flows at the spread, per 100. */
  readonly pvs: Float64Array;
  /** ∂price/∂D_k, per 100 per unit of rate. */
  readonly gD: Float64Array;
  readonly df: Float64Array;
  readonly mortgage: Float64Array;
}

const cache = new WeakMap<ZeroCurve, Map<string, Gradient>>();

function gradient(base: ZeroCurve, c: MbsCohort, model: MbsModel, s: number): Gradient {
  let m = cache.get(base);
  if (!m) cache.set(base, (m = new Map()));
  const key = `${cohortKey(c)}|${s}|${model.paths}|${model.seed}|${model.hullWhite.meanReversion}|${model.hullWhite.volatility}`;
  const hit = m.get(key);
  if (hit) return hit;
  const settlement = base.settlement;
  const payDay = PROGRAMS[c.program].payDay;
  const nSim = simulatedMonths(c.wam);
  const nodes = nodeTimes(settlement, payDay, nSim);
  const grid = gridTerms(base, nodes, `${settlement}|${payDay}|${nSim}`, model);
  const flows = cohortFlows(base, c, model);
  const n = c.wam;
  const pvs = Float64Array.from(flows.pv, (v, k) => v * exp(-s * flows.times[k]));
  const gD = new Float64Array(n);
  if (!c.speed && model.hullWhite.volatility >= 0) {
    const states = simulateHullWhite(model.hullWhite, nodes, model.paths, model.seed);
    const deterministic = model.hullWhite.volatility === 0;
    const paths = deterministic ? 1 : states.paths;
    const mm = nodes.length;
    const pr = model.prepay;
    const sf = scheduledFractions(c.wac, n);
    const { turn, refiRamp: ramp } = cohortMonths(c, pr, settlement);
    const w0 = Float64Array.from(
      { length: n },
      (_, k) => 100 * grid.df[k] * exp(-s * nodes[k + 1])
    );
    const betaX = mortgageBetaX(model.hullWhite, pr);
    // The simulation's terms (prepayKernel.ts), so that the adjoint is of the same function.
    const {
      excess,
      lock: monthLock,
      refi: monthRefi,
      burn: monthBurn,
    } = monthFactors(grid.mortgage, c.wac, pr, n);
    const path = pathFactors(states, betaX, pr);
    const x = states.x;
    const { lockInFloor, burnoutFloor, maxCpr } = pr;
    const invW = 1 / pr.refiWidth;
    const invLock = 1 / pr.lockInScale;
    const invBurn = 1 / pr.burnoutScale;
    const cpn = c.coupon / 12;
    const bal = new Float64Array(n);
    const smmK = new Float64Array(n);
    const dsdc = new Float64Array(n);
    const dcdi = new Float64Array(n);
    const dcdE = new Float64Array(n);
    const inMoney = new Uint8Array(n);
    for (let p = 0; p < paths; p++) {
      const row = p * mm;
      let b = 1;
      let burnE = 1;
      for (let k = 0; k < n; k++) {
        const j = row + k;
        const inc = excess[k] - betaX * x[j];
        const lockE = inc < 0 ? monthLock[k] * path.lock[j] : 0;
        const lock = inc >= 0 ? 1 : lockInFloor + (1 - lockInFloor) * lockE;
        const bm = burnoutFloor + (1 - burnoutFloor) * burnE;
        const L = 1 / (1 + monthRefi[k] * path.refi[j]);
        const raw = turn[k] * lock + ramp[k] * bm * L;
        const capped = raw > maxCpr;
        const cpr = capped ? maxCpr : raw;
        const smm = smmTable(cpr);
        bal[k] = b;
        smmK[k] = smm;
        dsdc[k] = (1 - smm) / (12 * (1 - cpr));
        dcdi[k] = capped
          ? 0
          : turn[k] * (1 - lockInFloor) * lockE * invLock + ramp[k] * bm * L * (1 - L) * invW;
        dcdE[k] = capped ? 0 : -ramp[k] * L * (1 - burnoutFloor) * invBurn * burnE;
        inMoney[k] = inc > 0 ? 1 : 0;
        if (inc > 0) burnE *= monthBurn[k] * path.burn[j];
        b = b * (1 - sf[k]) * (1 - smm);
      }
      let lb = 0;
      let lE = 0;
      for (let k = n - 1; k >= 0; k--) {
        const w = w0[k] * (deterministic ? 1 : states.g[row + k + 1]);
        const b1 = bal[k] * (1 - sf[k]);
        const gc = b1 * (w - lb) * dsdc[k];
        const gInc = gc * dcdi[k] + (inMoney[k] ? lE / 12 : 0);
        lE += gc * dcdE[k];
        lb = w * (sf[k] + (1 - sf[k]) * smmK[k] + cpn) + lb * (1 - sf[k]) * (1 - smmK[k]);
        gD[k] -= gInc;
      }
    }
    for (let k = 0; k < n; k++) gD[k] /= paths;
  }
  const g: Gradient = { pvs, gD, df: grid.df, mortgage: grid.mortgage };
  m.set(key, g);
  return g;
}

/**
 * The cohort's dirty price per 100 at spread s on `curve`, a bump away from `base`: exact in the
 * discounting, first order in the prepayment model (module comment).
 */
export function firstOrderPrice(
  base: ZeroCurve,
  curve: ZeroCurve,
  c: MbsCohort,
  model: MbsModel,
  s: number
): number {
  const g = gradient(base, c, model, s);
  const settlement = base.settlement;
  const payDay = PROGRAMS[c.program].payDay;
  const nSim = simulatedMonths(c.wam);
  const nodes = nodeTimes(settlement, payDay, nSim);
  const moved = gridTerms(curve, nodes, `${settlement}|${payDay}|${nSim}`, model);
  let v = 0;
  for (let k = 0; k < c.wam; k++) {
    v += g.pvs[k] * (moved.df[k] / g.df[k]) + g.gD[k] * (moved.mortgage[k] - g.mortgage[k]);
  }
  return v;
}
