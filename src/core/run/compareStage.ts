/**
 * The comparison and monitoring of a run: the benchmark (a constituents range, a profile, or the
 * target: the portfolio's own key-rate shape scaled to the target duration), the gaps and tracking
 * error before and after the hedge, the mandate's compliance table before and after, and the
 * triggers and upcoming events.
 */
import { matchColumns, Holdings } from "../holdings";
import {
  constituentsProfile,
  parseBenchmarkProfile,
  portfolioProfile,
  readBenchmarkConstituents,
  RiskProfile,
} from "../compare/benchmark";
import { benchmarkGaps, BenchmarkGaps } from "../compare/gaps";
import { BUNDLED_COVARIANCE, BUNDLED_COVARIANCE_INFO } from "../compare/bundledCovariance";
import { complianceTable, Mandate, nextReview } from "../compare/mandate";
import { rebalancingTriggers } from "../compare/triggers";
import { FuturesPosition, upcomingEvents } from "../compare/events";
import { parseContract } from "../futures/contracts";
import { CurveMarket } from "../market/market";
import { CurveHoldingExposure } from "../portfolio/curveExposure";
import { HoldingExposure } from "../portfolio/yieldExposure";
import { ComparisonRecord, HedgeRecord, MonitoringRecord } from "./runRecord";
import { RunInput } from "./runInput";

/** Calendar days of upcoming events listed. */
const EVENT_DAYS = 30;

/** Name prefix of the target standing in for a benchmark (none given). */
export const TARGET_NAME_PREFIX = "Target:";

/** Whether a comparison's benchmark is the target standing in for a missing benchmark. */
export function isTargetProfile(p: RiskProfile): boolean {
  return p.name.startsWith(TARGET_NAME_PREFIX);
}

/** The target as a benchmark: the portfolio's profile scaled to the target effective duration. */
export function targetProfile(p: RiskProfile, targetDuration: number): RiskProfile {
  const scale = targetDuration / p.duration.effective;
  return {
    ...p,
    source: "profile",
    name: `${TARGET_NAME_PREFIX} effective duration ${targetDuration.toFixed(2)} years in the portfolio's own key-rate shape`,
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
export function benchmarkFromRange(values: unknown[][], market: CurveMarket): RiskProfile {
  const m = matchColumns((values[0] ?? []).map((v) => String(v ?? "")));
  return m.id && m.coupon && m.maturity
    ? constituentsProfile(readBenchmarkConstituents(values, market.settlement), market)
    : parseBenchmarkProfile(values);
}

/** The benchmark the user gave (profile or range), if any. */
export function benchmarkOf(input: RunInput, market: CurveMarket): RiskProfile | undefined {
  return (
    input.benchmark ??
    (input.benchmarkValues ? benchmarkFromRange(input.benchmarkValues, market) : undefined)
  );
}

/** The portfolio's profile after the hedge: effective duration and KRDs moved, the rest as before. */
function afterHedge(p: RiskProfile, hedge: HedgeRecord, marketValue: number): RiskProfile {
  const bp = marketValue * 1e-4;
  return {
    ...p,
    name: `${p.name} after hedge`,
    duration: { ...p.duration, effective: hedge.durationAfter },
    krd: hedge.krDv01After.map((v) => v / bp),
    notes: [
      ...p.notes,
      "after hedge: effective duration and KRDs include the trades; yield-based durations are the holdings' own",
    ],
  };
}

export function comparison(
  input: RunInput,
  h: Holdings,
  cx: CurveHoldingExposure,
  yx: HoldingExposure,
  hedge: HedgeRecord,
  given: Pick<ComparisonRecord, "mandate" | "reconciliation"> & { benchmark?: RiskProfile }
): ComparisonRecord {
  const portfolio = portfolioProfile(h, cx.market, "Portfolio", cx, yx);
  const benchmark = given.benchmark ?? targetProfile(portfolio, input.targetDuration);
  const mv = portfolio.marketValue ?? NaN;
  const portfolioAfter = afterHedge(portfolio, hedge, mv);
  const gapsBefore = benchmarkGaps(portfolio, benchmark, BUNDLED_COVARIANCE);
  const gapsAfter = benchmarkGaps(portfolioAfter, benchmark, BUNDLED_COVARIANCE);
  const compliance = (g: BenchmarkGaps, dv01: number, futuresNotional: number) =>
    complianceTable(given.mandate, {
      duration: dv01 / (mv * 1e-4),
      benchmarkDuration: benchmark.duration.effective,
      dv01,
      keysMonths: g.keysMonths,
      activeKrd: g.activeKrd,
      trackingError: g.trackingError?.te,
      futuresNotional,
      portfolioValue: mv,
    });
  const info = BUNDLED_COVARIANCE_INFO;
  return {
    portfolio,
    portfolioAfter,
    benchmark,
    gapsBefore,
    gapsAfter,
    mandate: given.mandate,
    complianceBefore: compliance(gapsBefore, hedge.dv01Before, 0),
    complianceAfter: compliance(gapsAfter, hedge.dv01After, hedge.futuresNotional),
    covarianceDescription: `bundled: ${info.source}, ${info.frequency} changes ${info.from} … ${info.to} (${info.periods}), ${info.weighting}, × ${info.periodsPerYear} a year`,
    reconciliation: given.reconciliation,
  };
}

export function monitoring(
  input: RunInput,
  h: Holdings,
  hedge: HedgeRecord,
  mandate: Mandate,
  marketValue: number
): MonitoringRecord {
  const futures: FuturesPosition[] = hedge.plan
    ? hedge.plan.trades.map((t) => ({
        contract: t.instrument.contract,
        month: t.instrument.month,
        contracts: t.contracts,
      }))
    : hedge.ratio.contracts !== 0
      ? [
          {
            contract: parseContract(hedge.contract.code, "hedge contract"),
            month: hedge.contract.month,
            contracts: hedge.ratio.contracts,
          },
        ]
      : [];
  const triggers = rebalancingTriggers(mandate, {
    asOf: input.settlement,
    netDv01: hedge.dv01After,
    targetDv01: hedge.ratio.targetDv01,
    portfolioValue: marketValue,
    futures,
  });
  const events = upcomingEvents(input.settlement, h, futures, {
    portfolioValue: marketValue,
    days: EVENT_DAYS,
  });
  return {
    futures,
    triggers,
    events: events.events,
    eventNotes: events.notes,
    eventDays: EVENT_DAYS,
    nextReview: nextReview(mandate, input.settlement),
    reviewFrequency: mandate.reviewFrequency,
  };
}
