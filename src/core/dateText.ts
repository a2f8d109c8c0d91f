/**
 * The date grammar of cell text, one for every input (holdings, curves, histories, benchmark,
 * mandate, hedges, scenario library, function arguments). A date is a calendar date: the text's
 * year, month and day are taken as written, so no time zone can move them; a time of day after
 * the date is ignored.
 *
 * Accepted, case-insensitive, surrounding spaces ignored:
 * - ISO `2046-02-01`, `2046/02/01`, with an optional time `2046-02-01T00:00:00Z`, `2046-02-01 13:45`;
 * - US `2/1/2046`, `02/01/2046`, `2/1/46` (two-digit years 00–49 are 2000–2049, 50–99 are
 *   1950–1999), with an optional time;
 * - `Feb 01, 2046`, `February 1, 2046`, `Feb 1 2046`;
 * - `01-Feb-2046`, `1 Feb 2046`, `01-Feb-46`;
 * - `20460201` (eight digits, year first).
 * Day-first numeric dates (`01/02/2046` meaning 1 February) are not read as such: `31/12/2046`
 * is rejected, never swapped.
 */
import { daysInMonth, serialFromYmd } from "./dates";

const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ["jan", "january"],
    ["feb", "february"],
    ["mar", "march"],
    ["apr", "april"],
    ["may", "may"],
    ["jun", "june"],
    ["jul", "july"],
    ["aug", "august"],
    ["sep", "september", "sept"],
    ["oct", "october"],
    ["nov", "november"],
    ["dec", "december"],
  ].flatMap((names, k) => names.map((n) => [n, k + 1] as [string, number]))
);

const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AP]M)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${TIME}$`, "i");
const US = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})${TIME}$`, "i");
const MONTH_FIRST = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/i;
const DAY_FIRST = /^(\d{1,2})[-\s]([a-z]{3,9})\.?[-\s](\d{4}|\d{2})$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** Four-digit year of a two-digit one: 00–49 → 2000–2049, 50–99 → 1950–1999. */
export function pivotYear(text: string): number {
  const y = Number(text);
  return text.length === 2 ? y + (y < 50 ? 2000 : 1900) : y;
}

/** Serial of a civil date, or undefined when the day does not exist. */
function checked(y: number, m: number | undefined, d: number): number | undefined {
  if (m === undefined || m < 1 || m > 12 || d < 1 || y < 1900) return undefined;
  if (d > daysInMonth(y, m) && !(y === 1900 && m === 2 && d === 29)) return undefined;
  return serialFromYmd(y, m, d);
}

/**
 * Excel serial of date text in one of the forms above, or undefined when the text is not one of
 * them or names a day that does not exist (`2023-02-29`). Plain numbers are not handled here.
 */
export function serialFromDateText(text: string): number | undefined {
  const t = text.trim();
  let m = ISO.exec(t);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  m = US.exec(t);
  if (m) return checked(pivotYear(m[3]), Number(m[1]), Number(m[2]));
  m = MONTH_FIRST.exec(t);
  if (m) return checked(Number(m[3]), MONTHS.get(m[1].toLowerCase()), Number(m[2]));
  m = DAY_FIRST.exec(t);
  if (m) return checked(pivotYear(m[3]), MONTHS.get(m[2].toLowerCase()), Number(m[1]));
  m = COMPACT.exec(t);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

/** The forms accepted, for messages. */
export const DATE_FORMS = "an Excel date, YYYY-MM-DD, M/D/YYYY, Feb 01, 2046 or 01-Feb-2046";
