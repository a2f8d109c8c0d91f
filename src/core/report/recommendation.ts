/**
 * The recommendation as the adapters run it: the pipeline (run/pipeline.ts) to a run record, then
 * the workbook's sheets from the record alone (workbook.ts). The task pane and `keyrate demo` call
 * this; the figures they print come from the record.
 */
import { HoldingProblem, ColumnMapping } from "../holdings";
import { runPipeline } from "../run/pipeline";
import { RunInput } from "../run/runInput";
import { RunRecord } from "../run/runRecord";
import { SheetModel } from "./sheetModel";
import { buildSheets } from "./workbook";
import { History } from "../history/store";
import { withHistory } from "../history/drift";

export type { RunInput as RecommendationInput } from "../run/runInput";
export { targetProfile, benchmarkFromRange } from "../run/compareStage";

export type RecommendationResult =
  | { ok: false; problems: HoldingProblem[]; mapping: ColumnMapping }
  | {
      ok: true;
      record: RunRecord;
      problems: readonly HoldingProblem[];
      sheets: SheetModel[];
    };

/**
 * Runs the pipeline and builds the sheets. With a history (the runs stored before this one), the
 * record carries its drift and triggers since the last rebalance (history/drift.ts) and the
 * workbook a Monitoring sheet; `rebalance` marks this run's trades executed.
 */
export async function runRecommendation(
  input: RunInput,
  history?: { readonly history: History; readonly rebalance?: boolean }
): Promise<RecommendationResult> {
  const run = await runPipeline(input);
  if (!run.ok) return run;
  const record = history ? withHistory(run.record, history.history, history.rebalance) : run.record;
  input.onStage?.("sheets");
  return {
    ok: true,
    record,
    problems: record.problems,
    sheets: buildSheets(record),
  };
}
