/**
 * `keyrate monitor MANIFEST`: every portfolio of a manifest run against its history on a pool of
 * worker threads (jest-worker, the Jest project's pool), each workbook written, a summary table
 * printed and written beside the manifest's outputs (summary.csv), and an exit code a scheduler
 * can alert on: 0 all ran and no limit breached, 3 some mandate limit breached (the holdings as
 * held, before this run's trades), 1 some portfolio could not be run.
 *
 * The manifest is a CSV with a header naming its columns: holdings, curve, settings (may be
 * empty), history (a folder), and optionally name and output (the workbook; default
 * OUT/<name>.xlsx). Paths are relative to the manifest's folder; blank lines and lines starting
 * with "#" are skipped.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { availableParallelism } from "os";
import { basename, dirname, extname, join, resolve } from "path";
import { flagValue, numberFlag, positionals, rejectUnknown } from "./args";
import { parseCsv } from "./tableFile";
import { PortfolioJob, PortfolioResult, runPortfolio } from "./monitorJob";

export const EXIT_BREACH = 3;

/** The jobs of a manifest file. @throws Error naming a missing column or an empty manifest. */
export function readManifest(
  file: string,
  options: { out: string; runDate: string; noWorkbook?: boolean }
): PortfolioJob[] {
  const rows = parseCsv(readFileSync(file, "utf8")).filter(
    (r) => r.some((c) => c.trim() !== "") && !r[0].trim().startsWith("#")
  );
  const [header, ...lines] = rows;
  if (!header) throw new Error(`${file}: empty manifest`);
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name);
  for (const need of ["holdings", "curve", "history"])
    if (col(need) < 0)
      throw new Error(`${file}: no "${need}" column (columns: holdings, curve, settings, history)`);
  const base = dirname(resolve(file));
  const path = (v: string | undefined) => (v && v.trim() ? resolve(base, v.trim()) : "");
  const names = new Set<string>();
  return lines.map((r, k) => {
    const at = (name: string) => (col(name) >= 0 ? r[col(name)] : undefined);
    const holdings = path(at("holdings"));
    let name = at("name")?.trim() || basename(holdings, extname(holdings)) || `portfolio-${k + 1}`;
    for (let j = 2; names.has(name); j++)
      name = `${at("name")?.trim() || basename(holdings, extname(holdings))}-${j}`;
    names.add(name);
    return {
      name,
      holdings,
      curve: path(at("curve")),
      settings: path(at("settings")),
      history: path(at("history")),
      output: path(at("output")) || join(resolve(options.out), `${name}.xlsx`),
      runDate: options.runDate,
      noWorkbook: options.noWorkbook,
    };
  });
}

/**
 * Runs the jobs on a pool of `threads` worker threads (0: in this thread, one after the other).
 * The pool needs the compiled worker (lib/cli/monitorWorker.js); from sources it runs in this thread.
 */
export async function runJobs(
  jobs: readonly PortfolioJob[],
  threads: number
): Promise<{ results: PortfolioResult[]; pool: number }> {
  const workerFile = join(__dirname, "monitorWorker.js");
  if (threads <= 0 || !existsSync(workerFile)) {
    const results: PortfolioResult[] = [];
    for (const j of jobs) results.push(await runPortfolio(j));
    return { results, pool: 0 };
  }
  const { Worker } = await import("jest-worker");
  const pool = new Worker(workerFile, {
    numWorkers: threads,
    enableWorkerThreads: true,
    exposedMethods: ["runPortfolio"],
    maxRetries: 0,
  }) as InstanceType<typeof Worker> & {
    runPortfolio(job: PortfolioJob): Promise<PortfolioResult>;
  };
  try {
    const results = await Promise.all(
      jobs.map((j) =>
        pool.runPortfolio(j).catch((e: Error): PortfolioResult => ({
          name: j.name,
          ok: false,
          error: `worker failed: ${e.message}`,
          breaches: [],
          triggersHit: [],
          milliseconds: 0,
        }))
      )
    );
    return { results, pool: threads };
  } finally {
    await pool.end();
  }
}

const csvCell = (v: unknown) => {
  const t = v === undefined || (typeof v === "number" && !Number.isFinite(v)) ? "" : String(v);
  return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};

export const SUMMARY_COLUMNS = [
  "name",
  "ok",
  "settlement",
  "holdings",
  "market value",
  "effective duration",
  "dv01",
  "net dv01",
  "tracking error",
  "breaches",
  "triggers hit",
  "stored runs",
  "workbook",
  "error",
  "milliseconds",
] as const;

/** The summary table as CSV text. */
export function summaryCsv(results: readonly PortfolioResult[]): string {
  const lines = results.map((r) =>
    [
      r.name,
      r.ok,
      r.settlement,
      r.holdings,
      r.marketValue,
      r.effectiveDuration,
      r.dv01,
      r.netDv01,
      r.trackingError,
      r.breaches.join("; "),
      r.triggersHit.join("; "),
      r.storedRuns,
      r.workbook,
      r.error,
      r.milliseconds,
    ]
      .map(csvCell)
      .join(",")
  );
  return [SUMMARY_COLUMNS.join(","), ...lines].join("\n") + "\n";
}

/** The exit code of a set of results (see the module's note). */
export function exitCode(results: readonly PortfolioResult[]): number {
  if (results.some((r) => !r.ok)) return 1;
  return results.some((r) => r.breaches.length) ? EXIT_BREACH : 0;
}

const FLAGS = {
  values: ["--out", "--threads", "--run-date"],
  switches: ["--help", "--no-workbook"],
};

const USAGE =
  "usage: keyrate monitor MANIFEST.csv [--out DIR] [--threads N] [--run-date YYYY-MM-DD] [--no-workbook]\n" +
  "  MANIFEST columns: holdings, curve, settings, history [, name, output]; paths relative to it\n" +
  "  exit 0: all ran, no limit breached; 3: a mandate limit breached; 1: a portfolio failed";

/** Runs the `monitor` command; returns the process exit code. */
export async function runMonitor(argv: string[], out: (text: string) => void): Promise<number> {
  rejectUnknown(argv, "monitor", FLAGS);
  if (argv.includes("--help")) {
    out(USAGE);
    return 0;
  }
  const [manifest, ...extra] = positionals(argv, FLAGS);
  if (!manifest || extra.length) throw new Error(`monitor: give one manifest\n${USAGE}`);
  const outDir = flagValue(argv, "--out") ?? join(dirname(manifest), "out");
  const threads = numberFlag(argv, "--threads") ?? availableParallelism();
  const jobs = readManifest(manifest, {
    out: outDir,
    runDate: flagValue(argv, "--run-date") ?? new Date().toISOString().slice(0, 10),
    noWorkbook: argv.includes("--no-workbook"),
  });
  const t0 = Date.now();
  const { results, pool } = await runJobs(jobs, threads);
  const seconds = (Date.now() - t0) / 1000;
  mkdirSync(outDir, { recursive: true });
  const summaryFile = join(outDir, "summary.csv");
  writeFileSync(summaryFile, summaryCsv(results));
  const money = (x?: number) => (x === undefined ? "" : Math.round(x).toLocaleString("en-US"));
  out(
    `keyrate monitor — ${jobs.length} portfolios, pool of ${pool || "no"} worker threads, ${seconds.toFixed(1)} s`
  );
  out(
    `${"portfolio".padEnd(24)} ${"eff. dur".padStart(8)} ${"DV01".padStart(12)} ${"net DV01".padStart(12)}  breaches / triggers hit`
  );
  for (const r of results) {
    out(
      r.ok
        ? `${r.name.padEnd(24)} ${(r.effectiveDuration ?? NaN).toFixed(3).padStart(8)} ${money(r.dv01).padStart(12)} ${money(r.netDv01).padStart(12)}  ${r.breaches.length ? `BREACH ${r.breaches.join(", ")}` : "no breach"}; ${r.triggersHit.join(", ") || "no trigger hit"}`
        : `${r.name.padEnd(24)} FAILED: ${r.error}`
    );
  }
  out(`wrote ${summaryFile}`);
  return exitCode(results);
}
