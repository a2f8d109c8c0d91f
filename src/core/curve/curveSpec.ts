/**
 * A curve as the user gives it — a two-column range of tenor and rate, with its kind — parsed once
 * at the boundary, and the zero curves built from it (cached by content, so a sheet full of
 * formulas on one curve bootstraps once).
 */
import { DEFAULT_CURVE_KIND, DEFAULT_INTERPOLATION, isParKind } from "../conventions";
import { InvalidValueError } from "../errors";
import { clip } from "../dates";
import { cellNumber, cellValue } from "../holdings/cells";
import { parseOption } from "../options";
import { bootstrapPar } from "./bootstrap";
import { Interpolation, INTERPOLATIONS } from "./interpolation";
import { parseTenor, tenorTime } from "./tenor";
import { ZeroCurve } from "./zeroCurve";

/**
 * What the rates are: US Treasury par yields (bond-equivalent, semiannual: the default), zero
 * rates compounded continuously or semiannually, or SOFR OIS par swap rates (annual fixed ACT/360
 * against compounded SOFR).
 */
export type CurveKind = "par" | "zero_cont" | "zero_semi" | "sofr_ois";
export const CURVE_KINDS: readonly CurveKind[] = ["par", "zero_cont", "zero_semi", "sofr_ois"];

export { isParKind } from "../conventions";

/** Which rates a key-rate or parallel shift moves: the input par yields (re-bootstrapped) or zero rates. */
export type ShiftOn = "par" | "zero";
export const SHIFT_ONS: readonly ShiftOn[] = ["par", "zero"];

export interface CurveSpec {
  readonly kind: CurveKind;
  /** Tenors in months, strictly increasing. */
  readonly months: readonly number[];
  /** Rates, decimal, in the kind's convention. */
  readonly rates: readonly number[];
}

export { parseOption } from "../options";

export const parseCurveKind = (v: unknown) =>
  parseOption(v, CURVE_KINDS, DEFAULT_CURVE_KIND, "curve_kind");
export const parseInterpolation = (v: unknown) =>
  parseOption<Interpolation>(v, INTERPOLATIONS, DEFAULT_INTERPOLATION, "interpolation");

/** How many problems a message lists before giving the count of the rest. */
export const LISTED_PROBLEMS = 3;

/** Problems joined for one message: the first {@link LISTED_PROBLEMS} and how many more. */
export function listProblems(problems: readonly string[]): string {
  const shown = problems.slice(0, LISTED_PROBLEMS).join("; ");
  const more = problems.length - LISTED_PROBLEMS;
  return more > 0 ? `${shown}; and ${more} more (${problems.length} in all)` : shown;
}

/**
 * Reads a tenor/rate range. A first row whose rate is not a number is taken as a header; a header
 * saying percent ("Rate (%)", "Yield %") means the rates are percent, otherwise they are decimals
 * and one of 1 or more is reported as a likely percent. Rates are read with the one cell grammar
 * ("4.5%" text is 0.045). Blank rows are skipped; every bad row is counted in one bounded message
 * (the first three named).
 * @throws InvalidValueError listing the bad rows.
 */
export function parseCurveRange(
  values: readonly (readonly unknown[])[],
  kind: CurveKind
): CurveSpec {
  if (!values.length || (values[0]?.length ?? 0) < 2) {
    throw new InvalidValueError(
      "curve: expected a range of two columns, tenor and rate",
      values.length,
      "curve"
    );
  }
  const rows = values.filter((r) => cellValue(r[0]) !== null || cellValue(r[1]) !== null);
  const first = rows.length ? cellValue(rows[0][1]) : null;
  const isHeader = typeof first === "string" && cellNumber(first) === undefined;
  const percent = isHeader && PERCENT_HEADER.test(first);
  const problems: string[] = [];
  const pairs: [number, number][] = [];
  rows.slice(isHeader ? 1 : 0).forEach((row, i) => {
    try {
      const months = parseTenor(cellValue(row[0]) ?? "", "tenor");
      const cell = cellValue(row[1]);
      const n = cell === null ? undefined : cellNumber(cell);
      if (n === undefined)
        throw new InvalidValueError(
          `rate ${clip(JSON.stringify(cell ?? ""))} is not a number`,
          row[1],
          "rate"
        );
      const own = typeof cell === "string" && cell.trim().endsWith("%");
      const rate = percent && !own ? n / 100 : n;
      if (Math.abs(rate) >= 1)
        throw new InvalidValueError(
          `rate ${rate} looks like a percent: enter 0.045 for 4.5%, or head the column "Rate (%)"`,
          row[1],
          "rate"
        );
      pairs.push([months, rate]);
    } catch (e) {
      problems.push(`row ${i + 1 + (isHeader ? 1 : 0)}: ${clip((e as Error).message, 120)}`);
    }
  });
  pairs.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < pairs.length; i++) {
    if (pairs[i][0] === pairs[i - 1][0])
      problems.push(`tenor of ${pairs[i][0]} months appears twice`);
  }
  if (problems.length)
    throw new InvalidValueError(`curve: ${listProblems(problems)}`, problems.length, "curve");
  if (!pairs.length) throw new InvalidValueError("curve: no tenor/rate rows", 0, "curve");
  return { kind, months: pairs.map((p) => p[0]), rates: pairs.map((p) => p[1]) };
}

const PERCENT_HEADER = /\(\s*%\s*\)|%|\bpct\b|\bpercent\b/i;

/** Continuously compounded zero rate of a rate in the kind's compounding. */
function toContinuous(kind: CurveKind, rate: number): number {
  return kind === "zero_semi" ? 2 * Math.log(1 + rate / 2) : rate;
}

const CACHE_SIZE = 256;
const cache = new Map<string, ZeroCurve>();

/**
 * The zero curve of a spec at a settlement date, each input rate moved by `bumps` (decimal, one
 * per tenor; par yields are re-bootstrapped). Cached by content.
 */
export function buildCurve(
  spec: CurveSpec,
  settlement: number,
  interpolation: Interpolation,
  bumps?: ArrayLike<number>
): ZeroCurve {
  const rates = spec.rates.map((r, i) => r + (bumps ? bumps[i] : 0));
  const key = `${spec.kind}|${interpolation}|${settlement}|${spec.months.join(",")}|${rates.join(",")}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const curve = isParKind(spec.kind)
    ? bootstrapPar(
        settlement,
        spec.months,
        rates,
        interpolation,
        spec.kind === "sofr_ois" ? "sofr_ois" : "treasury"
      )
    : new ZeroCurve(
        settlement,
        Float64Array.from(spec.months, (m) => tenorTime(settlement, m)),
        Float64Array.from(rates, (r) => toContinuous(spec.kind, r)),
        interpolation
      );
  cache.set(key, curve);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return curve;
}
