/**
 * Everything one run takes: the holdings range as read, the market inputs, the hedge settings and
 * the optional comparison and scenario ranges. The wizard, `keyrate demo` and the tests build this;
 * the pipeline (pipeline.ts) turns it into a RunRecord.
 */
import type { Highs } from "highs";
import { ColumnOverride } from "../holdings";
import { CurveSpec, Interpolation, ShiftOn } from "../curve";
import { Rounding } from "../hedge/dv01Hedge";
import { HedgePlanInput } from "../hedge/hedgePlan";
import { RiskProfile } from "../compare/benchmark";
import { Mandate } from "../compare/mandate";
import { Scenario } from "../scenarios/scenario";

/** The plan's options a run passes through (see HedgePlanInput for each). */
type PlanOptions = Pick<
  HedgePlanInput,
  | "leverageCap"
  | "allowNetShort"
  | "initialMargin"
  | "commission"
  | "futuresPrices"
  | "repo"
  | "swapTenors"
  | "universe"
  | "options"
>;

export interface RunInput extends PlanOptions {
  /** The holdings range's values, header row first. */
  readonly values: unknown[][];
  /** Worksheet name and 1-based row / 0-based column of the range's top-left cell, for messages. */
  readonly sheet: string;
  readonly originRow: number;
  readonly originColumn: number;
  /** Where the holdings came from (range address or file), for every sheet's header. */
  readonly source: string;
  readonly mapping?: ColumnOverride;
  /** Settlement date, Excel serial. */
  readonly settlement: number;
  /** The curve; the bundled 2024-12-31 Treasury curve (with a warning) when absent. */
  readonly curve?: CurveSpec;
  /** Where the curve came from, e.g. "Curve!A1:B14". */
  readonly curveSource?: string;
  /** As-of date of the curve, Excel serial (the bundled curve's when no curve is given). */
  readonly curveAsOf?: number;
  readonly interpolation?: Interpolation;
  readonly shiftOn?: ShiftOn;
  readonly keysMonths?: readonly number[];
  /** SOFR OIS par swap rates the swaps are sized and revalued on (default implied). */
  readonly swapCurve?: CurveSpec;
  /** Target effective duration, years. */
  readonly targetDuration: number;
  /**
   * DV01 of one futures contract, money per bp: an override labelled "input"; default the
   * forward DV01 of the contract's front month from its CTD on the curve ("from CTD …").
   */
  readonly contractDv01?: number;
  /** Futures contract of the one-contract hedge (ZT … UB, CME aliases too); default ZN. */
  readonly contractCode?: string;
  readonly beta?: number;
  readonly rounding?: Rounding;
  /** Add each holding's KRDs to the holdings table. */
  readonly perHoldingKrd?: boolean;
  /** Holdings table as live formulas following the user's cells (default true). */
  readonly liveFormulas?: boolean;
  /** "dv01_ratio" (default: one contract) or "krd" (the optimiser across contracts and swaps). */
  readonly sizing?: "dv01_ratio" | "krd";
  /**
   * With option candidates (`options`): the fraction of the portfolio's negative convexity the
   * optimiser must buy back (0.5 = half: gamma after ≥ half the gamma before); none by default.
   */
  readonly convexityBuyBack?: number;
  /** With option candidates: the least portfolio gamma after the hedge (money per bp per bp). */
  readonly minGammaAfter?: number;
  /**
   * A hedges range (scenarios/hedgeRange.ts) whose option rows are the candidates, header first
   * (the pane's option picker); used when `options` is not given.
   */
  readonly optionValues?: unknown[][];
  /** Contracts the optimiser may use (codes); default ZT ZF ZN TN ZB UB. */
  readonly allowedContracts?: readonly string[];
  /** Target KRDs, years per unit of value; default the benchmark's, else the portfolio's scaled. */
  readonly targetKrd?: readonly number[];
  /** A loaded HiGHS solver (the browser passes one that finds highs.wasm on our server). */
  readonly solver?: Highs;
  /** Date of the run, ISO text. */
  readonly runDate: string;
  /** Benchmark, mandate and scenario library ranges as the user selected them. */
  readonly benchmarkValues?: unknown[][];
  readonly mandateValues?: unknown[][];
  readonly scenarioValues?: unknown[][];
  readonly benchmark?: RiskProfile;
  readonly mandate?: Mandate;
  readonly scenarios?: readonly Scenario[];
  /** Horizon of the scenario returns, months (default 3). */
  readonly horizonMonths?: number;
  /** Told as each stage of the run starts (the pane's progress line); stages in RUN_STAGES order. */
  readonly onStage?: (stage: RunStage) => void;
}

/**
 * The stages of a run, in order: reading the holdings; the market and each position's risk (the
 * callables' lattices and the MBS paths are calibrated here); the hedge; the scenarios (full
 * revaluation); the comparison, monitoring and exclusions; the sheets.
 */
export const RUN_STAGES = [
  "holdings",
  "risk",
  "hedge",
  "scenarios",
  "comparison",
  "sheets",
] as const;
export type RunStage = (typeof RUN_STAGES)[number];
