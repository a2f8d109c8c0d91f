/**
 * The main job, outside any host: holdings range values in, validated holdings, yield exposure,
 * DV01-ratio hedge and the "Hedge Recommendation" sheet model out. The task pane and the CLI demo
 * both run exactly this; they differ only in how they read cells and render the model.
 */
import { HoldingProblem, readHoldings, ColumnOverride } from "../holdings";
import { holdingExposure, totals, PortfolioTotals } from "../portfolio/yieldExposure";
import { sizeDv01Hedge, Dv01Hedge, Rounding } from "../hedge/dv01Hedge";
import { buildHedgeSheet } from "./hedgeSheet";
import { SheetModel } from "./sheetModel";

export interface HedgeJobInput {
  /** The holdings range's values, header row first. */
  readonly values: unknown[][];
  /** Worksheet name and 1-based row / 0-based column of the range's top-left cell, for messages. */
  readonly sheet: string;
  readonly originRow: number;
  readonly originColumn: number;
  /** Settlement date, Excel serial. */
  readonly settlement: number;
  /** Target modified duration, years. */
  readonly targetDuration: number;
  /** DV01 of one futures contract, money per bp. */
  readonly contractDv01: number;
  readonly contractName: string;
  readonly beta?: number;
  readonly rounding?: Rounding;
  readonly mapping?: ColumnOverride;
  /** Date of the run, ISO text. */
  readonly runDate: string;
  /** Where the holdings came from (range address or file), for the sheet's header. */
  readonly source: string;
}

export type HedgeJobResult =
  | { ok: false; problems: HoldingProblem[] }
  | {
      ok: true;
      problems: HoldingProblem[];
      totals: PortfolioTotals;
      hedge: Dv01Hedge;
      sheet: SheetModel;
    };

/**
 * Runs the job. Problems in individual rows are reported and those rows skipped; the job stops
 * (ok: false) only when nothing can be computed: a required column is missing or no row is valid.
 */
export function runHedgeJob(input: HedgeJobInput): HedgeJobResult {
  const { holdings, problems } = readHoldings(input.values, {
    settlement: input.settlement,
    sheet: input.sheet,
    originRow: input.originRow,
    originColumn: input.originColumn,
    mapping: input.mapping,
  });
  const missingColumn = problems.some((p) => p.row === input.originRow);
  if (missingColumn || holdings.count === 0) return { ok: false, problems };
  const exposure = holdingExposure(holdings, input.settlement);
  const t = totals(exposure);
  const hedge = sizeDv01Hedge(
    t.marketValue,
    t.dv01,
    input.targetDuration,
    input.contractDv01,
    input.beta ?? 1,
    input.rounding ?? "nearest"
  );
  const rejectedRows = new Set(problems.map((p) => p.row)).size;
  const sheet = buildHedgeSheet({
    holdings,
    exposure,
    hedge,
    settlement: input.settlement,
    source: input.source,
    contractName: input.contractName,
    runDate: input.runDate,
    rejectedRows,
  });
  return { ok: true, problems, totals: t, hedge, sheet };
}
