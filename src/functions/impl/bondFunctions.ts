/**
 * The yield-based bond functions (DURATION_MOD, DURATION_MAC, CONVEXITY, DV01, PRICE, YIELD,
 * ACCRUED) over ranges: every argument may be a single cell or a range, each cell is parsed once,
 * and the whole range goes through one kernel call.
 *
 * Each takes two optional trailing arguments `issue` and `first_coupon` (after `face` for DV01):
 * with both, a bond settling before its first coupon date has Excel's odd first period
 * (ODDFPRICE/ODDFYIELD); settling before the issue date, nothing has accrued and the price is
 * the present value at settlement of the same cash flows. One without the other is #VALUE!.
 */
import { parseDate } from "../../core/dates";
import { KeyrateError, NoSolutionError } from "../../core/errors";
import {
  BondTerms,
  YieldRisk,
  allocateTerms,
  checkBondTerms,
  checkOddFirst,
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

/** Names of the optional odd-first-period arguments (positions 7 and 8 of `parseBondRange`). */
const ODD_ARGS = ["issue", "first_coupon"] as const;

/** An optional date cell: NaN when blank. */
function optionalDate(value: unknown, argument: string): number {
  return isBlank(value) ? NaN : parseDate(value, argument);
}

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
 * Parses (settlement, maturity, coupon, quote, frequency, [basis], [face], [issue],
 * [first_coupon]) ranges cell by cell into kernel input; a cell whose arguments are bad gets its
 * error and NaN terms. The quote is a yield or a price, per `names[3]` and `checkQuote` (the yield
 * functions here, the curve functions with a clean price); only these arguments are broadcast
 * against each other. Issue and first coupon: both or neither (see `checkOddFirst`).
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
  const [issueOf, firstCouponOf] = readers.slice(7);
  const issueName = names[7] ?? ODD_ARGS[0];
  const firstName = names[8] ?? ODD_ARGS[1];
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
        const issue = optionalDate(issueOf?.(r, c), issueName);
        const firstCoupon = optionalDate(firstCouponOf?.(r, c), firstName);
        checkOddFirst(issue, firstCoupon, maturity, frequency);
        quote[i] = parseNumber(quoteOf(r, c), names[3]);
        checkQuote(quote[i]);
        const faceCell = faceOf?.(r, c);
        face[i] = isBlank(faceCell) ? 100 : parseNumber(faceCell, "face");
        terms.settlement[i] = settlement;
        terms.maturity[i] = maturity;
        terms.rate[i] = rate;
        terms.frequency[i] = frequency;
        terms.basis[i] = basis;
        terms.issue![i] = issue;
        terms.firstCoupon![i] = firstCoupon;
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

/**
 * Evaluates one yield-risk figure over ranges of bonds; `args` in `parseBondRange` order
 * (settlement, maturity, coupon, yld, frequency, basis, face, issue, first_coupon).
 */
function yieldRiskFunction(
  args: readonly Arg[],
  pick: (risk: YieldRisk, face: Float64Array, i: number) => number,
  what: string
): Result {
  return guard(() => {
    const names = [...BOND_ARGS, "face", ...ODD_ARGS];
    const p = parseBondRange(args, names, (y) => {
      checkYield(y);
      checkDecimalRate(y, names[3]);
    });
    const risk = riskFromYield(p.terms, p.quote);
    return toResult(p, (i) => pick(risk, p.face, i), what);
  });
}

/** Arguments (…, basis, issue, first_coupon) with the absent `face` slot put in. */
function withoutFace(args: readonly Arg[]): Arg[] {
  return [...args.slice(0, 6), undefined, ...args.slice(6, 8)];
}

/** KEYRATE.DURATION_MOD: modified duration −P′/P of the dirty price, years. */
export function durationMod(...args: Arg[]): Result {
  return yieldRiskFunction(withoutFace(args), (r, _f, i) => r.modified[i], "modified duration");
}

/** KEYRATE.DURATION_MAC: Macaulay duration, years. */
export function durationMac(...args: Arg[]): Result {
  return yieldRiskFunction(withoutFace(args), (r, _f, i) => r.macaulay[i], "Macaulay duration");
}

/** KEYRATE.CONVEXITY: yield convexity P″/P, years². */
export function convexity(...args: Arg[]): Result {
  return yieldRiskFunction(withoutFace(args), (r, _f, i) => r.convexity[i], "convexity");
}

/** KEYRATE.DV01: −dP/dy × 0.0001 for the dirty value of `face` (default 100), money per bp. */
export function dv01(...args: Arg[]): Result {
  return yieldRiskFunction(args, (r, face, i) => (r.dv01[i] * face[i]) / 100, "DV01");
}

/**
 * KEYRATE.PRICE: clean price per 100 of par at a yield (Excel's PRICE with redemption 100;
 * ODDFPRICE in an odd first period).
 */
export function priceFn(...args: Arg[]): Result {
  return yieldRiskFunction(withoutFace(args), (r, _f, i) => r.clean[i], "price");
}

/**
 * KEYRATE.ACCRUED: accrued interest per 100 of par at settlement (C·A/E; in an odd first period
 * C·Σ Aᵢ/NLᵢ from the issue date, 0 before it). Arguments: settlement, maturity, coupon,
 * frequency, [basis], [issue], [first_coupon].
 */
export function accrued(...args: Arg[]): Result {
  const [settlement, maturity, coupon, frequency, basis, issue, firstCoupon] = args;
  return guard(() => {
    const names = ["settlement", "maturity", "coupon", "unused", "frequency", "basis", "unused"];
    const p = parseBondRange(
      [settlement, maturity, coupon, [[0]], frequency, basis, undefined, issue, firstCoupon],
      [...names, ...ODD_ARGS],
      () => undefined
    );
    const sched = schedules(p.terms);
    return toResult(p, (i) => sched.accrued[i], "accrued interest");
  });
}

/**
 * KEYRATE.YIELD: the yield (decimal) that reprices a clean price per 100 (Excel's YIELD at
 * redemption 100; ODDFYIELD in an odd first period).
 */
export function yieldFn(...args: Arg[]): Result {
  return guard(() => {
    const names = ["settlement", "maturity", "coupon", "price", "frequency", "basis", "unused"];
    const p = parseBondRange(withoutFace(args), [...names, ...ODD_ARGS], (x) => checkPrice(x));
    const y = yieldFromPrice(p.terms, p.quote);
    return toResult(p, (i) => y[i], "yield");
  });
}
