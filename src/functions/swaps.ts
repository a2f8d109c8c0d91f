/** KEYRATE custom functions for SOFR OIS swaps (see core/swaps/ois for the conventions). */
import { toExcel } from "./excelErrors";
import { swapDv01 } from "./impl/swapFunctions";

/**
 * DV01 of a SOFR OIS swap at its par rate: money gained for a 1 bp fall in the swap curve's par
 * rates (re-bootstrapped). Negative for pay-fixed (shortens duration), positive for receive-fixed.
 * Fixed leg annual ACT/360 against compounded SOFR; the Treasury–swap basis is not in the figure.
 * @customfunction SWAP_DV01
 * @param tenor Swap tenor: "5Y", "10 Yr", "18M" or years as a number.
 * @param notional Notional, money, > 0.
 * @param swap_curve Two-column range of tenor and SOFR OIS par rate (decimal).
 * @param [pay_fixed] TRUE to pay fixed (default), FALSE to receive fixed.
 * @param [settlement] Settlement date; default T+1 business day after today (US government securities calendar).
 * @param [interpolation] "linear_zero" (default) or "monotone_convex".
 * @returns DV01 in money per basis point.
 */
export function SWAP_DV01(
  tenor: any[][],
  notional: any[][],
  swap_curve: any[][],
  pay_fixed?: any[][],
  settlement?: any[][],
  interpolation?: any[][]
): any[][] {
  return toExcel(swapDv01(tenor, notional, swap_curve, pay_fixed, settlement, interpolation));
}
