/**
 * Monte Carlo valuation of a pool cohort on a curve: cash flows month by month along every
 * Hull–White path (models/hullWhitePaths.ts) with the prepayment model (prepayParams.ts) or a
 * fixed speed, paid on the program's payment dates and discounted on the path. What is kept is
 * the expected discounted cash flow of each month, e_k = mean_p cf_pk·G_pk·P(0,t_k) per 100 of
 * current face: the cash flows do not depend on the OAS, so a price at spread s is
 * Σ_k e_k·e^{−s·t_k} (continuously compounded, ACT/365F) and the OAS is solved on the stored
 * flows without re-simulating. With σ = 0, or a fixed speed, e_k are the static cash flows
 * discounted on the curve and the OAS is their Z-spread. The model's terms on a path step are
 * prepayKernel.ts's (no exponential per step).
 */
import { ZeroCurve } from "../curve/zeroCurve";
import { solveFlatSpread } from "../curve/spreadSolve";
import { HullWhiteParams, describeHullWhite } from "../models/hullWhite";
import { HullWhiteStates, hwYieldConvexity, simulateHullWhite } from "../models/hullWhitePaths";
import { MbsProgram, paymentTimes, PROGRAMS } from "./program";
import { PrepayParams, PREPAY_V1, prepayLabel } from "./prepayParams";
import {
  cohortMonths,
  monthFactors,
  mortgageBetaX,
  PathFactors,
  pathFactors,
  smmTable,
} from "./prepayKernel";
import { describeSpeed, FixedSpeed, scheduledFractions } from "./staticCashFlows";

// Math's functions as module constants: a global looked up in a hot loop is several times slower
// in a vm context (Jest's test environment).
const { exp, max, min, pow } = Math;

/** What a pool's cash flows depend on (a cohort: pools alike in these share them per 100). */
export interface MbsCohort {
  readonly program: MbsProgram;
  /** Pass-through coupon, decimal. */
  readonly coupon: number;
  /** Gross WAC, decimal. */
  readonly wac: number;
  /** Months left. */
  readonly wam: number;
  /** Loan age, months. */
  readonly wala: number;
  /** A fixed speed; absent: the prepayment model. */
  readonly speed?: FixedSpeed;
}

/** The rate model and prepayment model a valuation runs. */
export interface MbsModel {
  readonly hullWhite: HullWhiteParams;
  /** Paths (even; half antithetic). */
  readonly paths: number;
  readonly seed: number;
  readonly prepay: PrepayParams;
}

/** The cache key of a cohort. */
export function cohortKey(c: MbsCohort): string {
  const s = c.speed ? `${c.speed.kind}${c.speed.value}` : "model";
  return `${c.program}|${c.coupon}|${c.wac}|${c.wam}|${c.wala}|${s}`;
}

/** The method text of a cohort's figures. */
export function mbsMethod(model: MbsModel, speed?: FixedSpeed): string {
  const prepay = speed ? `fixed speed ${describeSpeed(speed)}` : prepayLabel(model.prepay);
  return (
    `Monte Carlo OAS: ${describeHullWhite(model.hullWhite)}, ${model.paths} paths ` +
    `(antithetic, seed ${model.seed}) fitted to the curve; ${prepay}; OAS held`
  );
}

/** A cohort's expected discounted flows on one curve, and its path statistics. */
export interface CohortFlows {
  /** Payment times, ACT/365F years from settlement, month 1…wam. */
  readonly times: Float64Array;
  /** e_k: expected cash flow of month k discounted on the paths, per 100 of current face. */
  readonly pv: Float64Array;
  /** Weighted-average life of principal, years (path average; month k at k/12). */
  readonly wal: number;
  /** Path-average CPR over the first 12 months and over the life (balance-weighted SMM as CPR). */
  readonly cprYear1: number;
  readonly cprLife: number;
  /** Path-average balance after month k (per 1 of the starting balance). */
  readonly balance: Float64Array;
  /** With keepPaths: cf_pk·G_pk·P(0,t_k) per 100 at [p·wam + k − 1]. */
  readonly pathPv?: Float64Array;
}

/** Curve-dependent deterministic terms of a program's payment grid. */
export interface GridTerms {
  readonly df: Float64Array;
  /** Mortgage rate's deterministic part at node k − 1 (the start of accrual month k). */
  readonly mortgage: Float64Array;
}

const gridCache = new WeakMap<ZeroCurve, Map<string, GridTerms>>();

export function gridTerms(
  curve: ZeroCurve,
  times: Float64Array,
  key: string,
  model: MbsModel
): GridTerms {
  let m = gridCache.get(curve);
  if (!m) gridCache.set(curve, (m = new Map()));
  const full = `${key}|${model.hullWhite.meanReversion}|${model.hullWhite.volatility}|${model.prepay.mortgageSpread}|${model.prepay.mortgageBeta2y}|${model.prepay.mortgageBeta10y}`;
  const hit = m.get(full);
  if (hit) return hit;
  const n = times.length - 1;
  const df = new Float64Array(n);
  const mortgage = new Float64Array(n);
  const p = model.prepay;
  const hw = model.hullWhite;
  const yieldAt = (t: number, tau: number) =>
    (curve.logDiscount(t + tau) - curve.logDiscount(t)) / tau + hwYieldConvexity(hw, t, tau);
  for (let k = 1; k <= n; k++) {
    df[k - 1] = curve.discount(times[k]);
    const t = times[k - 1];
    mortgage[k - 1] =
      p.mortgageSpread + p.mortgageBeta2y * yieldAt(t, 2) + p.mortgageBeta10y * yieldAt(t, 10);
  }
  const terms = { df, mortgage };
  m.set(full, terms);
  return terms;
}

/** Payment dates per (settlement, pay day, months): [0, t_1, …, t_n]. */
const timeCache = new Map<string, Float64Array>();
export function nodeTimes(settlement: number, payDay: number, n: number): Float64Array {
  const key = `${settlement}|${payDay}|${n}`;
  let t = timeCache.get(key);
  if (!t) {
    t = new Float64Array(n + 1);
    t.set(paymentTimes(settlement, n, payDay), 1);
    if (timeCache.size > 16) timeCache.clear();
    timeCache.set(key, t);
  }
  return t;
}

/** A fixed speed's (unused) path factors. */
const NO_PATH_FACTORS: PathFactors = {
  lock: new Float64Array(0),
  refi: new Float64Array(0),
  burn: new Float64Array(0),
};

/** Months simulated: 360 (or the longest WAM when longer), so every cohort shares one path set. */
export function simulatedMonths(wam: number): number {
  return max(360, wam);
}

/**
 * The cohort's expected discounted flows on `curve` (settlement = the curve's), by simulation.
 * @param keepPaths Keep each path's discounted flows (for standard errors).
 */
export function cohortFlows(
  curve: ZeroCurve,
  c: MbsCohort,
  model: MbsModel,
  keepPaths = false
): CohortFlows {
  const settlement = curve.settlement;
  const payDay = PROGRAMS[c.program].payDay;
  const nSim = simulatedMonths(c.wam);
  const nodes = nodeTimes(settlement, payDay, nSim);
  const states = simulateHullWhite(model.hullWhite, nodes, model.paths, model.seed);
  const g = gridTerms(curve, nodes, `${settlement}|${payDay}|${nSim}`, model);
  const n = c.wam;
  const deterministic = c.speed !== undefined || model.hullWhite.volatility === 0;
  const sums = simulate(c, model, states, settlement, g, deterministic, keepPaths);
  const pathsRun = sums.count;
  if (sums.pathPv && deterministic) {
    for (let p = 1; p < states.paths; p++) sums.pathPv.copyWithin(p * n, 0, n);
  }
  const pv = new Float64Array(n);
  const balance = new Float64Array(n);
  let wal = 0;
  let left = 1;
  for (let k = 0; k < n; k++) {
    const principal = sums.principal[k] / pathsRun;
    pv[k] = (100 * sums.acc[k] * g.df[k]) / pathsRun;
    wal += (principal * (k + 1)) / 12;
    left -= principal;
    balance[k] = max(0, left);
  }
  return {
    times: nodes.subarray(1, n + 1),
    pv,
    balance,
    wal,
    cprYear1: sums.cprYear1 / pathsRun,
    cprLife: sums.cprLife / pathsRun,
    pathPv: sums.pathPv,
  };
}

/** What the simulation sums over the paths, month k at [k − 1]. */
interface PathSums {
  /** Paths summed (the deterministic path counts twice). */
  readonly count: number;
  /** Σ_p cf·G (per 1 of face). */
  readonly acc: Float64Array;
  /** Σ_p principal paid (scheduled and prepaid). */
  readonly principal: Float64Array;
  /** Σ_p of each path's CPR over the first 12 months and over the life. */
  readonly cprYear1: number;
  readonly cprLife: number;
  /** With keepPaths: cf·G·P(0,t_k) per 100 at [p·n + k − 1]. */
  readonly pathPv?: Float64Array;
}

/**
 * The path loop: paths two at a time, month by month. The model's terms are prepayKernel.ts's
 * month × path factors, taken branch-free: the lock-in is min(1, floor + (1 − floor)·e^{I/λ}) (1
 * exactly when I ≥ 0) and a month's burnout factor min(1, e^{−I/(12β)}) (1 when I ≤ 0).
 *
 * Why two at a time: each path's months form a chain (the balance, the burnout) with little
 * work per step, so one path leaves the processor waiting on the chain; two independent chains
 * interleaved keep it busy (a valuation about 15% faster). The sums still add path p before path p + 1 in
 * every month, so the result is the same to the bit as one path at a time. The one deterministic
 * path is run as a pair of itself and counted twice (x + x = 2x and the later halving are exact).
 */
function simulate(
  c: MbsCohort,
  model: MbsModel,
  states: HullWhiteStates,
  settlement: number,
  g: GridTerms,
  deterministic: boolean,
  keepPaths: boolean
): PathSums {
  const n = c.wam;
  const m = states.times.length;
  const pr = model.prepay;
  const sf = scheduledFractions(c.wac, n);
  const { turn, refiRamp, fixedSmm } = cohortMonths(c, pr, settlement);
  const modelled = !c.speed;
  const betaX = mortgageBetaX(model.hullWhite, pr);
  const {
    lock: pathLock,
    refi: pathRefi,
    burn: pathBurn,
  } = modelled ? pathFactors(states, betaX, pr) : NO_PATH_FACTORS;
  const month = monthFactors(g.mortgage, c.wac, pr, n);
  // The lock-in's month factor with (1 − floor) in it.
  const monthLock = month.lock.map((f) => (1 - pr.lockInFloor) * f);
  const { refi: monthRefi, burn: monthBurn } = month;
  const acc = new Float64Array(n);
  const principal = new Float64Array(n);
  const pathPv = keepPaths ? new Float64Array(states.paths * n) : undefined;
  const { lockInFloor, burnoutFloor, maxCpr } = pr;
  const cpn = c.coupon / 12;
  const G = states.g;
  // Paths run: states.paths is even (hullWhitePaths.ts), the deterministic path a pair of itself.
  const count = deterministic ? 2 : states.paths;
  let cprYear1 = 0;
  let cprLife = 0;
  for (let p = 0; p < count; p += 2) {
    const rowA = deterministic ? 0 : p * m;
    const rowB = deterministic ? 0 : rowA + m;
    let bA = 1;
    let bB = 1;
    let burnA = 1;
    let burnB = 1;
    // Prepaid and prepayable balance over the first 12 months (1) and the life (L).
    let prepaid1A = 0;
    let base1A = 0;
    let prepaidLA = 0;
    let baseLA = 0;
    let prepaid1B = 0;
    let base1B = 0;
    let prepaidLB = 0;
    let baseLB = 0;
    for (let k = 1; k <= n; k++) {
      const i = k - 1;
      const jA = rowA + i;
      const jB = rowB + i;
      let smmA: number;
      let smmB: number;
      if (modelled) {
        const ml = monthLock[i];
        const lockA = min(1, lockInFloor + ml * pathLock[jA]);
        const lockB = min(1, lockInFloor + ml * pathLock[jB]);
        const mr = monthRefi[i];
        const refiA =
          (refiRamp[i] * (burnoutFloor + (1 - burnoutFloor) * burnA)) / (1 + mr * pathRefi[jA]);
        const refiB =
          (refiRamp[i] * (burnoutFloor + (1 - burnoutFloor) * burnB)) / (1 + mr * pathRefi[jB]);
        smmA = smmTable(min(turn[i] * lockA + refiA, maxCpr));
        smmB = smmTable(min(turn[i] * lockB + refiB, maxCpr));
        // Burnout from the months in the money so far: it applies from the next month on.
        burnA *= min(1, monthBurn[i] * pathBurn[jA]);
        burnB *= min(1, monthBurn[i] * pathBurn[jB]);
      } else smmA = smmB = fixedSmm[i];
      const schedA = bA * sf[i];
      const schedB = bB * sf[i];
      const restA = bA - schedA;
      const restB = bB - schedB;
      const prepA = smmA * restA;
      const prepB = smmB * restB;
      const cfA = schedA + prepA + bA * cpn;
      const cfB = schedB + prepB + bB * cpn;
      const wA = deterministic ? 1 : G[jA + 1];
      const wB = deterministic ? 1 : G[jB + 1];
      acc[i] += cfA * wA;
      acc[i] += cfB * wB;
      principal[i] += schedA + prepA;
      principal[i] += schedB + prepB;
      if (pathPv) {
        pathPv[p * n + i] = 100 * cfA * wA * g.df[i];
        pathPv[(p + 1) * n + i] = 100 * cfB * wB * g.df[i];
      }
      prepaidLA += prepA;
      baseLA += restA;
      prepaidLB += prepB;
      baseLB += restB;
      if (k <= 12) {
        prepaid1A += prepA;
        base1A += restA;
        prepaid1B += prepB;
        base1B += restB;
      }
      bA = restA - prepA;
      bB = restB - prepB;
    }
    cprYear1 += annualised(prepaid1A, base1A);
    cprYear1 += annualised(prepaid1B, base1B);
    cprLife += annualised(prepaidLA, baseLA);
    cprLife += annualised(prepaidLB, baseLB);
  }
  return { count, acc, principal, cprYear1, cprLife, pathPv };
}

/** A path's CPR over a span: its balance-weighted SMM (prepaid / prepayable) annualised. */
function annualised(prepaid: number, base: number): number {
  return base > 0 ? 1 - pow(1 - prepaid / base, 12) : 0;
}

/** Σ_k e_k·e^{−s·t_k}: the cohort's dirty price per 100 at spread s (decimal). */
export function priceAtSpread(f: CohortFlows, s: number): number {
  let v = 0;
  for (let k = 0; k < f.pv.length; k++) v += f.pv[k] * exp(-s * f.times[k]);
  return v;
}

/** The spread (decimal, continuously compounded) at which the flows are worth `dirty`; NaN if none. */
export function solveSpread(f: CohortFlows, dirty: number): number {
  return solveFlatSpread(f.pv, f.times, 0, f.pv.length, dirty);
}

/** The default model: the market's Hull–White parameters, the default paths and seed, v1. */
export function mbsModel(
  hullWhite: HullWhiteParams,
  paths: number,
  seed: number,
  prepay: PrepayParams = PREPAY_V1
): MbsModel {
  return { hullWhite, paths: paths + (paths % 2), seed, prepay };
}
