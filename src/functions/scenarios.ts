/**
 * The KEYRATE scenario functions Excel calls (SPEC S7): estimates from duration and convexity or
 * KRDs, full revaluation of a holdings range, and the scenario matrix. Thin adapters over
 * impl/scenarioFunctions.ts; the JSDoc is the help Excel shows.
 */
import { toExcel } from "./excelErrors";
import { scenarioPnl, scenarioPnlKrd, scenarioReval, scenariosFn } from "./impl/scenarioFunctions";

/**
 * Duration-convexity estimate of the value change for a parallel move: −MV·D·Δy + ½·MV·C·Δy², Δy = shift_bp/10,000. Money. Ranges broadcast against single cells.
 * @customfunction SCENARIO_PNL
 * @param market_value Market value (dirty), money.
 * @param duration Duration, years (effective for a curve-based estimate).
 * @param convexity Convexity, years² (same method as the duration).
 * @param shift_bp Parallel rate move in basis points (+50 = rates up 0.50%).
 * @returns Estimated P&L in money.
 */
export function SCENARIO_PNL(
  market_value: any[][],
  duration: any[][],
  convexity: any[][],
  shift_bp: any[][]
): any[][] {
  return toExcel(scenarioPnl(market_value, duration, convexity, shift_bp));
}

/**
 * Key-rate estimate of the value change for a curve move: −MV·Σ KRDₖ·Δyₖ, Δyₖ = shift_row_bpₖ/10,000. Money. The two rows must have the same length.
 * @customfunction SCENARIO_PNL_KRD
 * @param market_value Market value (dirty), money; a single cell or a column (one result each).
 * @param krd_row Key-rate durations, years: a row (or column) in key order.
 * @param shift_row_bp Move at each key, basis points: a row (or column) as long as krd_row.
 * @returns Estimated P&L in money.
 */
export function SCENARIO_PNL_KRD(
  market_value: any[][],
  krd_row: any[][],
  shift_row_bp: any[][]
): any[][] {
  return toExcel(scenarioPnlKrd(market_value, krd_row, shift_row_bp));
}

/**
 * Full-revaluation P&L of a holdings range for a move at the key tenors (linear in time between them, flat outside): par yields re-bootstrapped for a par curve, zero rates for a zero curve; each bond's Z-spread held. Money.
 * @customfunction SCENARIO_REVAL
 * @param holdings Holdings range with its header row (id, par, coupon, maturity, price or yield, …).
 * @param curve Two-column range: tenor and rate (decimal); a header row is allowed.
 * @param shift_row_bp Move at each key in basis points: a row as long as the keys.
 * @param [keys] Key tenors: a row or column of labels ("3M", "2Y") or years. Default 3M 6M 1Y 2Y 3Y 5Y 7Y 10Y 20Y 30Y.
 * @param [settlement] Settlement date; default T+1 business day after today (US government securities calendar).
 * @param [curve_kind] "par" (Treasury par yields; default), "zero_cont" or "zero_semi".
 * @param [interpolation] "linear_zero" (default) or "monotone_convex".
 * @returns P&L of the holdings in totals, money.
 */
export function SCENARIO_REVAL(
  holdings: any[][],
  curve: any[][],
  shift_row_bp: any[][],
  keys?: any[][],
  settlement?: any[][],
  curve_kind?: any[][],
  interpolation?: any[][]
): any[][] {
  return toExcel(
    scenarioReval(holdings, curve, shift_row_bp, keys, settlement, curve_kind, interpolation)
  );
}

/**
 * Scenario matrix by full revaluation: per scenario the unhedged and hedged P&L (money and % of market value), the horizon price and total return (% of market value), the duration-convexity or KRD estimate and its error; then the breakevens and the carry. Spills a table with a header row.
 * @customfunction SCENARIOS
 * @param holdings Holdings range with its header row.
 * @param curve Two-column range: tenor and Treasury par yield (decimal); a header row is allowed.
 * @param [hedges] Hedges range with a header row: instrument (ZN, ZF…, or "SOFR 10Y"), quantity (contracts or notional), [direction], [delivery month], [ctd coupon], [ctd maturity], [ctd price], [repo], [fixed rate].
 * @param [scenarios] Scenario library range (header: Scenario, Shape, Size bp, Pivot, Sector, Rating, Spread bp, Swap spread bp, …, tenors); default the bundled library.
 * @param [horizon_months] Horizon for price and total return, whole months; default 3.
 * @param [settlement] Settlement date; default T+1 business day after today.
 * @param [swap_curve] SOFR OIS par curve for swap hedges; default the Treasury curve's implied OIS rates.
 * @param [curve_kind] "par" (default), "zero_cont" or "zero_semi".
 * @param [interpolation] "linear_zero" (default) or "monotone_convex".
 * @returns The scenario matrix with its header row.
 */
export function SCENARIOS(
  holdings: any[][],
  curve: any[][],
  hedges?: any[][],
  scenarios?: any[][],
  horizon_months?: any[][],
  settlement?: any[][],
  swap_curve?: any[][],
  curve_kind?: any[][],
  interpolation?: any[][]
): any[][] {
  return toExcel(
    scenariosFn(
      holdings,
      curve,
      hedges,
      scenarios,
      horizon_months,
      settlement,
      swap_curve,
      curve_kind,
      interpolation
    )
  );
}
