/**
 * The curve functions over ranges: KRD, DURATION_EFF, CONVEXITY_EFF, SPREAD_DURATION, ZSPREAD
 * (bonds against a curve, from clean prices) and ZERO_RATES (the zero curve a curve range builds).
 *
 * The bond arguments are parsed and broadcast as in the yield functions (`parseBondRange`); the
 * curve, keys and options are whole-call arguments (a bad one gives a single error). Bonds are
 * grouped by settlement date, each group in one kernel call (curveRiskBySettlement).
 */

import { InvalidValueError, MissingValueError, NoSolutionError } from "../../core/errors";
import { checkPrice } from "../../core/bond";
import { buildCurve, parseTenor, tenorTime } from "../../core/curve";
import { curveRiskBySettlement } from "../../core/risk/curveRiskBySettlement";
import { CurveRisk } from "../../core/risk/bondRisk";

import { parseBondRange, toResult } from "./bondFunctions";
import { Arg, asMatrix, cellwise, guard, isBlank, Result, ResultCell } from "./cells";
import { curveOptions, parseKeys, parseSettlementArg, parseShiftOn } from "./curveArgs";

export * from "./curveArgs";

/** Names of the bond arguments of the curve functions, in signature order (price, not yield). */
const BOND_NAMES = ["settlement", "maturity", "coupon", "price", "frequency", "basis"];

/**
 * One curve figure per bond (DURATION_EFF, CONVEXITY_EFF, SPREAD_DURATION, ZSPREAD), shaped like
 * the bond ranges. Arguments: settlement, maturity, coupon, price, frequency, curve, [basis],
 * [curve_kind], [interpolation].
 */
function curveFigure(
  args: readonly Arg[],
  pick: (risk: CurveRisk, i: number) => number,
  what: string
): Result {
  return guard(() => {
    const [settlement, maturity, coupon, price, frequency, curve, basis, curveKind, interp] = args;
    const { spec, interpolation } = curveOptions(curve, curveKind, interp);
    const p = parseBondRange(
      [settlement, maturity, coupon, price, frequency, basis],
      BOND_NAMES,
      (x) => checkPrice(x)
    );
    // No keys: these figures need only the base and parallel curves.
    const risk = curveRiskBySettlement(p.terms, p.quote, spec, { interpolation, keysMonths: [] });
    return toResult(p, (i) => pick(risk, i), what);
  });
}

const NO_ZSPREAD = "no Z-spread over this curve reprices the price";

/** KEYRATE.DURATION_EFF: effective duration, curve shifted ±1 bp, Z-spread held; years. */
export function durationEff(...args: Arg[]): Result {
  return curveFigure(args, (r, i) => r.effDuration[i], `effective duration: ${NO_ZSPREAD}`);
}

/** KEYRATE.CONVEXITY_EFF: effective convexity, curve shifted ±1 bp, Z-spread held; years². */
export function convexityEff(...args: Arg[]): Result {
  return curveFigure(args, (r, i) => r.effConvexity[i], `effective convexity: ${NO_ZSPREAD}`);
}

/** KEYRATE.SPREAD_DURATION: Z-spread ±1 bp on the unchanged curve; years. */
export function spreadDuration(...args: Arg[]): Result {
  return curveFigure(args, (r, i) => r.spreadDuration[i], `spread duration: ${NO_ZSPREAD}`);
}

/** KEYRATE.ZSPREAD: the constant spread over the zero curve that reprices the clean price; decimal, continuous ACT/365F. */
export function zspread(...args: Arg[]): Result {
  return curveFigure(args, (r, i) => r.zspread[i], `Z-spread: ${NO_ZSPREAD}`);
}

/**
 * KEYRATE.KRD: key-rate durations (years), one row per bond. Arguments: settlement, maturity,
 * coupon, price, frequency, curve, [basis], [keys], [shift_on], [curve_kind], [interpolation].
 * The bond arguments must be single cells or one column (a row of results per bond).
 */
export function krd(...args: Arg[]): Result {
  return guard(() => {
    const [settlement, maturity, coupon, price, frequency, curve, basis, keys, shiftOnArg] = args;
    const [curveKind, interp] = args.slice(9);
    const { spec, interpolation } = curveOptions(curve, curveKind, interp);
    const keysMonths = parseKeys(keys);
    const shiftOn = parseShiftOn(shiftOnArg, spec.kind);
    const p = parseBondRange(
      [settlement, maturity, coupon, price, frequency, basis],
      BOND_NAMES,
      (x) => checkPrice(x)
    );
    if (p.cols !== 1) {
      throw new InvalidValueError(
        `the bond arguments span ${p.cols} columns: give one bond or a column of bonds; ` +
          `each bond spills a row of ${keysMonths.length} KRDs`,
        `${p.rows}×${p.cols}`,
        "settlement"
      );
    }
    const risk = curveRiskBySettlement(p.terms, p.quote, spec, {
      interpolation,
      keysMonths,
      shiftOn,
    });
    const nk = keysMonths.length;
    const out: Result = [];
    for (let i = 0; i < p.rows; i++) {
      const error = p.errors[i];
      const row: ResultCell[] = [];
      for (let k = 0; k < nk; k++) {
        const v = risk.krd[i * nk + k];
        row.push(error ?? (Number.isFinite(v) ? v : new NoSolutionError(`KRD: ${NO_ZSPREAD}`, v)));
      }
      out.push(row);
    }
    return out;
  });
}

/**
 * KEYRATE.ZERO_RATES: continuously compounded zero rates (decimal, ACT/365F) of the curve at the
 * given tenors, shaped like `tenors`. Arguments: curve, tenors, [curve_kind], [interpolation],
 * [settlement] (default T+1 business day after today): tenors are measured from it.
 */
export function zeroRates(
  curve: Arg,
  tenors: Arg,
  curveKind?: Arg,
  interp?: Arg,
  settlementArg?: Arg
): Result {
  return guard(() => {
    const { spec, interpolation } = curveOptions(curve, curveKind, interp);
    const settlement = parseSettlementArg(settlementArg);
    const zero = buildCurve(spec, settlement, interpolation);
    if (asMatrix(tenors) === undefined) {
      throw new MissingValueError("tenors: no tenors given", tenors, "tenors");
    }
    return cellwise([tenors], ["tenors"], ([cell]) => {
      if (isBlank(cell)) {
        throw new MissingValueError("tenors: the cell is empty; a tenor is needed", cell, "tenors");
      }
      return zero.zeroRate(tenorTime(settlement, parseTenor(cell, "tenors")));
    });
  });
}
