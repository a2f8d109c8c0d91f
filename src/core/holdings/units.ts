/**
 * Units of holdings columns (SPEC S2, S3), decided once per column, never value by value.
 *
 * Rate columns (coupon, yield, vendor weight) are percent or decimal: a header saying `(%)`, `%`,
 * `pct` or `percent` means percent, `(decimal)` means decimal; otherwise the column's values
 * decide for the whole column (see {@link decideRateUnit}) and an undecidable column is reported,
 * not assumed. A cell written with its own `%` ("4.5%") is self-describing and is never scaled
 * again. Money columns (par, vendor market value, vendor DV01) are scaled by `(000s)`, `(000)`,
 * `($000)`, `in thousands` (× 1,000) and `(mm)`, `($mm)`, `(mln)`, `in millions` (× 1,000,000).
 * Margin columns (a floater's quoted or discount margin) are basis points (`(bp)`, `bps`), percent
 * or decimal by their header, else decided by {@link decideSpreadUnit}.
 */
import { CellValue, cellNumber } from "./cells";
import { HoldingField } from "./types";

/** How a column's numbers are read. */
export type ColumnUnit =
  | { readonly kind: "percent"; readonly source: "header" | "values" }
  | { readonly kind: "decimal"; readonly source: "header" | "values" }
  | { readonly kind: "bp"; readonly source: "header" | "values" }
  | { readonly kind: "scale"; readonly factor: number; readonly source: "header" }
  | { readonly kind: "ambiguous"; readonly detail: string };

/** Fields quoted as rates: percent or decimal. */
export const RATE_FIELDS = ["coupon", "yield", "vendor_weight", "wac"] as const;
/** Floating-rate margins: basis points, percent or decimal. */
export const SPREAD_FIELDS = ["spread", "discount_margin"] as const;
/** Fields holding money, which a header may scale. */
export const MONEY_FIELDS = ["par", "vendor_market_value", "vendor_dv01"] as const;

const PERCENT = /\(\s*%\s*\)|%|\bpct\b|\bpercent\b|\bper cent\b/i;
const DECIMAL = /\(\s*dec(imal)?\s*\)|\bdecimal\b/i;
const BASIS_POINTS = /\bbps?\b|\bbasis points?\b/i;
const THOUSANDS = /\(\s*\$?\s*000'?s?\s*\)|\bin thousands\b|\(\s*thousands\s*\)|\(\s*\$?k\s*\)/i;
const MILLIONS = /\(\s*\$?\s*(mm|mln|mio)\s*\)|\bin millions\b|\(\s*millions\s*\)/i;

/** The unit a header states for a field, or undefined when it states none. */
export function unitFromHeader(field: HoldingField, header: string): ColumnUnit | undefined {
  if ((RATE_FIELDS as readonly string[]).includes(field)) {
    if (PERCENT.test(header)) return { kind: "percent", source: "header" };
    if (DECIMAL.test(header)) return { kind: "decimal", source: "header" };
  }
  if ((SPREAD_FIELDS as readonly string[]).includes(field)) {
    if (BASIS_POINTS.test(header)) return { kind: "bp", source: "header" };
    if (PERCENT.test(header)) return { kind: "percent", source: "header" };
    if (DECIMAL.test(header)) return { kind: "decimal", source: "header" };
  }
  if ((MONEY_FIELDS as readonly string[]).includes(field)) {
    if (THOUSANDS.test(header)) return { kind: "scale", factor: 1e3, source: "header" };
    if (MILLIONS.test(header)) return { kind: "scale", factor: 1e6, source: "header" };
  }
  return undefined;
}

/** Largest decimal coupon or yield taken as such (20%); a larger one below 1 is ambiguous. */
export const DECIMAL_RATE_LIMIT = 0.2;

/** True for text carrying its own percent sign ("4.5%"), read as a decimal whatever the column. */
export function hasOwnPercent(value: CellValue): boolean {
  return typeof value === "string" && value.trim().endsWith("%");
}

/**
 * The unit of a rate column whose header states none, from all its numbers (cells with their own
 * `%` left aside). Coupons and yields: decimal when every magnitude is at most
 * {@link DECIMAL_RATE_LIMIT} (20%); when some are 1 or more, the majority decides between those
 * and the non-zero ones at most 20% (decimal: the few of 1 or more are then reported row by row as
 * percents typed in a decimal column), a tie is ambiguous; ambiguous too when the largest lies
 * between 20% and 1 (0.5 could be 0.5% or 50%). Weights: percent when they sum to 100 (±5) or one is 1 or more, decimal when they
 * sum to 1 (±0.05), else ambiguous.
 */
export function decideRateUnit(field: HoldingField, values: readonly CellValue[]): ColumnUnit {
  let maxAbs = 0;
  let sum = 0;
  let count = 0;
  let small = 0;
  let big = 0;
  for (const v of values) {
    if (v === null || hasOwnPercent(v)) continue;
    const n = cellNumber(v);
    if (n === undefined) continue;
    const a = Math.abs(n);
    maxAbs = Math.max(maxAbs, a);
    sum += n;
    count++;
    if (a >= 1) big++;
    else if (a > 0 && a <= DECIMAL_RATE_LIMIT) small++;
  }
  if (count === 0) return { kind: "decimal", source: "values" };
  if (field === "vendor_weight") {
    if (Math.abs(sum - 100) <= 5 || maxAbs >= 1) return { kind: "percent", source: "values" };
    if (Math.abs(sum - 1) <= 0.05) return { kind: "decimal", source: "values" };
    return {
      kind: "ambiguous",
      detail: `weights sum to ${sum.toPrecision(4)}, neither 1 nor 100`,
    };
  }
  if (maxAbs <= DECIMAL_RATE_LIMIT) return { kind: "decimal", source: "values" };
  if (big > 0 && small > big) return { kind: "decimal", source: "values" };
  if (big > 0 && big > small) return { kind: "percent", source: "values" };
  if (big > 0) {
    return {
      kind: "ambiguous",
      detail: `${big} value(s) look like percents (1 or more) and as many like decimals (at most 0.2)`,
    };
  }
  return {
    kind: "ambiguous",
    detail: `the largest value ${maxAbs} could be a percent or a decimal`,
  };
}

/** Smallest margin magnitude read as basis points from values alone: no spread is 20% or more. */
export const BP_FROM_VALUES_MIN = 20;

/**
 * The unit of a margin column (quoted or discount margin) whose header states none, from its
 * numbers (cells with their own `%` left aside): basis points only when every non-zero magnitude
 * is at least 1 and some exceed {@link BP_FROM_VALUES_MIN} (no percent or decimal margin is that
 * large); otherwise ambiguous (0.5 could be 0.5%, 0.5 bp or 50 bp written 0.005 as a decimal),
 * reported so the header says "(bp)", "(%)" or "(decimal)". An empty column is decimal.
 */
export function decideSpreadUnit(values: readonly CellValue[]): ColumnUnit {
  let maxAbs = 0;
  let below1 = 0;
  for (const v of values) {
    if (v === null || hasOwnPercent(v)) continue;
    const n = cellNumber(v);
    if (n === undefined || n === 0) continue;
    maxAbs = Math.max(maxAbs, Math.abs(n));
    if (Math.abs(n) < 1) below1++;
  }
  if (maxAbs === 0) return { kind: "decimal", source: "values" };
  if (below1 === 0 && maxAbs > BP_FROM_VALUES_MIN) return { kind: "bp", source: "values" };
  return {
    kind: "ambiguous",
    detail: `margins up to ${maxAbs} could be basis points, percent or decimal`,
  };
}

/**
 * Applies a column's unit to a number read from a cell: percent ÷ 100 (unless the cell had its
 * own `%`), money × the header's scale.
 */
export function applyUnit(unit: ColumnUnit | undefined, value: CellValue, n: number): number {
  if (unit === undefined) return n;
  if (unit.kind === "percent") return hasOwnPercent(value) ? n : n / 100;
  if (unit.kind === "scale") return n * unit.factor;
  if (unit.kind === "bp") return hasOwnPercent(value) ? n : n / 1e4;
  return n;
}

/** The unit in words for the mapping: "percent", "decimal", "× 1,000", "undecided: …". */
export function describeUnit(unit: ColumnUnit): string {
  switch (unit.kind) {
    case "percent":
    case "decimal":
      return unit.source === "header" ? unit.kind : `${unit.kind} (from its values)`;
    case "bp":
      return unit.source === "header" ? "basis points" : "basis points (from its values)";
    case "scale":
      return unit.factor === 1e3 ? "in thousands (× 1,000)" : "in millions (× 1,000,000)";
    case "ambiguous":
      return `unit undecided: ${unit.detail}`;
  }
}
