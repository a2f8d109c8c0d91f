/**
 * `npm run bench` (analytics job part): the whole analytics job — `runRecommendation`, what the
 * task pane's "analytics" time and `keyrate demo` run: holdings, yield and curve exposure, the
 * hedge, the scenario analysis, the comparison and every sheet model — in Node on 10,000 holdings
 * (the sample's 300 rows cycled in order, IDs suffixed "-2", "-3", … after the first cycle, as
 * src/playground/largeHoldings.ts builds them for `playground.html?holdings=N`, which is not in
 * lib/), with the sample's Curve sheet and Settings (settlement, target, contract, contract DV01)
 * as `keyrate demo` passes them.
 *
 * Prints the median of 5 runs after a warm-up, holdings per second and the 0.5 s target (issue
 * 11) met or missed; then, from one instrumented run, where the time goes: every step the job
 * calls across modules, nested as called, with calls and inclusive milliseconds (a call inside
 * the same module is not seen); then, from one run under the V8 CPU profiler, the functions with
 * the most self time. There is no external peer for the whole job (no other library runs this
 * job); bench/wizard.js times the same job in Chromium, inside the wizard.
 *
 * Not a test: numbers depend on the machine. Uses the compiled library in lib/ (npm run bench
 * runs tsc first). BENCH_JOB_HOLDINGS and BENCH_JOB_RUNS change the size and the number of runs;
 * BENCH_JOB_PROFILE=0 skips the split and the profile; BENCH_JOB_DISTINCT=1 moves each cycle's
 * prices by 0.01, so that no callable is priced once for several rows (the sample's 300 rows
 * cycled are otherwise 33 lots of each security at one price).
 */
const path = require("path");
const inspector = require("inspector");
const ExcelJS = require("exceljs");

const LIB = path.join(__dirname, "..", "lib");
const SAMPLE = path.join(__dirname, "..", "assets", "sample-portfolio.xlsx");
const HOLDINGS = Number(process.env.BENCH_JOB_HOLDINGS || 10000);
const RUNS = Number(process.env.BENCH_JOB_RUNS || 5);
const PROFILE = process.env.BENCH_JOB_PROFILE !== "0";
const DISTINCT = process.env.BENCH_JOB_DISTINCT === "1";
const TARGET_S = 0.5;

const lib = (p) => require(path.join(LIB, p));
const { sheetValues, settingsOf, labelledValue } = lib("cli/workbookInput");
const { parseDate } = lib("core/dates");
const { parseCurveRange } = lib("core/curve");
const { matchColumns } = lib("core/holdings/columns");

/**
 * The sample's data rows cycled to n rows, IDs made unique as the playground does. With DISTINCT,
 * each cycle's prices are 0.01 higher than the last's, so no two rows are lots of one security
 * at one price (nothing priced once for several rows).
 */
function cycled(values, n) {
  const [header, ...rows] = values;
  const columns = matchColumns(header.map(String));
  const id = columns.id.index;
  const price = columns.price.index;
  const out = [header];
  for (let i = 0; i < n; i++) {
    const row = [...rows[i % rows.length]];
    const cycle = Math.floor(i / rows.length);
    if (cycle > 0 && row[id] !== "") row[id] = `${row[id]}-${cycle + 1}`;
    if (DISTINCT && typeof row[price] === "number") row[price] += cycle * 0.01;
    out.push(row);
  }
  return out;
}

/** The recommendation's input for n holdings, as `keyrate demo` builds it from the sample. */
async function jobInput(n) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE);
  const settings = settingsOf(book.getWorksheet("Settings"));
  const curveSheet = book.getWorksheet("Curve");
  const contractName = String(settings.get("hedge contract"));
  return {
    values: cycled(sheetValues(book.getWorksheet("Holdings")), n),
    curve: parseCurveRange(sheetValues(curveSheet), "par"),
    curveSource: "Curve sheet of sample-portfolio.xlsx",
    sheet: "Holdings",
    originRow: 1,
    originColumn: 0,
    settlement: parseDate(settings.get("settlement date"), "Settlement date"),
    targetDuration: Number(settings.get("target duration")),
    contractDv01: Number(settings.get("contract dv01")),
    contractCode: contractName.trim().split(/\s+/)[0],
    curveAsOf: parseDate(labelledValue(curveSheet, "as of"), "As of"),
    runDate: "2025-01-02",
    source: "Holdings of sample-portfolio.xlsx",
  };
}

/**
 * The steps timed in the split: exported functions of lib/ modules, wrapped on their module's
 * exports (tsc's CommonJS calls across modules read the exports at call time).
 */
const STEPS = {
  "core/run/pipeline": ["runPipeline"],
  "core/run/hedgeStage": ["hedgeStage"],
  "core/run/compareStage": ["comparison", "monitoring"],
  "core/report/workbook": ["buildSheets"],
  "core/holdings/read": ["readHoldings"],
  "core/portfolio/curveExposure": [
    "holdingCurveExposure",
    "curveTotals",
    "sectorCurveExposure",
    "reconcile",
  ],
  "core/portfolio/holdingTerms": ["holdingTerms"],
  "core/bond/yieldKernel": ["schedules", "riskFromYield"],
  "core/engines/cashFlows": ["cashFlowGrid", "discountGrid", "priceOnGrid"],
  "core/engines/fixedBond": ["calibrateFixedBonds", "fixedBondBook", "solveZSpread"],
  "core/risk/ladder": ["ladderCurves", "ladderRisk"],
  "core/curve/curveSpec": ["buildCurve"],
  "core/hedge/dv01Hedge": ["sizeDv01Hedge"],
  "core/hedge/futuresInstruments": ["futuresInstrument"],
  "core/hedge/hedgePlan": ["planHedge"],
  "core/holdings/holdingLinks": ["holdingLinks"],
  "core/report/hedgeSheet": ["buildHedgeSheet"],
  "core/report/holdingsSection": ["holdingsSection"],
  "core/portfolio/yieldExposure": ["holdingExposure", "totals"],
  "core/scenarios/analysis": ["analyseScenarios"],
  "core/scenarios/revalue": ["scenarioBook", "revalueProfiles", "spreadShocks"],
  "core/scenarios/horizon": ["horizonBook", "horizonReturns"],
  "core/scenarios/breakeven": ["breakevensBp"],
  "core/mbs/valuation": ["cohortFlows"],
  "core/models/callableBook": ["callableBook", "solveOas"],
  "core/risk/oasLadder": ["oasFigures"],
  "core/scenarios/hedges": ["hedgeBook", "hedgePnl"],
  "core/compare/benchmark": ["portfolioProfile"],
  "core/compare/gaps": ["benchmarkGaps"],
  "core/compare/mandate": ["complianceTable"],
  "core/compare/triggers": ["rebalancingTriggers"],
  "core/compare/events": ["upcomingEvents"],
  "core/report/scenarioSheet": ["buildScenarioSheet", "buildLibrarySheet"],
  "core/report/dashboardSheet": ["buildDashboardSheet"],
  "core/report/actionItemsSheet": ["buildActionItemsSheet"],
  "core/report/charts": ["withCharts"],
};

/** Wraps the steps; returns the call tree's node map (path → {calls, ms}) and an unwrap. */
function instrument() {
  const nodes = new Map();
  const stack = [];
  const restore = [];
  for (const [file, names] of Object.entries(STEPS)) {
    const m = lib(file);
    for (const name of names) {
      const original = m[name];
      if (typeof original !== "function") throw new Error(`lib/${file}: no function ${name}`);
      const timed = function (...args) {
        const key = [...stack, name].join(" > ");
        // Entered at the first call: the map's order is the order of first calls (parents first).
        const node = nodes.get(key) ?? { calls: 0, ms: 0 };
        nodes.set(key, node);
        stack.push(name);
        const t0 = process.hrtime.bigint();
        const done = () => {
          node.calls++;
          node.ms += Number(process.hrtime.bigint() - t0) / 1e6;
        };
        try {
          const out = original.apply(this, args);
          // The async steps (planHedge, runHedgeJob) run synchronously up to their first await.
          if (out && typeof out.then === "function") return out.finally(done);
          done();
          return out;
        } finally {
          stack.pop();
        }
      };
      m[name] = timed;
      restore.push(() => (m[name] = original));
    }
  }
  return { nodes, unwrap: () => restore.forEach((f) => f()) };
}

/** The V8 CPU profile of `work` (inspector, in this process). */
async function cpuProfile(work) {
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) =>
      session.post(method, params, (err, res) => (err ? reject(err) : resolve(res)))
    );
  await post("Profiler.enable");
  await post("Profiler.setSamplingInterval", { interval: 100 });
  await post("Profiler.start");
  await work();
  const { profile } = await post("Profiler.stop");
  session.disconnect();
  return profile;
}

/** Self time per function (name, file:line), ms, from a CPU profile; highest first. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ms = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, k) => {
    const f = byId.get(id).callFrame;
    const file = f.url.replace(/^.*\/lib\//, "lib/").replace(/^.*node_modules\//, "");
    const key = `${f.functionName || "(anonymous)"} ${file ? `${file}:${f.lineNumber + 1}` : ""}`;
    ms.set(key, (ms.get(key) ?? 0) + (deltas[k + 1] ?? 0) / 1000);
  });
  return [...ms].sort((a, b) => b[1] - a[1]);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const { runRecommendation } = lib("core/report/recommendation");
  const input = await jobInput(HOLDINGS);
  const once = async () => {
    const t0 = process.hrtime.bigint();
    const result = await runRecommendation(input);
    if (!result.ok) throw new Error(`the job failed: ${result.problems[0]?.message}`);
    return { s: Number(process.hrtime.bigint() - t0) / 1e9, result };
  };
  const { runPipeline } = lib("core/run/pipeline");
  const { buildSheets } = lib("core/report/workbook");
  const analytics = async () => {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const run = await runPipeline(input);
    const t1 = process.hrtime.bigint();
    const c1 = process.cpuUsage(c0);
    buildSheets(run.record);
    const t2 = process.hrtime.bigint();
    return {
      analytics: Number(t1 - t0) / 1e9,
      sheets: Number(t2 - t1) / 1e9,
      // CPU time of this process: steadier than wall time on a loaded machine.
      cpu: (c1.user + c1.system) / 1e6,
    };
  };
  const warm = await once();
  const times = [];
  const split = [];
  for (let k = 0; k < RUNS; k++) {
    times.push((await once()).s);
    split.push(await analytics());
  }
  const s = median(times);
  const a = median(split.map((x) => x.analytics));
  const sh = median(split.map((x) => x.sheets));
  const cpu = median(split.map((x) => x.cpu));
  const t = warm.result.record.totals;
  console.log(
    `analytics job, Node ${process.version} (runRecommendation on ${HOLDINGS.toLocaleString("en-US")} holdings, sample cycled${DISTINCT ? ", prices moved 0.01 a cycle" : ""}; no external peer)`
  );
  console.log(
    `  median of ${RUNS}          ${s.toFixed(3)} s (runs ${times.map((x) => x.toFixed(2)).join(", ")}; warm-up ${warm.s.toFixed(2)} s)`
  );
  console.log(`  holdings per second   ${Math.round(HOLDINGS / s).toLocaleString("en-US")}`);
  console.log(
    `  of which               analytics (runPipeline → run record) ${a.toFixed(3)} s, sheet models ${sh.toFixed(3)} s (medians); analytics CPU time ${cpu.toFixed(3)} s`
  );
  console.log(
    `  target < ${TARGET_S} s        analytics ${a < TARGET_S ? "met" : "MISSED"}; with sheet models ${s < TARGET_S ? "met" : "MISSED"}`
  );
  console.log(
    `  job                   ${t.included} in totals, ${t.excluded} left out; ${warm.result.sheets.length} sheets`
  );
  if (!PROFILE) return;

  const { nodes, unwrap } = instrument();
  let total;
  try {
    total = (await once()).s * 1000;
  } finally {
    unwrap();
  }
  console.log(
    `  split (one instrumented run, ${total.toFixed(0)} ms; inclusive ms, calls across modules only)`
  );
  const outside = [...nodes].reduce((a, [key, n]) => (key.includes(" > ") ? a : a - n.ms), total);
  for (const [key, node] of nodes) {
    const depth = key.split(" > ").length - 1;
    const name = key.split(" > ").pop();
    const label = `${"  ".repeat(depth)}${name}`.padEnd(40);
    const calls = node.calls > 1 ? ` × ${node.calls}` : "";
    console.log(`    ${label}${node.ms.toFixed(1).padStart(8)} ms${calls}`);
  }

  console.log(
    `    ${"(runRecommendation outside these)".padEnd(40)}${outside.toFixed(1).padStart(8)} ms`
  );

  // The pane's default (Contract DV01 blank) adds the CTD's DV01 on the curve; not in the runs above.
  const { futuresInstrument } = lib("core/hedge/futuresInstruments");
  const { parseContract } = lib("core/futures/contracts");
  const t0 = process.hrtime.bigint();
  const { makeMarket } = lib("core/market/market");
  const ctd = futuresInstrument(
    parseContract(input.contractCode),
    makeMarket({ settlement: input.settlement, curve: input.curve })
  );
  const ctdMs = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(
    `    ${"(not in the job: CTD contract DV01)".padEnd(40)}${ctdMs.toFixed(1).padStart(8)} ms (futuresInstrument ${input.contractCode}: ${ctd.dv01.toFixed(2)} per contract)`
  );

  const profile = await cpuProfile(() => once());
  const self = selfTimes(profile);
  const sampled = self.reduce((a, [, ms]) => a + ms, 0);
  console.log(
    `  hot functions (self time, one run under the CPU profiler, ${sampled.toFixed(0)} ms)`
  );
  for (const [name, ms] of self.slice(0, 15)) {
    console.log(
      `    ${ms.toFixed(1).padStart(7)} ms ${((100 * ms) / sampled).toFixed(1).padStart(5)}%  ${name}`
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
