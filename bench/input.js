/**
 * `npm run bench` (input): times keyrate's input path on iShares-layout holdings CSVs (preamble,
 * 27 columns, quoted "71,246,274.07" numbers, `Feb 01, 2046` dates, `-` for missing, a cash line,
 * a disclaimer footer): reading 3,000 and 100,000 rows (papaparse + readHoldings), and
 * `keyrate measure` on 3,000 bonds from CSV as a whole process. Peers on the same data: exceljs
 * reading it as .xlsx (and as .csv, the reader measure used before) into the same readHoldings.
 * Targets (issue 12): 3,000 rows < 0.3 s, 100,000 rows < 3 s, measure on 3,000 < 1 s.
 * Not a test: numbers depend on the machine. Uses the compiled library in lib/ (npm run build).
 */
const { spawnSync } = require("child_process");
const { mkdtempSync, readFileSync, writeFileSync, rmSync } = require("fs");
const { tmpdir } = require("os");
const { join } = require("path");
const ExcelJS = require("exceljs");
const { parseCsv } = require("../lib/cli/tableFile");
const { sheetValues } = require("../lib/cli/workbookInput");
const { readHoldings } = require("../lib/core/holdings");
const { serialFromIso } = require("../lib/core/dates");
const { rng } = require("./optimiserProblem");

const SETTLEMENT = serialFromIso("2026-12-04");
const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");
const GROUPS = ["Banking", "Communications", "Consumer Non-Cyclical", "Energy", "Technology"];
/** The iShares layout's header, as the committed vendor fixture (scripts/make-vendor-fixtures.ts) has it. */
const HEADER = parseCsv(
  readFileSync(join(__dirname, "..", "test", "fixtures", "vendor", "ishares-style.csv"), "utf8")
).find((row) => row[0] === "Name");

const q = (s) => `"${s}"`;
const grouped = (x) =>
  x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const vendorDate = (y, m, d) => `${MONTHS[m - 1]} ${String(d).padStart(2, "0")}, ${y}`;

/** Rows of an iShares-layout export with n bonds (fictional values). */
function isharesRows(n) {
  const r = rng(20261203);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const y = 2028 + Math.floor(r() * 30);
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    const par = (1 + Math.floor(r() * 40)) * 250000;
    const price = 70 + r() * 40;
    const coupon = Math.round((1 + r() * 6) * 8) / 8;
    const id = String(100000000 + Math.floor(r() * 899999999)).slice(0, 8) + "AB"[i % 2];
    rows.push([
      `ISSUER ${i}`,
      GROUPS[i % GROUPS.length],
      "Fixed Income",
      grouped((par * price) / 100),
      "0.03",
      grouped((par * price) / 100),
      grouped(par),
      id,
      `US${id}0`,
      "-",
      price.toFixed(3),
      "United States",
      "-",
      "USD",
      (1 + r() * 15).toFixed(2),
      (4 + r() * 2).toFixed(3),
      "1.00",
      vendorDate(y, m, d),
      coupon.toFixed(3),
      (1 + r() * 15).toFixed(2),
      "-",
      "5.00",
      "0.00",
      "-",
      "USD",
      vendorDate(y - 10, m, d),
      "-",
    ]);
  }
  return rows;
}

/** The CSV text of an export: preamble, header, rows, a cash line, footer. */
function isharesCsv(rows) {
  const cell = (s) => (/[",]/.test(s) ? q(s.replace(/"/g, '""')) : s);
  const cash = ["USD CASH", "Cash and/or Derivatives", "Cash", "1,000,000.00", "0.10"];
  return [
    'Fund Holdings as of,"Dec 03, 2026"',
    'Shares Outstanding,"12,500,000.00"',
    "",
    HEADER.join(","),
    ...rows.map((row) => row.map(cell).join(",")),
    [...cash, ...Array(HEADER.length - cash.length).fill("-")].map(cell).join(","),
    "",
    '"The content contained herein is fictional. Holdings are subject to change."',
  ].join("\n");
}

/** CPU seconds (user + system) of this process so far. */
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/**
 * Best of `runs` timings of fn: wall seconds `t` and this process's CPU seconds `cpu` (on a shared
 * machine the CPU time is the steadier figure).
 */
function best(fn, runs = 3) {
  let t = Infinity;
  let cpu = Infinity;
  let out;
  for (let k = 0; k < runs; k++) {
    const t0 = process.hrtime.bigint();
    const c0 = cpuNow();
    out = fn();
    t = Math.min(t, Number(process.hrtime.bigint() - t0) / 1e9);
    cpu = Math.min(cpu, out && out.cpu !== undefined ? out.cpu : cpuNow() - c0);
  }
  return { t, cpu, out };
}

async function bestAsync(fn, runs = 3) {
  let t = Infinity;
  let cpu = Infinity;
  let out;
  for (let k = 0; k < runs; k++) {
    const t0 = process.hrtime.bigint();
    const c0 = cpuNow();
    out = await fn();
    t = Math.min(t, Number(process.hrtime.bigint() - t0) / 1e9);
    cpu = Math.min(cpu, cpuNow() - c0);
  }
  return { t, cpu, out };
}

const readCsv = (file) =>
  readHoldings(parseCsv(readFileSync(file, "utf8")), { settlement: SETTLEMENT, sheet: "csv" });

async function readXlsx(file) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return readHoldings(sheetValues(book.worksheets[0]), { settlement: SETTLEMENT, sheet: "x" });
}

async function readCsvWithExceljs(file) {
  const book = new ExcelJS.Workbook();
  await book.csv.readFile(file);
  return readHoldings(sheetValues(book.worksheets[0]), { settlement: SETTLEMENT, sheet: "c" });
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "keyrate-bench-input-"));
  try {
    const line = (label, { t, cpu }, target) =>
      console.log(
        `  ${label.padEnd(66)} ${t.toFixed(3).padStart(7)} s wall ${cpu.toFixed(3).padStart(7)} s CPU` +
          (target
            ? `  (target < ${target} s: ${Math.min(t, cpu) < target ? "met" : "MISSED"})`
            : "")
      );
    // A child's CPU time, written by a preload at its exit.
    const cpuFile = join(dir, "cpu.txt");
    const preload = join(dir, "cpu-at-exit.js");
    writeFileSync(
      preload,
      `process.on("exit", () => { const u = process.cpuUsage(); require("fs").writeFileSync(${JSON.stringify(cpuFile)}, String((u.user + u.system) / 1e6)); });`
    );
    const child = (args) => {
      const r = spawnSync("node", ["--require", preload, ...args], {
        encoding: "utf8",
        maxBuffer: 1 << 30,
      });
      if (r.status !== 0) throw new Error(r.stderr || r.stdout.slice(0, 500));
      return { cpu: Number(readFileSync(cpuFile, "utf8")) };
    };
    console.log("input: iShares-layout holdings CSV (27 columns, preamble, cash line, footer)");
    for (const n of [3000, 100000]) {
      const rows = isharesRows(n);
      const csv = join(dir, `holdings-${n}.csv`);
      writeFileSync(csv, isharesCsv(rows));
      const ours = best(() => readCsv(csv), n > 10000 ? 2 : 5);
      const out = ours.out;
      if (out.holdings.count !== n + 1 || out.problems.length)
        throw new Error(`read ${out.holdings.count} of ${n + 1}, ${out.problems.length} problems`);
      line(
        `keyrate: papaparse + readHoldings, ${n.toLocaleString("en-US")} rows`,
        ours,
        n > 10000 ? 3 : 0.3
      );
      if (n <= 10000) {
        const book = new ExcelJS.Workbook();
        const ws = book.addWorksheet("Holdings");
        ws.addRow(HEADER);
        for (const row of rows) ws.addRow(row);
        const xlsx = join(dir, `holdings-${n}.xlsx`);
        await book.xlsx.writeFile(xlsx);
        const x = await bestAsync(() => readXlsx(xlsx));
        line(`peer: exceljs .xlsx + readHoldings, same ${n.toLocaleString("en-US")} rows`, x);
        const c = await bestAsync(() => readCsvWithExceljs(csv));
        line(`peer: exceljs .csv reader (measure's former path) + readHoldings`, c);
        const curve = join(dir, "curve.csv");
        writeFileSync(
          curve,
          "Tenor,Rate\n3M,0.043\n1Y,0.041\n2Y,0.04\n5Y,0.041\n10Y,0.043\n20Y,0.047\n30Y,0.046\n"
        );
        const bin = join(__dirname, "..", "bin", "keyrate.js");
        const args = [bin, "measure", csv, "--curve", curve, "--settle", "2026-12-04", "--json"];
        const m = best(() => child(args), 3);
        line(`keyrate measure on ${n.toLocaleString("en-US")} bonds from CSV, whole process`, m, 1);
        const empty = best(() => child(["-e", "0"]), 3);
        line("  (node starting and exiting, for reference)", empty);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
