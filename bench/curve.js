/**
 * `npm run bench` (curve part): the full curve set — Z-spread, effective duration and convexity,
 * spread duration and 10 KRDs — for 13,000 bonds (about the US Aggregate's size) and 100,000, in
 * one call each, with bonds per second and peak memory; and QuantLib doing the same
 * bump-and-reprice (bench/quantlib_krd.py, Debian quantlib-python) on a sample of the same bonds,
 * in the same run: the ratio. Each size runs in its own process so its peak memory is its own.
 */
const { execFileSync, spawnSync } = require("child_process");
const { mkdtempSync, writeFileSync, rmSync, existsSync } = require("fs");
const { tmpdir } = require("os");
const { join } = require("path");

const SETTLE = 45659; // 2025-01-02
const ZERO_CURVE = {
  tenors_months: [1, 3, 6, 12, 24, 36, 60, 84, 120, 240, 360],
  zero_rates: [
    0.0438, 0.0435, 0.0425, 0.0414, 0.0423, 0.0425, 0.0436, 0.0447, 0.0458, 0.049, 0.0483,
  ],
};

/** Deterministic bonds: maturities 1 month … 30 years, coupons on a 1/8 grid, prices near par. */
function bonds(n) {
  let s = 20250102;
  const r = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: n }, () => ({
    maturity: SETTLE + 30 + Math.floor(r() * (30 * 365 - 31)),
    rate: Math.round(r() * 64) / 800,
    frequency: 2,
    clean: 85 + r() * 25,
  }));
}

/** Child: time one call of the full set on n bonds; print JSON. */
function child(n, kind) {
  const { allocateTerms, setTerms } = require("../lib/core/bond");
  const { DEFAULT_CURVE } = require("../lib/core/curve");
  const { curveRisk } = require("../lib/core/risk/bondRisk");
  const list = bonds(n);
  const terms = allocateTerms(n);
  list.forEach((b, i) =>
    setTerms(terms, i, {
      settlement: SETTLE,
      maturity: b.maturity,
      rate: b.rate,
      frequency: 2,
      basis: 1,
    })
  );
  const prices = Float64Array.from(list, (b) => b.clean);
  const spec =
    kind === "par"
      ? DEFAULT_CURVE
      : { kind: "zero_cont", months: ZERO_CURVE.tenors_months, rates: ZERO_CURVE.zero_rates };
  const options = { interpolation: "linear_zero", shiftOn: kind };
  // Warm the JIT on other bonds first, as a session in Excel would be after its first recalculation.
  const warm = allocateTerms(2000);
  bonds(2000).forEach((b, i) =>
    setTerms(warm, i, {
      settlement: SETTLE,
      maturity: b.maturity + 3,
      rate: b.rate,
      frequency: 2,
      basis: 1,
    })
  );
  curveRisk(SETTLE, warm, new Float64Array(2000).fill(99), spec, options);
  // Median of 3 calls: one call is short enough for the machine's noise to show.
  const times = [];
  let risk;
  for (let k = 0; k < 3; k++) {
    const t0 = process.hrtime.bigint();
    risk = curveRisk(SETTLE, terms, prices, spec, options);
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const seconds = times.sort((a, b) => a - b)[1];
  const failed = risk.zspread.filter((z) => !Number.isFinite(z)).length;
  console.log(
    JSON.stringify({ n, seconds, failed, peakMB: process.resourceUsage().maxRSS / 1024 })
  );
}

function run(n, kind) {
  const out = execFileSync(process.execPath, [__filename, "--child", String(n), kind], {
    encoding: "utf8",
  });
  return JSON.parse(out);
}

function quantlib(n) {
  if (
    !existsSync("/usr/bin/python3") ||
    spawnSync("/usr/bin/python3", ["-c", "import QuantLib"]).status !== 0
  )
    return undefined;
  const dir = mkdtempSync(join(tmpdir(), "keyrate-ql-"));
  const file = join(dir, "bonds.json");
  writeFileSync(file, JSON.stringify({ settlement: SETTLE, curve: ZERO_CURVE, bonds: bonds(n) }));
  const out = execFileSync("/usr/bin/python3", [join(__dirname, "quantlib_krd.py"), file], {
    encoding: "utf8",
  });
  rmSync(dir, { recursive: true, force: true });
  return JSON.parse(out);
}

if (process.argv[2] === "--child") {
  child(Number(process.argv[3]), process.argv[4]);
} else {
  const fmt = (x) => Math.round(x).toLocaleString("en-US");
  console.log(
    "keyrate bench (curve): Z-spread + effective duration/convexity + spread duration + 10 KRDs, one call (median of 3 calls)"
  );
  let zeroRate13k = 0;
  for (const kind of ["zero", "par"]) {
    for (const n of [13000, 100000]) {
      const r = run(n, kind);
      if (kind === "zero" && n === 13000) zeroRate13k = n / r.seconds;
      console.log(
        `  ${kind} KRDs  ${fmt(n).padStart(7)} bonds  ${r.seconds.toFixed(3)} s  ${fmt(n / r.seconds)} bonds/s  peak ${fmt(r.peakMB)} MB${r.failed ? `  (${r.failed} without a Z-spread)` : ""}`
      );
    }
  }
  const ql = quantlib(Number(process.env.BENCH_QL_BONDS || 2000));
  if (!ql)
    console.log(
      "  QuantLib: skipped (apt-get install quantlib-python; runs with /usr/bin/python3)"
    );
  else {
    console.log(
      `  QuantLib 1.29 (zero KRDs, same bonds)  ${fmt(ql.bonds)} bonds  ${ql.seconds.toFixed(3)} s  ${fmt(ql.bonds_per_second)} bonds/s`
    );
    console.log(
      `  ratio  ${(zeroRate13k / ql.bonds_per_second).toFixed(0)}× QuantLib (13,000 bonds, zero KRDs)`
    );
  }
}
