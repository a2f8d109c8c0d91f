/**
 * `npm run bench` (MBS part): the full set — OAS, OAD, OAC, spread duration and 10 KRDs — for a
 * book of 500 agency pools at the default path count, through the engine the totals use
 * (holdingCurveExposure: one calibration, the risk ladder's 25 curves, paths re-simulated on each
 * with common random numbers), cached per cohort (program, coupon, WAC, WAM, WALA). Prints the
 * time, pools per second, the cohorts simulated and the time of one cohort valuation (one curve),
 * (wall clock and this process's CPU time: the machine may be shared), beside the same
 * valuation in vectorised numpy (bench/mbs_peer.py, python3 with numpy) in the same
 * run: the ratio. Uses the compiled library in lib/ (npm run build).
 */
const { spawnSync } = require("child_process");
const { join } = require("path");
const { DEFAULT_MBS_PATHS, DEFAULT_MBS_SEED } = require("../lib/core/conventions");
const { DEFAULT_CURVE } = require("../lib/core/curve/defaultCurve");
const { holdingRecord, packHoldings } = require("../lib/core/holdings/pack");
const { baseCurve, makeMarket } = require("../lib/core/market/market");
const { holdingCurveExposure } = require("../lib/core/portfolio/curveExposure");
const { cohortFlows, mbsModel } = require("../lib/core/mbs/valuation");
const { paymentTimes } = require("../lib/core/mbs/program");
const { scheduledFractions } = require("../lib/core/mbs/staticCashFlows");
const { PREPAY_V1 } = require("../lib/core/mbs/prepayParams");
const { hwB, hwYieldConvexity } = require("../lib/core/models/hullWhitePaths");

const SETTLE = 45672; // 2025-01-15
const POOLS = Number(process.env.BENCH_MBS_POOLS || 500);
/** Coupon stack × programs × vintages: the cohorts the pools fall in. */
const COUPONS = [0.02, 0.03, 0.04, 0.05, 0.055, 0.06, 0.065];
const PROGRAMS = ["UMBS30", "GNMA2_30"];
const VINTAGES = Number(process.env.BENCH_MBS_VINTAGES || 1);

function book(n) {
  const records = [];
  for (let i = 0; i < n; i++) {
    const c = COUPONS[i % COUPONS.length];
    const program = PROGRAMS[Math.floor(i / COUPONS.length) % PROGRAMS.length];
    const v = Math.floor(i / (COUPONS.length * PROGRAMS.length)) % VINTAGES;
    const wala = 6 + 12 * v;
    records.push(
      holdingRecord({
        id: `POOL${i}`,
        sector: "securitized",
        type: "mbs",
        coupon: c,
        maturity: SETTLE + 365 * 29,
        price: 80 + 400 * (c - 0.02),
        frequency: 12,
        basis: 0,
        sourceRow: i + 2,
        mbs: { program, wac: c + 0.007, wam: 360 - wala, wala, factor: 1, pool: "" },
      })
    );
  }
  return packHoldings(records);
}

const h = book(POOLS);
const cohorts = new Set(
  Array.from({ length: h.count }, (_, i) => {
    const t = h.mbs[i];
    return `${t.program}|${h.coupon[i]}|${t.wac}|${t.wam}|${t.wala}`;
  })
).size;
const market = makeMarket({ settlement: SETTLE, curve: DEFAULT_CURVE });

const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
const x = holdingCurveExposure(h, market);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const c1 = process.cpuUsage(c0);
const cpu = (c1.user + c1.system) / 1e6;
const priced = x.excluded.filter((e) => e === null).length;

// One cohort valuation on one curve (paths already simulated), keyrate and numpy.
const curve = baseCurve(market);
const model = mbsModel(market.hullWhite, DEFAULT_MBS_PATHS, DEFAULT_MBS_SEED);
const cohort = { program: "UMBS30", coupon: 0.055, wac: 0.0625, wam: 354, wala: 6 };
const reps = 5;
cohortFlows(curve, cohort, model);
const t1 = process.hrtime.bigint();
for (let r = 0; r < reps; r++) cohortFlows(curve, cohort, model);
const one = Number(process.hrtime.bigint() - t1) / 1e9 / reps;

const n = cohort.wam;
const times = Array.from(paymentTimes(SETTLE, n, 25));
const nodes = [0, ...times];
const yieldAt = (t, tau) =>
  (curve.logDiscount(t + tau) - curve.logDiscount(t)) / tau +
  hwYieldConvexity(market.hullWhite, t, tau);
const p = PREPAY_V1;
const peerInput = {
  paths: DEFAULT_MBS_PATHS,
  months: n,
  times,
  df: times.map((t) => curve.discount(t)),
  mortgage: nodes
    .slice(0, n)
    .map(
      (t) =>
        p.mortgageSpread + p.mortgageBeta2y * yieldAt(t, 2) + p.mortgageBeta10y * yieldAt(t, 10)
    ),
  turn: Array.from({ length: n }, (_, k) => p.turnoverCpr * Math.min((6 + k + 1) / 30, 1)),
  ramp: Array.from({ length: n }, (_, k) => p.refiMaxCpr * Math.min((6 + k + 1) / 12, 1)),
  sf: Array.from(scheduledFractions(cohort.wac, n)),
  wac: cohort.wac,
  coupon: cohort.coupon,
  a: market.hullWhite.meanReversion,
  sigma: market.hullWhite.volatility,
  beta_x: (p.mortgageBeta2y * hwB(0.03, 2)) / 2 + (p.mortgageBeta10y * hwB(0.03, 10)) / 10,
  repeats: 3,
};
const peer = spawnSync("python3", [join(__dirname, "mbs_peer.py")], {
  input: JSON.stringify(peerInput),
  encoding: "utf8",
});
const peerSeconds = peer.status === 0 ? JSON.parse(peer.stdout).seconds : NaN;

console.log(
  `MBS full set (OAS, OAD, OAC, spread duration, 10 KRDs; ${DEFAULT_MBS_PATHS} paths, 25 curves): ` +
    `${POOLS} pools in ${cohorts} cohorts, ${priced} priced, ${seconds.toFixed(2)} s ` +
    `(CPU ${cpu.toFixed(2)} s) ` +
    `(${(POOLS / seconds).toFixed(1)} pools/s; target < 5 s)`
);
console.log(
  `  one cohort valuation (${DEFAULT_MBS_PATHS} paths × ${n} months, one curve): keyrate ` +
    `${(one * 1e3).toFixed(1)} ms, numpy peer ${(peerSeconds * 1e3).toFixed(1)} ms ` +
    `(ratio ${(peerSeconds / one).toFixed(2)}×)` +
    (peer.status === 0 ? "" : ` [peer failed: ${peer.stderr.slice(0, 200)}]`)
);
