/**
 * A bond's call schedule, parsed once at the boundary (holdings columns `call_date`,
 * `call_price`, `call_style`, `call_schedule`; the `calls` argument of the OAS functions).
 *
 * Dates are Excel serials (calendar dates), prices clean per 100 of par. Each price holds from its
 * date until the next date. A called bond pays the call price plus accrued interest.
 */

/**
 * When the issuer may call: `american` any day from the first date (the default), `bermudan` on
 * coupon dates from the first date, `european` on the listed dates only.
 */
export type CallStyle = "american" | "bermudan" | "european";

export const CALL_STYLES: readonly CallStyle[] = ["american", "bermudan", "european"];

/** The style when not said. */
export const DEFAULT_CALL_STYLE: CallStyle = "american";

export interface CallSchedule {
  /** Call dates, Excel serials, strictly increasing. */
  readonly dates: Float64Array;
  /** Clean call price per 100 from each date until the next. */
  readonly prices: Float64Array;
  readonly style: CallStyle;
  /**
   * True for a make-whole call: priced as non-callable (the call price tracks the bond's own
   * value, so the option is worth nothing to the issuer) and said so beside its figures.
   */
  readonly makeWhole?: boolean;
}
