/**
 * `npm run bench` (FRN part): discount margin, effective duration and convexity, spread duration
 * and 10 KRDs of 10,000 quarterly floating-rate notes on the ladder (FRN engine + risk ladder), one
 * call, notes per second; and QuantLib doing the same bump-and-reprice (bench/quantlib_frn.py) on
 * a sample of the same notes in the same run: the ratio.
 */
const { execFileSync, spawnSync } = require("child_process");
const { mkdtempSync, writeFileSync, rmSync, existsSync } = require("fs");
const { tmpdir } = require("os");
const { join } = require("path");

const SETTLE = 45659; // 2025-01-02
const CURVE = {
  tenors_months: [1, 3, 6, 12, 24, 36, 60, 84, 120, 240, 360],
  zero_rates: [
    0.0438, 0.0435, 0.0425, 0.0414, 0.0423, 0.0425, 0.0436, 0.0447, 0.0458, 0.049, 0.0483,
  ],
};

/** Deterministic notes: 3 months to 10 years, SOFR + 0–150 bp, prices near par. */
function notes(n) {
  let s = 20261206;
  const r = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: n }, () => {
    const margin = Math.round(r() * 150) / 1e4;
    return {
      maturity: SETTLE + 95 + Math.floor(r() * (10 * 365)),
      coupon: 0.043 + margin,
      margin,
      clean: 99 + 2 * r(),
    };
  });
}

function keyrate(n) {
  const { holdingRecord, packHoldings } = require("../lib/core/holdings/pack");
  const { makeMarket } = require("../lib/core/market/market");
  const { FRN_ENGINE } = require("../lib/core/engines/frn");
  const { ladderRisk } = require("../lib/core/risk/ladder");
  const records = (list) =>
    list.map((b, i) =>
      holdingRecord({
        id: `N${i}`,
        sector: "corporate",
        type: "frn",
        coupon: b.coupon,
        maturity: b.maturity,
        price: b.clean,
        frequency: 4,
        basis: 2,
        sourceRow: i + 2,
        spread: b.margin,
        resetFrequency: 4,
        index: "SOFR",
      })
    );
  const market = makeMarket({
    settlement: SETTLE,
    curve: { kind: "zero_cont", months: CURVE.tenors_months, rates: CURVE.zero_rates },
    shiftOn: "zero",
  });
  const run = (list) => {
    const h = packHoldings(records(list));
    const book = FRN_ENGINE.calibrate(market, h, h.price, () => true);
    return ladderRisk(book, market);
  };
  run(notes(1000)); // warm the JIT
  const h = notes(n);
  const times = [];
  let risk;
  for (let k = 0; k < 3; k++) {
    const t0 = process.hrtime.bigint();
    risk = run(h);
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const failed = Array.from(risk.effDuration).filter((d) => !Number.isFinite(d)).length;
  return { seconds: times.sort((a, b) => a - b)[1], failed };
}

function quantlib(n) {
  if (
    !existsSync("/usr/bin/python3") ||
    spawnSync("/usr/bin/python3", ["-c", "import QuantLib"]).status !== 0
  )
    return undefined;
  const dir = mkdtempSync(join(tmpdir(), "keyrate-ql-frn-"));
  const file = join(dir, "notes.json");
  writeFileSync(file, JSON.stringify({ settlement: SETTLE, curve: CURVE, notes: notes(n) }));
  const out = execFileSync("/usr/bin/python3", [join(__dirname, "quantlib_frn.py"), file], {
    encoding: "utf8",
  });
  rmSync(dir, { recursive: true, force: true });
  return JSON.parse(out);
}

const fmt = (x) => Math.round(x).toLocaleString("en-US");
const N = 10000;
console.log(
  "keyrate bench (FRN): discount margin + effective duration/convexity + spread duration + 10 KRDs, one call (median of 3)"
);
const k = keyrate(N);
const rate = N / k.seconds;
console.log(
  `  FRN engine  ${fmt(N)} notes  ${k.seconds.toFixed(3)} s  ${fmt(rate)} notes/s${k.failed ? `  (${k.failed} failed)` : ""}`
);
const ql = quantlib(Number(process.env.BENCH_QL_NOTES || 300));
if (!ql) console.log("  QuantLib: skipped (apt-get install quantlib-python; /usr/bin/python3)");
else {
  console.log(
    `  QuantLib 1.29 (same work, same notes)  ${fmt(ql.notes)} notes  ${ql.seconds.toFixed(3)} s  ${fmt(ql.notes_per_second)} notes/s`
  );
  console.log(`  ratio  ${(rate / ql.notes_per_second).toFixed(0)}× QuantLib`);
}
