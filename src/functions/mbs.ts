/**
 * The KEYRATE agency MBS functions Excel calls: a pool's cash flows at a fixed speed
 * (MBS_CASHFLOWS) and its OAS, option-adjusted duration and convexity by Monte Carlo on
 * Hull–White paths with keyrate prepayment model v1 — uncalibrated (MBS_OAS, MBS_DURATION,
 * MBS_CONVEXITY). Thin adapters over impl/mbsFunctions.ts; the JSDoc is the help Excel shows.
 */
import { toExcel } from "./excelErrors";
import { mbsCashFlows, mbsConvexity, mbsDuration, mbsOas } from "./impl/mbsFunctions";

/**
 * Monthly cash flows of a level-payment pool at a fixed speed: one row per month with month,
 * beginning balance, scheduled principal, prepayment, interest (at the pass-through coupon),
 * total cash flow, ending balance and SMM. SMM = 1 − (1 − CPR)^(1/12); PSA s → CPR = s/100 × 6% ×
 * min(age/30, 1), age = wala + month.
 * @customfunction MBS_CASHFLOWS
 * @param coupon Pass-through (net) coupon as a decimal (0.055 for 5.5%).
 * @param wac Gross weighted-average coupon of the loans as a decimal (0.0625).
 * @param wam Remaining term, whole months.
 * @param wala Loan age, whole months.
 * @param speed Prepayment speed: a PSA speed (150 = 150% PSA) or, with speed_kind "CPR", an annual rate as a decimal (0.08).
 * @param [speed_kind] "PSA" (default) or "CPR".
 * @param [balance] Starting balance (default 100).
 * @returns One row per month: month, beginning balance, scheduled principal, prepayment, interest, total, ending balance, SMM.
 */
export function MBS_CASHFLOWS(
  coupon: any[][],
  wac: any[][],
  wam: any[][],
  wala: any[][],
  speed: any[][],
  speed_kind?: any[][],
  balance?: any[][]
): any[][] {
  return toExcel(mbsCashFlows(coupon, wac, wam, wala, speed, speed_kind, balance));
}

/**
 * Option-adjusted spread of an agency pass-through: the constant spread over the Hull–White path
 * discount rates (fitted to the curve; continuously compounded, ACT/365F) at which the Monte Carlo
 * value of the pool's cash flows equals the clean price plus accrued (30/360 from the 1st of the
 * settlement month). Cash flows paid on the 25th of the following month (UMBS) or the 20th (GNMA II).
 * @customfunction MBS_OAS
 * @param settlement Settlement date: an Excel date or text "YYYY-MM-DD".
 * @param coupon Pass-through (net) coupon as a decimal (0.055 for 5.5%).
 * @param wac Gross WAC as a decimal.
 * @param wam Remaining term, whole months.
 * @param wala Loan age, whole months.
 * @param price Clean price per 100 of current face.
 * @param curve Two-column range: tenor ("3M", "2Y", "10 Yr" or years) and rate (decimal); a header row is allowed.
 * @param [vol] Hull–White normal volatility as a decimal (0.01 = 100 bp; default 0.01).
 * @param [mean_reversion] Hull–White mean reversion a (default 0.03).
 * @param [paths] Monte Carlo paths, antithetic (default 2048).
 * @param [prepay] Blank for keyrate prepayment model v1 (uncalibrated), or a fixed speed such as "150 PSA" or "8 CPR".
 * @param [curve_kind] What the rates are: "par" (Treasury par yields, semiannual; default), "zero_cont" or "zero_semi".
 * @param [interpolation] "linear_zero" (default) or "monotone_convex".
 * @param [program] "UMBS 30" (default), "UMBS 15" or "GNMA II".
 * @returns OAS as a decimal (0.0050 for 50 bp).
 */
export function MBS_OAS(
  settlement: any[][],
  coupon: any[][],
  wac: any[][],
  wam: any[][],
  wala: any[][],
  price: any[][],
  curve: any[][],
  vol?: any[][],
  mean_reversion?: any[][],
  paths?: any[][],
  prepay?: any[][],
  curve_kind?: any[][],
  interpolation?: any[][],
  program?: any[][]
): any[][] {
  return toExcel(
    mbsOas(
      settlement,
      coupon,
      wac,
      wam,
      wala,
      price,
      curve,
      vol,
      mean_reversion,
      paths,
      prepay,
      curve_kind,
      interpolation,
      program
    )
  );
}

/**
 * Option-adjusted duration (years) of an agency pass-through: (P₋ − P₊)/(2·P₀·0.0001) with the
 * curve shifted ±1 bp, the paths re-simulated on each curve with the same random numbers, OAS held.
 * @customfunction MBS_DURATION
 * @param settlement Settlement date: an Excel date or text "YYYY-MM-DD".
 * @param coupon Pass-through (net) coupon as a decimal (0.055 for 5.5%).
 * @param wac Gross WAC as a decimal.
 * @param wam Remaining term, whole months.
 * @param wala Loan age, whole months.
 * @param price Clean price per 100 of current face.
 * @param curve Two-column range: tenor ("3M", "2Y", "10 Yr" or years) and rate (decimal); a header row is allowed.
 * @param [vol] Hull–White normal volatility as a decimal (0.01 = 100 bp; default 0.01).
 * @param [mean_reversion] Hull–White mean reversion a (default 0.03).
 * @param [paths] Monte Carlo paths, antithetic (default 2048).
 * @param [prepay] Blank for keyrate prepayment model v1 (uncalibrated), or a fixed speed such as "150 PSA" or "8 CPR".
 * @param [curve_kind] What the rates are: "par" (default), "zero_cont" or "zero_semi".
 * @param [interpolation] "linear_zero" (default) or "monotone_convex".
 * @param [program] "UMBS 30" (default), "UMBS 15" or "GNMA II".
 * @returns OAD in years.
 */
export function MBS_DURATION(
  settlement: any[][],
  coupon: any[][],
  wac: any[][],
  wam: any[][],
  wala: any[][],
  price: any[][],
  curve: any[][],
  vol?: any[][],
  mean_reversion?: any[][],
  paths?: any[][],
  prepay?: any[][],
  curve_kind?: any[][],
  interpolation?: any[][],
  program?: any[][]
): any[][] {
  return toExcel(
    mbsDuration(
      settlement,
      coupon,
      wac,
      wam,
      wala,
      price,
      curve,
      vol,
      mean_reversion,
      paths,
      prepay,
      curve_kind,
      interpolation,
      program
    )
  );
}

/**
 * Option-adjusted convexity (years²) of an agency pass-through: (P₋ + P₊ − 2·P₀)/(P₀·0.0001²)
 * with the curve shifted ±1 bp, paths re-simulated with the same random numbers, OAS held.
 * Negative where the borrowers' refinancing option bites.
 * @customfunction MBS_CONVEXITY
 * @param settlement Settlement date: an Excel date or text "YYYY-MM-DD".
 * @param coupon Pass-through (net) coupon as a decimal (0.055 for 5.5%).
 * @param wac Gross WAC as a decimal.
 * @param wam Remaining term, whole months.
 * @param wala Loan age, whole months.
 * @param price Clean price per 100 of current face.
 * @param curve Two-column range: tenor ("3M", "2Y", "10 Yr" or years) and rate (decimal); a header row is allowed.
 * @param [vol] Hull–White normal volatility as a decimal (0.01 = 100 bp; default 0.01).
 * @param [mean_reversion] Hull–White mean reversion a (default 0.03).
 * @param [paths] Monte Carlo paths, antithetic (default 2048).
 * @param [prepay] Blank for keyrate prepayment model v1 (uncalibrated), or a fixed speed such as "150 PSA" or "8 CPR".
 * @param [curve_kind] What the rates are: "par" (default), "zero_cont" or "zero_semi".
 * @param [interpolation] "linear_zero" (default) or "monotone_convex".
 * @param [program] "UMBS 30" (default), "UMBS 15" or "GNMA II".
 * @returns OAC in years².
 */
export function MBS_CONVEXITY(
  settlement: any[][],
  coupon: any[][],
  wac: any[][],
  wam: any[][],
  wala: any[][],
  price: any[][],
  curve: any[][],
  vol?: any[][],
  mean_reversion?: any[][],
  paths?: any[][],
  prepay?: any[][],
  curve_kind?: any[][],
  interpolation?: any[][],
  program?: any[][]
): any[][] {
  return toExcel(
    mbsConvexity(
      settlement,
      coupon,
      wac,
      wam,
      wala,
      price,
      curve,
      vol,
      mean_reversion,
      paths,
      prepay,
      curve_kind,
      interpolation,
      program
    )
  );
}
