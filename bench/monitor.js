/**
 * `npm run bench` (monitor part): `keyrate monitor` over many portfolios on the worker-thread pool
 * (jest-worker), against the same portfolios on a pool of one thread — the single-thread peer.
 * Each portfolio: the sample's 300 rows cycled to 2,000 holdings (IDs suffixed "-2", "-3", … and
 * par scaled by the portfolio's number, so no two are alike), the sample's curve and settings as
 * CSV files, its own history folder; the job reads the files, runs the pipeline against the
 * history, writes its workbook (exceljs) and adds the run to the history — what a night's run does.
 *
 * Prints per pool: portfolios and holdings per second, wall seconds, the CPU time of the process
 * (every thread) over the wall time — the cores used — and the pool's speed-up over one thread.
 * Then one more run of the full pool against the histories just written (drift attributed
 * against the previous run). Not a test: numbers depend on the machine and its load.
 *
 * BENCH_MONITOR_PORTFOLIOS (100), BENCH_MONITOR_HOLDINGS (2000), BENCH_MONITOR_THREADS (the
 * machine's parallelism), BENCH_MONITOR_WORKBOOKS=0 skips writing the workbooks.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const ExcelJS = require("exceljs");

const LIB = path.join(__dirname, "..", "lib");
const SAMPLE = path.join(__dirname, "..", "assets", "sample-portfolio.xlsx");
const PORTFOLIOS = Number(process.env.BENCH_MONITOR_PORTFOLIOS || 100);
const HOLDINGS = Number(process.env.BENCH_MONITOR_HOLDINGS || 2000);
const THREADS = Number(process.env.BENCH_MONITOR_THREADS || os.availableParallelism());
const WORKBOOKS = process.env.BENCH_MONITOR_WORKBOOKS !== "0";

const lib = (p) => require(path.join(LIB, p));
const { sheetValues } = lib("cli/workbookInput");
const { matchColumns } = lib("core/holdings/columns");
const { readManifest, runJobs } = lib("cli/monitor");

const cellText = (v) => {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const t = v === null || v === undefined ? "" : String(v);
  return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};
const csv = (rows) => rows.map((r) => r.map(cellText).join(",")).join("\n") + "\n";

async function setUp(dir) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE);
  const [header, ...rows] = sheetValues(book.getWorksheet("Holdings"));
  const cols = matchColumns(header.map(String));
  const id = cols.id.index;
  const par = cols.par.index;
  fs.writeFileSync(
    path.join(dir, "curve.csv"),
    csv(sheetValues(book.getWorksheet("Curve")).map((r) => r.slice(0, 2)))
  );
  fs.writeFileSync(
    path.join(dir, "settings.csv"),
    csv(sheetValues(book.getWorksheet("Settings")).map((r) => r.slice(0, 2)))
  );
  const lines = ["name,holdings,curve,settings,history"];
  for (let p = 1; p <= PORTFOLIOS; p++) {
    const out = [header];
    for (let i = 0; i < HOLDINGS; i++) {
      const row = [...rows[i % rows.length]];
      const cycle = Math.floor(i / rows.length);
      if (cycle > 0 && row[id] !== "") row[id] = `${row[id]}-${cycle + 1}`;
      if (typeof row[par] === "number") row[par] = row[par] * (1 + p / 100);
      out.push(row);
    }
    const name = `p${String(p).padStart(3, "0")}`;
    fs.writeFileSync(path.join(dir, `${name}.csv`), csv(out));
    lines.push(`${name},${name}.csv,curve.csv,settings.csv,history/${name}`);
  }
  fs.writeFileSync(path.join(dir, "manifest.csv"), lines.join("\n") + "\n");
}

async function timed(dir, threads, label, fresh = true) {
  if (fresh) fs.rmSync(path.join(dir, "history"), { recursive: true, force: true });
  const jobs = readManifest(path.join(dir, "manifest.csv"), {
    out: path.join(dir, `out-${threads}`),
    runDate: "2025-01-02",
    noWorkbook: !WORKBOOKS,
  });
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const { results, pool } = await runJobs(jobs, threads);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const failed = results.filter((r) => !r.ok);
  if (failed.length) throw new Error(`${failed.length} portfolios failed: ${failed[0].error}`);
  const cores = (cpu.user + cpu.system) / 1e6 / wall;
  // Threads that ran jobs, and how many jobs ran at once on average (Σ job time ÷ wall).
  const perThread = new Map();
  for (const r of results) perThread.set(r.thread, (perThread.get(r.thread) ?? 0) + 1);
  const overlap = results.reduce((a, r) => a + r.milliseconds, 0) / 1000 / wall;
  console.log(
    `  ${label.padEnd(34)} pool ${String(pool).padStart(2)}  ${wall.toFixed(1).padStart(7)} s  ` +
      `${(jobs.length / wall).toFixed(2).padStart(6)} portfolios/s  ${Math.round(
        (jobs.length * HOLDINGS) / wall
      )
        .toLocaleString("en-US")
        .padStart(8)} holdings/s  ` +
      `CPU/wall ${cores.toFixed(2)} cores  ${((cpu.user + cpu.system) / 1e6 / jobs.length).toFixed(2)} CPU s/portfolio\n` +
      `  ${"".padEnd(34)} jobs per thread ${[...perThread.values()].join(" + ")}, ${overlap.toFixed(2)} jobs running at once on average`
  );
  return wall;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyrate-bench-monitor-"));
  await setUp(dir);
  console.log(
    `keyrate monitor: ${PORTFOLIOS} portfolios × ${HOLDINGS.toLocaleString("en-US")} holdings, ` +
      `${WORKBOOKS ? "workbooks written" : "no workbooks"}, ${os.availableParallelism()} cores on this machine (shared: figures move with its load)`
  );
  const one = await timed(dir, 1, "one worker thread (the peer)");
  const many = await timed(dir, THREADS, `pool of ${THREADS} worker threads`);
  console.log(`  pool of ${THREADS} vs one thread: ${(one / many).toFixed(2)}× the throughput`);
  await timed(dir, THREADS, `pool of ${THREADS}, second night (drift)`, false);
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
