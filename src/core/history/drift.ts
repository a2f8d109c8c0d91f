/**
 * A run against its stored history: the drift attribution against the previous run and against
 * the last rebalance (attribution.ts), the rebalancing triggers of SPEC S8 fed with figures since
 * the last rebalance, the series of stored runs for the Monitoring sheet's chart, and the hedge's
 * effectiveness (SPEC S6) from the stored runs once there are enough of them.
 *
 * Triggers since the last rebalance R (this run B):
 * - DV01 drift: net DV01 = B's holdings' DV01 + the DV01 of R's trades (the hedge executed then,
 *   at its recorded DV01 impact), against B's target DV01;
 * - rate move: the largest |change| of the zero rates at the keys from R's curve to B's, bp;
 * - large cash flow: coupons and principal R's positions paid since R, ÷ B's market value;
 * - CTD switch: the cheapest to deliver of R's hedge contract, then and now (same contract code);
 * - roll: R's futures at B's settlement.
 * Hedge effectiveness: per pair of successive stored runs, the portfolio's change is the market
 * part of the market value's change (attribution step 3) and the hedge's is its P&L to first
 * order, −Σ KR DV01 × key move (bp), of the hedge of the last rebalance before the period.
 */
import { HISTORY_EFFECTIVENESS_RUNS } from "../conventions";
import { hedgeEffectiveness, HedgeEffectiveness } from "../compare/hedgeEffectiveness";
import { rebalancingTriggers, Trigger } from "../compare/triggers";
import { isoFromSerial } from "../dates";
import { RunRecord } from "../run/runRecord";
import { Attribution, attributeDrift } from "./attribution";
import { History, lastRebalance, RunSummary, summariseRun } from "./store";

export interface DriftRecord {
  readonly previous?: Attribution;
  readonly sinceRebalance?: Attribution;
  /** Run date and settlement of the last rebalance, when one is stored. */
  readonly rebalanceRun?: { readonly runDate: string; readonly settlement: number };
  /** The stored runs' summaries, oldest first, this run last. */
  readonly series: readonly RunSummary[];
  readonly effectiveness?: HedgeEffectiveness;
  readonly effectivenessNote: string;
  /** The history's thinning log and damaged entries, and why a comparison is missing. */
  readonly notes: readonly string[];
  /** Stored runs that could not be read. */
  readonly damaged: number;
}

/** Hedge P&L over a period, money: −Σ KR DV01 × move of the key's zero rate, bp. */
function hedgePnl(held: RunSummary, from: RunSummary, to: RunSummary): number {
  return -held.hedgeKrDv01.reduce(
    (a, d, k) => a + d * ((to.keyZeroBp[k] ?? NaN) - (from.keyZeroBp[k] ?? NaN)),
    0
  );
}

/** Effectiveness from a series of runs (see the module's note), or why not. */
export function seriesEffectiveness(series: readonly RunSummary[]): {
  effectiveness?: HedgeEffectiveness;
  note: string;
} {
  const p: number[] = [];
  const h: number[] = [];
  let held: RunSummary | undefined;
  for (let t = 1; t < series.length; t++) {
    if (series[t - 1].rebalance) held = series[t - 1];
    if (!held || !Number.isFinite(series[t].marketPnl)) continue;
    p.push(series[t].marketPnl);
    h.push(hedgePnl(held, series[t - 1], series[t]));
  }
  const need = HISTORY_EFFECTIVENESS_RUNS - 1;
  if (p.length < need)
    return {
      note: `hedge effectiveness needs ${need} periods with a hedge held since a rebalance; ${p.length} stored`,
    };
  try {
    return {
      effectiveness: hedgeEffectiveness(p, h),
      note: `from ${p.length} periods between stored runs: market part of the holdings' change against the hedge's first-order P&L (KR DV01 × key moves)`,
    };
  } catch (e) {
    return { note: `hedge effectiveness not measured: ${(e as Error).message}` };
  }
}

/** The triggers of `b` fed with the figures since the last rebalance (its record when kept). */
export function triggersSince(
  b: RunRecord,
  reb: RunSummary,
  since: Attribution | undefined
): Trigger[] {
  const keys = b.positions.risk.keysMonths;
  const now = summariseRun(b);
  const sameKeys =
    reb.keysMonths.length === keys.length && reb.keysMonths.every((k, i) => k === keys[i]);
  const moves = sameKeys ? now.keyZeroBp.map((z, k) => z - reb.keyZeroBp[k]) : [];
  const largest = moves.reduce((a, m) => (Math.abs(m) > Math.abs(a) ? m : a), 0);
  const ctdSwitched =
    reb.contract.code === b.hedge.contract.code
      ? reb.contract.ctd !== now.contract.ctd
        ? [`${b.hedge.contract.code}: ${reb.contract.ctd} → ${now.contract.ctd}`]
        : []
      : undefined;
  const since_ = `since the rebalance of ${reb.runDate} (settlement ${isoFromSerial(reb.settlement)})`;
  return rebalancingTriggers(b.comparison.mandate, {
    asOf: b.market.settlement,
    netDv01: b.totals.dv01 + reb.hedgeDv01,
    targetDv01: b.hedge.ratio.targetDv01,
    rateMoveBp: moves.length ? largest : undefined,
    cashFlow: since ? since.coupons + since.principal : undefined,
    portfolioValue: b.totals.marketValue,
    ctdSwitched,
    futures: reb.futures,
  }).map((t) => ({
    ...t,
    detail:
      t.rule === "DV01 drift"
        ? `${t.detail}; net DV01 = holdings' DV01 + the rebalance's trades' DV01 impact ${Math.round(reb.hedgeDv01).toLocaleString("en-US")}, ${since_}`
        : t.rule === "Large cash flow" && !since
          ? `${t.detail}: the rebalance's full record is thinned, so its cash flows cannot be counted`
          : `${t.detail}, ${since_}`,
  }));
}

/**
 * The record against its history (runs before it, oldest first): drift, triggers since the last
 * rebalance, the series and hedge effectiveness. `rebalance` marks this run executed.
 */
export function withHistory(record: RunRecord, history: History, rebalance = false): RunRecord {
  const entries = history.entries;
  const notes: string[] = [...history.log];
  for (const d of history.damaged)
    notes.push(`stored run ${d.name} unreadable, left out: ${d.reason}`);
  const prev = entries[entries.length - 1];
  const reb = lastRebalance(entries);
  const attempt = (base: RunRecord | undefined, label: string, summary?: RunSummary) => {
    if (!summary) return undefined;
    if (!base) {
      notes.push(
        `${label} (${summary.runDate}) is thinned to its summary: no attribution against it`
      );
      return undefined;
    }
    try {
      return attributeDrift(base, record, label);
    } catch (e) {
      notes.push(`attribution against the ${label} failed: ${(e as Error).message}`);
      return undefined;
    }
  };
  if (!prev) notes.push("no stored run before this one: drift is measured from the next run");
  const previous = attempt(prev?.record, "previous run", prev?.summary);
  const sinceRebalance =
    reb && reb === prev ? previous : attempt(reb?.record, "last rebalance", reb?.summary);
  if (!reb)
    notes.push("no run marked as a rebalance: triggers since the last rebalance not assessed");
  const base: RunRecord = { ...record, rebalance };
  const draft: RunRecord = {
    ...base,
    drift: { previous, series: [], effectivenessNote: "", notes, damaged: 0 },
  };
  const series = [...entries.map((e) => e.summary), summariseRun(draft)];
  const eff = seriesEffectiveness(series);
  const triggers = reb
    ? triggersSince(record, reb.summary, sinceRebalance)
    : record.monitoring.triggers;
  return {
    ...base,
    monitoring: { ...record.monitoring, triggers },
    drift: {
      previous,
      sinceRebalance,
      rebalanceRun: reb
        ? { runDate: reb.summary.runDate, settlement: reb.summary.settlement }
        : undefined,
      series,
      effectiveness: eff.effectiveness,
      effectivenessNote: eff.note,
      notes,
      damaged: history.damaged.length,
    },
  };
}
