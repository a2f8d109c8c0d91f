/**
 * `npm run bench`: times keyrate's range forms of DURATION_MOD and DV01 over 100,000 bonds, one call
 * per range as Excel makes it, and Gnumeric recalculating the same 100,000 MDURATION formulas
 * (`ssconvert`, whole process) in the same run; prints bonds per second and the ratio.
 * Not a test: numbers depend on the machine. Uses the compiled library in lib/ (npm run build).
 */
const { execFileSync, spawnSync } = require("child_process");
const { mkdtempSync, writeFileSync, rmSync } = require("fs");
const { tmpdir } = require("os");
const { join } = require("path");
const { durationMod, dv01 } = require("../lib/functions/impl/bondFunctions");
const { rng } = require("./optimiserProblem");

const N = Number(process.env.BENCH_BONDS || 100000);

/** N random bonds as Excel would pass a holdings table's columns: n×1 matrices. */
function bonds(n) {
  const r = rng(20250102);
  const col = () => new Array(n);
  const b = {
    settlement: col(),
    maturity: col(),
    coupon: col(),
    yld: col(),
    frequency: col(),
    basis: col(),
  };
  for (let i = 0; i < n; i++) {
    b.settlement[i] = [45659];
    b.maturity[i] = [45659 + 30 + Math.floor(r() * 30 * 365)];
    b.coupon[i] = [Math.round(r() * 80) / 1000];
    b.yld[i] = [0.005 + r() * 0.07];
    b.frequency[i] = [[1, 2, 4][Math.floor(r() * 3)]];
    b.basis[i] = [Math.floor(r() * 5)];
  }
  return b;
}

function time(fn, repeats) {
  const times = [];
  for (let k = 0; k < repeats; k++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function ours(b) {
  const args = [b.settlement, b.maturity, b.coupon, b.yld, b.frequency, b.basis];
  const out = {};
  durationMod(...args); // warm-up (JIT)
  dv01(...args);
  out.durationMod = time(() => durationMod(...args), 7);
  out.dv01 = time(() => dv01(...args), 7);
  return out;
}

function gnumeric(b) {
  if (spawnSync("ssconvert", ["--version"]).status !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), "keyrate-bench-"));
  const lines = [];
  for (let i = 0; i < b.settlement.length; i++) {
    lines.push(
      `"=MDURATION(${b.settlement[i][0]},${b.maturity[i][0]},${b.coupon[i][0]},${b.yld[i][0]},${b.frequency[i][0]},${b.basis[i][0]})"`
    );
  }
  const input = join(dir, "cases.csv");
  writeFileSync(input, lines.join("\n") + "\n");
  const t0 = process.hrtime.bigint();
  execFileSync("ssconvert", [input, join(dir, "out.csv")], { stdio: "ignore" });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  rmSync(dir, { recursive: true, force: true });
  return seconds;
}

const b = bonds(N);
const t = ours(b);
const rate = (s) => Math.round(N / s).toLocaleString("en-US");
console.log(`keyrate bench: ${N.toLocaleString("en-US")} bonds, one range call each (median of 7)`);
console.log(
  `  KEYRATE.DURATION_MOD  ${t.durationMod.toFixed(3)} s  ${rate(t.durationMod)} bonds/s`
);
console.log(`  KEYRATE.DV01          ${t.dv01.toFixed(3)} s  ${rate(t.dv01)} bonds/s`);
const g = gnumeric(b);
if (g === undefined)
  console.log("  Gnumeric: skipped (ssconvert not found: apt-get install gnumeric)");
else {
  console.log(
    `  Gnumeric MDURATION    ${g.toFixed(3)} s  ${rate(g)} bonds/s (ssconvert, whole process)`
  );
  console.log(`  ratio                 ${(g / t.durationMod).toFixed(1)}× Gnumeric (DURATION_MOD)`);
}

/**
 * Hedge optimiser and CTD (issue 4): the HiGHS MIP with 8 futures (whole contracts, ±2,000) and
 * 10 swaps (continuous notionals in millions) over the 10 default keys, with a leverage cap and
 * the no-net-short rule, median of 21 solves after one warm-up (the solver is loaded once);
 * and KEYRATE.CTD over a 40-bond ZN basket (universe range in, table out), median of 21.
 * Target: the optimiser under 50 ms in Node.
 */
async function hedgeBench() {
  const { optimiseHedge, loadSolver } = require("../lib/core/hedge/optimiser");
  const { optimiserBenchProblem } = require("./optimiserProblem");
  const { ctd } = require("../lib/functions/impl/futuresFunctions");
  const problem = optimiserBenchProblem();
  const portfolio = problem.portfolio;
  const highs = await loadSolver();
  await optimiseHedge(problem, highs);
  const times = [];
  let result;
  for (let k = 0; k < 21; k++) {
    const t0 = process.hrtime.bigint();
    result = await optimiseHedge(problem, highs);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const ms = times[10];
  const residual = result.residualAfter.reduce((s, v) => s + Math.abs(v), 0);
  console.log(
    `keyrate bench: hedge optimiser, 8 futures + 10 swaps × 10 keys (HiGHS MIP, median of 21)`
  );
  console.log(
    `  optimiseHedge         ${ms.toFixed(1)} ms  (target < 50 ms: ${ms < 50 ? "met" : "MISSED"}; ` +
      `Σ|residual| ${residual.toFixed(0)} of ${portfolio.reduce((s, v) => s + 0.4 * v, 0).toFixed(0)})`
  );

  // 40 deliverable ZN June 2030 notes: maturities 6y6m … 8y after June 2030, issued as 10-years.
  const universe = [["CUSIP", "coupon", "issue date", "maturity", "price"]];
  const r = rng(5);
  const { serialFromIso } = require("../lib/core/dates");
  const [first, last] = [serialFromIso("2036-12-15"), serialFromIso("2038-05-15")];
  for (let i = 0; i < 40; i++) {
    const mat = first + Math.floor((i * (last - first)) / 40);
    universe.push([`B${i}`, Math.round(r() * 48) / 800, mat - 3640, mat, 85 + 30 * r()]);
  }
  const t = [];
  let table;
  for (let k = 0; k < 21; k++) {
    const t0 = process.hrtime.bigint();
    table = ctd("ZN", "2030-06", universe, 112.5, 0.04, "2030-04-01");
    t.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  t.sort((a, b) => a - b);
  const rows = table.length - 3;
  console.log(`keyrate bench: KEYRATE.CTD, ${rows}-bond ZN basket (median of 21)`);
  console.log(`  CTD                   ${t[10].toFixed(2)} ms`);
}

hedgeBench().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
