/**
 * The "Action Items" sheet (SPEC S9 output 5): trades to execute (from the hedge step), the
 * rebalancing triggers of SPEC S8 (hit, not hit, not assessed), roll dates of the futures held or
 * traded, the next review date from the mandate, and upcoming events in the next 30 days. Built
 * once as a SheetModel; the renderers draw it.
 */
import { isoFromSerial } from "../dates";
import { contractDates } from "../futures/calendar";
import { contractSymbol } from "../futures/contracts";
import { FuturesPosition, UpcomingEvent } from "../compare/events";
import { Trigger } from "../compare/triggers";
import { ReviewFrequency } from "../compare/mandate";
import { FORMATS, SheetBuilder, SheetModel, num, perBp, reportCurrency } from "./sheetModel";

export const ACTION_ITEMS_SHEET_NAME = "Action Items";

/** Calendar days before a roll date from which the roll is flagged "roll soon". */
export const ROLL_SOON_DAYS = 10;

/** A trade from the hedge step. */
export interface TradeInstruction {
  readonly instrument: string;
  /** Contracts (or notional units); negative = sell. */
  readonly contracts: number;
  /** DV01 impact, money per bp (NaN when not known). */
  readonly dv01Impact?: number;
}

export interface ActionItemsInput {
  /** As-of date, Excel serial. */
  readonly asOf: number;
  /** Date of the run, ISO text. */
  readonly runDate: string;
  readonly trades: readonly TradeInstruction[];
  readonly triggers: readonly Trigger[];
  /** Futures held or to be traded, for roll dates. */
  readonly futures: readonly FuturesPosition[];
  readonly nextReview: { readonly date: number; readonly overdue: boolean };
  readonly reviewFrequency: ReviewFrequency;
  readonly events: readonly UpcomingEvent[];
  readonly eventNotes: readonly string[];
  /** Window of the events, calendar days. */
  readonly eventDays: number;
  /** Currency code of the money figures (default USD). */
  readonly currency?: string;
  /** Option hedges' expiries (a cap's start), in date order: exercise, roll or replace. */
  readonly optionExpiries?: readonly { readonly date: number; readonly action: string }[];
}

/** Number format and shown unit of a trigger's value and threshold. */
function triggerUnit(unit: Trigger["unit"], currency: string): [string, string] {
  if (unit === "money per bp") return [FORMATS.money, perBp(currency)];
  if (unit === "bp") return [FORMATS.bp, "bp"];
  if (unit === "share") return [FORMATS.percent, "% of portfolio value"];
  if (unit === "count") return [FORMATS.count, "count"];
  return [FORMATS.ratio, ""];
}

/** "roll now", "roll soon" or "" for a futures position at the as-of date. */
export function rollState(p: FuturesPosition, asOf: number): string {
  const d = contractDates(p.contract, p.month);
  if (asOf >= d.lastTradingDay) return "expired";
  if (asOf >= d.rollDate) return "ROLL NOW";
  if (d.rollDate - asOf <= ROLL_SOON_DAYS) return "roll soon";
  return "";
}

/** Builds the sheet's content. */
export function buildActionItemsSheet(input: ActionItemsInput): SheetModel {
  const ccy = input.currency ?? reportCurrency([]);
  const s = new SheetBuilder(6);
  s.row(["keyrate — Action Items"], "title");
  s.row([`As of ${isoFromSerial(input.asOf)} · run ${input.runDate}`], "subtitle");
  s.blank();

  const tradesAt = s.row(
    ["Trades to execute", "Direction", "Contracts", `DV01 impact, ${perBp(ccy)}`],
    "section"
  );
  if (!input.trades.length) s.row(["none: no hedge trades from the hedge step"], "note");
  for (const t of input.trades) {
    s.row([
      { value: t.instrument, style: "label" },
      t.contracts < 0 ? "SELL" : t.contracts > 0 ? "BUY" : "none",
      num(Math.abs(t.contracts), FORMATS.count),
      num(t.dv01Impact ?? NaN, FORMATS.money),
    ]);
  }
  if (input.trades.length) s.table("krTrades", tradesAt);
  s.blank();

  const triggersAt = s.row(
    ["Rebalancing triggers", "State", "Value", "Threshold", "Unit", "Rule"],
    "section"
  );
  for (const t of input.triggers) {
    const [numFmt, unit] = triggerUnit(t.unit, ccy);
    s.row(
      [
        { value: t.rule, style: "label" },
        t.state,
        num(t.value, numFmt),
        num(t.threshold, numFmt),
        unit,
        t.detail,
      ],
      t.state === "hit" ? "warning" : undefined
    );
  }
  s.table("krTriggers", triggersAt);
  s.blank();

  const rollsAt = s.row(
    ["Roll dates", "Roll by", "First notice", "Last trading", "Contracts", "State"],
    "section"
  );
  if (!input.futures.length) s.row(["no futures held or traded"], "note");
  for (const p of input.futures) {
    const d = contractDates(p.contract, p.month);
    const state = rollState(p, input.asOf);
    s.row(
      [
        { value: contractSymbol(p.contract, p.month), style: "label" },
        isoFromSerial(d.rollDate),
        isoFromSerial(d.firstNoticeDay),
        isoFromSerial(d.lastTradingDay),
        num(p.contracts, FORMATS.count),
        state,
      ],
      state === "ROLL NOW" || state === "expired" ? "warning" : undefined
    );
  }
  if (input.futures.length) s.table("krRolls", rollsAt);
  s.blank();
  if (input.optionExpiries?.length) {
    const at = s.row(["Option expiries", "Date", "Days"], "section");
    for (const e of input.optionExpiries)
      s.row([
        { value: e.action, style: "label" },
        isoFromSerial(e.date),
        num(e.date - input.asOf, FORMATS.count),
      ]);
    s.table("krOptionExpiries", at);
    s.blank();
  }

  s.row(["Review", "Date", "Frequency"], "section");
  s.row(
    [
      { value: input.nextReview.overdue ? "Review OVERDUE" : "Next review", style: "label" },
      isoFromSerial(input.nextReview.date),
      input.reviewFrequency,
    ],
    input.nextReview.overdue ? "warning" : undefined
  );
  s.blank();

  const eventsAt = s.row(
    [`Upcoming events (next ${input.eventDays} days)`, "Date", "Kind", `Amount, ${ccy}`],
    "section"
  );
  if (!input.events.length) s.row(["none in the window"], "note");
  for (const e of input.events) {
    s.row([e.description, isoFromSerial(e.date), e.kind, num(e.amount, FORMATS.money)]);
  }
  if (input.events.length) s.table("krEvents", eventsAt);
  for (const n of input.eventNotes) s.row([n], "note");
  return s.build(ACTION_ITEMS_SHEET_NAME, [44, 14, 14, 14, 12, 48], 0);
}
