/** What each holdings field expects, in words, for problem reports. */
import { DATE_FORMS } from "../dateText";

export const EXPECTED = {
  id: "an identifier (CUSIP, ISIN or your own id)",
  par: "a number: the face amount held (negative for a short)",
  coupon: "a number: the annual coupon (decimal 0.045, or 4.5 in a percent column)",
  couponNegative: "a coupon of 0 or more",
  couponPercent: "a coupon below 100%; in a decimal column enter 0.045 for 4.5%",
  couponZero: "a coupon of 0 for a zero-coupon holding (type zero)",
  maturity: `a date (${DATE_FORMS})`,
  price: "a number: the clean price per 100 of par",
  pricePositive: "a clean price above 0, per 100 of par",
  yield: "a number: the yield (decimal 0.045, or 4.5 in a percent column)",
  yieldPercent: "a yield below 100%; in a decimal column enter 0.045 for 4.5%",
  yieldUnit: "a yield column whose unit is known: add (%) or (decimal) to its header",
  priceOrYield: "a price (clean, per 100 of par) or a yield; both are empty",
  cashAmount: "a par or market value for a cash holding",
  notDerivative:
    "a bond or cash holding; derivatives (futures, swaps, FX forwards) belong in the hedges",
  frequency: "a coupon frequency of 1, 2 or 4 (annual, semiannual, quarterly)",
  basis: "an Excel day-count basis 0–4, or ACT/ACT, 30/360, ACT/360, ACT/365, 30E/360",
  sector: "a sector: government, agency, corporate, securitized, municipal, cash or other",
  type: "a type: bullet, zero, frn, callable, fixed-to-float or mbs",
  currency: "a 3-letter currency code such as USD",
  date: `a date (${DATE_FORMS})`,
  issueBeforeMaturity: "an issue date before the maturity date",
  firstCoupon: "a first coupon date after the issue date and on or before the maturity date",
  number: "a number",
} as const;
