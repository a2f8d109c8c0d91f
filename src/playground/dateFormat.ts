/**
 * A date serial under an Excel date/time format section: yyyy yy, mmmmm mmmm mmm mm m (months;
 * minutes after h or before s), dddd ddd dd d, hh h, ss s and AM/PM. Quoted text and \-escaped
 * characters are literal. Serials are Excel's 1900 system (1 = 1900-01-01, a Sunday).
 */
import { ymdFromSerial } from "../core/dates";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const DATE_TOKEN = /"([^"]*)"|\\(.)|(yyyy|yy|m{1,5}|d{1,4}|h{1,2}|s{1,2}|AM\/PM|A\/P)|(.)/gi;

/** True when a section (tags removed) is a date or time format rather than a number format. */
export function isDateSection(body: string): boolean {
  const codes = body.replace(/"[^"]*"|\\./g, "");
  return /[ydhs]/i.test(codes) || /^[^#0?]*m/i.test(codes);
}

/** The text of a date serial under a date/time section (tags already removed). */
export function formatDate(serial: number, body: string): string {
  const day = Math.floor(serial);
  const { y, m, d } = ymdFromSerial(day);
  const seconds = Math.round((serial - day) * 86400);
  const hour = Math.floor(seconds / 3600) % 24;
  const minute = Math.floor(seconds / 60) % 60;
  const second = seconds % 60;
  const twelveHour = /AM\/PM|A\/P/i.test(body);
  const two = (n: number) => String(n).padStart(2, "0");
  const tokens = [...body.matchAll(DATE_TOKEN)];
  // "m" is minutes right after an hour code or right before a seconds code.
  const isMinute = (k: number) => {
    const before = tokens
      .slice(0, k)
      .reverse()
      .find((t) => t[3] !== undefined)?.[3];
    const after = tokens.slice(k + 1).find((t) => t[3] !== undefined)?.[3];
    return /^h/i.test(before ?? "") || /^s/i.test(after ?? "");
  };
  return tokens
    .map((t, k) => {
      const [, quoted, escaped, code, other] = t;
      if (quoted !== undefined) return quoted;
      if (escaped !== undefined) return escaped;
      if (other !== undefined) return other;
      const c = code.toLowerCase();
      if (c === "yyyy") return String(y);
      if (c === "yy") return two(y % 100);
      if (c[0] === "m" && c.length <= 2 && isMinute(k))
        return c === "mm" ? two(minute) : String(minute);
      if (c === "mmmmm") return MONTHS[m - 1][0];
      if (c === "mmmm") return MONTHS[m - 1];
      if (c === "mmm") return MONTHS[m - 1].slice(0, 3);
      if (c === "mm") return two(m);
      if (c === "m") return String(m);
      if (c === "dddd") return DAYS[(day - 1) % 7];
      if (c === "ddd") return DAYS[(day - 1) % 7].slice(0, 3);
      if (c === "dd") return two(d);
      if (c === "d") return String(d);
      const h = twelveHour ? hour % 12 || 12 : hour;
      if (c === "hh") return two(h);
      if (c === "h") return String(h);
      if (c === "ss") return two(second);
      if (c === "s") return String(second);
      if (c === "am/pm") return hour < 12 ? "AM" : "PM";
      return hour < 12 ? "A" : "P";
    })
    .join("");
}
