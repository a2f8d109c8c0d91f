/**
 * `keyrate measure … --history DIR`: the measured holdings run through the one pipeline (the hedge
 * at the default target, as `keyrate demo` sizes it) against the history folder, and the run
 * added to it (one file per run), so that measuring each day keeps the same history the demo and
 * the monitor keep.
 */
import { parseDate } from "../core/dates";
import { parseTenor } from "../core/curve";
import { CurveKind } from "../core/curve/curveSpec";
import { DEFAULT_TARGET_DURATION } from "../core/conventions";
import { runRecommendation } from "../core/report/recommendation";
import { appendRunToDir, readHistoryDir } from "./historyDir";
import { driftLines } from "./driftText";
import { readTables, tableNamed } from "./tableFile";
import type { MeasureJson, MeasureOptions } from "./measure";
import { parseInterpolation } from "../core/curve";

/** Stores the measured run; returns its file name and the drift's lines. */
export async function storeMeasuredRun(
  options: MeasureOptions & { history: string; rebalance?: boolean },
  m: MeasureJson
): Promise<{ file: string; lines: string[]; triggersHit: string[]; runs: number }> {
  if (!m.curve || !m.settlement) throw new Error("--history: nothing measured to keep");
  const holdings = tableNamed(await readTables(options.holdings), "Holdings");
  const history = readHistoryDir(options.history);
  const result = await runRecommendation(
    {
      values: holdings.values,
      curve: {
        kind: m.curve.kind as CurveKind,
        months: m.curve.tenors.map((t) => parseTenor(t)),
        rates: m.curve.rates,
      },
      interpolation: parseInterpolation(options.interpolation),
      curveSource: options.curve.split(/[\\/]/).pop(),
      sheet: holdings.name,
      originRow: 1,
      originColumn: 0,
      settlement: parseDate(m.settlement),
      targetDuration: DEFAULT_TARGET_DURATION,
      runDate: new Date().toISOString().slice(0, 10),
      source: options.holdings.split(/[\\/]/).pop() ?? options.holdings,
    },
    { history, rebalance: options.rebalance }
  );
  if (!result.ok) throw new Error("--history: the run could not be made");
  const file = appendRunToDir(options.history, history, result.record);
  return {
    file,
    lines: driftLines(result.record),
    triggersHit: result.record.monitoring.triggers
      .filter((t) => t.state === "hit")
      .map((t) => t.rule),
    runs: result.record.drift?.series.length ?? 0,
  };
}
