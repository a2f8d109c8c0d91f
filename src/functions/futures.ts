/**
 * The KEYRATE Treasury futures and hedge-sizing custom functions (thin adapters: JSDoc is the help
 * Excel shows; every argument takes a cell or a range; core errors become Excel errors with their
 * message). Contract codes: ZT, Z3N, ZF, ZN, TN, TWE, ZB, UB (CME's TU, FV, TY, US accepted).
 * A delivery month is a date inside the month or text "YYYY-MM" (March, June, September, December).
 */
import { toExcel } from "./excelErrors";
import {
  convFactor,
  ctd,
  futuresCalendar,
  futuresDv01Fn,
  hedgeContractsFn,
  rollCost,
} from "./impl/futuresFunctions";

/**
 * Contracts to trade to move a DV01 to a target: (target − portfolio DV01) ÷ contract DV01 × β. Negative = sell.
 * @customfunction HEDGE_CONTRACTS
 * @param portfolio_dv01 Portfolio DV01 before the hedge, money per basis point (e.g. 72000).
 * @param target_dv01 Wanted DV01 after the hedge, money per basis point (0 to flatten).
 * @param contract_dv01 DV01 of one contract, money per basis point, > 0 (e.g. 935; see FUTURES_DV01).
 * @param [beta] Yield beta of the portfolio on the hedge (default 1), > 0.
 * @param [rounding] "nearest" (default, half away from zero), "down" (toward zero, never over-hedges) or "none".
 * @returns Contracts to trade: positive = buy, negative = sell.
 */
export function HEDGE_CONTRACTS(
  portfolio_dv01: any[][],
  target_dv01: any[][],
  contract_dv01: any[][],
  beta?: any[][],
  rounding?: any[][]
): any[][] {
  return toExcel(hedgeContractsFn(portfolio_dv01, target_dv01, contract_dv01, beta, rounding));
}

/**
 * Money cost of rolling futures from the near to the far contract: contracts × (far − near) × face/100. Positive = a cost to a long (it pays more for the far contract); negative = a gain. With days, also the annualised cost (× 365/days) in a second column.
 * @customfunction ROLL_COST
 * @param contracts Contracts held: positive long, negative short.
 * @param near_price Near-contract price per 100: decimal or 32nds text ("110-16+").
 * @param far_price Far-contract price per 100: decimal or 32nds text.
 * @param [contract] Contract code for the face (ZT, Z3N: 200,000; others 100,000); default ZN.
 * @param [days] Calendar days the roll covers (> 0); when given, a second column holds cost × 365/days.
 * @returns Roll cost in money (and the annualised cost in money per year when days is given).
 */
export function ROLL_COST(
  contracts: any[][],
  near_price: any[][],
  far_price: any[][],
  contract?: any[][],
  days?: any[][]
): any[][] {
  return toExcel(rollCost(contracts, near_price, far_price, contract, days));
}

/**
 * CME conversion factor of a Treasury for a futures contract month: the price per 1 of face at a 6% yield, rounded to 4 decimals.
 * @customfunction CONV_FACTOR
 * @param contract Contract code: ZT, Z3N, ZF, ZN, TN, TWE, ZB or UB (TU, FV, TY, US accepted).
 * @param coupon Annual coupon as a decimal (0.04375 for 4 3/8%).
 * @param maturity Maturity date: an Excel date or text "YYYY-MM-DD".
 * @param delivery_month Contract month: a date inside the month or text "YYYY-MM" (Mar, Jun, Sep, Dec).
 * @returns Conversion factor (a ratio, 4 decimals).
 */
export function CONV_FACTOR(
  contract: any[][],
  coupon: any[][],
  maturity: any[][],
  delivery_month: any[][]
): any[][] {
  return toExcel(convFactor(contract, coupon, maturity, delivery_month));
}

/**
 * Key dates of a contract month on the US government securities calendar, spilled in one row: first notice day, last trading day, last delivery day, suggested roll date (5 business days before first notice).
 * @customfunction FUTURES_CALENDAR
 * @param contract Contract code: ZT, Z3N, ZF, ZN, TN, TWE, ZB or UB (TU, FV, TY, US accepted); a column gives one row each.
 * @param delivery_month Contract month: a date inside the month or text "YYYY-MM" (Mar, Jun, Sep, Dec).
 * @returns Excel dates (format the cells as dates): first notice, last trading, last delivery, roll.
 */
export function FUTURES_CALENDAR(contract: any[][], delivery_month: any[][]): any[][] {
  return toExcel(futuresCalendar(contract, delivery_month));
}

/**
 * DV01 of one futures contract: the cheapest-to-deliver's forward DV01 on the contract face ÷ its conversion factor, at its forward yield for the last delivery day (Excel YIELD model, actual/actual, semiannual).
 * @customfunction FUTURES_DV01
 * @param contract Contract code: ZT, Z3N, ZF, ZN, TN, TWE, ZB or UB (TU, FV, TY, US accepted).
 * @param delivery_month Contract month: a date inside the month or text "YYYY-MM" (Mar, Jun, Sep, Dec).
 * @param ctd_coupon CTD annual coupon as a decimal.
 * @param ctd_maturity CTD maturity: an Excel date or text "YYYY-MM-DD".
 * @param ctd_price CTD clean price per 100 (decimal or 32nds text): at settlement when given, else the forward price for delivery.
 * @param [settlement] Settlement date of ctd_price; when given the price is carried to delivery at repo.
 * @param [repo] Repo rate as a decimal, simple actual/360; needed with settlement.
 * @returns DV01 per contract in money per basis point.
 */
export function FUTURES_DV01(
  contract: any[][],
  delivery_month: any[][],
  ctd_coupon: any[][],
  ctd_maturity: any[][],
  ctd_price: any[][],
  settlement?: any[][],
  repo?: any[][]
): any[][] {
  return toExcel(
    futuresDv01Fn(contract, delivery_month, ctd_coupon, ctd_maturity, ctd_price, settlement, repo)
  );
}

/**
 * Cheapest to deliver: the basket table (header; CUSIP, CF, gross basis, net basis, implied repo, "CTD" flag per deliverable; then the futures price used and the settlement, delivery and repo). CTD = highest implied repo; delivery on the last delivery day; basis per 100 of face.
 * @customfunction CTD
 * @param contract Contract code: ZT, Z3N, ZF, ZN, TN, TWE, ZB or UB (TU, FV, TY, US accepted).
 * @param delivery_month Contract month: a date inside the month or text "YYYY-MM" (Mar, Jun, Sep, Dec).
 * @param universe Treasury range with a header row: CUSIP, coupon (decimal), issue date, maturity, and price (clean per 100, decimal or 32nds) or yield (decimal).
 * @param futures_price Futures price per 100 (decimal or 32nds); an empty cell gives the theoretical price (min forward ÷ CF, delivery options ignored).
 * @param repo Repo rate as a decimal, simple actual/360.
 * @param [settlement] Settlement date of the prices; default T+1 business day after today.
 * @returns A table with a header row; implied repo as a decimal (actual/360).
 */
export function CTD(
  contract: any[][],
  delivery_month: any[][],
  universe: any[][],
  futures_price: any[][],
  repo: any[][],
  settlement?: any[][]
): any[][] {
  return toExcel(ctd(contract, delivery_month, universe, futures_price, repo, settlement));
}
