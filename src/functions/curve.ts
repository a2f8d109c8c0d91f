/**
 * The KEYRATE curve functions Excel calls: bonds against a curve (KRD, DURATION_EFF, CONVEXITY_EFF,
 * SPREAD_DURATION, ZSPREAD), the zero curve of a curve range (ZERO_RATES) and a holdings range
 * against a curve (PORTFOLIO, PORTFOLIO_KRD). Thin adapters over impl/curveFunctions.ts; the JSDoc
 * is the help Excel shows.
 */
import { toExcel } from "./excelErrors";
import {
  convexityEff,
  durationEff,
  krd,
  spreadDuration,
  zeroRates,
  zspread,
} from "./impl/curveFunctions";
import { portfolio, portfolioKrd } from "./impl/portfolioFunctions";

/**
 * Key-rate durations (years), one row per bond: the curve shifted ±1 bp at one key tenor, the
 * shift falling linearly to zero at the neighbouring keys (flat beyond the first and last),
 * full revaluation with the Z-spread held. They sum to DURATION_EFF. A column of bonds spills a
 * row of KRDs for each bond.
 * @customfunction KRD
 * @param settlement Settlement date: an Excel date or text "YYYY-MM-DD". A single cell or a column.
 * @param maturity Maturity date: an Excel date or text "YYYY-MM-DD", after settlement.
 * @param coupon Annual coupon rate as a decimal (0.045 for 4.5%), ≥ 0.
 * @param price Clean price per 100 of par, > 0.
 * @param frequency Coupons per year: 1 annual, 2 semiannual, 4 quarterly.
 * @param curve Two-column range: tenor ("3M", "2Y", "10 Yr" or years) and rate (decimal); a header row is allowed.
 * @param [basis] Day-count basis for accrued interest: 0 US 30/360 (default), 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360.
 * @param [keys] Key tenors: a row or column of labels ("3M", "2Y") or years. Default 3M 6M 1Y 2Y 3Y 5Y 7Y 10Y 20Y 30Y.
 * @param [shift_on] "par" (shift par yields and re-bootstrap; default for a par curve) or "zero" (shift zero rates; default for a zero curve).
 * @param [curve_kind] What the rates are: "par" (Treasury par yields, semiannual; default), "zero_cont" or "zero_semi" (zero rates).
 * @param [interpolation] "linear_zero" (linear in zero rates; default) or "monotone_convex" (Hagan–West).
 * @returns One row of KRDs in years per bond, in the order of the keys.
 */
export function KRD(
  settlement: any[][],
  maturity: any[][],
  coupon: any[][],
  price: any[][],
  frequency: any[][],
  curve: any[][],
  basis?: any[][],
  keys?: any[][],
  shift_on?: any[][],
  curve_kind?: any[][],
  interpolation?: any[][]
): any[][] {
  return toExcel(
    krd(
      settlement,
      maturity,
      coupon,
      price,
      frequency,
      curve,
      basis,
      keys,
      shift_on,
      curve_kind,
      interpolation
    )
  );
}

/**
 * Effective duration (years): (P₋ − P₊)/(2·P₀·0.0001) with the whole curve shifted ±1 bp (par
 * yields re-bootstrapped for a par curve, zero rates for a zero curve), full revaluation, the
 * Z-spread that reprices the clean price held.
 * @customfunction DURATION_EFF
 * @param settlement Settlement date: an Excel date or text "YYYY-MM-DD".
 * @param maturity Maturity date: an Excel date or text "YYYY-MM-DD", after settlement.
 * @param coupon Annual coupon rate as a decimal (0.045 for 4.5%), ≥ 0.
 * @param price Clean price per 100 of par, > 0.
 * @param frequency Coupons per year: 1 annual, 2 semiannual, 4 quarterly.
 * @param curve Two-column range: tenor ("3M", "2Y", "10 Yr" or years) and rate (decimal); a header row is allowed.
 * @param [basis] Day-count basis for accrued interest: 0 US 30/360 (default), 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360.
 * @param [curve_kind] What the rates are: "par" (Treasury par yields, semiannual; default), "zero_cont" or "zero_semi" (zero rates).
 * @param [interpolation] "linear_zero" (linear in zero rates; default) or "monotone_convex" (Hagan–West).
 * @returns Effective duration in years (curve-based, full revaluation).
 */
export function DURATION_EFF(
  settlement: any[][],
  maturity: any[][],
  coupon: any[][],
  price: any[][],
  frequency: any[][],
  curve: any[][],
  basis?: any[][],
  curve_kind?: any[][],
  interpolation?: any[][]
): any[][] {
  return toExcel(
    durationEff(
      settlement,
      maturity,
      coupon,
      price,
      frequency,
      curve,
      basis,
      curve_kind,
      interpolation
    )
  );
}

/**
 * Effective convexity (years²): (P₋ + P₊ − 2·P₀)/(P₀·0.0001²) with the whole curve shifted ±1 bp,
 * full revaluation, Z-spread held.
 * @customfunction CONVEXITY_EFF
 * @param settlement Settlement date: an Excel date or text "YYYY-MM-DD".
 * @param maturity Maturity date: an Excel date or text "YYYY-MM-DD", after settlement.
 * @param coupon Annual coupon rate as a decimal (0.045 for 4.5%), ≥ 0.
 * @param price Clean price per 100 of par, > 0.
 * @param frequency Coupons per year: 1 annual, 2 semiannual, 4 quarterly.
 * @param curve Two-column range: tenor ("3M", "2Y", "10 Yr" or years) and rate (decimal); a header row is allowed.
 * @param [basis] Day-count basis for accrued interest: 0 US 30/360 (default), 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360.
 * @param [curve_kind] What the rates are: "par" (Treasury par yields, semiannual; default), "zero_cont" or "zero_semi" (zero rates).
 * @param [interpolation] "linear_zero" (linear in zero rates; default) or "monotone_convex" (Hagan–West).
 * @returns Effective convexity in years² (curve-based, full revaluation).
 */
export function CONVEXITY_EFF(
  settlement: any[][],
  maturity: any[][],
  coupon: any[][],
  price: any[][],
  frequency: any[][],
  curve: any[][],
  basis?: any[][],
  curve_kind?: any[][],
  interpolation?: any[][]
): any[][] {
  return toExcel(
    convexityEff(
      settlement,
      maturity,
      coupon,
      price,
      frequency,
      curve,
      basis,
      curve_kind,
      interpolation
    )
  );
}

/**
 * Spread duration (years): sensitivity to the bond's own Z-spread, the spread shifted ±1 bp on the
 * unchanged curve, full revaluation.
 * @customfunction SPREAD_DURATION
 * @param settlement Settlement date: an Excel date or text "YYYY-MM-DD".
 * @param maturity Maturity date: an Excel date or text "YYYY-MM-DD", after settlement.
 * @param coupon Annual coupon rate as a decimal (0.045 for 4.5%), ≥ 0.
 * @param price Clean price per 100 of par, > 0.
 * @param frequency Coupons per year: 1 annual, 2 semiannual, 4 quarterly.
 * @param curve Two-column range: tenor ("3M", "2Y", "10 Yr" or years) and rate (decimal); a header row is allowed.
 * @param [basis] Day-count basis for accrued interest: 0 US 30/360 (default), 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360.
 * @param [curve_kind] What the rates are: "par" (Treasury par yields, semiannual; default), "zero_cont" or "zero_semi" (zero rates).
 * @param [interpolation] "linear_zero" (linear in zero rates; default) or "monotone_convex" (Hagan–West).
 * @returns Spread duration in years (Z-spread ±1 bp).
 */
export function SPREAD_DURATION(
  settlement: any[][],
  maturity: any[][],
  coupon: any[][],
  price: any[][],
  frequency: any[][],
  curve: any[][],
  basis?: any[][],
  curve_kind?: any[][],
  interpolation?: any[][]
): any[][] {
  return toExcel(
    spreadDuration(
      settlement,
      maturity,
      coupon,
      price,
      frequency,
      curve,
      basis,
      curve_kind,
      interpolation
    )
  );
}

/**
 * Z-spread: the constant spread over the zero curve (continuously compounded, ACT/365F) at which
 * the cash flows, discounted at DF(t)·exp(−Z·t), reprice the clean price plus accrued interest.
 * @customfunction ZSPREAD
 * @param settlement Settlement date: an Excel date or text "YYYY-MM-DD".
 * @param maturity Maturity date: an Excel date or text "YYYY-MM-DD", after settlement.
 * @param coupon Annual coupon rate as a decimal (0.045 for 4.5%), ≥ 0.
 * @param price Clean price per 100 of par, > 0.
 * @param frequency Coupons per year: 1 annual, 2 semiannual, 4 quarterly.
 * @param curve Two-column range: tenor ("3M", "2Y", "10 Yr" or years) and rate (decimal); a header row is allowed.
 * @param [basis] Day-count basis for accrued interest: 0 US 30/360 (default), 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360.
 * @param [curve_kind] What the rates are: "par" (Treasury par yields, semiannual; default), "zero_cont" or "zero_semi" (zero rates).
 * @param [interpolation] "linear_zero" (linear in zero rates; default) or "monotone_convex" (Hagan–West).
 * @returns Z-spread as a decimal (0.0050 for 50 bp), continuously compounded, ACT/365F.
 */
export function ZSPREAD(
  settlement: any[][],
  maturity: any[][],
  coupon: any[][],
  price: any[][],
  frequency: any[][],
  curve: any[][],
  basis?: any[][],
  curve_kind?: any[][],
  interpolation?: any[][]
): any[][] {
  return toExcel(
    zspread(settlement, maturity, coupon, price, frequency, curve, basis, curve_kind, interpolation)
  );
}

/**
 * Zero rates of a curve (a par curve is bootstrapped first), continuously compounded, ACT/365F
 * from settlement, at the given tenors: to show and chart the curve. Same shape as tenors.
 * @customfunction ZERO_RATES
 * @param curve Two-column range: tenor ("3M", "2Y", "10 Yr" or years) and rate (decimal); a header row is allowed.
 * @param tenors Tenors to read the zero curve at: a cell or range of labels ("3M", "2Y") or years.
 * @param [curve_kind] What the rates are: "par" (Treasury par yields, semiannual; default), "zero_cont" or "zero_semi" (zero rates).
 * @param [interpolation] "linear_zero" (linear in zero rates; default) or "monotone_convex" (Hagan–West).
 * @param [settlement] Date the tenors count from: an Excel date or "YYYY-MM-DD". Default: T+1 US government securities business day after today.
 * @returns Zero rates as decimals, continuously compounded, one per tenor.
 */
export function ZERO_RATES(
  curve: any[][],
  tenors: any[][],
  curve_kind?: any[][],
  interpolation?: any[][],
  settlement?: any[][]
): any[][] {
  return toExcel(zeroRates(curve, tenors, curve_kind, interpolation, settlement));
}

/**
 * Curve exposure of a holdings range, as a spilled table of label, value, unit and method: market
 * value, effective duration and convexity, spread duration, effective DV01, holdings in and left
 * out of the totals (callables and MBS need option-adjusted analytics), the KRD profile; then one
 * row per sector with market value, weight, effective duration, contribution and DV01.
 * @customfunction PORTFOLIO
 * @param holdings Holdings range with its header row: id, par, coupon, maturity, price or yield; optional sector, type, frequency, basis, vendor figures.
 * @param curve Two-column range: tenor ("3M", "2Y", "10 Yr" or years) and rate (decimal); a header row is allowed.
 * @param [settlement] Settlement date: an Excel date or "YYYY-MM-DD". Default: T+1 US government securities business day after today.
 * @param [curve_kind] What the rates are: "par" (Treasury par yields, semiannual; default), "zero_cont" or "zero_semi" (zero rates).
 * @param [interpolation] "linear_zero" (linear in zero rates; default) or "monotone_convex" (Hagan–West).
 * @param [group_by] Rows of the table below the totals: "sector" (default), "rating", "maturity" (years to maturity from settlement: 0–1, 1–3, 3–5, 5–7, 7–10, 10–20, 20+, each [a, b)), "issuer", "currency", "type", or a header of the holdings range.
 * @returns A labelled table: market value in money, durations in years, convexity in years², DV01 in money per bp; then one row per group.
 */
export function PORTFOLIO(
  holdings: any[][],
  curve: any[][],
  settlement?: any[][],
  curve_kind?: any[][],
  interpolation?: any[][],
  group_by?: any[][]
): any[][] {
  return toExcel(portfolio(holdings, curve, settlement, curve_kind, interpolation, group_by));
}

/**
 * Market-value-weighted key-rate duration profile (years) of a holdings range against a curve,
 * one row, in the order of the keys; holdings needing option-adjusted analytics are left out.
 * @customfunction PORTFOLIO_KRD
 * @param holdings Holdings range with its header row: id, par, coupon, maturity, price or yield; optional sector, type, frequency, basis.
 * @param curve Two-column range: tenor ("3M", "2Y", "10 Yr" or years) and rate (decimal); a header row is allowed.
 * @param [settlement] Settlement date: an Excel date or "YYYY-MM-DD". Default: T+1 US government securities business day after today.
 * @param [keys] Key tenors: a row or column of labels ("3M", "2Y") or years. Default 3M 6M 1Y 2Y 3Y 5Y 7Y 10Y 20Y 30Y.
 * @param [curve_kind] What the rates are: "par" (Treasury par yields, semiannual; default), "zero_cont" or "zero_semi" (zero rates).
 * @param [interpolation] "linear_zero" (linear in zero rates; default) or "monotone_convex" (Hagan–West).
 * @returns One row of portfolio KRDs in years (par-curve KRDs for a par curve, zero-curve otherwise).
 */
export function PORTFOLIO_KRD(
  holdings: any[][],
  curve: any[][],
  settlement?: any[][],
  keys?: any[][],
  curve_kind?: any[][],
  interpolation?: any[][]
): any[][] {
  return toExcel(portfolioKrd(holdings, curve, settlement, keys, curve_kind, interpolation));
}
