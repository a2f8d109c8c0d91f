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

/** Runs the pipeline and builds the sheets. */
export async function runRecommendation(input: RunInput): Promise<RecommendationResult> {
  const run = await runPipeline(input);
  if (!run.ok) return run;
  return {
    ok: true,
    record: run.record,
    problems: run.record.problems,
    sheets: buildSheets(run.record),
  };
}
