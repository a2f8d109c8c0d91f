/**
 * A curve history (SPEC S2 "Curve history"): dated rows of par yields by tenor, as the US Treasury
 * publishes them — a header row `Date, 1 Mo, 2 Mo, …, 30 Yr`, one row per date (any order), blank
 * cells where a tenor was not published. Yields in percent (Treasury's file) or decimals: detected.
 * One reader for every use: the covariance of key-rate changes (compare) and historical replays
 * (scenarios, and the bundled episodes' generator).
 *
 * Parsed once at the boundary into ascending dates and a dates × tenors matrix of decimal yields,
 * NaN where missing.
 */
import { cellNumber, cellText, cellValue, isEmptyRow } from "../holdings/cells";
import { clip, parseDate, isoFromSerial } from "../dates";
import { DATE_FORMS, serialFromDateText } from "../dateText";
import { InvalidValueError, MissingValueError } from "../errors";
import { parseTenor, tenorLabel } from "./tenor";
import type { CurveSpec } from "./curveSpec";

/** How the yields of a history are quoted: "auto" detects (see {@link parseCurveHistory}). */
export type YieldUnit = "auto" | "percent" | "decimal";

export interface CurveHistory {
  /** Dates, Excel serials, strictly increasing. */
  readonly dates: readonly number[];
  /** Tenor of each column, months, strictly increasing. */
  readonly months: readonly number[];
  /** Yields, decimal: `yields[t][j]` at dates[t] and months[j]; NaN where not given. */
  readonly yields: readonly Float64Array[];
  /** How the input was quoted (after detection). */
  readonly unit: "percent" | "decimal";
}

/**
 * A history date: an Excel serial, a Date, or date text in the one cell grammar (ISO, US
 * `M/D/YY` / `M/D/YYYY` as in Treasury's files, two-digit years 00–49 being 2000–2049 and 50–99
 * 1950–1999, `Feb 01, 2046`…).
 * @throws InvalidValueError naming `where` for anything else, an impossible day included.
 */
export function parseHistoryDate(value: unknown, where = "date"): number {
  const v = cellValue(value);
  if (typeof v === "string" && /^\s*\d{1,2}\/\d{1,2}\/\d{2,4}\s*$/.test(v)) {
    const serial = serialFromDateText(v);
    if (serial === undefined)
      throw new InvalidValueError(`${where}: ${JSON.stringify(v)} is not a date`, v, "history");
    return serial;
  }
  try {
    return parseDate(v, where);
  } catch {
    throw new InvalidValueError(
      `${where}: expected a date (${DATE_FORMS}), got ${clip(JSON.stringify(v))}`,
      v,
      "history"
    );
  }
}

/**
 * Parses a history range: header row (first cell any text such as "Date", then tenor labels
 * "1 Mo", "2Y", "10 Yr" or years; blank header cells are skipped), then dated rows. Empty rows are
 * skipped; a blank yield cell is a missing observation. Rows are sorted by date.
 *
 * Unit detection ("auto"): percent when any yield's magnitude is ≥ 1 (a decimal yield of 100% does
 * not occur), decimal otherwise. A short history of yields all below 1% quoted in percent would
 * be read as decimals: pass `unit` "percent" for it.
 * @throws InvalidValueError listing every bad cell at once (the first five, and how many more):
 *   a header that is not a tenor or does not increase, a bad date, a date given twice, a yield
 *   that is not a number. MissingValueError when fewer than two dated rows remain.
 */
export function parseCurveHistory(
  values: readonly (readonly unknown[])[],
  unit: YieldUnit = "auto"
): CurveHistory {
  if (values.length < 2 || values[0].length < 2) {
    throw new MissingValueError(
      "history: expected a header row (Date, 1 Mo, …, 30 Yr) and at least two dated rows",
      values.length,
      "history"
    );
  }
  const problems: string[] = [];
  const header = values[0];
  const months: number[] = [];
  const columns: number[] = [];
  for (let c = 1; c < header.length; c++) {
    const text = cellText(cellValue(header[c]));
    if (text === "") continue;
    let m: number;
    try {
      m = parseTenor(typeof header[c] === "number" ? header[c] : text, "tenor");
    } catch {
      problems.push(`header column ${c + 1}: ${JSON.stringify(text)} is not a tenor`);
      continue;
    }
    if (months.length && m <= months[months.length - 1]) {
      problems.push(
        `header: tenors must increase left to right; ${tenorLabel(m)} follows ${tenorLabel(months[months.length - 1])}`
      );
      continue;
    }
    months.push(m);
    columns.push(c);
  }
  const rows: { date: number; y: Float64Array }[] = [];
  let maxAbs = 0;
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    if (isEmptyRow(row)) continue;
    let date: number;
    try {
      date = parseHistoryDate(row[0]);
    } catch {
      problems.push(`row ${r + 1}: date ${JSON.stringify(cellValue(row[0]))}`);
      continue;
    }
    const y = new Float64Array(months.length).fill(NaN);
    columns.forEach((c, j) => {
      const v = cellValue(row[c]);
      if (v === null) return;
      const n = cellNumber(v);
      if (n === undefined) {
        problems.push(
          `row ${r + 1}, column ${c + 1} (${tenorLabel(months[j])}): expected a yield, got ${JSON.stringify(v)}`
        );
        return;
      }
      y[j] = n;
      maxAbs = Math.max(maxAbs, Math.abs(n));
    });
    rows.push({ date, y });
  }
  rows.sort((a, b) => a.date - b.date);
  for (let t = 1; t < rows.length; t++) {
    if (rows[t].date === rows[t - 1].date)
      problems.push(`the date ${isoFromSerial(rows[t].date)} appears twice`);
  }
  if (problems.length) {
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : "";
    throw new InvalidValueError(
      `history: ${problems.slice(0, 5).join("; ")}${more}`,
      problems.length,
      "history"
    );
  }
  if (rows.length < 2) {
    throw new MissingValueError(
      "history: at least two dated rows are needed",
      rows.length,
      "history"
    );
  }
  const detected: "percent" | "decimal" =
    unit === "auto" ? (maxAbs >= 1 ? "percent" : "decimal") : unit;
  if (detected === "percent")
    for (const r of rows) for (let j = 0; j < r.y.length; j++) r.y[j] /= 100;
  return {
    dates: rows.map((r) => r.date),
    months,
    yields: rows.map((r) => r.y),
    unit: detected,
  };
}

/** The rows of a history dated within [from, to] (Excel serials, inclusive; either may be omitted). */
export function historyWindow(h: CurveHistory, from?: number, to?: number): CurveHistory {
  const keep = h.dates.map(
    (d) => (from === undefined || d >= from) && (to === undefined || d <= to)
  );
  return {
    ...h,
    dates: h.dates.filter((_, t) => keep[t]),
    yields: h.yields.filter((_, t) => keep[t]),
  };
}

/** True when a range is a curve history rather than a tenor/rate range: its first cell says "Date". */
export function isCurveHistory(values: readonly (readonly unknown[])[]): boolean {
  const first = values.find((r) => !isEmptyRow(r));
  const head = first ? cellValue(first[0]) : null;
  return typeof head === "string" && /^\s*(as of )?date\b/i.test(head);
}

/** The par curve of one date of a history. */
export interface HistoryCurve {
  /** Par yields (bond-equivalent, semiannual) at the tenors published that day. */
  readonly spec: CurveSpec;
  /** The date used, Excel serial: the latest of the history on or before the date asked. */
  readonly date: number;
}

/**
 * The par curve of a history on a date: the latest row dated on or before `date` (Excel serial),
 * with the tenors published that day (blank ones left out). One function for the CLI's
 * `--curve HISTORY --curve-date` and the pane's history range and date.
 * @throws MissingValueError when no row is on or before the date, or the row has fewer than two
 *   yields.
 */
export function curveFromHistory(history: CurveHistory, date: number): HistoryCurve {
  let t = -1;
  for (let k = 0; k < history.dates.length && history.dates[k] <= date; k++) t = k;
  const span = `${isoFromSerial(history.dates[0])} to ${isoFromSerial(history.dates[history.dates.length - 1])}`;
  if (t < 0) {
    throw new MissingValueError(
      `history: no curve on or before ${isoFromSerial(date)}; the history runs from ${span}`,
      date,
      "curve date"
    );
  }
  const months: number[] = [];
  const rates: number[] = [];
  history.yields[t].forEach((y, j) => {
    if (Number.isFinite(y)) {
      months.push(history.months[j]);
      rates.push(y);
    }
  });
  if (months.length < 2) {
    throw new MissingValueError(
      `history: the curve of ${isoFromSerial(history.dates[t])} has ${months.length} yield(s); two or more are needed`,
      months.length,
      "curve date"
    );
  }
  return { spec: { kind: "par", months, rates }, date: history.dates[t] };
}
