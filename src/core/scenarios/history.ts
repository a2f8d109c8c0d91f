/**
 * Curve histories and historical replays (SPEC S2 "Curve history", S7).
 *
 * A history is a range of dated rows of par yields by tenor, as the US Treasury publishes them:
 * a header row "Date, 1 Mo, 2 Mo, …, 30 Yr" then one row per date (any order). Dates are Excel
 * serials, ISO text "YYYY-MM-DD" or the Treasury's "M/D/YY" / "M/D/YYYY" (two-digit years: 00–49
 * are 2000–2049, 50–99 are 1950–1999). A blank cell means the tenor was not quoted that day.
 *
 * Units: yields in percent (4.25 for 4.25%, as the Treasury publishes them) or decimals (0.0425).
 * "auto" reads the history as percent when any |value| exceeds 1 (no decimal yield does), and as
 * decimals otherwise; a history whose yields are all below 1% in percent is ambiguous — pass
 * "percent" for it.
 *
 * A replay is the change of each tenor between two dates of the history, in bp: only tenors
 * quoted on BOTH dates are kept (a tenor missing on either date is left out, and listed); applied
 * to today's curve the change is linear in time between the kept tenors and flat outside them
 * (like every shift profile), so today's tenors that the window lacks take their neighbours'
 * interpolated change. Changes are rounded to 1e-6 bp to remove binary noise from percent data.
 */
import { isoFromSerial, parseDate, serialFromYmd } from "../dates";
import { InvalidValueError, MissingValueError } from "../errors";
import { parseTenor, tenorLabel } from "../curve";

export type HistoryUnits = "percent" | "decimal";

export interface CurveHistory {
  /** Dates, Excel serials, in the range's order. */
  readonly dates: Float64Array;
  /** Tenors of the columns, months, increasing. */
  readonly months: readonly number[];
  /** Yields as decimals, NaN where not quoted: yields[row][column]. */
  readonly yields: readonly Float64Array[];
  /** How the values were read. */
  readonly units: HistoryUnits;
}

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

const MDY = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\s*$/;

/** A history date: Excel serial, ISO text or M/D/YY(YY). */
export function parseHistoryDate(value: unknown, argument = "date"): number {
  if (typeof value === "string") {
    const m = MDY.exec(value);
    if (m) {
      let y = Number(m[3]);
      if (m[3].length === 2) y += y < 50 ? 2000 : 1900;
      return serialFromYmd(y, Number(m[1]), Number(m[2]));
    }
  }
  return parseDate(value, argument);
}

const isBlank = (v: unknown) => v === undefined || v === null || v === "";

/**
 * Reads a curve history range (header row first).
 * @throws InvalidValueError listing every bad cell (up to five, with the count).
 */
export function parseCurveHistory(
  range: readonly (readonly unknown[])[],
  units: HistoryUnits | "auto" = "auto"
): CurveHistory {
  if (range.length < 2 || range[0].length < 2) {
    throw new MissingValueError(
      "curve history: expected a header row (Date, 1 Mo, …, 30 Yr) and at least one dated row",
      range.length,
      "history"
    );
  }
  const problems: string[] = [];
  const months = range[0].slice(1).map((h, k) => {
    try {
      return parseTenor(typeof h === "string" ? h.trim() : h, "tenor");
    } catch {
      problems.push(`header column ${k + 2}: ${JSON.stringify(h)} is not a tenor`);
      return NaN;
    }
  });
  for (let k = 1; k < months.length; k++) {
    if (months[k] <= months[k - 1])
      problems.push(`header: tenors must increase (${tenorLabel(months[k])})`);
  }
  const dates: number[] = [];
  const raw: Float64Array[] = [];
  range.slice(1).forEach((row, r) => {
    if (row.every(isBlank)) return;
    try {
      dates.push(parseHistoryDate(row[0], "date"));
    } catch {
      problems.push(`row ${r + 2}: date ${JSON.stringify(row[0])}`);
      return;
    }
    raw.push(
      Float64Array.from(months, (_, k) => {
        const v = row[k + 1];
        if (isBlank(v)) return NaN;
        const x = typeof v === "number" ? v : Number(String(v).trim());
        if (!Number.isFinite(x))
          problems.push(`row ${r + 2}, column ${k + 2}: ${JSON.stringify(v)}`);
        return x;
      })
    );
  });
  if (problems.length) {
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : "";
    throw new InvalidValueError(
      `curve history: ${problems.slice(0, 5).join("; ")}${more}`,
      problems.length,
      "history"
    );
  }
  let read: HistoryUnits = units === "auto" ? "decimal" : units;
  if (units === "auto" && raw.some((row) => row.some((x) => Math.abs(x) > 1))) read = "percent";
  const scale = read === "percent" ? 0.01 : 1;
  return {
    dates: Float64Array.from(dates),
    months,
    yields: raw.map((row) => row.map((x) => x * scale)),
    units: read,
  };
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
