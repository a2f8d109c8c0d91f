/**
 * The record of one run: its inputs with their addresses, settings, market, per-position risk,
 * hedge, scenario results and checks — everything every sheet, the status line and the CLI show,
 * as plain data. Versioned and JSON-serialisable (serialise.ts), so a run can be stored and read
 * back by a later version.
 */
import { ColumnMapping, HoldingProblem, Holdings } from "../holdings";
import { HoldingLinks } from "../holdings/holdingLinks";
import { Dv01Hedge } from "../hedge/dv01Hedge";
import { HedgePlan } from "../hedge/hedgePlan";
import { HoldingExposure } from "../portfolio/yieldExposure";
import { CurveTotals, PositionRisk } from "../portfolio/curveExposure";
import { Market } from "../market/market";
import { RiskProfile } from "../compare/benchmark";
import { BenchmarkGaps } from "../compare/gaps";
import { ComplianceRow, Mandate, ReviewFrequency } from "../compare/mandate";
import { Trigger } from "../compare/triggers";
import { FuturesPosition, UpcomingEvent } from "../compare/events";
import { ReconciliationRow } from "../portfolio/curveExposure";
import { ScenarioResults } from "../scenarios/analysis";
import { Scenario } from "../scenarios/scenario";
import { CtdBond } from "../engines/treasuryFuture";
import { DeliveryMonth } from "../futures/contracts";
import { ExcludedRow, ExclusionSummary } from "./exclusions";
import type { DriftRecord } from "../history/drift";

/** Version of the record's layout; bumped with a migration in serialise.ts on every change. */
export const RUN_RECORD_VERSION = 2;

export type { PositionRisk } from "../portfolio/curveExposure";

/** The futures contract of the one-contract hedge, and where its DV01 came from. */
export interface ContractChoice {
  /** CME code, e.g. "ZN". */
  readonly code: string;
  /** Contract and month, e.g. "ZNH5". */
  readonly symbol: string;
  /** Derived from the code: "ZNH5 (10-Year T-Note futures)". */
  readonly name: string;
  readonly month: DeliveryMonth;
  /** DV01 per contract used for sizing, money per bp. */
  readonly dv01: number;
  /** "input" when the user typed it, else "from CTD <CUSIP> (coupon maturity)". */
  readonly dv01Source: string;
  /** The model's forward DV01 from the CTD on the curve, money per bp. */
  readonly modelDv01: number;
  readonly ctd: CtdBond;
  readonly conversionFactor: number;
  /** Repo to delivery, decimal ACT/360. */
  readonly repo: number;
}

/** One trade of the hedge: futures in contracts, swaps in notional. */
export interface TradeLine {
  readonly kind: "futures" | "swap" | "option";
  /** "ZNH5 (10-Year T-Note futures)", "SOFR 10Y OIS, pay fixed 4.125%". */
  readonly instrument: string;
  readonly symbol: string;
  readonly direction: "BUY" | "SELL" | "PAY FIXED" | "RECEIVE FIXED";
  /** Signed: contracts (negative = sell) or notional in money (negative = pay fixed). */
  readonly quantity: number;
  readonly unit: "contracts" | "notional";
  /** DV01 added, money per bp. */
  readonly dv01Impact: number;
  /** Trading cost, money. */
  readonly cost: number;
  /** Futures roll-by date (Excel serial), for the action items. */
  readonly rollBy?: number;
  /** Options: premium paid (< 0 received), gamma and vega added (money), expiry (serial). */
  readonly premium?: number;
  readonly gamma?: number;
  readonly vega?: number;
  readonly expiry?: number;
}

export interface HedgeRecord {
  /** How the trades were sized. */
  readonly sizing: "dv01_ratio" | "krd";
  readonly contract: ContractChoice;
  /** The one-contract DV01-ratio hedge (the trades when sizing is "dv01_ratio"). */
  readonly ratio: Dv01Hedge;
  /** The optimiser's plan when sizing is "krd". */
  readonly plan?: HedgePlan;
  /** Every trade chosen: futures and swaps. */
  readonly trades: readonly TradeLine[];
  /** Portfolio DV01 before and after all the trades, money per bp. */
  readonly dv01Before: number;
  readonly dv01After: number;
  /** Effective duration before and after, years (DV01 ÷ (market value × 0.0001)). */
  readonly durationBefore: number;
  readonly durationAfter: number;
  /** KR DV01 per key before and after, money per bp. */
  readonly krDv01Before: readonly number[];
  readonly krDv01After: readonly number[];
  /** Σ trades' DV01 impact, money per bp, and Σ cost, money. */
  readonly dv01Impact: number;
  readonly cost: number;
  /** Futures notional, money (for the leverage limit). */
  readonly futuresNotional: number;
  readonly warnings: readonly string[];
}

export interface ComparisonRecord {
  readonly portfolio: RiskProfile;
  /** The same profile after the hedge (effective duration and KRDs moved; others unchanged). */
  readonly portfolioAfter: RiskProfile;
  readonly benchmark: RiskProfile;
  readonly gapsBefore: BenchmarkGaps;
  readonly gapsAfter: BenchmarkGaps;
  readonly mandate: Mandate;
  readonly complianceBefore: readonly ComplianceRow[];
  readonly complianceAfter: readonly ComplianceRow[];
  readonly covarianceDescription: string;
  readonly reconciliation: readonly (ReconciliationRow & { readonly id: string })[];
}

export interface MonitoringRecord {
  readonly futures: readonly FuturesPosition[];
  readonly triggers: readonly Trigger[];
  readonly events: readonly UpcomingEvent[];
  readonly eventNotes: readonly string[];
  readonly eventDays: number;
  readonly nextReview: { readonly date: number; readonly overdue: boolean };
  readonly reviewFrequency: ReviewFrequency;
}

export interface RunRecord {
  readonly kind: "keyrate-run";
  readonly version: number;
  /** Date of the run, ISO text. */
  readonly runDate: string;
  readonly inputs: {
    /** Where the holdings came from: "Holdings!A1:L301" or a file. */
    readonly source: string;
    readonly sheet: string;
    readonly originRow: number;
    readonly originColumn: number;
    /** Data rows read (below the header). */
    readonly rows: number;
    readonly mapping: ColumnMapping;
    /** Where each holding's inputs sit, for live formulas (absent: values only). */
    readonly links?: HoldingLinks;
    readonly benchmark?: string;
    readonly mandate?: string;
    readonly scenarios?: string;
  };
  readonly settings: {
    readonly targetDuration: number;
    readonly beta: number;
    readonly horizonMonths: number;
    readonly perHoldingKrd: boolean;
  };
  readonly market: Market & {
    /** "Curve!A1:B14 · par yields · linear zero · par-curve KRDs". */
    readonly description: string;
    /** Set when the bundled curve stands in for a missing one. */
    readonly warning?: string;
    readonly asOf?: number;
  };
  /** Rows that could not be read, located. */
  readonly problems: readonly HoldingProblem[];
  readonly holdings: Holdings;
  readonly yieldRisk: HoldingExposure;
  readonly positions: PositionRisk;
  readonly totals: CurveTotals;
  readonly hedge: HedgeRecord;
  readonly scenarios: ScenarioResults;
  readonly scenarioLibrary: readonly Scenario[];
  readonly comparison: ComparisonRecord;
  readonly monitoring: MonitoringRecord;
  /** Rows rejected and holdings left out of the totals, each with its value and share. */
  readonly exclusions: RunExclusions;
  /** Version 2: the user executed this run's trades (the base of "since the last rebalance"). */
  readonly rebalance: boolean;
  /** Version 2: the run against the stored history (history/drift.ts); absent without one. */
  readonly drift?: DriftRecord;
}

/** What a run leaves out of its totals, row by row, and the account (see exclusions.ts). */
export interface RunExclusions {
  readonly rows: readonly ExcludedRow[];
  readonly summary: ExclusionSummary;
  /** ISO code of the holdings' currency. */
  readonly currency: string;
}
