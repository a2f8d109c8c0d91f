/**
 * Curve tenors: labels such as "1M", "3 Mo", "2Y", "10 Yr", "30 Years", or a number of years, as
 * whole months; and the time convention of every curve: ACT/365F years from settlement to the
 * tenor's date (settlement plus the months, unadjusted, day clamped to the month's end as EDATE).
 */
import { addMonths, serialFromYmd, ymdFromSerial } from "../dates";
import { InvalidValueError, OutOfDomainError } from "../errors";

const LABEL = /^\s*(\d+(?:\.\d+)?)\s*(m|mo|mos|mon|month|months|y|yr|yrs|year|years)\s*$/i;

/** Months of a tenor label or a number of years (which must be a whole number of months). */
export function parseTenor(value: unknown, argument = "tenor"): number {
  let months: number | undefined;
  if (typeof value === "number") months = value * 12;
  else if (typeof value === "string") {
    const m = LABEL.exec(value);
    if (m) months = Number(m[1]) * (m[2].toLowerCase().startsWith("m") ? 1 : 12);
    else if (value.trim() !== "" && Number.isFinite(Number(value))) months = Number(value) * 12;
  }
  if (months === undefined || !Number.isFinite(months)) {
    throw new InvalidValueError(
      `${argument}: expected a tenor like "3M", "2Y", "10 Yr" or years as a number, got ${JSON.stringify(value)}`,
      value,
      argument
    );
  }
  const whole = Math.round(months);
  if (Math.abs(months - whole) > 1e-6 || whole <= 0) {
    throw new OutOfDomainError(
      `${argument}: a tenor must be a positive whole number of months, got ${JSON.stringify(value)}`,
      value,
      argument
    );
  }
  return whole;
}

/** The date (Excel serial) `months` after `settlement`, EDATE-style. */
export function tenorDate(settlement: number, months: number): number {
  const { y, m, d } = addMonths(ymdFromSerial(settlement), months);
  return serialFromYmd(y, m, d);
}

/** Curve time: ACT/365F years from settlement to a date (Excel serials). */
export function curveTime(settlement: number, date: number): number {
  return (date - settlement) / 365;
}

/** Curve time of a tenor from settlement. */
export function tenorTime(settlement: number, months: number): number {
  return curveTime(settlement, tenorDate(settlement, months));
}

/** A tenor label for display: "3M", "2Y", "18M". */
export function tenorLabel(months: number): string {
  return months % 12 === 0 ? `${months / 12}Y` : `${months}M`;
}
