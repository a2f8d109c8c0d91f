/**
 * The hedge recommendation workbook (SPEC S9): the hedge job's sheet plus the scenario matrix, the
 * risk dashboard, the action items and the editable scenario library, all as sheet models built
 * from one run. The task pane and `npm run demo` render exactly these.
 *
 * Without a benchmark the comparison is against the target: the portfolio's own key-rate shape
 * scaled to the target effective duration (said on the dashboard). Without a mandate, the bundled
 * defaults of SPEC S8 apply. The hedge in the scenarios and action items is the DV01-ratio trade
 * in the chosen futures contract (default ZN), front contract month, CTD from the bundled
 * deliverable universe priced on the curve.
 */
import { parseContract, contractSymbol, FuturesContract } from "../futures/contracts";
import { defaultDeliveryMonth, Hedge } from "../scenarios/hedges";
import { analyseScenarios } from "../scenarios/analysis";
import { bookShiftOn } from "../scenarios/revalue";
import { defaultScenarios, Scenario } from "../scenarios/scenario";
import {
  constituentsProfile,
  parseBenchmarkProfile,
  portfolioProfile,
  readBenchmarkConstituents,
  RiskProfile,
} from "../compare/benchmark";
import { matchColumns } from "../holdings";
import { parseScenarioLibrary } from "../scenarios/library";
import { CurveRiskOptions, CurveSpec } from "../curve";
import { benchmarkGaps } from "../compare/gaps";
import { BUNDLED_COVARIANCE, BUNDLED_COVARIANCE_INFO } from "../compare/bundledCovariance";
import {
  complianceTable,
  DEFAULT_MANDATE,
  Mandate,
  nextReview,
  parseMandate,
} from "../compare/mandate";
import { rebalancingTriggers } from "../compare/triggers";
import { upcomingEvents, FuturesPosition } from "../compare/events";
import { reconcile } from "../portfolio/curveExposure";
import { DEFAULT_CURVE, DEFAULT_CURVE_AS_OF } from "../curve";
import { runHedgeJob, HedgeJobInput, HedgeJobResult } from "./hedgeJob";
import { buildScenarioSheet, buildLibrarySheet } from "./scenarioSheet";
import { buildDashboardSheet } from "./dashboardSheet";
import { buildActionItemsSheet } from "./actionItemsSheet";
import { SheetModel } from "./sheetModel";
import { withCharts } from "./charts";
import { SWAP_UNIT } from "../hedge/hedgePlan";
import { buildExcludedSheet, excludedHoldings } from "./excludedSection";
import { DEFAULT_CURRENCY } from "../holdings";

export interface RecommendationInput extends HedgeJobInput {
  /**
   * Ranges as the user selected them, parsed here: a benchmark (constituents with holdings columns
   * and weights or market values, or a label/value profile), a mandate (label/value limits) and a
   * scenario library (the "Scenario Library" sheet's layout).
   */
  readonly benchmarkValues?: unknown[][];
  readonly mandateValues?: unknown[][];
  readonly scenarioValues?: unknown[][];
  /** The benchmark's profile; default: the target (see the file comment). */
  readonly benchmark?: RiskProfile;
  readonly mandate?: Mandate;
  readonly scenarios?: readonly Scenario[];
  /** Horizon of the scenario returns, months (default 3). */
  readonly horizonMonths?: number;
  /** As-of date of the curve, Excel serial (the bundled curve's when no curve is given). */
  readonly curveAsOf?: number;
}

export type RecommendationResult =
  | { ok: false; problems: HedgeJobResult["problems"] }
  | (Extract<HedgeJobResult, { ok: true }> & {
      sheets: SheetModel[];
      contract: FuturesContract;
      /** Rows rejected and holdings left out of the totals (the "Excluded Holdings" sheet). */
      excluded: RunExclusions;
    });

/** The target as a benchmark: the portfolio's profile scaled to the target effective duration. */
export function targetProfile(p: RiskProfile, targetDuration: number): RiskProfile {
  const scale = targetDuration / p.duration.effective;
  return {
    ...p,
    source: "profile",
    name: `Target: effective duration ${targetDuration.toFixed(2)} years in the portfolio's own key-rate shape`,
    duration: {
      effective: targetDuration,
      modified: p.duration.modified * scale,
      macaulay: p.duration.macaulay * scale,
    },
    krd: p.krd.map((v) => v * scale),
    sectors: [],
    notes: [
      "no benchmark given: compared with the target duration, the portfolio's key-rate shape scaled to it",
    ],
  };
}

/**
 * A benchmark range: constituents when its header names holdings columns (id, par or weight,
 * coupon, maturity), otherwise a label/value profile.
 */
export function benchmarkFromRange(
  values: unknown[][],
  settlement: number,
  curve: CurveSpec,
  options: CurveRiskOptions
): RiskProfile {
  const m = matchColumns((values[0] ?? []).map((v) => String(v ?? "")));
  return m.id && m.coupon && m.maturity
    ? constituentsProfile(readBenchmarkConstituents(values, settlement), settlement, curve, options)
    : parseBenchmarkProfile(values);
}

/** Runs the whole recommendation. */
export async function runRecommendation(input: RecommendationInput): Promise<RecommendationResult> {
  // A benchmark given as a range is read first: in "krd" sizing its profile is the hedge's target.
  const options = {
    interpolation: input.interpolation ?? ("linear_zero" as const),
    shiftOn: input.shiftOn,
    keysMonths: input.keysMonths,
  };
  const givenBenchmark =
    input.benchmark ??
    (input.benchmarkValues
      ? benchmarkFromRange(
          input.benchmarkValues,
          input.settlement,
          input.curve ?? DEFAULT_CURVE,
          options
        )
      : undefined);
  const mandate =
    input.mandate ??
    (input.mandateValues ? parseMandate(input.mandateValues).mandate : DEFAULT_MANDATE);
  const job = await runHedgeJob({
    ...input,
    // The optimiser works inside the mandate: its leverage cap and net-short rule.
    leverageCap: input.leverageCap ?? mandate.leverageCap,
    allowNetShort: input.allowNetShort ?? mandate.netShortAllowed,
    targetKrd: input.targetKrd ?? (givenBenchmark?.krd.length ? givenBenchmark.krd : undefined),
  });
  if (!job.ok) return job;
  const { holdings: h, curveExposure: cx, hedge, curve, interpolation, shiftOn, plan } = job;
  const settlement = input.settlement;
  const contract = parseContract(input.contractCode ?? "ZN", "hedge contract");
  const month = defaultDeliveryMonth(settlement);
  // The trades: the optimiser's, or the one-contract DV01-ratio hedge.
  const positions: FuturesPosition[] = plan
    ? plan.trades.map((t) => ({
        contract: t.instrument.contract,
        month: t.instrument.month,
        contracts: t.contracts,
      }))
    : hedge.contracts !== 0
      ? [{ contract, month, contracts: hedge.contracts }]
      : [];
  const swapHedges: Hedge[] = (plan?.swaps ?? []).map((w) => ({
    kind: "swap",
    swap: {
      months: w.instrument.months,
      notional: Math.abs(w.units) * SWAP_UNIT,
      payFixed: w.units < 0,
      fixedRate: w.instrument.fixedRate,
    },
  }));
  const futuresHedges: Hedge[] = plan
    ? plan.trades.map((t) => ({
        kind: "futures",
        contract: t.instrument.contract,
        month: t.instrument.month,
        contracts: t.contracts,
        ctd: t.instrument.ctd,
        repo: t.instrument.repo,
      }))
    : positions.map((p) => ({ kind: "futures", ...p }));
  const hedges = [...futuresHedges, ...swapHedges];
  const futures = positions;
  const scenarios =
    input.scenarios ??
    (input.scenarioValues ? parseScenarioLibrary(input.scenarioValues) : defaultScenarios());
  const meta = {
    source: input.source,
    curveDescription: job.curveDescription,
    curveWarning: job.curveWarning,
    runDate: input.runDate,
  };

  const analysis = analyseScenarios({
    holdings: h,
    settlement,
    spec: curve,
    interpolation,
    keysMonths: input.keysMonths,
    scenarios,
    hedges,
    horizonMonths: input.horizonMonths,
    // The job's exposure serves when its KRDs used the book's shift (the default).
    exposure: shiftOn === bookShiftOn(curve) ? cx : undefined,
  });

  const portfolio = portfolioProfile(
    h,
    settlement,
    curve,
    { interpolation, shiftOn, keysMonths: input.keysMonths },
    "Portfolio",
    cx
  );
  const benchmark = givenBenchmark ?? targetProfile(portfolio, input.targetDuration);
  const gaps = benchmarkGaps(portfolio, benchmark, BUNDLED_COVARIANCE);
  const mv = job.totals.marketValue;
  // After the overlay: the optimiser's plan when it sized the hedge, else the DV01-ratio hedge.
  const dv01After = plan ? plan.dv01After : hedge.dv01After;
  const compliance = complianceTable(mandate, {
    duration: dv01After / (mv * 1e-4),
    benchmarkDuration: benchmark.duration.effective,
    dv01: dv01After,
    keysMonths: gaps.keysMonths,
    activeKrd: gaps.activeKrd,
    trackingError: gaps.trackingError?.te,
    // Futures notional: the plan's at the futures price, or |contracts| × face for the ratio hedge.
    futuresNotional: plan ? plan.notional : Math.abs(hedge.contracts) * contract.face,
    portfolioValue: mv,
  });
  const info = BUNDLED_COVARIANCE_INFO;
  const dashboard = buildDashboardSheet({
    asOf: settlement,
    runDate: input.runDate,
    portfolioName: `Holdings from ${input.source}`,
    benchmarkName: benchmark.name,
    gaps,
    covarianceDescription: `bundled: ${info.source}, ${info.frequency} changes ${info.from} … ${info.to} (${info.periods}), ${info.weighting}, × ${info.periodsPerYear} a year`,
    compliance,
    reconciliation: reconcile(h, cx).map((r) => ({
      id: h.id[r.index],
      field: r.field,
      vendor: r.vendor,
      ours: r.ours,
      difference: r.difference,
      flagged: r.flagged,
    })),
    benchmarkAsOf: benchmark.asOf,
    curveAsOf: input.curveAsOf ?? (input.curve ? undefined : DEFAULT_CURVE_AS_OF),
  });

  const triggers = rebalancingTriggers(mandate, {
    asOf: settlement,
    netDv01: dv01After,
    targetDv01: hedge.targetDv01,
    portfolioValue: mv,
    futures,
  });
  const events = upcomingEvents(settlement, h, futures, { portfolioValue: mv });
  const actions = buildActionItemsSheet({
    asOf: settlement,
    runDate: input.runDate,
    trades: plan
      ? [
          ...plan.trades.map((t) => ({
            instrument: `${t.instrument.symbol} (${t.instrument.contract.code} futures)`,
            contracts: t.contracts,
            dv01Impact: t.dv01Impact,
          })),
          ...plan.swaps.map((w) => ({
            instrument: `${w.instrument.symbol} OIS, ${w.units < 0 ? "pay" : "receive"} fixed ${(w.instrument.fixedRate * 100).toFixed(3)}%, notional in millions`,
            contracts: Math.round(w.units * 100) / 100,
            dv01Impact: w.dv01Impact,
          })),
        ]
      : hedges.length
        ? [
            {
              instrument: `${contractSymbol(contract, month)} (${contract.code} futures)`,
              contracts: hedge.contracts,
              dv01Impact: hedge.hedgeDv01,
            },
          ]
        : [],
    triggers,
    futures,
    nextReview: nextReview(mandate, settlement),
    reviewFrequency: mandate.reviewFrequency,
    events: events.events,
    eventNotes: events.notes,
    eventDays: 30,
  });
  const excluded = exclusions(input, job);
  const sheets = withCharts([
    job.sheet,
    buildScenarioSheet(analysis, meta),
    dashboard,
    actions,
    buildLibrarySheet(scenarios),
    buildExcludedSheet({
      ...excluded,
      source: input.source,
      settlement,
      runDate: input.runDate,
    }),
  ]);
  return { ...job, sheets, contract, excluded };
}

/** What a run leaves out of its totals, row by row, and the account (see excludedSection). */
export interface RunExclusions extends ReturnType<typeof excludedHoldings> {
  /** ISO code of the holdings' currency. */
  readonly currency: string;
}

function exclusions(
  input: RecommendationInput,
  job: Extract<HedgeJobResult, { ok: true }>
): RunExclusions {
  return {
    ...excludedHoldings({
      values: input.values,
      sheet: input.sheet,
      originRow: input.originRow,
      originColumn: input.originColumn,
      mapping: matchColumns(input.values[0] ?? [], input.mapping),
      problems: job.problems,
      holdings: job.holdings,
      reasons: job.curveExposure.excluded,
      clean: job.curveExposure.clean,
    }),
    currency: job.holdings.currency[0] ?? DEFAULT_CURRENCY,
  };
}
