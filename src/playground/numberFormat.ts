/**
 * Cell text as Excel shows it, for the subset of number formats keyrate and the sample workbook
 * use: General, fixed decimals ("0.000"), grouping ("#,##0"), percent ("0.00%"), sections with
 * colours ("#,##0;[Red]-#,##0"), literal text and dates ("yyyy-mm-dd", "m/d/yyyy").
 */
import { ymdFromSerial } from "../core/dates";
import type { Scalar } from "./workbookModel";

/** The shown text and, when a section names one, its colour (CSS name). */
export interface Shown {
  text: string;
  color?: string;
}

/** Excel's General format: up to 11 significant digits, exponent for very large or small. */
function general(x: number): string {
  if (x === 0) return "0";
  const abs = Math.abs(x);
  if (abs >= 1e11 || abs < 1e-9)
    return x
      .toExponential(5)
      .replace(/\.?0+e/, "E")
      .toUpperCase();
  return String(Number(x.toPrecision(11)));
}

/** Splits a format into sections on ";" outside quotes. */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** The section's [Colour] tag and the section without it. */
function colourOf(section: string): { body: string; color?: string } {
  const m = /^\[(Red|Blue|Green|Black|White|Yellow|Magenta|Cyan)\]/i.exec(section);
  return m ? { body: section.slice(m[0].length), color: m[1].toLowerCase() } : { body: section };
}

const DATE_TOKEN = /yyyy|yy|mmm|mm|m|dd|d/g;
const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");

function formatDate(serial: number, body: string): string {
  const { y, m, d } = ymdFromSerial(Math.floor(serial));
  const two = (n: number) => String(n).padStart(2, "0");
  return body.replace(/\\(.)/g, "$1").replace(DATE_TOKEN, (t) => {
    switch (t) {
      case "yyyy":
        return String(y);
      case "yy":
        return two(y % 100);
      case "mmm":
        return MONTHS[m - 1];
      case "mm":
        return two(m);
      case "m":
        return String(m);
      case "dd":
        return two(d);
      default:
        return String(d);
    }
  });
}

/** Digits of |x| with `decimals` places and optional thousands separators. */
function digits(x: number, decimals: number, grouped: boolean): string {
  const [whole, fraction] = Math.abs(x).toFixed(decimals).split(".");
  const w = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : whole;
  return fraction === undefined ? w : `${w}.${fraction}`;
}

function formatNumber(x: number, body: string): string {
  const literal = body.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1");
  const m = /[#0][#0,]*(\.[#0]+)?%?/.exec(literal);
  if (!m) return literal;
  const pattern = m[0];
  const percent = pattern.endsWith("%");
  const decimals = m[1] ? m[1].length - 1 : 0;
  const text =
    digits(percent ? x * 100 : x, decimals, pattern.includes(",")) + (percent ? "%" : "");
  return literal.slice(0, m.index) + text + literal.slice(m.index + pattern.length);
}

/** The text Excel shows for a value under a number format. */
export function showValue(value: Scalar, format = "General"): Shown {
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  const parts = sections(format);
  if (typeof value === "string") {
    const textSection = parts[3];
    return { text: textSection ? textSection.replace("@", value).replace(/"/g, "") : value };
  }
  let section = parts[0];
  let x = value;
  if (value < 0 && parts.length > 1) {
    section = parts[1];
    x = Math.abs(value);
  } else if (value === 0 && parts.length > 2) section = parts[2];
  const { body, color } = colourOf(section);
  if (body === "" || /^general$/i.test(body.trim())) return { text: general(x), color };
  const unquoted = body.replace(/"[^"]*"/g, "");
  if (/[yd]/i.test(unquoted) || /^m+([^#0]|$)/i.test(unquoted)) {
    return { text: formatDate(x, body), color };
  }
  return { text: formatNumber(x, body), color };
}
