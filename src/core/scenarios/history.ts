/**
 * Historical replays (SPEC S7): the change of each tenor between two dates of a curve history
 * (read by curve/curveHistory.ts), in bp. Only tenors quoted on BOTH dates are kept (a tenor
 * missing on either date is left out, and listed); applied to today's curve the change is linear
 * in time between the kept tenors and flat outside them (like every shift profile), so today's
 * tenors that the window lacks take their neighbours' interpolated change. Changes are rounded to
 * 1e-6 bp to remove binary noise from percent data.
 */
import { isoFromSerial } from "../dates";
import { InvalidValueError } from "../errors";
import { CurveHistory } from "../curve";

/** A replay window's per-tenor change. */
export interface HistoryChange {
  readonly from: number;
  readonly to: number;
  /** Tenors quoted on both dates, months. */
  readonly months: number[];
  /** Change at each, bp. */
  readonly bp: number[];
  /** Tenors of the history left out (not quoted on one of the dates), months. */
  readonly missing: number[];
}

function rowOf(h: CurveHistory, date: number): number {
  const i = h.dates.indexOf(date);
  if (i < 0) {
    throw new InvalidValueError(
      `curve history: no row for ${isoFromSerial(date)}`,
      isoFromSerial(date),
      "date"
    );
  }
  return i;
}

/**
 * The change of every tenor quoted on both dates, `from` → `to`, in bp.
 * @throws InvalidValueError when a date has no row, or no tenor is quoted on both dates.
 */
export function historyChange(h: CurveHistory, from: number, to: number): HistoryChange {
  const a = h.yields[rowOf(h, from)];
  const b = h.yields[rowOf(h, to)];
  const months: number[] = [];
  const bp: number[] = [];
  const missing: number[] = [];
  h.months.forEach((m, k) => {
    if (Number.isNaN(a[k]) || Number.isNaN(b[k])) missing.push(m);
    else {
      months.push(m);
      bp.push(Math.round((b[k] - a[k]) * 1e10) / 1e6);
    }
  });
  if (!months.length) {
    throw new InvalidValueError(
      `curve history: no tenor is quoted on both ${isoFromSerial(from)} and ${isoFromSerial(to)}`,
      isoFromSerial(from),
      "date"
    );
  }
  return { from, to, months, bp, missing };
}
