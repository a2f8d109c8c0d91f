/**
 * Rebalancing triggers (SPEC S8), with thresholds from the mandate:
 *
 * - DV01 drift: |net DV01 − target DV01| > rebalancing threshold × |target DV01|;
 * - rate move: the largest key-rate move since the last rebalance > rebalancing move (bp);
 * - large cash flow: |cash flow| > large cash flow × portfolio value;
 * - CTD switch: the cheapest to deliver of a contract held has changed;
 * - roll: a futures position on or after its roll date (business days before first notice) and
 *   before its last trading day.
 *
 * A trigger whose input is not given is "not assessed", never silently "not hit".
 */
import { isoFromSerial } from "../dates";
import { contractDates } from "../futures/calendar";
import { contractSymbol } from "../futures/contracts";
import { FuturesPosition } from "./events";
import { Mandate } from "./mandate";

export type TriggerState = "hit" | "not hit" | "not assessed";

export interface Trigger {
  readonly rule: string;
  readonly state: TriggerState;
  /** The figure compared (NaN when none). */
  readonly value: number;
  /** The threshold it is compared with (NaN when none). */
  readonly threshold: number;
  /** Unit of value and threshold: money per bp, bp, a share of portfolio value, or a count. */
  readonly unit: "money per bp" | "bp" | "share" | "count" | "";
  readonly detail: string;
}

export interface TriggerInputs {
  /** As-of date, Excel serial. */
  readonly asOf: number;
  /** Net DV01 (portfolio + hedges) and its target, money per bp. */
  readonly netDv01?: number;
  readonly targetDv01?: number;
  /** Largest |key-rate change| since the last rebalance, bp. */
  readonly rateMoveBp?: number;
  /** Net cash flow in or out since the last rebalance, money. */
  readonly cashFlow?: number;
  readonly portfolioValue?: number;
  /** Contracts whose CTD changed since the hedge was sized (symbols). */
  readonly ctdSwitched?: readonly string[];
  readonly futures?: readonly FuturesPosition[];
}

function state(assessed: boolean, hit: boolean): TriggerState {
  return !assessed ? "not assessed" : hit ? "hit" : "not hit";
}

/** Evaluates every trigger of SPEC S8 (one row per futures position for the roll). */
export function rebalancingTriggers(m: Mandate, x: TriggerInputs): Trigger[] {
  const out: Trigger[] = [];
  const drift =
    x.netDv01 !== undefined && x.targetDv01 !== undefined
      ? Math.abs(x.netDv01 - x.targetDv01)
      : NaN;
  const driftLimit =
    x.targetDv01 !== undefined ? m.rebalanceThreshold * Math.abs(x.targetDv01) : NaN;
  out.push({
    rule: "DV01 drift",
    state: state(Number.isFinite(drift), drift > driftLimit),
    value: drift,
    threshold: driftLimit,
    unit: "money per bp",
    detail: `|net DV01 − target DV01| > ${m.rebalanceThreshold} × |target DV01|`,
  });
  const move = x.rateMoveBp ?? NaN;
  out.push({
    rule: "Rate move",
    state: state(Number.isFinite(move), Math.abs(move) > m.rebalanceMoveBp),
    value: move,
    threshold: m.rebalanceMoveBp,
    unit: "bp",
    detail: "largest key-rate move since the last rebalance, bp",
  });
  const flow =
    x.cashFlow !== undefined && x.portfolioValue ? Math.abs(x.cashFlow) / x.portfolioValue : NaN;
  out.push({
    rule: "Large cash flow",
    state: state(Number.isFinite(flow), flow > m.largeCashFlow),
    value: flow,
    threshold: m.largeCashFlow,
    unit: "share",
    detail: "|cash flow| ÷ portfolio value",
  });
  out.push({
    rule: "CTD switch",
    state: state(x.ctdSwitched !== undefined, (x.ctdSwitched ?? []).length > 0),
    value: x.ctdSwitched?.length ?? NaN,
    threshold: NaN,
    unit: "count",
    detail: x.ctdSwitched?.length
      ? `CTD changed: ${x.ctdSwitched.join(", ")}`
      : "cheapest to deliver changed",
  });
  for (const p of x.futures ?? []) {
    const d = contractDates(p.contract, p.month);
    const symbol = contractSymbol(p.contract, p.month);
    out.push({
      rule: `Roll ${symbol}`,
      state: state(true, x.asOf >= d.rollDate && x.asOf < d.lastTradingDay),
      value: NaN,
      threshold: NaN,
      unit: "",
      detail: `roll by ${isoFromSerial(d.rollDate)}, first notice ${isoFromSerial(d.firstNoticeDay)}, last trading ${isoFromSerial(d.lastTradingDay)}`,
    });
  }
  return out;
}
