/**
 * The hedge recommendation workbook (SPEC S9) built from a run record alone: the Hedge
 * Recommendation sheet, the scenario matrix, the risk dashboard, the action items, the editable
 * scenario library, the excluded holdings and every holding's risk (Holdings Risk), with charts. The task pane and `keyrate demo` render exactly these.
 */
import { RunRecord } from "../run/runRecord";
import { buildHedgeSheet, HedgeReportInput } from "./hedgeSheet";
import { buildHoldingsRiskSheet } from "./holdingsRiskSheet";
import { buildScenarioSheet, buildLibrarySheet } from "./scenarioSheet";
import { buildDashboardSheet } from "./dashboardSheet";
import { buildActionItemsSheet } from "./actionItemsSheet";
import { SheetModel, reportCurrency } from "./sheetModel";
import { withCharts } from "./charts";
import { buildExcludedSheet } from "./excludedSection";
import { currencyOf, headlineSection } from "./headlineSection";
import { buildMonitoringSheet } from "./monitoringSheet";

/** The recommendation's sheets, hedge sheet first. */
export function buildSheets(r: RunRecord): SheetModel[] {
  const meta = {
    source: r.inputs.source,
    curveDescription: r.market.description,
    curveWarning: r.market.warning,
    runDate: r.runDate,
    currency: reportCurrency(r.holdings.currency),
  };
  const c = r.comparison;
  const m = r.monitoring;
  const hedgeInput: HedgeReportInput = {
    holdings: r.holdings,
    exposure: r.yieldRisk,
    curveExposure: r.positions,
    hedge: r.hedge.ratio,
    plan: r.hedge.plan,
    contract: r.hedge.contract,
    settlement: r.market.settlement,
    source: r.inputs.source,
    curveDescription: r.market.description,
    curveWarning: r.market.warning,
    runDate: r.runDate,
    rejectedRows: new Set(r.problems.map((p) => p.row)).size,
    perHoldingKrd: r.settings.perHoldingKrd,
    links: r.inputs.links,
    currency: currencyOf(r),
    lead: (s) => headlineSection(s, r),
  };
  const hedgeSheet = buildHedgeSheet(hedgeInput);
  const dashboard = buildDashboardSheet({
    asOf: r.market.settlement,
    runDate: r.runDate,
    portfolioName: `Holdings from ${r.inputs.source}`,
    benchmarkName: c.benchmark.name,
    gaps: c.gapsBefore,
    gapsAfter: c.gapsAfter,
    covarianceDescription: c.covarianceDescription,
    complianceBefore: c.complianceBefore,
    compliance: c.complianceAfter,
    reconciliation: c.reconciliation,
    benchmarkAsOf: c.benchmark.asOf,
    curveAsOf: r.market.asOf,
    currency: meta.currency,
    triggers: r.drift ? m.triggers : undefined,
  });
  const actions = buildActionItemsSheet({
    asOf: r.market.settlement,
    runDate: r.runDate,
    trades: r.hedge.trades.map((t) =>
      t.unit === "contracts"
        ? { instrument: t.instrument, contracts: t.quantity, dv01Impact: t.dv01Impact }
        : {
            instrument: `${t.instrument}, notional in millions`,
            contracts: Math.round(t.quantity / 1e4) / 100,
            dv01Impact: t.dv01Impact,
          }
    ),
    triggers: m.triggers,
    ...(r.hedge.plan?.expiries?.length ? { optionExpiries: r.hedge.plan.expiries } : {}),
    futures: m.futures,
    nextReview: m.nextReview,
    reviewFrequency: m.reviewFrequency,
    events: m.events,
    eventNotes: m.eventNotes,
    eventDays: m.eventDays,
    currency: meta.currency,
  });
  const monitoring = buildMonitoringSheet(r);
  return withCharts([
    hedgeSheet,
    buildScenarioSheet(r.scenarios, meta),
    dashboard,
    actions,
    ...(monitoring ? [monitoring] : []),
    buildLibrarySheet(r.scenarioLibrary),
    buildExcludedSheet({
      ...r.exclusions,
      source: r.inputs.source,
      settlement: r.market.settlement,
      runDate: r.runDate,
    }),
    // Every holding, on a sheet of its own (the hedge sheet prints at a legible scale).
    buildHoldingsRiskSheet(hedgeInput),
  ]);
}
