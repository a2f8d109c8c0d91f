/**
 * The structure columns of a holdings row: calls (`call_date`, `call_price`, `call_style`,
 * `call_schedule`) and floating-rate terms (`float_date`, `spread`, `discount_margin`,
 * `reset_frequency`, `index`), each parsed once here and every bad cell reported.
 *
 * - A call schedule text wins over the first-call columns; a call price or style without a date
 *   is reported. Call dates must fall before maturity.
 * - A row typed bullet (or zero, or with no type) that has a call is read as a callable: vendors'
 *   "Fixed" names the coupon, not the absence of a call; the mapping says so on the call columns
 *   ({@link CALL_TYPE_NOTE}). A make-whole call alone leaves a bullet a bullet (it is priced as
 *   non-callable either way).
 * - Floating terms are read on frn and fixed-to-float rows only (other rows may carry other
 *   spreads in the same column): the margins in their column's unit (bp, percent or decimal, never
 *   guessed: a margin in an undecided column is reported), the index SOFR (the default), the reset
 *   frequency; a fixed-to-float note needs its switch date.
 */
import { isoFromSerial } from "../dates";
import { KeyrateError } from "../errors";
import { callScheduleFromFirstCall, parseCallScheduleText } from "../instruments/callScheduleText";
import type { CallSchedule } from "../instruments/callSchedule";
import { cellText } from "./cells";
import { parseFloatIndex, parseResetFrequencyCell } from "./conventions";
import { EXPECTED } from "./expected";
import type { RowCells, RowContext } from "./readRow";
import type { HoldingRecord, HoldingType } from "./types";

/** What the mapping says on a call column: how a bullet with a call is read. */
export const CALL_TYPE_NOTE = "a bullet with a call is read as a callable";

export type StructureFields = Pick<
  HoldingRecord,
  "calls" | "floatDate" | "spread" | "discountMargin" | "resetFrequency" | "index"
>;

/** The row's call schedule: null when none, undefined when a cell was bad (reported). */
function callsOf(x: RowCells, maturity: number | undefined): CallSchedule | null | undefined {
  const text = x.get("call_schedule");
  const date = x.get("call_date");
  let calls: CallSchedule | null = null;
  try {
    if (text !== null) calls = parseCallScheduleText(cellText(text), "call_schedule");
    else if (date !== null)
      calls = callScheduleFromFirstCall(date, x.get("call_price"), x.get("call_style"));
  } catch (e) {
    if (!(e instanceof KeyrateError)) throw e;
    const field = text !== null ? "call_schedule" : "call_date";
    x.report(field, `${EXPECTED.callSchedule} (${e.message})`);
    return undefined;
  }
  if (text === null && date === null) {
    if (x.get("call_price") !== null) x.report("call_price", EXPECTED.callDateNeeded);
    else if (x.get("call_style") !== null) x.report("call_style", EXPECTED.callDateNeeded);
  }
  if (calls && maturity !== undefined && calls.dates[0] >= maturity) {
    x.report(text !== null ? "call_schedule" : "call_date", EXPECTED.callBeforeMaturity);
    return undefined;
  }
  return calls;
}

/** A margin in its column's unit; NaN when empty, undefined (reported) when bad or undecided. */
function marginOf(x: RowCells, c: RowContext, f: "spread" | "discount_margin"): number | undefined {
  if (x.get(f) !== null && c.units[f]?.kind === "ambiguous") {
    x.report(f, EXPECTED.spreadUnit);
    return undefined;
  }
  return x.number(f, EXPECTED.spread);
}

/**
 * Reads the structure columns of a row.
 * @returns The fields (only those whose columns are mapped) and the type the row takes (a bullet
 *   with a call becomes a callable).
 */
export function readStructure(
  x: RowCells,
  c: RowContext,
  type: HoldingType | undefined,
  maturity: number | undefined
): { fields: StructureFields; type: HoldingType | undefined } {
  const m = c.mapping;
  const fields: StructureFields = {};
  const hasCallColumns =
    m.call_date !== null ||
    m.call_price !== null ||
    m.call_style !== null ||
    m.call_schedule !== null;
  if (hasCallColumns) {
    const calls = callsOf(x, maturity);
    fields.calls = calls ?? null;
    if (calls && !calls.makeWhole && (type === "bullet" || type === "zero")) type = "callable";
  }
  const floating = type === "frn" || type === "fixed-to-float";
  if (m.float_date !== null) {
    const d = floating ? x.date("float_date") : NaN;
    fields.floatDate = d ?? NaN;
    if (type === "fixed-to-float" && d !== undefined) {
      if (Number.isNaN(d) || d <= c.settlement || (maturity !== undefined && d >= maturity)) {
        x.report("float_date", `${EXPECTED.floatDate} (settlement ${isoFromSerial(c.settlement)})`);
      }
    }
  } else if (type === "fixed-to-float") {
    x.report("type", EXPECTED.floatDate);
  }
  if (m.spread !== null) fields.spread = floating ? (marginOf(x, c, "spread") ?? NaN) : NaN;
  if (m.discount_margin !== null)
    fields.discountMargin = floating ? (marginOf(x, c, "discount_margin") ?? NaN) : NaN;
  if (m.reset_frequency !== null) {
    const v = x.get("reset_frequency");
    const f = !floating || v === null ? 0 : parseResetFrequencyCell(v);
    if (f === undefined) x.report("reset_frequency", EXPECTED.resetFrequency);
    fields.resetFrequency = f ?? 0;
  }
  if (m.index !== null) {
    const v = x.get("index");
    const index = !floating || v === null ? "" : parseFloatIndex(v);
    if (index === undefined) x.report("index", EXPECTED.floatIndex);
    fields.index = index ?? "";
  }
  return { fields, type };
}
