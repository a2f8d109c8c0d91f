/**
 * Arguments shared by the curve, portfolio, swap and scenario functions: single-cell options, the
 * curve range, key tenors, the shift convention and the settlement date (with its default).
 */
import { defaultShiftOn } from "../../core/conventions";
import { defaultSettlement } from "../../core/calendar/usGovernmentSecurities";

export { defaultSettlement, todaySerial } from "../../core/calendar/usGovernmentSecurities";
import { parseDate } from "../../core/dates";
import { InvalidValueError, MissingValueError } from "../../core/errors";

import {
  CurveKind,
  CurveSpec,
  Interpolation,
  parseCurveKind,
  parseCurveRange,
  parseInterpolation,
  isParKind,
  parseOption,
  parseTenor,
  SHIFT_ONS,
  ShiftOn,
  tenorLabel,
} from "../../core/curve";
import { DEFAULT_KEYS_MONTHS } from "../../core/conventions";

import { Arg, asMatrix, isBlank, vectorCells } from "./cells";

/** The value of an argument that must be a single cell; undefined when omitted or blank. */
export function singleCell(arg: Arg, argument: string): unknown {
  const m = asMatrix(arg);
  if (!m) return undefined;
  if (m.length !== 1 || m[0].length !== 1) {
    throw new InvalidValueError(
      `${argument}: expected a single cell, got a ${m.length}×${m[0].length} range`,
      `${m.length}×${m[0].length}`,
      argument
    );
  }
  return isBlank(m[0][0]) ? undefined : m[0][0];
}

/** A curve range (two columns tenor|rate, header row allowed) of the given kind. */
export function parseCurveArg(curve: Arg, kind: CurveKind): CurveSpec {
  const m = asMatrix(curve);
  if (!m) {
    throw new MissingValueError(
      "curve: no range given; select a two-column range of tenor and rate",
      curve,
      "curve"
    );
  }
  return parseCurveRange(m, kind);
}

/**
 * Key tenors from a row or column of tenor labels ("3M", "2Y") or years, strictly increasing;
 * blank cells are skipped; omitted gives the default 10 keys.
 */
export function parseKeys(arg: Arg): readonly number[] {
  const m = asMatrix(arg);
  if (!m) return DEFAULT_KEYS_MONTHS;
  const cells = vectorCells(m, "keys", "a row or a column of tenors").filter((v) => !isBlank(v));
  if (!cells.length) return DEFAULT_KEYS_MONTHS;
  const months = cells.map((v) => parseTenor(v, "keys"));
  for (let i = 1; i < months.length; i++) {
    if (months[i] <= months[i - 1]) {
      throw new InvalidValueError(
        `keys: tenors must be distinct and increasing; ${tenorLabel(months[i])} follows ${tenorLabel(months[i - 1])}`,
        cells[i],
        "keys"
      );
    }
  }
  return months;
}

/**
 * Which rates the key-rate shifts move: "par" (default for a par curve: shift par yields and
 * re-bootstrap) or "zero". Par shifts need a par curve.
 */
export function parseShiftOn(arg: Arg, kind: CurveKind): ShiftOn {
  const value = singleCell(arg, "shift_on");
  const shiftOn = parseOption(value, SHIFT_ONS, defaultShiftOn(kind), "shift_on");
  if (shiftOn === "par" && !isParKind(kind)) {
    throw new InvalidValueError(
      `shift_on: "par" shifts par yields, but curve_kind is "${kind}" (zero rates); use "zero" or give a par curve`,
      value,
      "shift_on"
    );
  }
  return shiftOn;
}

/** An optional settlement argument: an Excel date or ISO text; blank gives {@link defaultSettlement}. */
export function parseSettlementArg(arg: Arg): number {
  const value = singleCell(arg, "settlement");
  return value === undefined ? defaultSettlement() : parseDate(value, "settlement");
}

/** Curve options shared by the functions: kind, interpolation and the parsed curve. */
export function curveOptions(
  curve: Arg,
  curveKind: Arg,
  interpolation: Arg
): { spec: CurveSpec; interpolation: Interpolation } {
  const kind = parseCurveKind(singleCell(curveKind, "curve_kind"));
  const interp = parseInterpolation(singleCell(interpolation, "interpolation"));
  return { spec: parseCurveArg(curve, kind), interpolation: interp };
}
