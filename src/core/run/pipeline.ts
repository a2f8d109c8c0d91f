/**
 * The one run pipeline: inputs → RunRecord. The wizard, `keyrate demo` and the tests run exactly
 * this; every sheet is then built from the record alone (report/workbook.ts).
 *
 * Steps: read the holdings at settlement; the market (conventions' defaults); the per-position
 * risk on the one ladder (its calibrated book reused by the scenarios); the hedge (hedgeStage.ts);
 * the scenarios on the same market, the hedges revalued on the curves that sized them; the
 * comparison with the benchmark (or the target) before and after the hedge, against the mandate;
 * the triggers and events.
 */
import { readHoldings } from "../holdings";
import { holdingLinks } from "../holdings/holdingLinks";
import { CURVE_KIND_NAMES, DEFAULT_CURRENCY, DEFAULT_HORIZON_MONTHS } from "../conventions";
import { excludedHoldings } from "./exclusions";
import { DEFAULT_CURVE, DEFAULT_CURVE_AS_OF, defaultCurveWarning } from "../curve";
import { makeMarket, Market } from "../market/market";
import { holdingExposure } from "../portfolio/yieldExposure";
import { curveTotals, holdingCurveExposure, reconcile } from "../portfolio/curveExposure";
import { analyseScenarios, scenarioResults } from "../scenarios/analysis";
import { defaultScenarios } from "../scenarios/scenario";
import { parseScenarioLibrary } from "../scenarios/library";
import { DEFAULT_MANDATE, parseMandate } from "../compare/mandate";
import { RUN_RECORD_VERSION, RunRecord } from "./runRecord";
import { RunInput } from "./runInput";
import { hedgeStage } from "./hedgeStage";
import { benchmarkOf, comparison, monitoring } from "./compareStage";
import { HoldingProblem, ColumnMapping } from "../holdings";

export type RunResult =
  | { ok: false; problems: HoldingProblem[]; mapping: ColumnMapping }
  | { ok: true; record: RunRecord };

/** The curve's method in words: "Curve!A1:B14 · par yields · linear zero · par-curve KRDs". */
export function describeMarket(m: Market): string {
  return `${m.curveSource} · ${CURVE_KIND_NAMES[m.curve.kind]} · ${m.interpolation.replace("_", " ")} · ${m.shiftOn}-curve KRDs`;
}

/**
 * Runs the pipeline. Problems in individual rows are reported and those rows skipped; the run
 * stops (ok: false) only when nothing can be computed: a required column is missing or no row is
 * valid.
 */
export async function runPipeline(input: RunInput): Promise<RunResult> {
  input.onStage?.("holdings");
  const { holdings, problems, mapping } = readHoldings(input.values, {
    settlement: input.settlement,
    sheet: input.sheet,
    originRow: input.originRow,
    originColumn: input.originColumn,
    mapping: input.mapping,
  });
  const missingColumn = problems.some((p) => p.row === input.originRow);
  if (missingColumn || holdings.count === 0) return { ok: false, problems, mapping };
  input.onStage?.("risk");
  const market = makeMarket({
    settlement: input.settlement,
    curve: input.curve ?? DEFAULT_CURVE,
    interpolation: input.interpolation,
    shiftOn: input.shiftOn,
    keysMonths: input.keysMonths,
    swapCurve: input.swapCurve,
    curveSource: input.curve ? (input.curveSource ?? "curve given") : undefined,
  });
  const positions = holdingCurveExposure(holdings, market);
  const totals = curveTotals(positions);
  const benchmarkGiven = benchmarkOf(input, market);
  const mandate =
    input.mandate ??
    (input.mandateValues ? parseMandate(input.mandateValues).mandate : DEFAULT_MANDATE);
  input.onStage?.("hedge");
  const hedge = await hedgeStage(
    input,
    market,
    totals,
    input.targetKrd ?? (benchmarkGiven?.krd.length ? benchmarkGiven.krd : undefined),
    {
      leverageCap: input.leverageCap ?? mandate.leverageCap,
      allowNetShort: input.allowNetShort ?? mandate.netShortAllowed,
    },
    input.solver
  );
  const library =
    input.scenarios ??
    (input.scenarioValues ? parseScenarioLibrary(input.scenarioValues) : defaultScenarios());
  const horizonMonths = input.horizonMonths ?? DEFAULT_HORIZON_MONTHS;
  input.onStage?.("scenarios");
  const analysis = analyseScenarios({
    holdings,
    market,
    scenarios: library,
    hedges: hedge.hedges,
    horizonMonths,
    // The measured book serves when its KRDs used the curve's own shift rule (the default).
    exposure: positions,
  });
  input.onStage?.("comparison");
  const { market: _m, book: _b, prepared, ...positionRisk } = positions;
  void _m;
  void _b;
  const yieldRisk = holdingExposure(holdings, input.settlement, prepared);
  const record: RunRecord = {
    kind: "keyrate-run",
    version: RUN_RECORD_VERSION,
    runDate: input.runDate,
    inputs: {
      source: input.source,
      sheet: input.sheet,
      originRow: input.originRow,
      originColumn: input.originColumn,
      rows: Math.max(0, input.values.length - 1),
      mapping,
      links:
        input.liveFormulas === false ? undefined : holdingLinks(holdings, { ...input, mapping }),
    },
    settings: {
      targetDuration: input.targetDuration,
      beta: input.beta ?? 1,
      horizonMonths,
      perHoldingKrd: input.perHoldingKrd ?? false,
    },
    market: {
      ...market,
      description: describeMarket(market),
      warning: input.curve ? undefined : defaultCurveWarning(input.settlement),
      asOf: input.curveAsOf ?? (input.curve ? undefined : DEFAULT_CURVE_AS_OF),
    },
    problems,
    holdings,
    yieldRisk,
    positions: positionRisk,
    totals,
    hedge: hedge.record,
    scenarios: scenarioResults(analysis),
    scenarioLibrary: library,
    comparison: comparison(input, holdings, positions, yieldRisk, hedge.record, {
      benchmark: benchmarkGiven,
      mandate,
      reconciliation: reconcile(holdings, positions).map((r) => ({
        ...r,
        id: holdings.id[r.index],
      })),
    }),
    monitoring: monitoring(input, holdings, hedge.record, mandate, totals.marketValue),
    exclusions: {
      ...excludedHoldings({
        values: input.values,
        sheet: input.sheet,
        originRow: input.originRow,
        originColumn: input.originColumn,
        mapping,
        problems,
        holdings,
        reasons: positions.excluded,
        clean: positions.clean,
      }),
      currency: holdings.currency[0] || DEFAULT_CURRENCY,
    },
    rebalance: false,
  };
  return { ok: true, record };
}
