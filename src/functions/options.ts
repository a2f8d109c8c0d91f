/**
 * KEYRATE option functions: SOFR swaptions and caps/floors (Bachelier, normal volatility) and
 * Treasury futures options (Barone-Adesi–Whaley American or Black-76 European), each with a
 * greeks function taking the same arguments that spills a labelled table (label, value, unit).
 */
import { toExcel } from "./excelErrors";
import {
  capFloorFn,
  capFloorGreeksFn,
  futuresOptionFn,
  futuresOptionGreeksFn,
  swaptionFn,
  swaptionGreeksFn,
} from "./impl/optionFunctions";

/**
 * Premium of a European SOFR swaption, physically settled into a SOFR OIS swap (annual fixed ACT/360) effective at expiry: notional × annuity × Bachelier(forward swap rate, strike, vol, T), T = ACT/365F to expiry.
 * @customfunction SWAPTION
 * @param settlement Settlement (valuation) date; blank: T+1 business day after today.
 * @param expiry Expiry date of the option (after settlement).
 * @param tenor Tenor of the underlying swap: "10Y", "18M" or years.
 * @param strike Strike (fixed rate), decimal (0.04 = 4%).
 * @param vol Normal volatility, decimal a year (0.01 = 100 bp).
 * @param curve Two-column range of tenor and rate (SOFR OIS par rates unless curve_kind says otherwise).
 * @param [type] "payer" (default, the right to pay fixed) or "receiver".
 * @param [notional] Notional in money (default 1,000,000); negative for a sold option.
 * @param [curve_kind] "sofr_ois" (default), "par", "zero_cont" or "zero_semi".
 * @param [interpolation] "linear_zero" (default) or "monotone_convex".
 * @returns Premium in money.
 */
export function SWAPTION(
  settlement: any[][],
  expiry: any[][],
  tenor: any[][],
  strike: any[][],
  vol: any[][],
  curve: any[][],
  type?: any[][],
  notional?: any[][],
  curve_kind?: any[][],
  interpolation?: any[][]
): any[][] {
  return toExcel(
    swaptionFn(
      settlement,
      expiry,
      tenor,
      strike,
      vol,
      curve,
      type,
      notional,
      curve_kind,
      interpolation
    )
  );
}

/**
 * Premium of a SOFR cap or floor: quarterly ACT/360 caplets on SOFR term forwards from the start date, each priced with Bachelier to its fixing (ACT/365F) and discounted from its payment date.
 * @customfunction CAPFLOOR
 * @param settlement Settlement (valuation) date; blank: T+1 business day after today.
 * @param start Start date of the first period (on or after settlement).
 * @param tenor Length of the cap: "5Y", "18M" or years (a multiple of 3 months).
 * @param strike Strike rate, decimal (0.04 = 4%).
 * @param vol Normal volatility, decimal a year (0.01 = 100 bp).
 * @param curve Two-column range of tenor and rate (SOFR OIS par rates unless curve_kind says otherwise).
 * @param [type] "cap" (default) or "floor".
 * @param [notional] Notional in money (default 1,000,000); negative for a sold option.
 * @param [curve_kind] "sofr_ois" (default), "par", "zero_cont" or "zero_semi".
 * @param [interpolation] "linear_zero" (default) or "monotone_convex".
 * @returns Premium in money.
 */
export function CAPFLOOR(
  settlement: any[][],
  start: any[][],
  tenor: any[][],
  strike: any[][],
  vol: any[][],
  curve: any[][],
  type?: any[][],
  notional?: any[][],
  curve_kind?: any[][],
  interpolation?: any[][]
): any[][] {
  return toExcel(
    capFloorFn(
      settlement,
      start,
      tenor,
      strike,
      vol,
      curve,
      type,
      notional,
      curve_kind,
      interpolation
    )
  );
}

/**
 * Price of an option on a Treasury futures (CME options on ZT, ZF, ZN, TN, ZB, UB) in points per 100: Barone-Adesi–Whaley American (default) or Black-76 European on the futures price.
 * @customfunction FUTURES_OPTION
 * @param settlement Settlement (valuation) date; blank: T+1 business day after today.
 * @param expiry Expiry date of the option.
 * @param futures_price Futures price per 100: decimal or 32nds text ("110-16+").
 * @param strike Strike per 100: decimal or 32nds text.
 * @param vol Lognormal price volatility, decimal a year (0.06 = 6%).
 * @param rate Rate to expiry, decimal, continuously compounded ACT/365F.
 * @param [type] "call" (default) or "put".
 * @param [style] "american" (default) or "european".
 * @param [quote] "points" (default) or "64ths" for text such as "1-23+" (points-64ths).
 * @returns Option price in points per 100 (or 64ths text).
 */
export function FUTURES_OPTION(
  settlement: any[][],
  expiry: any[][],
  futures_price: any[][],
  strike: any[][],
  vol: any[][],
  rate: any[][],
  type?: any[][],
  style?: any[][],
  quote?: any[][]
): any[][] {
  return toExcel(
    futuresOptionFn(settlement, expiry, futures_price, strike, vol, rate, type, style, quote)
  );
}

/**
 * One swaption's premium, forward swap rate, annuity, DV01, gamma, vega, theta and KR DV01s (money), spilled as rows of label, value and unit. Same arguments as SWAPTION, plus keys.
 * @customfunction SWAPTION_GREEKS
 * @param settlement Settlement (valuation) date; blank: T+1 business day after today.
 * @param expiry Expiry date of the option (after settlement).
 * @param tenor Tenor of the underlying swap: "10Y", "18M" or years.
 * @param strike Strike (fixed rate), decimal (0.04 = 4%).
 * @param vol Normal volatility, decimal a year (0.01 = 100 bp).
 * @param curve Two-column range of tenor and rate (SOFR OIS par rates unless curve_kind says otherwise).
 * @param [type] "payer" (default) or "receiver".
 * @param [notional] Notional in money (default 1,000,000); negative for a sold option.
 * @param [curve_kind] "sofr_ois" (default), "par", "zero_cont" or "zero_semi".
 * @param [interpolation] "linear_zero" (default) or "monotone_convex".
 * @param [keys] Key tenors of the KR DV01s (row or column, e.g. "2Y"); default 3M … 30Y.
 * @returns Rows of label, value and unit.
 */
export function SWAPTION_GREEKS(
  settlement: any[][],
  expiry: any[][],
  tenor: any[][],
  strike: any[][],
  vol: any[][],
  curve: any[][],
  type?: any[][],
  notional?: any[][],
  curve_kind?: any[][],
  interpolation?: any[][],
  keys?: any[][]
): any[][] {
  return toExcel(
    swaptionGreeksFn(
      settlement,
      expiry,
      tenor,
      strike,
      vol,
      curve,
      type,
      notional,
      curve_kind,
      interpolation,
      keys
    )
  );
}

/**
 * One cap or floor's premium, DV01, gamma, vega, theta and KR DV01s (money), spilled as rows of label, value and unit. Same arguments as CAPFLOOR, plus keys.
 * @customfunction CAPFLOOR_GREEKS
 * @param settlement Settlement (valuation) date; blank: T+1 business day after today.
 * @param start Start date of the first period (on or after settlement).
 * @param tenor Length of the cap: "5Y", "18M" or years (a multiple of 3 months).
 * @param strike Strike rate, decimal (0.04 = 4%).
 * @param vol Normal volatility, decimal a year (0.01 = 100 bp).
 * @param curve Two-column range of tenor and rate (SOFR OIS par rates unless curve_kind says otherwise).
 * @param [type] "cap" (default) or "floor".
 * @param [notional] Notional in money (default 1,000,000); negative for a sold option.
 * @param [curve_kind] "sofr_ois" (default), "par", "zero_cont" or "zero_semi".
 * @param [interpolation] "linear_zero" (default) or "monotone_convex".
 * @param [keys] Key tenors of the KR DV01s (row or column, e.g. "2Y"); default 3M … 30Y.
 * @returns Rows of label, value and unit.
 */
export function CAPFLOOR_GREEKS(
  settlement: any[][],
  start: any[][],
  tenor: any[][],
  strike: any[][],
  vol: any[][],
  curve: any[][],
  type?: any[][],
  notional?: any[][],
  curve_kind?: any[][],
  interpolation?: any[][],
  keys?: any[][]
): any[][] {
  return toExcel(
    capFloorGreeksFn(
      settlement,
      start,
      tenor,
      strike,
      vol,
      curve,
      type,
      notional,
      curve_kind,
      interpolation,
      keys
    )
  );
}

/**
 * One Treasury futures option position's price (points and 64ths), premium, delta, DV01, gamma, vega, theta and implied yield volatility, spilled as rows of label, value and unit. Same arguments as FUTURES_OPTION (without quote), plus the position.
 * @customfunction FUTURES_OPTION_GREEKS
 * @param settlement Settlement (valuation) date; blank: T+1 business day after today.
 * @param expiry Expiry date of the option.
 * @param futures_price Futures price per 100: decimal or 32nds text ("110-16+").
 * @param strike Strike per 100: decimal or 32nds text.
 * @param vol Lognormal price volatility, decimal a year (0.06 = 6%).
 * @param rate Rate to expiry, decimal, continuously compounded ACT/365F.
 * @param [type] "call" (default) or "put".
 * @param [style] "american" (default) or "european".
 * @param [contracts] Options held (default 1); negative for sold.
 * @param [futures_dv01] DV01 of one futures contract, money per bp (see FUTURES_DV01); needed for DV01, gamma and yield vol.
 * @param [contract] Contract code for the face (ZT: 200,000; others 100,000); default ZN.
 * @returns Rows of label, value and unit.
 */
export function FUTURES_OPTION_GREEKS(
  settlement: any[][],
  expiry: any[][],
  futures_price: any[][],
  strike: any[][],
  vol: any[][],
  rate: any[][],
  type?: any[][],
  style?: any[][],
  contracts?: any[][],
  futures_dv01?: any[][],
  contract?: any[][]
): any[][] {
  return toExcel(
    futuresOptionGreeksFn(
      settlement,
      expiry,
      futures_price,
      strike,
      vol,
      rate,
      type,
      style,
      contracts,
      futures_dv01,
      contract
    )
  );
}
