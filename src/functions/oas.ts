/**
 * The KEYRATE option-adjusted functions Excel calls: OAS, DURATION_OAS, CONVEXITY_OAS and KRD_OAS
 * of bonds with call schedules on a Hull–White one-factor trinomial lattice fitted to the curve.
 * Thin adapters over impl/oasFunctions.ts; the JSDoc is the help Excel shows.
 */
import { toExcel } from "./excelErrors";
import { convexityOas, durationOas, krdOas, oas } from "./impl/oasFunctions";

/**
 * Option-adjusted spread (decimal, continuous): the constant spread added to the short rate of a
 * Hull–White lattice fitted to the curve that makes the model's dirty price equal the market's
 * (clean + accrued). A called bond pays the call price (clean) plus accrued.
 * @customfunction OAS
 * @param settlement Settlement date: an Excel date or text "YYYY-MM-DD". A single cell or a column.
 * @param maturity Maturity date: an Excel date or text "YYYY-MM-DD", after settlement.
 * @param coupon Annual coupon rate as a decimal (0.045 for 4.5%), ≥ 0.
 * @param price Clean price per 100 of par, > 0.
 * @param frequency Coupons per year: 1 annual, 2 semiannual, 4 quarterly.
 * @param curve Two-column range: tenor ("3M", "2Y", "10 Yr" or years) and rate (decimal); a header row is allowed.
 * @param calls For one bond: rows date, price[, style] (american, bermudan or european), one call date (callable at par from then on, American), or text "2029-06-01@102; 2031-06-01@100; bermudan". For a column of bonds: a column of call dates or schedule texts. Prices are clean per 100.
 * @param [basis] Day-count basis for accrued interest: 0 US 30/360 (default), 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360.
 * @param [vol] Hull–White normal volatility of the short rate, decimal a year (0.01 = 100 bp; default 0.01, named "default volatility").
 * @param [mean_reversion] Hull–White mean reversion a, per year (default 0.03).
 * @param [curve_kind] What the rates are: "par" (Treasury par yields, semiannual; default), "zero_cont" or "zero_semi" (zero rates).
 * @param [interpolation] "linear_zero" (linear in zero rates; default) or "monotone_convex" (Hagan–West).
 * @returns OAS as a decimal (continuous), one per bond.
 */
export function OAS(
  settlement: any[][],
  maturity: any[][],
  coupon: any[][],
  price: any[][],
  frequency: any[][],
  curve: any[][],
  calls: any[][],
  basis?: any[][],
  vol?: any[][],
  mean_reversion?: any[][],
  curve_kind?: any[][],
  interpolation?: any[][]
): any[][] {
  return toExcel(
    oas(
      settlement,
      maturity,
      coupon,
      price,
      frequency,
      curve,
      calls,
      basis,
      vol,
      mean_reversion,
      curve_kind,
      interpolation
    )
  );
}

/**
 * OAS effective duration (years): (P₋ − P₊)/(2·P₀·0.0001), the curve shifted ±1 bp (par yields
 * re-bootstrapped for a par curve, zero rates for a zero curve), the lattice re-fitted to each
 * shifted curve, the OAS held; P dirty prices. On the lattice it is taken to first order, by the
 * adjoint pass that gives KRD_OAS, so the KRDs sum to it.
 * @customfunction DURATION_OAS
 * @param settlement Settlement date: an Excel date or text "YYYY-MM-DD". A single cell or a column.
 * @param maturity Maturity date: an Excel date or text "YYYY-MM-DD", after settlement.
 * @param coupon Annual coupon rate as a decimal (0.045 for 4.5%), ≥ 0.
 * @param price Clean price per 100 of par, > 0.
 * @param frequency Coupons per year: 1 annual, 2 semiannual, 4 quarterly.
 * @param curve Two-column range: tenor ("3M", "2Y", "10 Yr" or years) and rate (decimal); a header row is allowed.
 * @param calls For one bond: rows date, price[, style] (american, bermudan or european), one call date (callable at par from then on, American), or text "2029-06-01@102; 2031-06-01@100; bermudan". For a column of bonds: a column of call dates or schedule texts. Prices are clean per 100.
 * @param [basis] Day-count basis for accrued interest: 0 US 30/360 (default), 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360.
 * @param [vol] Hull–White normal volatility of the short rate, decimal a year (0.01 = 100 bp; default 0.01, named "default volatility").
 * @param [mean_reversion] Hull–White mean reversion a, per year (default 0.03).
 * @param [curve_kind] What the rates are: "par" (Treasury par yields, semiannual; default), "zero_cont" or "zero_semi" (zero rates).
 * @param [interpolation] "linear_zero" (linear in zero rates; default) or "monotone_convex" (Hagan–West).
 * @returns OAS effective duration in years, one per bond.
 */
export function DURATION_OAS(
  settlement: any[][],
  maturity: any[][],
  coupon: any[][],
  price: any[][],
  frequency: any[][],
  curve: any[][],
  calls: any[][],
  basis?: any[][],
  vol?: any[][],
  mean_reversion?: any[][],
  curve_kind?: any[][],
  interpolation?: any[][]
): any[][] {
  return toExcel(
    durationOas(
      settlement,
      maturity,
      coupon,
      price,
      frequency,
      curve,
      calls,
      basis,
      vol,
      mean_reversion,
      curve_kind,
      interpolation
    )
  );
}

/**
 * OAS effective convexity (years²): (P₋ + P₊ − 2·P₀)/(P₀·H²), the curve shifted ±H, lattice
 * re-fitted, OAS held; P dirty prices. H is 1 bp, or on the lattice its node spacing when wider
 * (35.3 bp at the defaults, named in the method): over ±1 bp a lattice reads its own ripple.
 * @customfunction CONVEXITY_OAS
 * @param settlement Settlement date: an Excel date or text "YYYY-MM-DD". A single cell or a column.
 * @param maturity Maturity date: an Excel date or text "YYYY-MM-DD", after settlement.
 * @param coupon Annual coupon rate as a decimal (0.045 for 4.5%), ≥ 0.
 * @param price Clean price per 100 of par, > 0.
 * @param frequency Coupons per year: 1 annual, 2 semiannual, 4 quarterly.
 * @param curve Two-column range: tenor ("3M", "2Y", "10 Yr" or years) and rate (decimal); a header row is allowed.
 * @param calls For one bond: rows date, price[, style] (american, bermudan or european), one call date (callable at par from then on, American), or text "2029-06-01@102; 2031-06-01@100; bermudan". For a column of bonds: a column of call dates or schedule texts. Prices are clean per 100.
 * @param [basis] Day-count basis for accrued interest: 0 US 30/360 (default), 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360.
 * @param [vol] Hull–White normal volatility of the short rate, decimal a year (0.01 = 100 bp; default 0.01, named "default volatility").
 * @param [mean_reversion] Hull–White mean reversion a, per year (default 0.03).
 * @param [curve_kind] What the rates are: "par" (Treasury par yields, semiannual; default), "zero_cont" or "zero_semi" (zero rates).
 * @param [interpolation] "linear_zero" (linear in zero rates; default) or "monotone_convex" (Hagan–West).
 * @returns OAS effective convexity in years², one per bond.
 */
export function CONVEXITY_OAS(
  settlement: any[][],
  maturity: any[][],
  coupon: any[][],
  price: any[][],
  frequency: any[][],
  curve: any[][],
  calls: any[][],
  basis?: any[][],
  vol?: any[][],
  mean_reversion?: any[][],
  curve_kind?: any[][],
  interpolation?: any[][]
): any[][] {
  return toExcel(
    convexityOas(
      settlement,
      maturity,
      coupon,
      price,
      frequency,
      curve,
      calls,
      basis,
      vol,
      mean_reversion,
      curve_kind,
      interpolation
    )
  );
}

/**
 * OAS key-rate durations (years), one row per bond: the curve shifted ±1 bp at one key tenor
 * (falling linearly to zero at the neighbouring keys), the lattice re-fitted, the OAS held. They
 * sum to DURATION_OAS.
 * @customfunction KRD_OAS
 * @param settlement Settlement date: an Excel date or text "YYYY-MM-DD". A single cell or a column.
 * @param maturity Maturity date: an Excel date or text "YYYY-MM-DD", after settlement.
 * @param coupon Annual coupon rate as a decimal (0.045 for 4.5%), ≥ 0.
 * @param price Clean price per 100 of par, > 0.
 * @param frequency Coupons per year: 1 annual, 2 semiannual, 4 quarterly.
 * @param curve Two-column range: tenor ("3M", "2Y", "10 Yr" or years) and rate (decimal); a header row is allowed.
 * @param calls For one bond: rows date, price[, style] (american, bermudan or european), one call date (callable at par from then on, American), or text "2029-06-01@102; 2031-06-01@100; bermudan". For a column of bonds: a column of call dates or schedule texts. Prices are clean per 100.
 * @param [basis] Day-count basis for accrued interest: 0 US 30/360 (default), 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360.
 * @param [vol] Hull–White normal volatility of the short rate, decimal a year (0.01 = 100 bp; default 0.01, named "default volatility").
 * @param [mean_reversion] Hull–White mean reversion a, per year (default 0.03).
 * @param [keys] Key tenors: a row or column of labels ("3M", "2Y") or years. Default 3M 6M 1Y 2Y 3Y 5Y 7Y 10Y 20Y 30Y.
 * @param [shift_on] "par" (shift par yields and re-bootstrap; default for a par curve) or "zero" (shift zero rates; default for a zero curve).
 * @param [curve_kind] What the rates are: "par" (Treasury par yields, semiannual; default), "zero_cont" or "zero_semi" (zero rates).
 * @param [interpolation] "linear_zero" (linear in zero rates; default) or "monotone_convex" (Hagan–West).
 * @returns One row of OAS KRDs in years per bond, in the order of the keys.
 */
export function KRD_OAS(
  settlement: any[][],
  maturity: any[][],
  coupon: any[][],
  price: any[][],
  frequency: any[][],
  curve: any[][],
  calls: any[][],
  basis?: any[][],
  vol?: any[][],
  mean_reversion?: any[][],
  keys?: any[][],
  shift_on?: any[][],
  curve_kind?: any[][],
  interpolation?: any[][]
): any[][] {
  return toExcel(
    krdOas(
      settlement,
      maturity,
      coupon,
      price,
      frequency,
      curve,
      calls,
      basis,
      vol,
      mean_reversion,
      keys,
      shift_on,
      curve_kind,
      interpolation
    )
  );
}
