/**
 * Dates as Excel serial numbers in the 1900 date system, the unit every cell holds.
 *
 * Serial 1 is 1900-01-01 and serial 60 is Excel's phantom 1900-02-29 (kept for Lotus 1-2-3
 * compatibility), so serials from 61 on are days since 1899-12-30. Civil dates are handled as
 * (year, month, day) triples with month 1–12; the phantom day exists only as serial 60 and maps
 * back to 1900-02-29 so that a round trip is exact.
 */
import { InvalidValueError, OutOfDomainError } from "./errors";
import { DATE_FORMS, serialFromDateText } from "./dateText";

/** A calendar date; month is 1–12. */
export interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/** Largest serial Excel accepts: 9999-12-31. */
export const MAX_SERIAL = 2958465;

/** Days from 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day count from 1970-01-01. */
function civilFromDays(z: number): Ymd {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Serial 61 (1900-03-01) is 25,568 days before 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;

/** True in the Gregorian calendar. Excel's phantom 1900-02-29 is handled by the serial mapping, not here. */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in a month of the Gregorian calendar (February 1900 has 28: the phantom day is a serial quirk). */
export function daysInMonth(y: number, m: number): number {
  return m === 2
    ? isLeapYear(y)
      ? 29
      : 28
    : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Excel serial of a civil date; 1900-02-29 gives the phantom serial 60. */
export function serialFromYmd(y: number, m: number, d: number): number {
  if (y === 1900 && m === 2 && d === 29) return 60;
  const s = daysFromCivil(y, m, d) + UNIX_EPOCH_SERIAL;
  return s <= 60 ? s - 1 : s;
}

/** Civil date of a whole Excel serial (fractions of a day are dropped, as Excel's date functions do). */
export function ymdFromSerial(serial: number): Ymd {
  const s = Math.floor(serial);
  if (s === 60) return { y: 1900, m: 2, d: 29 };
  return civilFromDays((s < 60 ? s + 1 : s) - UNIX_EPOCH_SERIAL);
}

/** ISO `YYYY-MM-DD` text of a serial. */
export function isoFromSerial(serial: number): string {
  const { y, m, d } = ymdFromSerial(serial);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * A date cell's value as a message shows it: a serial number (what Excel holds) or a Date as its
 * ISO date with the serial beside it ("2024-06-30 (serial 45473)"), so that "Maturity: 45473"
 * reads as a date. Undefined for anything that is not a date serial (text, booleans, blanks, a
 * number outside 1…2958465): the caller shows those as they are.
 */
export function dateCellText(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime()))
    return value.toISOString().slice(0, 10);
  if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
  const whole = Math.floor(value);
  if (whole < 1 || whole > MAX_SERIAL) return undefined;
  return `${isoFromSerial(whole)} (serial ${value})`;
}

const ISO_DATE = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/;

/** Serial of ISO `YYYY-MM-DD` text, or `undefined` when the text is not such a date. */
export function serialFromIso(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1) return undefined;
  if (d > daysInMonth(y, m) && !(y === 1900 && m === 2 && d === 29)) return undefined;
  return serialFromYmd(y, m, d);
}

/**
 * Parses a cell value as a date: an Excel serial number (truncated to whole days, as Excel's bond
 * functions do), date text in the one grammar of {@link serialFromDateText} (ISO, M/D/YYYY,
 * `Feb 01, 2046`, `01-Feb-2046`, ISO with a time…), or a numeric text. A JavaScript `Date` (from
 * exceljs, which builds them at UTC midnight) is taken at its UTC calendar day. No time zone moves
 * a date.
 * @throws InvalidValueError for text that is not a date; OutOfDomainError for a serial outside 1…2958465.
 */
export function parseDate(value: unknown, argument = "date"): number {
  let serial: number | undefined;
  if (typeof value === "number") serial = value;
  else if (value instanceof Date)
    serial = serialFromYmd(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  else if (typeof value === "string") {
    serial = serialFromIso(value) ?? serialFromDateText(value);
    if (serial === undefined && value.trim() !== "" && Number.isFinite(Number(value)))
      serial = Number(value);
  }
  if (serial === undefined || !Number.isFinite(serial)) {
    throw new InvalidValueError(
      `${argument}: expected a date (${DATE_FORMS}), got ${clip(JSON.stringify(value))}`,
      value,
      argument
    );
  }
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_SERIAL) {
    throw new OutOfDomainError(
      `${argument}: date serial ${serial} is outside Excel's range 1 (1900-01-01) … ${MAX_SERIAL} (9999-12-31)`,
      value,
      argument
    );
  }
  return whole;
}

/** Text cut to 60 characters for a message, with "…" where cut. */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Adds whole months to a date, clamping the day to the end of the target month (EDATE). With
 * `endOfMonth`, the result is the last day of the target month (EOMONTH-like roll used by coupon
 * schedules whose maturity is a month end).
 */
export function addMonths(date: Ymd, months: number, endOfMonth = false): Ymd {
  const total = date.y * 12 + (date.m - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const last = daysInMonth(y, m);
  return { y, m, d: endOfMonth ? last : Math.min(date.d, last) };
}

/** True when the date is the last day of its month (Excel's phantom 1900-02-29 counts as such). */
export function isEndOfMonth(date: Ymd): boolean {
  return date.d >= daysInMonth(date.y, date.m);
}
