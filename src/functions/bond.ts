/**
 * The KEYRATE custom functions Excel calls. These are thin adapters: the JSDoc below is the help
 * Excel's formula autocomplete shows (functions.json is generated from it by
 * custom-functions-metadata-plugin), every argument accepts a single cell or a range (a column of
 * bonds in, a spilled column out: one kernel call per range), and core errors become Excel errors
 * with their message.
 */
import { toExcel } from "./excelErrors";
import {
  accrued,
  convexity,
  durationMac,
  durationMod,
  dv01,
  priceFn,
  yieldFn,
} from "./impl/bondFunctions";
import { price32, to32 } from "./impl/quoteFunctions";
import { yieldToWorstFn } from "./impl/yieldToWorstFunction";

/**
 * Modified duration (years) of the dirty price implied by Excel's PRICE: −(1/P)·dP/dy, with the
 * settlement fraction DSC/E and the simple-yield rule in the final period. Equals MDURATION on
 * coupon dates.
 * @customfunction DURATION_MOD
 * @param settlement Settlement date: an Excel date or text "YYYY-MM-DD".
 * @param maturity Maturity date: an Excel date or text "YYYY-MM-DD", after settlement.
 * @param coupon Annual coupon rate as a decimal (0.045 for 4.5%), ≥ 0.
 * @param yld Annual yield to maturity as a decimal, compounded at the coupon frequency, ≥ 0.
 * @param frequency Coupons per year: 1 annual, 2 semiannual, 4 quarterly.
 * @param [basis] Day-count basis: 0 US 30/360 (default), 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360.
 * @param [issue] Issue (dated) date, given with first_coupon for an odd first coupon period: interest accrues from it; settling before it (when-issued), nothing has accrued.
 * @param [first_coupon] First coupon date, given with issue: a coupon date of the maturity's schedule. Settling before it: Excel's odd first period (ODDFPRICE, ODDFYIELD); on or after it: a regular bond.
 * @returns Modified duration in years (yield-based method).
 */
export function DURATION_MOD(
  settlement: any[][],
  maturity: any[][],
  coupon: any[][],
  yld: any[][],
  frequency: any[][],
  basis?: any[][],
  issue?: any[][],
  first_coupon?: any[][]
): any[][] {
  return toExcel(
    durationMod(settlement, maturity, coupon, yld, frequency, basis, issue, first_coupon)
  );
}

/**
 * Macaulay duration (years): the present-value-weighted time to the cash flows, on the same basis
 * and settlement fraction as Excel's PRICE. Equals DURATION on coupon dates.
 * @customfunction DURATION_MAC
 * @param settlement Settlement date: an Excel date or text "YYYY-MM-DD".
 * @param maturity Maturity date: an Excel date or text "YYYY-MM-DD", after settlement.
 * @param coupon Annual coupon rate as a decimal (0.045 for 4.5%), ≥ 0.
 * @param yld Annual yield to maturity as a decimal, compounded at the coupon frequency, ≥ 0.
 * @param frequency Coupons per year: 1 annual, 2 semiannual, 4 quarterly.
 * @param [basis] Day-count basis: 0 US 30/360 (default), 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360.
 * @param [issue] Issue (dated) date, given with first_coupon for an odd first coupon period: interest accrues from it; settling before it (when-issued), nothing has accrued.
 * @param [first_coupon] First coupon date, given with issue: a coupon date of the maturity's schedule. Settling before it: Excel's odd first period (ODDFPRICE, ODDFYIELD); on or after it: a regular bond.
 * @returns Macaulay duration in years.
 */
export function DURATION_MAC(
  settlement: any[][],
  maturity: any[][],
  coupon: any[][],
  yld: any[][],
  frequency: any[][],
  basis?: any[][],
  issue?: any[][],
  first_coupon?: any[][]
): any[][] {
  return toExcel(
    durationMac(settlement, maturity, coupon, yld, frequency, basis, issue, first_coupon)
  );
}

/**
 * Yield convexity (years²): (1/P)·d²P/dy² of the dirty price in the bond's own compounding. Excel
 * has no convexity function.
 * @customfunction CONVEXITY
 * @param settlement Settlement date: an Excel date or text "YYYY-MM-DD".
 * @param maturity Maturity date: an Excel date or text "YYYY-MM-DD", after settlement.
 * @param coupon Annual coupon rate as a decimal (0.045 for 4.5%), ≥ 0.
 * @param yld Annual yield to maturity as a decimal, compounded at the coupon frequency, ≥ 0.
 * @param frequency Coupons per year: 1 annual, 2 semiannual, 4 quarterly.
 * @param [basis] Day-count basis: 0 US 30/360 (default), 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360.
 * @param [issue] Issue (dated) date, given with first_coupon for an odd first coupon period: interest accrues from it; settling before it (when-issued), nothing has accrued.
 * @param [first_coupon] First coupon date, given with issue: a coupon date of the maturity's schedule. Settling before it: Excel's odd first period (ODDFPRICE, ODDFYIELD); on or after it: a regular bond.
 * @returns Yield convexity in years².
 */
export function CONVEXITY(
  settlement: any[][],
  maturity: any[][],
  coupon: any[][],
  yld: any[][],
  frequency: any[][],
  basis?: any[][],
  issue?: any[][],
  first_coupon?: any[][]
): any[][] {
  return toExcel(
    convexity(settlement, maturity, coupon, yld, frequency, basis, issue, first_coupon)
  );
}

/**
 * Yield DV01: the money gained on the dirty value of `face` for a 1 bp fall in yield, to first
 * order (−dP/dy × 0.0001).
 * @customfunction DV01
 * @param settlement Settlement date: an Excel date or text "YYYY-MM-DD".
 * @param maturity Maturity date: an Excel date or text "YYYY-MM-DD", after settlement.
 * @param coupon Annual coupon rate as a decimal (0.045 for 4.5%), ≥ 0.
 * @param yld Annual yield to maturity as a decimal, compounded at the coupon frequency, ≥ 0.
 * @param frequency Coupons per year: 1 annual, 2 semiannual, 4 quarterly.
 * @param [basis] Day-count basis: 0 US 30/360 (default), 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360.
 * @param [face] Face amount held, in money (default 100); negative for a short position.
 * @param [issue] Issue (dated) date, given with first_coupon for an odd first coupon period: interest accrues from it; settling before it (when-issued), nothing has accrued.
 * @param [first_coupon] First coupon date, given with issue: a coupon date of the maturity's schedule. Settling before it: Excel's odd first period (ODDFPRICE, ODDFYIELD); on or after it: a regular bond.
 * @returns DV01 in money per basis point (yield-based), for the given face.
 */
export function DV01(
  settlement: any[][],
  maturity: any[][],
  coupon: any[][],
  yld: any[][],
  frequency: any[][],
  basis?: any[][],
  face?: any[][],
  issue?: any[][],
  first_coupon?: any[][]
): any[][] {
  return toExcel(
    dv01(settlement, maturity, coupon, yld, frequency, basis, face, issue, first_coupon)
  );
}

/**
 * Clean price per 100 of par at a yield: Excel's PRICE with redemption 100, and ODDFPRICE when
 * issue and first_coupon give an odd first coupon period.
 * @customfunction PRICE
 * @param settlement Settlement date: an Excel date or text "YYYY-MM-DD".
 * @param maturity Maturity date: an Excel date or text "YYYY-MM-DD", after settlement.
 * @param coupon Annual coupon rate as a decimal (0.045 for 4.5%), ≥ 0.
 * @param yld Annual yield to maturity as a decimal, compounded at the coupon frequency, ≥ 0.
 * @param frequency Coupons per year: 1 annual, 2 semiannual, 4 quarterly.
 * @param [basis] Day-count basis: 0 US 30/360 (default), 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360.
 * @param [issue] Issue (dated) date, given with first_coupon for an odd first coupon period: interest accrues from it; settling before it (when-issued), nothing has accrued.
 * @param [first_coupon] First coupon date, given with issue: a coupon date of the maturity's schedule. Settling before it: Excel's odd first period (ODDFPRICE, ODDFYIELD); on or after it: a regular bond.
 * @returns Clean price per 100 of par.
 */
export function PRICE(
  settlement: any[][],
  maturity: any[][],
  coupon: any[][],
  yld: any[][],
  frequency: any[][],
  basis?: any[][],
  issue?: any[][],
  first_coupon?: any[][]
): any[][] {
  return toExcel(priceFn(settlement, maturity, coupon, yld, frequency, basis, issue, first_coupon));
}

/**
 * Yield to maturity that reprices a clean price: Excel's YIELD with redemption 100 (simple yield in
 * the final period), and ODDFYIELD when issue and first_coupon give an odd first coupon period.
 * @customfunction YIELD
 * @param settlement Settlement date: an Excel date or text "YYYY-MM-DD".
 * @param maturity Maturity date: an Excel date or text "YYYY-MM-DD", after settlement.
 * @param coupon Annual coupon rate as a decimal (0.045 for 4.5%), ≥ 0.
 * @param price Clean price per 100 of par, > 0.
 * @param frequency Coupons per year: 1 annual, 2 semiannual, 4 quarterly.
 * @param [basis] Day-count basis: 0 US 30/360 (default), 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360.
 * @param [issue] Issue (dated) date, given with first_coupon for an odd first coupon period: interest accrues from it; settling before it (when-issued), nothing has accrued.
 * @param [first_coupon] First coupon date, given with issue: a coupon date of the maturity's schedule. Settling before it: Excel's odd first period (ODDFPRICE, ODDFYIELD); on or after it: a regular bond.
 * @returns Annual yield as a decimal, compounded at the coupon frequency.
 */
export function YIELD(
  settlement: any[][],
  maturity: any[][],
  coupon: any[][],
  price: any[][],
  frequency: any[][],
  basis?: any[][],
  issue?: any[][],
  first_coupon?: any[][]
): any[][] {
  return toExcel(
    yieldFn(settlement, maturity, coupon, price, frequency, basis, issue, first_coupon)
  );
}

/**
 * Accrued interest per 100 of par at settlement: coupon per period × A/E on the basis; in an odd
 * first period accrued from the issue date (0 before it).
 * @customfunction ACCRUED
 * @param settlement Settlement date: an Excel date or text "YYYY-MM-DD".
 * @param maturity Maturity date: an Excel date or text "YYYY-MM-DD", after settlement.
 * @param coupon Annual coupon rate as a decimal (0.045 for 4.5%), ≥ 0.
 * @param frequency Coupons per year: 1 annual, 2 semiannual, 4 quarterly.
 * @param [basis] Day-count basis: 0 US 30/360 (default), 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360.
 * @param [issue] Issue (dated) date, given with first_coupon for an odd first coupon period: interest accrues from it; settling before it (when-issued), nothing has accrued.
 * @param [first_coupon] First coupon date, given with issue: a coupon date of the maturity's schedule. Settling before it: Excel's odd first period (ODDFPRICE, ODDFYIELD); on or after it: a regular bond.
 * @returns Accrued interest per 100 of par.
 */
export function ACCRUED(
  settlement: any[][],
  maturity: any[][],
  coupon: any[][],
  frequency: any[][],
  basis?: any[][],
  issue?: any[][],
  first_coupon?: any[][]
): any[][] {
  return toExcel(accrued(settlement, maturity, coupon, frequency, basis, issue, first_coupon));
}

/**
 * Decimal price of a Treasury quote in 32nds: "110-16" = 110.5, "110-16+" = 110.515625, "110-165" =
 * 110.515625 (third digit: eighths of a 32nd), "99-31¾". Decimal numbers pass through.
 * @customfunction PRICE32
 * @param quote Price quote in 32nds as text, or a decimal price.
 * @returns Price as a decimal number of points per 100 of par.
 */
export function PRICE32(quote: any[][]): any[][] {
  return toExcel(price32(quote));
}

/**
 * Treasury quote in 32nds of a decimal price: 110.515625 → "110-16+", 110.5078125 → "110-162".
 * @customfunction TO32
 * @param price Decimal price per 100 of par.
 * @param [resolution] Rounding: 32 (whole 32nds), 64 (halves, "+"), 128 (quarters) or 256 (eighths of a 32nd, default).
 * @returns The quote as text "handle-32nds[digit]".
 */
export function TO32(price: any[][], resolution?: any[][]): any[][] {
  return toExcel(to32(price, resolution));
}

/**
 * Yield to worst (decimal): the lowest of Excel's YIELD to maturity and to each call date at its
 * call price (for American and Bermudan calls also each coupon date from the first call on, at
 * the price in effect). Make-whole calls are not workouts: the yield to maturity.
 * @customfunction YIELD_TO_WORST
 * @param settlement Settlement date: an Excel date or text "YYYY-MM-DD".
 * @param maturity Maturity date: an Excel date or text "YYYY-MM-DD", after settlement.
 * @param coupon Annual coupon rate as a decimal (0.045 for 4.5%), ≥ 0.
 * @param price Clean price per 100 of par.
 * @param frequency Coupons per year: 1 annual, 2 semiannual, 4 quarterly.
 * @param calls For one bond: rows of date, price[, style], one first call date (at par, American), or text such as "2029-06-01@102.438; 2031-06-01@100; bermudan". For a column of bonds: a column of dates or schedule texts, one per bond.
 * @param [basis] Day-count basis: 0 US 30/360 (default), 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360.
 * @returns Yield to worst, decimal, compounded at the coupon frequency.
 */
export function YIELD_TO_WORST(
  settlement: any[][],
  maturity: any[][],
  coupon: any[][],
  price: any[][],
  frequency: any[][],
  calls: any[][],
  basis?: any[][]
): any[][] {
  return toExcel(yieldToWorstFn(settlement, maturity, coupon, price, frequency, calls, basis));
}
