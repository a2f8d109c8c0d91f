/**
 * Cell text as Excel shows it under a number format. Sections `positive;negative;zero;text`: one
 * section serves every number and a negative gets a leading minus; with two or more, the second
 * serves negatives and shows |x| (its own "-" or parentheses are literal text); the third serves
 * zero; the fourth (or a single section holding "@") serves text. Per section: `[Red]`-style
 * colours and `[Color n]`, `[$USD-409]` currency tags (their text), digit placeholders `0 # ?`, the
 * decimal point, `,` between digits (thousands grouping) and after the last digit (each divides by
 * 1,000), `%` (× 100 each), `E+00` scientific, `"quoted"` and `\`-escaped literals, `_x` (a
 * space) and `*x` (fill, dropped), General, and date/time formats (dateFormat.ts).
 * Rounding is decimal half-up on the value's 15 significant digits, as Excel shows it.
 * Not supported: conditions (`[>100]`), fractions (`# ?/?`), locales other than en-US.
 */
import { formatDate, isDateSection } from "./dateFormat";
import type { Scalar } from "./workbookModel";

/** The shown text and, when a section names one, its colour (CSS name). */
export interface Shown {
  text: string;
  color?: string;
}

/** One section of a format: its colour and its body without tags. */
interface Section {
  readonly body: string;
  readonly color?: string;
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

const COLOURS = /^(red|blue|green|black|white|yellow|magenta|cyan)$/i;
const COLOUR_INDEX: Record<string, string> = { "3": "red", "5": "blue", "10": "green" };

/** A section's body with its [tags] replaced (colour kept aside, currency tags as their text). */
function section(raw: string): Section {
  let color: string | undefined;
  const body = raw.replace(/"[^"]*"|\\.|\[([^\]]*)\]/g, (m, tag?: string) => {
    if (tag === undefined) return m;
    if (COLOURS.test(tag)) color = tag.toLowerCase();
    else if (/^color\s*\d+$/i.test(tag)) color = COLOUR_INDEX[tag.replace(/\D/g, "")] ?? color;
    else if (tag.startsWith("$")) return `"${tag.slice(1).replace(/-[0-9a-f]+$/i, "")}"`;
    return "";
  });
  return { body, color };
}

/** The sections of a format, split on ";" outside quotes and escapes. */
const parsed = new Map<string, Section[]>();
function sections(format: string): Section[] {
  let out = parsed.get(format);
  if (out) return out;
  const raw: string[] = [""];
  for (const m of format.matchAll(/"[^"]*"|\\.|;|[^"\\;]+/g)) {
    if (m[0] === ";") raw.push("");
    else raw[raw.length - 1] += m[0];
  }
  out = raw.map(section);
  parsed.set(format, out);
  return out;
}

/** |x| as plain decimal digits rounded half-up to `decimals` places, from 15 significant digits. */
export function roundedDigits(x: number, decimals: number): { whole: string; fraction: string } {
  const [mantissa, exp] = Math.abs(x).toExponential(14).split("e");
  const digits = mantissa.replace(".", "");
  const point = Number(exp) + 1; // digits before the decimal point
  const padded = point <= 0 ? "0".repeat(1 - point) + digits : digits.padEnd(point, "0");
  const at = Math.max(point, 1);
  const keep = padded.slice(0, at + decimals).padEnd(at + decimals, "0");
  let out = keep;
  if (Number(padded[at + decimals] ?? "0") >= 5) {
    const up = (BigInt(keep) + 1n).toString().padStart(keep.length, "0");
    out = up;
  }
  const whole = out.slice(0, out.length - decimals).replace(/^0+(?=\d)/, "");
  return { whole, fraction: out.slice(out.length - decimals) };
}

/** The tokens of a number section: literals and the codes that place digits. */
type Token = { lit: string } | { code: string };

function tokens(body: string): Token[] {
  const out: Token[] = [];
  for (const m of body.matchAll(/"([^"]*)"|\\(.)|_(.)|\*(.)|([Ee][+-])|([0#?.,%])|(.)/g)) {
    const [, quoted, escaped, space, fill, exponent, code, other] = m;
    if (quoted !== undefined) out.push({ lit: quoted });
    else if (escaped !== undefined) out.push({ lit: escaped });
    else if (space !== undefined) out.push({ lit: " " });
    else if (fill !== undefined) continue;
    else if (exponent !== undefined) out.push({ code: exponent.toUpperCase() });
    else if (code !== undefined) out.push({ code });
    else out.push({ lit: other });
  }
  return out;
}

const isDigit = (t: Token | undefined) => t !== undefined && "code" in t && /[0#?]/.test(t.code);

/** The integer part with `0`/`#`/`?` placeholders: minimum digits, padding, grouping. */
function integerText(whole: string, placeholders: string, grouped: boolean): string {
  const zeros = placeholders.replace(/[^0]/g, "").length;
  let w = whole === "0" && zeros === 0 ? "" : whole.padStart(zeros, "0");
  if (grouped) w = w.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const spaces = (placeholders.match(/\?/g)?.length ?? 0) - Math.max(0, w.length - zeros);
  return " ".repeat(Math.max(0, spaces)) + w;
}

/** The fraction with `0` (kept), `#` (trailing zero dropped) and `?` (trailing zero as space). */
function fractionText(fraction: string, placeholders: string): string {
  const chars = fraction.split("");
  for (let k = chars.length - 1; k >= 0 && chars[k] === "0"; k--) {
    if (placeholders[k] === "#") chars[k] = "";
    else if (placeholders[k] === "?") chars[k] = " ";
    else break;
  }
  return chars.join("");
}

/** A non-negative number under a number section (sign handled by the caller). */
function formatNumber(x: number, body: string): string {
  const all = tokens(body);
  const lastDigit = all.map(isDigit).lastIndexOf(true);
  if (lastDigit < 0)
    return all.map((t) => ("lit" in t ? t.lit : t.code === "%" ? "%" : "")).join("");
  const codes = all.filter((t): t is { code: string } => "code" in t).map((t) => t.code);
  const expAt = codes.findIndex((c) => /^E/.test(c));
  const mantissa = expAt < 0 ? codes : codes.slice(0, expAt);
  const pointAt = mantissa.indexOf(".");
  const intCodes = pointAt < 0 ? mantissa : mantissa.slice(0, pointAt);
  const fracCodes = pointAt < 0 ? [] : mantissa.slice(pointAt + 1);
  // Commas right after the last digit placeholder scale; commas between digits group.
  let scaling = 0;
  for (let k = all.length - 1; k > lastDigit; k--)
    if ("code" in all[k] && (all[k] as { code: string }).code === ",") scaling++;
  const intDigits = intCodes.filter((c) => /[0#?]/.test(c)).join("");
  const fracDigits = fracCodes.filter((c) => /[0#?]/.test(c)).join("");
  const trailing = intCodes.join("").match(/,+$/)?.[0].length ?? 0;
  if (pointAt >= 0) scaling += trailing;
  const grouped = /[0#?],+[0#?]/.test(intCodes.join(""));
  const percents = codes.filter((c) => c === "%").length;
  let v = (x * 100 ** percents) / 1000 ** scaling;
  let exponent = "";
  if (expAt >= 0) {
    const shift = Math.max(intDigits.length, 1);
    const e = v === 0 ? 0 : Math.floor(Math.log10(v)) - (shift - 1);
    v /= 10 ** e;
    const expDigits = codes.slice(expAt + 1).filter((c) => /[0#?]/.test(c)).length;
    const sign = e < 0 ? "-" : codes[expAt] === "E+" ? "+" : "";
    exponent = `E${sign}${String(Math.abs(e)).padStart(expDigits, "0")}`;
  }
  const { whole, fraction } = roundedDigits(v, fracDigits.length);
  const intText = integerText(whole, intDigits, grouped);
  const fracText = fractionText(fraction, fracDigits);
  // Walk the section: the integer at the first digit placeholder, the fraction after ".".
  let out = "";
  let placedInt = false;
  let inFraction = false;
  let inExponent = false;
  for (let k = 0; k < all.length; k++) {
    const t = all[k];
    if ("lit" in t) {
      out += t.lit;
      continue;
    }
    if (t.code === "%") out += "%";
    else if (t.code === "." && !inExponent) {
      inFraction = true;
      out += `.${fracText}`;
    } else if (/^E/.test(t.code)) {
      inExponent = true;
      out += exponent;
    } else if (/[0#?]/.test(t.code) && !inFraction && !inExponent && !placedInt) {
      placedInt = true;
      out += intText;
    }
  }
  return out;
}

/** The text of a text value under the format's text section (or as it is). */
function showText(value: string, parts: Section[]): Shown {
  const textSection = parts[3] ?? parts.find((p) => p.body.includes("@"));
  if (!textSection) return { text: value };
  const text = tokens(textSection.body)
    .map((t) => ("lit" in t ? (t.lit === "@" ? value : t.lit) : t.code))
    .join("");
  return { text, color: textSection.color };
}

/** The text Excel shows for a value under a number format. */
export function showValue(value: Scalar, format = "General"): Shown {
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  const parts = sections(format);
  if (typeof value === "string") return showText(value, parts);
  const numeric = parts.length === 4 ? parts.slice(0, 3) : parts;
  let chosen = numeric[0];
  let minus = false;
  if (value < 0) {
    if (numeric.length >= 2) chosen = numeric[1];
    else minus = true;
  } else if (value === 0 && numeric.length >= 3) chosen = numeric[2];
  const x = Math.abs(value);
  const { body, color } = chosen;
  const shown = (text: string): Shown => {
    const signed = minus ? `-${text}` : text;
    return color ? { text: signed, color } : { text: signed };
  };
  if (/^\s*general\s*$/i.test(body) || (body.trim() === "" && parts.length === 1)) {
    return shown(general(x));
  }
  if (body.includes("@") && !/[0#?]/.test(body)) return shown(general(x));
  if (isDateSection(body)) return shown(formatDate(x, body));
  return shown(formatNumber(x, body));
}
