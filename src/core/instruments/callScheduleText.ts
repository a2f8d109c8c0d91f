/**
 * Call schedules read once at the boundary, from every form a user gives them in:
 * - schedule text `2029-06-01@102.438; 2030-06-01@101.219; 2031-06-01@100` (the holdings'
 *   `call_schedule` column and the functions' `calls` argument), entries separated by `;` or new
 *   lines, each `date@price` (a date alone is at par), dates in the one date grammar
 *   (src/core/dateText.ts); an optional last entry names the style (`bermudan`, `european`,
 *   `american`) or says `make-whole`;
 * - rows `date, price[, style]` (a range given to `calls`);
 * - a first call date with an optional price and style (the `call_date`, `call_price`,
 *   `call_style` columns; one date cell given to `calls`): callable from then on at that price.
 *
 * Prices are clean per 100 of par. A price that looks like a fraction of par (1.02) or a percent
 * of something else is reported, not rescaled.
 */
import { DATE_FORMS, serialFromDateText } from "../dateText";
import { clip, isoFromSerial, parseDate } from "../dates";
import { InvalidValueError, KeyrateError, throwIfProblems } from "../errors";
import { cellNumber, cellValue } from "../holdings/cells";
import { CALL_STYLES, CallSchedule, CallStyle, DEFAULT_CALL_STYLE } from "./callSchedule";

/** Call prices accepted, per 100 of par: outside this a price is reported as a likely unit slip. */
export const CALL_PRICE_RANGE = { min: 50, max: 200 } as const;

const MAKE_WHOLE = /^make[\s-]?whole$/i;

/** The style named by text (case-insensitive), or undefined for text that names none. */
export function callStyleFromText(text: string): CallStyle | undefined {
  const t = text.trim().toLowerCase();
  return (CALL_STYLES as readonly string[]).includes(t) ? (t as CallStyle) : undefined;
}

function styleOf(value: unknown, argument: string): CallStyle {
  const v = cellValue(value);
  if (v === null) return DEFAULT_CALL_STYLE;
  const style = typeof v === "string" ? callStyleFromText(v) : undefined;
  if (!style) {
    throw new InvalidValueError(
      `${argument}: expected a call style (${CALL_STYLES.join(", ")}), got ${clip(JSON.stringify(v))}`,
      value,
      argument
    );
  }
  return style;
}

function priceProblem(price: number | undefined, raw: unknown): string | undefined {
  if (price === undefined) return `price ${clip(JSON.stringify(raw))} is not a number`;
  if (price < CALL_PRICE_RANGE.min || price > CALL_PRICE_RANGE.max) {
    return `price ${price} is not a call price per 100 of par (expected ${CALL_PRICE_RANGE.min}–${CALL_PRICE_RANGE.max}, e.g. 100 or 102.5)`;
  }
  return undefined;
}

/** Checks and packs parsed entries; every problem is reported at once. */
function schedule(
  entries: readonly { date: number; price: number }[],
  style: CallStyle,
  argument: string,
  makeWhole = false
): CallSchedule {
  const problems: string[] = [];
  if (!entries.length) problems.push("no call date");
  for (let k = 1; k < entries.length; k++) {
    if (!(entries[k].date > entries[k - 1].date)) {
      problems.push(
        `call dates must increase (${isoFromSerial(entries[k].date)} after ${isoFromSerial(entries[k - 1].date)})`
      );
    }
  }
  throwIfProblems(problems, argument, 3);
  return {
    dates: Float64Array.from(entries, (e) => e.date),
    prices: Float64Array.from(entries, (e) => e.price),
    style,
    ...(makeWhole ? { makeWhole: true } : {}),
  };
}

/**
 * Parses schedule text (see the module comment).
 * @throws InvalidValueError naming every bad entry (the first three and a count).
 */
export function parseCallScheduleText(text: string, argument = "calls"): CallSchedule {
  const parts = text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  let style: CallStyle = DEFAULT_CALL_STYLE;
  let makeWhole = false;
  const entries: { date: number; price: number }[] = [];
  const problems: string[] = [];
  for (const part of parts) {
    const named = callStyleFromText(part);
    if (named) {
      style = named;
      continue;
    }
    if (MAKE_WHOLE.test(part)) {
      makeWhole = true;
      continue;
    }
    const [dateText, priceText, ...rest] = part.split("@").map((s) => s.trim());
    const date = serialFromDateText(dateText);
    const price = priceText === undefined ? 100 : cellNumber(priceText);
    const bad =
      rest.length > 0
        ? `"${clip(part)}" has more than one @`
        : date === undefined
          ? `"${clip(dateText)}" is not a date (${DATE_FORMS})`
          : priceProblem(price, priceText);
    if (bad) problems.push(bad);
    else entries.push({ date: date as number, price: price as number });
  }
  throwIfProblems(problems, argument, 3);
  return schedule(entries, style, argument, makeWhole);
}

/**
 * A schedule from rows `date, price[, style]` (a `calls` range); blank rows are skipped, the style
 * must be the same on every row that gives one.
 */
export function callScheduleFromRows(
  rows: readonly (readonly unknown[])[],
  argument = "calls"
): CallSchedule {
  const entries: { date: number; price: number }[] = [];
  const problems: string[] = [];
  const styles = new Set<CallStyle>();
  rows.forEach((row, r) => {
    if (row.every((v) => cellValue(v) === null)) return;
    try {
      const date = parseDate(cellValue(row[0]), `${argument} row ${r + 1} date`);
      const rawPrice = cellValue(row[1] ?? null);
      const price = rawPrice === null ? 100 : cellNumber(rawPrice);
      const bad = priceProblem(price, rawPrice);
      if (bad) throw new InvalidValueError(`${argument} row ${r + 1}: ${bad}`, rawPrice, argument);
      if (row.length > 2 && cellValue(row[2]) !== null)
        styles.add(styleOf(row[2], `${argument} row ${r + 1} style`));
      entries.push({ date, price: price as number });
    } catch (e) {
      if (!(e instanceof KeyrateError)) throw e;
      problems.push(e.message);
    }
  });
  if (styles.size > 1) problems.push(`one style per schedule, found ${[...styles].join(" and ")}`);
  throwIfProblems(problems, argument, 3);
  return schedule(entries, styles.size ? [...styles][0] : DEFAULT_CALL_STYLE, argument);
}

/** Callable from `date` on at `price` (default par) in `style` (default American). */
export function callScheduleFromFirstCall(
  date: unknown,
  price: unknown = null,
  style: unknown = null,
  argument = "calls"
): CallSchedule {
  return callScheduleFromRows([[date, price, style]], argument);
}

/**
 * One cell of a `calls` column: a date (a serial or date text: callable at par, American, from
 * then on) or schedule text; null for an empty cell (not callable).
 */
export function callScheduleFromCell(value: unknown, argument = "calls"): CallSchedule | null {
  const v = cellValue(value);
  if (v === null) return null;
  if (typeof v === "string" && serialFromDateText(v) === undefined) {
    return parseCallScheduleText(v, argument);
  }
  return callScheduleFromFirstCall(v, null, null, argument);
}

/** The schedule as text in the grammar above, e.g. `2029-06-01@102.438; 2031-06-01@100; bermudan`. */
export function callScheduleText(s: CallSchedule): string {
  const entries = Array.from(s.dates, (d, k) => `${isoFromSerial(d)}@${s.prices[k]}`);
  const tail = [s.style === DEFAULT_CALL_STYLE ? "" : s.style, s.makeWhole ? "make-whole" : ""];
  return [...entries, ...tail.filter((t) => t)].join("; ");
}
