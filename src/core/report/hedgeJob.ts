/**
 * The main job, outside any host: holdings range values and a curve in; validated holdings, yield
 * and curve exposure, the DV01-ratio hedge on effective DV01, and the "Hedge Recommendation" sheet
 * model out. The task pane and the CLI demo both run exactly this; they differ only in how they
 * read cells and render the model.
 */
import { HoldingProblem, Holdings, readHoldings, ColumnOverride } from "../holdings";
import { holdingExposure } from "../portfolio/yieldExposure";
import {
  holdingCurveExposure,
  curveTotals,
  CurveHoldingExposure,
  CurveTotals,
} from "../portfolio/curveExposure";
import { sizeDv01Hedge, Dv01Hedge, Rounding } from "../hedge/dv01Hedge";
import {
  CurveSpec,
  DEFAULT_CURVE,
  defaultCurveWarning,
  Interpolation,
  isParKind,
  ShiftOn,
} from "../curve";
import { buildHedgeSheet } from "./hedgeSheet";
import { holdingLinks } from "./holdingLinks";
import { HedgePlan, HedgePlanInput, planHedge } from "../hedge/hedgePlan";
import type { Highs } from "highs";
import { parseContract } from "../futures/contracts";
import { futuresInstrument } from "../hedge/futuresInstruments";

/** Contracts the optimiser uses by default: the liquid 2Y, 5Y, 10Y, Ultra 10Y, Bond and Ultra Bond. */
export const DEFAULT_HEDGE_CONTRACTS: readonly string[] = ["ZT", "ZF", "ZN", "TN", "ZB", "UB"];
import { SheetModel } from "./sheetModel";

/** The plan's options a job passes through (see HedgePlanInput for each). */
type PlanOptions = Pick<
  HedgePlanInput,
  | "leverageCap"
  | "allowNetShort"
  | "initialMargin"
  | "commission"
  | "futuresPrices"
  | "repo"
  | "swapTenors"
  | "swapCurve"
>;

export interface HedgeJobInput extends PlanOptions {
  /** The holdings range's values, header row first. */
  readonly values: unknown[][];
  /** Worksheet name and 1-based row / 0-based column of the range's top-left cell, for messages. */
  readonly sheet: string;
  readonly originRow: number;
  readonly originColumn: number;
  /** Settlement date, Excel serial. */
  readonly settlement: number;
  /** The curve; the bundled 2024-12-31 Treasury curve (with a warning) when absent. */
  readonly curve?: CurveSpec;
  /** Where the curve came from, e.g. "Curve!A1:B14". */
  readonly curveSource?: string;
  readonly interpolation?: Interpolation;
  readonly shiftOn?: ShiftOn;
  readonly keysMonths?: readonly number[];
  /** Target effective duration, years. */
  readonly targetDuration: number;
  /** DV01 of one futures contract, money per bp. */
  /**
   * DV01 of one futures contract, money per bp; default the forward DV01 of `contractCode`'s front
   * month, computed from its CTD on the curve (see futuresInstruments).
   */
  readonly contractDv01?: number;
  /** Futures contract of the one-contract hedge (ZT … UB, CME aliases too); default ZN. */
  readonly contractCode?: string;
  readonly contractName: string;
  readonly beta?: number;
  readonly rounding?: Rounding;
  readonly mapping?: ColumnOverride;
  readonly perHoldingKrd?: boolean;
  /**
   * Write the holdings table as live formulas that follow the user's cells (default true; see
   * holdingsSection). Off: values only, as of the run.
   */
  readonly liveFormulas?: boolean;
  /**
   * How the hedge is sized: "dv01_ratio" (default: one contract, the DV01 given) or "krd" (the
   * allowed contracts sized by the optimiser to the target KR DV01 profile, see hedgePlan).
   */
  readonly sizing?: "dv01_ratio" | "krd";
  /** Contracts the optimiser may use (codes); default ZT ZF ZN TN ZB UB. */
  readonly allowedContracts?: readonly string[];
  /**
   * Target KRDs, years per unit of value (a benchmark's), one per key; default the portfolio's
   * own profile scaled to the target duration. The target KR DV01 = KRD × market value × 0.0001.
   */
  readonly targetKrd?: readonly number[];
  /** A loaded HiGHS solver (the browser passes one that finds highs.wasm on our server). */
  readonly solver?: Highs;
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
      totals: CurveTotals;
      keysMonths: readonly number[];
      hedge: Dv01Hedge;
      /** What the other sheets of the recommendation build on. */
      holdings: Holdings;
      curveExposure: CurveHoldingExposure;
      curve: CurveSpec;
      interpolation: Interpolation;
      shiftOn: ShiftOn;
      curveDescription: string;
      /** The multi-contract plan when sized by the optimiser. */
      plan?: HedgePlan;
      sheet: SheetModel;
      curveWarning?: string;
    };

/**
 * Runs the job. Problems in individual rows are reported and those rows skipped; the job stops
 * (ok: false) only when nothing can be computed: a required column is missing or no row is valid.
 */
export async function runHedgeJob(input: HedgeJobInput): Promise<HedgeJobResult> {
  const { holdings, problems, mapping } = readHoldings(input.values, {
    settlement: input.settlement,
    sheet: input.sheet,
    originRow: input.originRow,
    originColumn: input.originColumn,
    mapping: input.mapping,
  });
  const missingColumn = problems.some((p) => p.row === input.originRow);
  if (missingColumn || holdings.count === 0) return { ok: false, problems };
  const curve = input.curve ?? DEFAULT_CURVE;
  const curveWarning = input.curve ? undefined : defaultCurveWarning(input.settlement);
  const interpolation = input.interpolation ?? "linear_zero";
  const shiftOn = input.shiftOn ?? (isParKind(curve.kind) ? "par" : "zero");
  const exposure = holdingExposure(holdings, input.settlement);
  const curveExposure = holdingCurveExposure(holdings, input.settlement, curve, {
    interpolation,
    shiftOn,
    keysMonths: input.keysMonths,
  });
  const t = curveTotals(curveExposure);
  const hedge = sizeDv01Hedge(
    t.marketValue,
    t.dv01,
    input.targetDuration,
    input.contractDv01 ??
      futuresInstrument(
        parseContract(input.contractCode ?? "ZN", "hedge contract"),
        input.settlement,
        curve,
        {
          interpolation,
          shiftOn,
          keysMonths: input.keysMonths,
        }
      ).dv01,
    input.beta ?? 1,
    input.rounding ?? "nearest"
  );
  const plan =
    input.sizing === "krd"
      ? await planHedge(
          {
            mode: "krd",
            settlement: input.settlement,
            spec: curve,
            curveOptions: { interpolation, shiftOn, keysMonths: input.keysMonths },
            portfolio: Array.from(t.krDv01),
            target: input.targetKrd
              ? input.targetKrd.map((k) => k * t.marketValue * 1e-4)
              : Array.from(t.krDv01, (v) => (v * input.targetDuration) / t.effDuration),
            portfolioValue: t.marketValue,
            contracts: (input.allowedContracts ?? DEFAULT_HEDGE_CONTRACTS).map((c) =>
              parseContract(c, "allowed contracts")
            ),
            leverageCap: input.leverageCap,
            allowNetShort: input.allowNetShort,
            initialMargin: input.initialMargin,
            commission: input.commission,
            swapTenors: input.swapTenors,
            futuresPrices: input.futuresPrices,
            repo: input.repo,
            swapCurve: input.swapCurve,
          },
          input.solver
        )
      : undefined;
  const kindName = {
    par: "par yields",
    zero_cont: "zero rates (continuous)",
    sofr_ois: "SOFR OIS par swap rates",
    zero_semi: "zero rates (semiannual)",
  }[curve.kind];
  const curveDescription = `${input.curveSource ?? "bundled default"} · ${kindName} · ${interpolation.replace("_", " ")} · ${shiftOn}-curve KRDs`;
  const sheet = buildHedgeSheet({
    holdings,
    exposure,
    curveExposure,
    hedge,
    settlement: input.settlement,
    source: input.source,
    curveDescription,
    curveWarning,
    contractName: input.contractName,
    runDate: input.runDate,
    rejectedRows: new Set(problems.map((p) => p.row)).size,
    perHoldingKrd: input.perHoldingKrd,
    plan,
    links: input.liveFormulas === false ? undefined : holdingLinks(holdings, { ...input, mapping }),
  });
  return {
    ok: true,
    problems,
    totals: t,
    keysMonths: curveExposure.risk.keysMonths,
    hedge,
    sheet,
    curveWarning,
    holdings,
    curveExposure,
    curve,
    interpolation,
    shiftOn,
    curveDescription,
    plan,
  };
}
