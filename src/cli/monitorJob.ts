/**
 * One portfolio of `keyrate monitor`: its holdings, curve and settings files read, the run against
 * its history folder (drift, triggers since the last rebalance), its workbook written and the run
 * added to the history; the result is one plain row of the summary table (structured-clone safe,
 * so a worker thread can return it).
 *
 * Settings (a label/value table as the sample's Settings sheet): Settlement date (else T+1),
 * Target duration, Contract DV01, Hedge contract, Curve kind, Interpolation.
 */
import { mkdirSync } from "fs";
import { threadId } from "worker_threads";
import { dirname, resolve } from "path";
import { readTables, tableNamed } from "./tableFile";
import { appendRunToDir, readHistoryDir } from "./historyDir";
import { settingsFromValues } from "../core/settings";
import { isoFromSerial, parseDate } from "../core/dates";
import { parseCurveKind, parseCurveRange, parseInterpolation } from "../core/curve";
import { DEFAULT_CONTRACT, DEFAULT_TARGET_DURATION } from "../core/conventions";
import { runRecommendation } from "../core/report/recommendation";
import { defaultSettlement } from "../functions/impl/curveFunctions";

/** One line of the manifest, paths resolved. */
export interface PortfolioJob {
  readonly name: string;
  readonly holdings: string;
  readonly curve: string;
  /** Settings file; "" for none (every default). */
  readonly settings: string;
  readonly history: string;
  /** The workbook written. */
  readonly output: string;
  /** Date stamped on the run, ISO text. */
  readonly runDate: string;
  /** Skips writing the workbook (the summary and the history only). */
  readonly noWorkbook?: boolean;
}

/** The portfolio's row of the summary table. */
export interface PortfolioResult {
  readonly name: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly settlement?: string;
  readonly holdings?: number;
  readonly marketValue?: number;
  readonly effectiveDuration?: number;
  readonly dv01?: number;
  readonly netDv01?: number;
  readonly trackingError?: number;
  /** Mandate limits breached by the holdings as held (before this run's trades). */
  readonly breaches: readonly string[];
  readonly triggersHit: readonly string[];
  readonly storedRuns?: number;
  readonly workbook?: string;
  readonly milliseconds: number;
  /** The worker thread that ran it (0: the main thread). */
  readonly thread?: number;
}

const numberOr = (v: unknown): number | undefined =>
  v === undefined || v === null || v === "" ? undefined : Number(v);

/** Runs one portfolio; a failure is a result row with its reason, never a throw. */
export async function runPortfolio(job: PortfolioJob): Promise<PortfolioResult> {
  const start = Date.now();
  try {
    const holdings = tableNamed(await readTables(job.holdings), "Holdings");
    const settings = job.settings
      ? settingsFromValues(tableNamed(await readTables(job.settings), "Settings").values)
      : new Map<string, unknown>();
    const curveValues = tableNamed(await readTables(job.curve), "Curve").values;
    const s = settings.get("settlement date");
    const settlement =
      s === undefined || s === "" ? defaultSettlement() : parseDate(s, "Settings!Settlement date");
    const history = readHistoryDir(job.history);
    const result = await runRecommendation(
      {
        values: holdings.values,
        curve: parseCurveRange(
          curveValues.map((r) => r.slice(0, 2)),
          parseCurveKind(settings.get("curve kind"))
        ),
        interpolation: parseInterpolation(settings.get("interpolation")),
        curveSource: job.curve.split(/[\\/]/).pop(),
        sheet: holdings.name,
        originRow: 1,
        originColumn: 0,
        settlement,
        targetDuration: numberOr(settings.get("target duration")) ?? DEFAULT_TARGET_DURATION,
        contractDv01: numberOr(settings.get("contract dv01")),
        contractCode: String(settings.get("hedge contract") ?? DEFAULT_CONTRACT)
          .trim()
          .split(/\s+/)[0],
        runDate: job.runDate,
        source: job.holdings.split(/[\\/]/).pop() ?? job.holdings,
      },
      { history }
    );
    if (!result.ok) {
      return {
        name: job.name,
        ok: false,
        error: result.problems
          .slice(0, 3)
          .map((p) => p.message)
          .join("; "),
        breaches: [],
        triggersHit: [],
        milliseconds: Date.now() - start,
      };
    }
    const r = result.record;
    if (!job.noWorkbook) {
      mkdirSync(dirname(resolve(job.output)), { recursive: true });
      const { writeXlsx } = await import("../render/exceljs");
      await writeXlsx(result.sheets, job.output);
    }
    appendRunToDir(job.history, history, r);
    return {
      name: job.name,
      ok: true,
      settlement: isoFromSerial(r.market.settlement),
      holdings: r.totals.included,
      marketValue: r.totals.marketValue,
      effectiveDuration: r.totals.effDuration,
      dv01: r.totals.dv01,
      netDv01: r.totals.dv01 + r.hedge.dv01Impact,
      trackingError: r.comparison.gapsBefore.trackingError?.te ?? NaN,
      breaches: r.comparison.complianceBefore
        .filter((c) => c.state === "breach")
        .map((c) => c.limit),
      triggersHit: r.monitoring.triggers.filter((t) => t.state === "hit").map((t) => t.rule),
      storedRuns: r.drift?.series.length,
      workbook: job.noWorkbook ? undefined : job.output,
      milliseconds: Date.now() - start,
      thread: threadId,
    };
  } catch (e) {
    return {
      name: job.name,
      ok: false,
      error: (e as Error).message,
      breaches: [],
      triggersHit: [],
      milliseconds: Date.now() - start,
    };
  }
}
