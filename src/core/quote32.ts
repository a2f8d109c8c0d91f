/**
 * Treasury price quotes in 32nds of a point, both ways.
 *
 * "110-16" is 110 + 16/32 = 110.5. A trailing "+" adds half a 32nd ("110-16+" = 110.515625). A
 * third digit gives eighths of a 32nd in CME's notation: 1 = ⅛, 2 = ¼, 3 = ⅜, 5 = ½, 6 = ⅝, 7 = ¾,
 * 8 = ⅞ ("110-165" = 110.515625, "110-162" = 110.5078125); 4 and 9 are not used. The vulgar
 * fractions ¼ ½ ¾ (and ⅛ ⅜ ⅝ ⅞) may follow the 32nds ("99-31¾"). A colon or an apostrophe may
 * stand for the dash ("110'16", "110:16"), as on some screens.
 */
import { InvalidValueError, OutOfDomainError } from "./errors";

const THIRD_DIGIT: Readonly<Record<string, number>> = {
  "0": 0,
  "1": 0.125,
  "2": 0.25,
  "3": 0.375,
  "5": 0.5,
  "6": 0.625,
  "7": 0.75,
  "8": 0.875,
};
const FRACTION_CHARS: Readonly<Record<string, number>> = {
  "¼": 0.25,
  "½": 0.5,
  "¾": 0.75,
  "⅛": 0.125,
  "⅜": 0.375,
  "⅝": 0.625,
  "⅞": 0.875,
  "+": 0.5,
};
const QUOTE = /^\s*(-)?\s*(\d+)\s*[-'’:]\s*(\d{2})(\d)?\s*([+¼½¾⅛⅜⅝⅞])?\s*$/;

/**
 * Decimal price of a 32nds quote ("110-16+" → 110.515625). A plain number (or numeric text) is
 * returned as it is, so a column may mix decimal and 32nds prices.
 * @throws InvalidValueError for text that is neither.
 */
export function parse32(value: unknown, argument = "price"): number {
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new InvalidValueError(`${argument}: not a finite number`, value, argument);
    return value;
  }
  const text = typeof value === "string" ? value : "";
  const match = QUOTE.exec(text);
  const fail = (why: string): never => {
    throw new InvalidValueError(
      `${argument}: ${why}, got ${JSON.stringify(value)}`,
      value,
      argument
    );
  };
  if (!match) {
    if (text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
    return fail(
      'expected a price in 32nds like "110-16", "110-16+", "110-165" or "99-31¾", or a decimal number'
    );
  }
  const [, sign, handle, ticks, digit, fraction] = match;
  const ticks32 = Number(ticks);
  if (ticks32 > 31) fail("the 32nds part must be 00–31");
  if (digit !== undefined && fraction !== undefined)
    fail("give either a third digit or a fraction, not both");
  let part = 0;
  if (digit !== undefined) {
    if (!(digit in THIRD_DIGIT))
      fail("the third digit gives eighths of a 32nd: 0, 1, 2, 3, 5, 6, 7 or 8");
    part = THIRD_DIGIT[digit];
  } else if (fraction !== undefined) part = FRACTION_CHARS[fraction];
  const price = Number(handle) + (ticks32 + part) / 32;
  return sign ? -price : price;
}

/** Allowed resolutions of TO32, in fractions of a point. */
export type Resolution32 = 32 | 64 | 128 | 256;

/**
 * 32nds quote of a decimal price, rounded to the nearest 1/`resolution` of a point (default 256,
 * an eighth of a 32nd): "110-16", "110-16+" for a half, "110-162" for a quarter and so on.
 */
export function format32(
  price: number,
  resolution: Resolution32 = 256,
  argument = "price"
): string {
  if (!Number.isFinite(price))
    throw new InvalidValueError(`${argument}: not a finite number`, price, argument);
  if (![32, 64, 128, 256].includes(resolution)) {
    throw new OutOfDomainError(
      `resolution: must be 32, 64, 128 or 256, got ${resolution}`,
      resolution,
      "resolution"
    );
  }
  const sign = price < 0 ? "-" : "";
  const units = Math.round(Math.abs(price) * resolution) * (256 / resolution); // in 1/256 of a point
  const handle = Math.floor(units / 256);
  const eighths = units - handle * 256; // eighths of a 32nd
  const ticks = Math.floor(eighths / 8);
  const rest = eighths - ticks * 8;
  const tail = rest === 0 ? "" : rest === 4 ? "+" : String([0, 1, 2, 3, 5, 6, 7, 8][rest]);
  return `${sign}${handle}-${String(ticks).padStart(2, "0")}${tail}`;
}
