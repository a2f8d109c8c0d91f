/**
 * The yield-based bond functions (DURATION_MOD, DURATION_MAC, CONVEXITY, DV01, PRICE, YIELD,
 * ACCRUED) over ranges: every argument may be a single cell or a range, each cell is parsed once,
 * and the whole range goes through one kernel call.
 */
import { parseDate } from "../../core/dates";
import { KeyrateError, NoSolutionError } from "../../core/errors";
import {
  BondTerms,
  YieldRisk,
  allocateTerms,
  checkBondTerms,
  checkPrice,
  checkYield,
  clearTerms,
  parseBasis,
  parseFrequency,
  riskFromYield,
  schedules,
  yieldFromPrice,
} from "../../core/bond";
import {
  Arg,
  asMatrix,
  broadcastShape,
  buildResult,
  guard,
  isBlank,
  parseNumber,
  Result,
} from "./cells";
import { checkDecimalRate } from "./rateArgs";

/** Leading argument names shared by the bond functions, in Excel signature order. */
const BOND_ARGS = ["settlement", "maturity", "coupon", "yld", "frequency", "basis"] as const;

/** Bond ranges parsed cell by cell: the kernel input and each cell's error. */
export interface ParsedRange {
  rows: number;
  cols: number;
  terms: BondTerms;
  /** The fourth argument (yield or price) per cell. */
  quote: Float64Array;
  /** Optional face amount per cell (DV01). */
  face: Float64Array;
  errors: (KeyrateError | undefined)[];
}

/**
 * Parses (settlement, maturity, coupon, quote, frequency, [basis], [face]) ranges cell by cell into
 * kernel input; a cell whose arguments are bad gets its error and NaN terms. The quote is a yield
 * or a price, per `names[3]` and `checkQuote` (the yield functions here, the curve functions with a
 * clean price); only these arguments are broadcast against each other.
 */
export function parseBondRange(
  args: readonly Arg[],
  names: readonly string[],
  checkQuote: (x: number) => void
): ParsedRange {
  const matrices = args.map(asMatrix);
  const [rows, cols] = broadcastShape(matrices, names);
  const count = rows * cols;
  const terms = allocateTerms(count);
  const quote = new Float64Array(count);
  const face = new Float64Array(count);
  const errors: (KeyrateError | undefined)[] = new Array(count);
  // One reader per argument, resolved once: a single cell broadcasts, a range is indexed.
  const readers = matrices.map((m): ((r: number, c: number) => unknown) => {
    if (!m) return () => undefined;
    if (m.length === 1 && m[0].length === 1) {
      const v = m[0][0];
      return () => v;
    }
    return (r, c) => m[r][c];
  });
  const [settlementOf, maturityOf, couponOf, quoteOf, frequencyOf, basisOf, faceOf] = readers;
  for (let r = 0, i = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++, i++) {
      try {
        // Written straight into the kernel's arrays (no object per bond on this hot path).
        const settlement = parseDate(settlementOf(r, c), names[0]);
        const maturity = parseDate(maturityOf(r, c), names[1]);
        const rate = parseNumber(couponOf(r, c), names[2]);
        checkDecimalRate(rate, names[2]);
        const frequency = parseFrequency(frequencyOf(r, c), names[4]);
        const basis = parseBasis(basisOf?.(r, c), names[5]);
        checkBondTerms(settlement, maturity, rate);
        quote[i] = parseNumber(quoteOf(r, c), names[3]);
        checkQuote(quote[i]);
        const faceCell = faceOf?.(r, c);
        face[i] = isBlank(faceCell) ? 100 : parseNumber(faceCell, "face");
        terms.settlement[i] = settlement;
        terms.maturity[i] = maturity;
        terms.rate[i] = rate;
        terms.frequency[i] = frequency;
        terms.basis[i] = basis;
      } catch (e) {
        if (!(e instanceof KeyrateError)) throw e;
        errors[i] = e;
        clearTerms(terms, i);
      }
    }
  }
  return { rows, cols, terms, quote, face, errors };
}

/** Result cells from a kernel output, with parse errors kept and non-finite values reported. */
export function toResult(p: ParsedRange, values: (i: number) => number, what: string): Result {
  return buildResult(p.rows, p.cols, (i) => {
    const error = p.errors[i];
    if (error) return error;
    const v = values(i);
    return Number.isFinite(v)
      ? v
      : new NoSolutionError(`${what} could not be computed for these terms`, v);
  });
}

/** Evaluates one yield-risk figure over ranges of bonds. */
function yieldRiskFunction(
  args: readonly Arg[],
  pick: (risk: YieldRisk, face: Float64Array, i: number) => number,
  what: string
): Result {
  return guard(() => {
    const names = [...BOND_ARGS, "face"];
    const p = parseBondRange(args, names, (y) => {
      checkYield(y);
      checkDecimalRate(y, names[3]);
    });
    const risk = riskFromYield(p.terms, p.quote);
    return toResult(p, (i) => pick(risk, p.face, i), what);
  });
}

/** KEYRATE.DURATION_MOD: modified duration −P′/P of the dirty price, years. */
export function durationMod(...args: Arg[]): Result {
  return yieldRiskFunction(args, (r, _f, i) => r.modified[i], "modified duration");
}

/** KEYRATE.DURATION_MAC: Macaulay duration, years. */
export function durationMac(...args: Arg[]): Result {
  return yieldRiskFunction(args, (r, _f, i) => r.macaulay[i], "Macaulay duration");
}

/** KEYRATE.CONVEXITY: yield convexity P″/P, years². */
export function convexity(...args: Arg[]): Result {
  return yieldRiskFunction(args, (r, _f, i) => r.convexity[i], "convexity");
}

/** KEYRATE.DV01: −dP/dy × 0.0001 for the dirty value of `face` (default 100), money per bp. */
export function dv01(...args: Arg[]): Result {
  return yieldRiskFunction(args, (r, face, i) => (r.dv01[i] * face[i]) / 100, "DV01");
}

/** KEYRATE.PRICE: clean price per 100 of par at a yield (Excel's PRICE with redemption 100). */
export function priceFn(...args: Arg[]): Result {
  return yieldRiskFunction(args, (r, _f, i) => r.clean[i], "price");
}

/** KEYRATE.ACCRUED: accrued interest per 100 of par at settlement (C·A/E). */
export function accrued(...args: Arg[]): Result {
  const [settlement, maturity, coupon, frequency, basis] = args;
  return guard(() => {
    const names = ["settlement", "maturity", "coupon", "unused", "frequency", "basis"];
    const p = parseBondRange(
      [settlement, maturity, coupon, [[0]], frequency, basis],
      names,
      () => undefined
    );
    const sched = schedules(p.terms);
    return toResult(p, (i) => sched.accrued[i], "accrued interest");
  });
}

/** KEYRATE.YIELD: the yield (decimal) that reprices a clean price per 100 (Excel's YIELD, redemption 100). */
export function yieldFn(...args: Arg[]): Result {
  return guard(() => {
    const names = ["settlement", "maturity", "coupon", "price", "frequency", "basis"];
    const p = parseBondRange(args, names, (x) => checkPrice(x));
    const y = yieldFromPrice(p.terms, p.quote);
    return toResult(p, (i) => y[i], "yield");
  });
}
