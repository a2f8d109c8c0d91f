/**
 * The US government securities business-day calendar: the days SIFMA recommends a full close of
 * the US bond market, built from rules (no list of dates), for the years 1950–2200.
 *
 * Holidays: New Year's Day, Martin Luther King Jr. Day, Washington's Birthday (Presidents' Day),
 * Good Friday, Memorial Day, Juneteenth, Independence Day, Labor Day, Columbus Day, Veterans Day,
 * Thanksgiving Day and Christmas Day.
 *
 * Observance, as SIFMA applies it: a holiday on a Sunday is observed on the Monday after; a holiday
 * on a Saturday is observed on the Friday before, EXCEPT New Year's Day, whose Friday Dec 31 stays
 * a business day (SIFMA recommends only an early close so that the year end settles). Good Friday
 * and the Monday holidays never fall on a weekend.
 *
 * History follows the holidays' own dates: Washington's Birthday, Memorial Day and Columbus Day
 * are fixed dates (Feb 22, May 30, Oct 12) before the Uniform Monday Holiday Act (1971); Veterans
 * Day is the fourth Monday of October in 1971–1977; Martin Luther King Jr. Day starts in 1986 and
 * Juneteenth in 2022 (SIFMA did not close on 2021-06-18). One-off closures (national days of
 * mourning, 2001-09-11, Hurricane Sandy) and early closes are not rules and are not modelled.
 *
 * All dates are Excel serial numbers (1900 date system); fractions of a day are dropped.
 */
import { serialFromYmd, daysInMonth } from "../dates";
import { InvalidValueError, OutOfDomainError } from "../errors";

/** First and last years the calendar covers. */
export const FIRST_YEAR = 1950;
export const LAST_YEAR = 2200;

/** Serial range the calendar covers: 1950-01-01 … 2200-12-31. */
const FIRST_SERIAL = serialFromYmd(FIRST_YEAR, 1, 1);
const LAST_SERIAL = serialFromYmd(LAST_YEAR, 12, 31);
const RANGE = `${FIRST_YEAR}-01-01 … ${LAST_YEAR}-12-31`;

/** A bond-market holiday as observed (the date the market is closed). */
export interface Holiday {
  /** Excel serial of the day the market is closed. */
  readonly serial: number;
  readonly name: string;
  /** True when the holiday's own date fell on a weekend and this is the day observed instead. */
  readonly observed: boolean;
}

/** Day of week of a serial: 0 = Sunday … 6 = Saturday (valid from serial 61, 1900-03-01). */
export function weekday(serial: number): number {
  // From serial 61 (after Excel's phantom 1900-02-29) serials divisible by 7 are Saturdays.
  return (Math.floor(serial) + 6) % 7;
}

/** True on Saturday and Sunday. */
export function isWeekend(serial: number): boolean {
  const w = weekday(serial);
  return w === 0 || w === 6;
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return serialFromYmd(y, month, day);
}

/** The k-th (1-based) given weekday (0 = Sunday) of a month. */
function nthWeekday(y: number, m: number, dow: number, k: number): number {
  const first = serialFromYmd(y, m, 1);
  return first + ((dow - weekday(first) + 7) % 7) + 7 * (k - 1);
}

/** The last given weekday (0 = Sunday) of a month. */
function lastWeekday(y: number, m: number, dow: number): number {
  const last = serialFromYmd(y, m, daysInMonth(y, m));
  return last - ((weekday(last) - dow + 7) % 7);
}

const MONDAY = 1;
const THURSDAY = 4;

/**
 * A fixed-date holiday moved off the weekend: Sunday → Monday; Saturday → Friday unless
 * `saturdayStays` (New Year's Day), in which case it is dropped.
 */
function fixed(y: number, m: number, d: number, name: string, saturdayStays = false): Holiday[] {
  const serial = serialFromYmd(y, m, d);
  const w = weekday(serial);
  if (w === 0) return [{ serial: serial + 1, name, observed: true }];
  if (w === 6) return saturdayStays ? [] : [{ serial: serial - 1, name, observed: true }];
  return [{ serial, name, observed: false }];
}

/** A holiday defined as a weekday (never on a weekend). */
function onWeekday(serial: number, name: string): Holiday[] {
  return [{ serial, name, observed: false }];
}

function checkYear(y: number, argument: string): void {
  if (!Number.isInteger(y)) {
    throw new InvalidValueError(`${argument}: expected a whole year, got ${y}`, y, argument);
  }
  if (y < FIRST_YEAR || y > LAST_YEAR) {
    throw new OutOfDomainError(
      `${argument}: the US government securities calendar covers ${RANGE}, got ${y}`,
      y,
      argument
    );
  }
}

/**
 * The bond-market holidays of a year, as observed, in date order. Every observed date falls in
 * the year itself (a Saturday New Year's Day is not moved back into the previous year).
 * @throws OutOfDomainError outside 1950–2200.
 */
export function holidaysInYear(y: number): Holiday[] {
  checkYear(y, "year");
  const list: Holiday[] = [
    ...fixed(y, 1, 1, "New Year's Day", true),
    ...(y >= 1986 ? onWeekday(nthWeekday(y, 1, MONDAY, 3), "Martin Luther King Jr. Day") : []),
    ...(y >= 1971
      ? onWeekday(nthWeekday(y, 2, MONDAY, 3), "Washington's Birthday")
      : fixed(y, 2, 22, "Washington's Birthday")),
    ...onWeekday(easterSunday(y) - 2, "Good Friday"),
    ...(y >= 1971
      ? onWeekday(lastWeekday(y, 5, MONDAY), "Memorial Day")
      : fixed(y, 5, 30, "Memorial Day")),
    ...(y >= 2022 ? fixed(y, 6, 19, "Juneteenth National Independence Day") : []),
    ...fixed(y, 7, 4, "Independence Day"),
    ...onWeekday(nthWeekday(y, 9, MONDAY, 1), "Labor Day"),
    ...(y >= 1971
      ? onWeekday(nthWeekday(y, 10, MONDAY, 2), "Columbus Day")
      : fixed(y, 10, 12, "Columbus Day")),
    ...(y >= 1971 && y <= 1977
      ? onWeekday(nthWeekday(y, 10, MONDAY, 4), "Veterans Day")
      : fixed(y, 11, 11, "Veterans Day")),
    ...onWeekday(nthWeekday(y, 11, THURSDAY, 4), "Thanksgiving Day"),
    ...fixed(y, 12, 25, "Christmas Day"),
  ];
  return list.sort((p, q) => p.serial - q.serial);
}

/** Closed-day flags (1 = weekend or holiday) from FIRST_SERIAL, built on first use. */
let closed: Uint8Array | undefined;

function closedDays(): Uint8Array {
  if (closed) return closed;
  const flags = new Uint8Array(LAST_SERIAL - FIRST_SERIAL + 1);
  for (let s = FIRST_SERIAL; s <= LAST_SERIAL; s++) if (isWeekend(s)) flags[s - FIRST_SERIAL] = 1;
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    for (const h of holidaysInYear(y)) flags[h.serial - FIRST_SERIAL] = 1;
  }
  closed = flags;
  return flags;
}

/** Whole serial of a date argument, checked against the calendar's range. */
function checkSerial(serial: number, argument: string): number {
  if (typeof serial !== "number" || !Number.isFinite(serial)) {
    throw new InvalidValueError(
      `${argument}: expected a date serial, got ${serial}`,
      serial,
      argument
    );
  }
  const s = Math.floor(serial);
  if (s < FIRST_SERIAL || s > LAST_SERIAL) {
    throw new OutOfDomainError(
      `${argument}: the US government securities calendar covers ${RANGE}, got serial ${serial}`,
      serial,
      argument
    );
  }
  return s;
}

/** True when the US bond market is open: a weekday that is not a SIFMA holiday. */
export function isBusinessDay(serial: number): boolean {
  const s = checkSerial(serial, "date");
  return closedDays()[s - FIRST_SERIAL] === 0;
}

/** True when the date is an observed bond-market holiday (weekends are not holidays). */
export function isHoliday(serial: number): boolean {
  const s = checkSerial(serial, "date");
  return !isWeekend(s) && closedDays()[s - FIRST_SERIAL] === 1;
}

/**
 * Moves `n` business days from a date, as Excel's WORKDAY does: the start itself is not counted
 * and need not be a business day; n > 0 goes forward, n < 0 back, n = 0 returns the start.
 * @throws OutOfDomainError when the start or the result leaves 1950–2200.
 */
export function addBusinessDays(serial: number, n: number): number {
  let s = checkSerial(serial, "date");
  if (!Number.isInteger(n)) {
    throw new InvalidValueError(
      `days: expected a whole number of business days, got ${n}`,
      n,
      "days"
    );
  }
  const flags = closedDays();
  const step = n > 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0;) {
    s += step;
    if (s < FIRST_SERIAL || s > LAST_SERIAL) {
      throw new OutOfDomainError(
        `days: moving ${n} business days from serial ${serial} leaves the range ${RANGE}`,
        n,
        "days"
      );
    }
    if (flags[s - FIRST_SERIAL] === 0) left--;
  }
  return s;
}

/** The date itself when a business day, else the next business day (the "following" roll). */
export function nextOrSameBusinessDay(serial: number): number {
  const s = checkSerial(serial, "date");
  return isBusinessDay(s) ? s : addBusinessDays(s, 1);
}

/** The date itself when a business day, else the previous business day (the "preceding" roll). */
export function previousOrSameBusinessDay(serial: number): number {
  const s = checkSerial(serial, "date");
  return isBusinessDay(s) ? s : addBusinessDays(s, -1);
}

/** Last business day of a month (m = 1–12). */
export function lastBusinessDayOfMonth(y: number, m: number): number {
  checkYear(y, "year");
  if (!Number.isInteger(m) || m < 1 || m > 12) {
    throw new OutOfDomainError(`month: expected 1–12, got ${m}`, m, "month");
  }
  return previousOrSameBusinessDay(serialFromYmd(y, m, daysInMonth(y, m)));
}

/** First business day of a month (m = 1–12). */
export function firstBusinessDayOfMonth(y: number, m: number): number {
  checkYear(y, "year");
  if (!Number.isInteger(m) || m < 1 || m > 12) {
    throw new OutOfDomainError(`month: expected 1–12, got ${m}`, m, "month");
  }
  return nextOrSameBusinessDay(serialFromYmd(y, m, 1));
}

/** Default settlement lag of US Treasuries, in business days (S3: T+1). */
export const DEFAULT_SETTLEMENT_DAYS = 1;

/**
 * Settlement date of a trade: `days` business days after the trade date (default T+1), counted
 * as WORKDAY counts, so a trade dated on a Saturday settles T+1 on Monday (or later, if Monday is
 * a holiday). `days` = 0 is same-day (cash) settlement and returns the trade date.
 */
export function settlementDate(tradeSerial: number, days = DEFAULT_SETTLEMENT_DAYS): number {
  if (!Number.isInteger(days) || days < 0) {
    throw new OutOfDomainError(
      `settlement_days: expected a whole number ≥ 0, got ${days}`,
      days,
      "settlement_days"
    );
  }
  return addBusinessDays(tradeSerial, days);
}

/** Today on this computer's calendar (the clock is read only at the boundary, via `now`), as an Excel serial. */
export function todaySerial(now: Date = new Date()): number {
  return serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** SPEC S3's default settlement: T+1 business day after today on this calendar. */
export function defaultSettlement(now: Date = new Date()): number {
  return settlementDate(todaySerial(now));
}
