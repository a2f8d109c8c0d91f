/**
 * `npm run bench` (callable part): the full option-adjusted set — OAS, OAS duration and convexity,
 * OAS spread duration and 10 OAS KRDs — for 10,000 callable bonds (Bermudan and American calls,
 * 2 to 30 years) in one call (core/risk/oasRisk.ts: one Hull–White lattice per curve, shared by
 * every bond, an adjoint pass for the key rates), bonds per second; and QuantLib 1.29 doing the
 * same work (OAS, ±1 bp and 10 key ±1 bp re-fitted HullWhite trees, TreeCallableFixedRateBondEngine
 * at the same steps a year; bench/quantlib_callable.py) on a sample of the same bonds in the same
 * run: the ratio.
 */
const { execFileSync, spawnSync } = require("child_process");
const { mkdtempSync, writeFileSync, rmSync, existsSync } = require("fs");
const { tmpdir, loadavg, cpus } = require("os");
const { join } = require("path");

const SETTLE = 45672; // 2025-01-15
const CURVE = {
  kind: "zero_cont",
  months: [3, 6, 12, 24, 36, 60, 84, 120, 240, 360],
  rates: [0.0435, 0.0431, 0.0422, 0.0418, 0.042, 0.0428, 0.0437, 0.0446, 0.0472, 0.0468],
};
const A = 0.03;
const SIGMA = 0.01;

/** Deterministic callables: 2–30 years, first call 1–5 years out at par, prices 88–100. */
function bonds(n) {
  let s = 20250115;
  const r = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: n }, () => {
    const maturity = SETTLE + 730 + Math.floor(r() * 28 * 365);
    const first = Math.min(maturity - 200, SETTLE + 365 + Math.floor(r() * 4 * 365));
    return {
      maturity,
      first_call: first,
      style: r() < 0.8 ? "bermudan" : "american",
      rate: 0.03 + Math.round(r() * 32) / 800,
      clean: 88 + r() * 12,
    };
  });
}

function child(n) {
  const { allocateTerms, setTerms } = require("../lib/core/bond");
  const { makeMarket } = require("../lib/core/market/market");
  const { hullWhiteParams } = require("../lib/core/models/hullWhite");
  const { hwStepsPerYear } = require("../lib/core/conventions");
  const { oasRisk } = require("../lib/core/risk/oasRisk");
  const market = makeMarket({
    settlement: SETTLE,
    curve: CURVE,
    shiftOn: "zero",
    hullWhite: hullWhiteParams(SIGMA, A),
  });
  const input = (list) => {
    const terms = allocateTerms(list.length);
    list.forEach((b, i) =>
      setTerms(terms, i, {
        settlement: SETTLE,
        maturity: b.maturity,
        rate: b.rate,
        frequency: 2,
        basis: 1,
      })
    );
    return {
      terms,
      clean: Float64Array.from(list, (b) => b.clean),
      calls: list.map((b) => ({
        dates: Float64Array.of(b.first_call),
        prices: Float64Array.of(100),
        style: b.style,
      })),
    };
  };
  const options = { stepsPerYear: hwStepsPerYear(SIGMA) };
  oasRisk(market, input(bonds(300).map((b) => ({ ...b, maturity: b.maturity + 3 }))), options);
  const data = input(bonds(n));
  const t0 = process.hrtime.bigint();
  const risk = oasRisk(market, data, options);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const failed = risk.oas.filter((z) => !Number.isFinite(z)).length;
  console.log(
    JSON.stringify({ n, seconds, failed, peakMB: process.resourceUsage().maxRSS / 1024 })
  );
}

function quantlib(n) {
  if (
    !existsSync("/usr/bin/python3") ||
    spawnSync("/usr/bin/python3", ["-c", "import QuantLib"]).status !== 0
  )
    return undefined;
  const dir = mkdtempSync(join(tmpdir(), "keyrate-ql-"));
  const file = join(dir, "callables.json");
  const sample = bonds(n).map((b) => ({ ...b, style: "bermudan" }));
  writeFileSync(
    file,
    JSON.stringify({
      settlement: SETTLE,
      curve: CURVE,
      a: A,
      sigma: SIGMA,
      steps_per_year: 24,
      bonds: sample,
    })
  );
  const out = execFileSync("/usr/bin/python3", [join(__dirname, "quantlib_callable.py"), file], {
    encoding: "utf8",
  });
  rmSync(dir, { recursive: true, force: true });
  return JSON.parse(out);
}

if (process.argv[2] === "--child") {
  child(Number(process.argv[3]));
} else {
  const fmt = (x) => Math.round(x).toLocaleString("en-US");
  const n = Number(process.env.BENCH_CALLABLES || 10000);
  console.log(
    "keyrate bench (callables): OAS + OAS duration/convexity + spread duration + 10 OAS KRDs, Hull–White lattice (a 0.03, σ 100 bp, 24 steps a year), one call"
  );
  const r = JSON.parse(
    execFileSync(process.execPath, [__filename, "--child", String(n)], { encoding: "utf8" })
  );
  const rate = n / r.seconds;
  console.log(
    `  machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} (both sides share it)`
  );
  console.log(
    `  ${fmt(n)} callables  ${r.seconds.toFixed(2)} s  ${fmt(rate)} bonds/s  peak ${fmt(r.peakMB)} MB${r.failed ? `  (${r.failed} without an OAS)` : ""}`
  );
  const ql = quantlib(Number(process.env.BENCH_QL_CALLABLES || 2));
  if (!ql)
    console.log(
      "  QuantLib: skipped (apt-get install quantlib-python; runs with /usr/bin/python3)"
    );
  else {
    console.log(
      `  QuantLib 1.29 (same work, first bonds)  ${ql.bonds} bonds  ${ql.seconds.toFixed(2)} s  ${ql.bonds_per_second.toFixed(2)} bonds/s`
    );
    console.log(`  ratio  ${fmt(rate / ql.bonds_per_second)}× QuantLib`);
  }
}
