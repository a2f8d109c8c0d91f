/**
 * The curve of a range or file as the user gives it: a two-column tenor/rate range, or a curve
 * history (first cell "Date", then tenors: the US Treasury's par-yield file) taken on one date —
 * one reading for `keyrate measure --curve/--curve-date` and the pane's curve range and date.
 */
import { InvalidValueError } from "../errors";
import { isoFromSerial } from "../dates";
import { CurveKind, CurveSpec, parseCurveRange } from "./curveSpec";
import { curveFromHistory, isCurveHistory, parseCurveHistory } from "./curveHistory";

export interface RangeCurve {
  readonly spec: CurveSpec;
  /** The history's date used, Excel serial; null for a tenor/rate range. */
  readonly date: number | null;
}

/**
 * Reads a curve range.
 * @param kind What a tenor/rate range's rates are; a history holds par yields (kind "par").
 * @param settlement Excel serial: a history's curve is the latest on or before it by default.
 * @param date The history's date to use (the latest on or before it), Excel serial.
 * @param dateName The date's name in messages ("--curve-date", "Curve date").
 * @throws InvalidValueError for a date given with a tenor/rate range or a kind other than par
 * with a history; the range's own errors otherwise.
 */
export function curveOfRange(
  values: readonly (readonly unknown[])[],
  kind: CurveKind,
  settlement: number,
  date?: number,
  dateName = "curve date"
): RangeCurve {
  if (isCurveHistory(values)) {
    if (kind !== "par")
      throw new InvalidValueError(
        `a curve history holds par yields; rates of kind ${kind} do not apply to it`,
        kind,
        "curve_kind"
      );
    const c = curveFromHistory(parseCurveHistory(values), date ?? settlement);
    return { spec: c.spec, date: c.date };
  }
  if (date !== undefined)
    throw new InvalidValueError(
      `${dateName} applies to a curve history (first column "Date"), not a tenor/rate range (${dateName} ${isoFromSerial(date)} given)`,
      date,
      dateName
    );
  return {
    spec: parseCurveRange(
      values.map((r) => r.slice(0, 2)),
      kind
    ),
    date: null,
  };
}
