/** KEYRATE custom functions comparing a portfolio with its benchmark (see core/compare). */
import { toExcel } from "./excelErrors";
import {
  benchGap,
  covarianceFn,
  hedgeEffectivenessFn,
  trackingErrorFn,
} from "./impl/compareFunctions";

/**
 * Ex-ante tracking error, curve part: sqrt(xᵀΣx) with x the active KRDs (portfolio minus
 * benchmark, years) and Σ the covariance of annual key-rate changes (decimal²). Spread risk is not
 * in the figure.
 * @customfunction TRACKING_ERROR
 * @param active_krd_row Active KRDs in years, one per key: a row or a column.
 * @param [covariance] Keys × keys covariance of annual key-rate changes, decimal² (as KEYRATE.COVARIANCE spills it). Default: the bundled matrix (US Treasury daily par yields, 2023–2024, × 252).
 * @param [keys] Key tenors ("3M", "2Y") or years: picks the bundled matrix's keys. Default 3M 6M 1Y 2Y 3Y 5Y 7Y 10Y 20Y 30Y.
 * @returns Tracking error as a decimal per year (0.0025 = 25 bp).
 */
export function TRACKING_ERROR(
  active_krd_row: any[][],
  covariance?: any[][],
  keys?: any[][]
): any[][] {
  return toExcel(trackingErrorFn(active_krd_row, covariance, keys));
}

/**
 * Covariance of annual key-rate changes from a curve history: changes between consecutive rows,
 * mean-adjusted, equal-weighted or EWMA, annualised; pairwise-complete where cells are blank; keys
 * between the history's tenors interpolated linearly.
 * @customfunction COVARIANCE
 * @param history Dated rows of par yields: header "Date", "1 Mo" … "30 Yr"; dates in the first column; yields percent or decimal (detected).
 * @param [halflife_days] EWMA half-life in rows (trading days for daily data), > 0. Default: equal weights.
 * @param [keys] Key tenors ("3M", "2Y") or years. Default 3M 6M 1Y 2Y 3Y 5Y 7Y 10Y 20Y 30Y.
 * @param [periods_per_year] Rows per year to annualise by. Default 252 (daily).
 * @returns Keys × keys matrix in decimal² per year.
 */
export function COVARIANCE(
  history: any[][],
  halflife_days?: any[][],
  keys?: any[][],
  periods_per_year?: any[][]
): any[][] {
  return toExcel(covarianceFn(history, halflife_days, keys, periods_per_year));
}

/**
 * Gaps of a holdings range against a benchmark on a curve: duration (effective, modified,
 * Macaulay), DV01 per unit of value, spread duration, KRD per key, weight, contribution to duration
 * and spread duration per sector; tracking error (bundled covariance) and the KRD mismatches ranked
 * by their contribution to it.
 * @customfunction BENCH_GAP
 * @param holdings Holdings range with its header row: id, par, coupon, maturity, price or yield; optional sector, type, frequency, basis.
 * @param benchmark Constituents (holdings columns with a weight or market value column) or a label/value profile ("Effective duration", "KRD 2Y", "Weight corporate", …).
 * @param curve Two-column range of tenor and par yield (decimal); a header row is allowed.
 * @param [settlement] Settlement date: an Excel date or "YYYY-MM-DD". Default: T+1 US government securities business day after today.
 * @returns Table: label, portfolio, benchmark, gap (portfolio − benchmark), unit, method. Years, money per bp per unit of value, fractions, decimal per year.
 */
export function BENCH_GAP(
  holdings: any[][],
  benchmark: any[][],
  curve: any[][],
  settlement?: any[][]
): any[][] {
  return toExcel(benchGap(holdings, benchmark, curve, settlement));
}

/**
 * Hedge effectiveness from paired changes of the portfolio and of the hedge as held (hedged =
 * portfolio + hedge): 1 − σ(hedged)/σ(unhedged), the regression β of portfolio on hedge changes,
 * their correlation, and a flag on the offsetting correlation (−ρ): below 0.85 "do not rely",
 * below 0.70 "exit".
 * @customfunction HEDGE_EFFECTIVENESS
 * @param portfolio_changes Portfolio value changes per period, money: a row or a column.
 * @param hedge_changes Hedge P&L per period, money, same length.
 * @returns One row: effectiveness (fraction), β, correlation, flag.
 */
export function HEDGE_EFFECTIVENESS(portfolio_changes: any[][], hedge_changes: any[][]): any[][] {
  return toExcel(hedgeEffectivenessFn(portfolio_changes, hedge_changes));
}
