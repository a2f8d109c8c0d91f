/**
 * `keyrate monitor`: a manifest read (paths relative to it, names made unique, a missing column
 * named), a portfolio run against its history twice (the second run sees the first), the summary
 * table, and the exit codes a scheduler alerts on (3 for a mandate breach, 1 for a failure).
 * In the tests the jobs run in this thread (the pool needs the compiled worker; bench/monitor.js
 * runs the pool).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { SAMPLE_WORKBOOK } from "../../src/cli/demo";
import {
  exitCode,
  readManifest,
  runJobs,
  summaryCsv,
  SUMMARY_COLUMNS,
} from "../../src/cli/monitor";
import { PortfolioResult } from "../../src/cli/monitorJob";

const dir = mkdtempSync(join(tmpdir(), "keyrate-monitor-"));

describe("keyrate monitor", () => {
  it("reads a manifest: relative paths, unique names, skipped comments; names a missing column", () => {
    const file = join(dir, "m.csv");
    writeFileSync(
      file,
      `holdings,curve,settings,history\n# a comment\n${SAMPLE_WORKBOOK},c.csv,,h/a\n${SAMPLE_WORKBOOK},c.csv,s.csv,h/b\n\n`
    );
    const jobs = readManifest(file, { out: join(dir, "out"), runDate: "2025-01-02" });
    expect(jobs.map((j) => j.name)).toEqual(["sample-portfolio", "sample-portfolio-2"]);
    expect(jobs[0].curve).toBe(join(dir, "c.csv"));
    expect(jobs[0].settings).toBe("");
    expect(jobs[1].history).toBe(join(dir, "h", "b"));
    expect(jobs[1].output).toBe(join(dir, "out", "sample-portfolio-2.xlsx"));
    writeFileSync(file, "holdings,curve\nx,y\n");
    expect(() => readManifest(file, { out: dir, runDate: "2025-01-02" })).toThrow(
      /no "history" column/
    );
  });

  it("runs a portfolio against its history twice; the summary carries its figures", async () => {
    const job = {
      name: "sample",
      holdings: SAMPLE_WORKBOOK,
      curve: SAMPLE_WORKBOOK,
      settings: SAMPLE_WORKBOOK,
      history: join(dir, "hist"),
      output: join(dir, "sample.xlsx"),
      runDate: "2025-01-02",
      noWorkbook: true,
    };
    const first = await runJobs([job], 0);
    const second = await runJobs(
      [
        { ...job, runDate: "2025-01-03" },
        { ...job, name: "bad", holdings: join(dir, "none.csv") },
      ],
      0
    );
    expect(first.pool).toBe(0);
    expect(first.results[0].ok).toBe(true);
    expect(first.results[0].storedRuns).toBe(1);
    const [ok, bad] = second.results;
    expect(ok.storedRuns).toBe(2);
    expect(ok.dv01).toBeCloseTo(first.results[0].dv01!, 6);
    expect(bad.ok).toBe(false);
    expect(bad.error).toMatch(/none\.csv/);
    const csv = summaryCsv(second.results).trim().split("\n");
    expect(csv[0]).toBe(SUMMARY_COLUMNS.join(","));
    expect(csv).toHaveLength(3);
    expect(exitCode(second.results)).toBe(1);
    expect(readFileSync(join(dir, "hist", "run-000002-2025-01-03.json"), "utf8")).toMatch(
      /^\{"kind":"keyrate-run","version":2/
    );
  });

  it("exits 3 when a mandate limit is breached, 0 when none is", () => {
    const row = (breaches: string[]): PortfolioResult => ({
      name: "x",
      ok: true,
      breaches,
      triggersHit: [],
      milliseconds: 1,
    });
    expect(exitCode([row([]), row([])])).toBe(0);
    expect(exitCode([row([]), row(["Duration band"])])).toBe(3);
  });
});
