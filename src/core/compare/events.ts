/**
 * Upcoming events for the Action Items sheet (SPEC S9 output 5), in a window after an as-of date
 * (default 30 calendar days): scheduled FOMC decisions (src/core/compare/fomc.ts), large
 * maturities and coupons of the holdings, and the first notice and last trading days of the
 * futures held.
 *
 * "Large": a cash flow of at least `largeFraction` (default 0.5%) of the portfolio's market value.
 * Coupons fall on the unadjusted coupon dates counted back from maturity (as the yield model
 * does); the amount is par × coupon ÷ frequency (a regular coupon).
 */
import { couponPeriod, Frequency, Basis } from "../bond";
import { isoFromSerial, serialFromIso } from "../dates";
import { Holdings } from "../holdings/types";
import { contractDates } from "../futures/calendar";
import { contractSymbol, DeliveryMonth, FuturesContract } from "../futures/contracts";
import { FOMC_COVERED_TO, FOMC_SOURCE, fomcMeetingsBetween } from "./fomc";

export const DEFAULT_EVENT_DAYS = 30;
export const DEFAULT_LARGE_FRACTION = 0.005;

export type EventKind = "FOMC" | "maturity" | "coupon" | "first notice" | "last trading";

export interface UpcomingEvent {
  /** Excel serial. */
  readonly date: number;
  readonly kind: EventKind;
  readonly description: string;
  /** Cash amount for maturities and coupons, money; NaN otherwise. */
  readonly amount: number;
}

/** A futures position held: contract and month. */
export interface FuturesPosition {
  readonly contract: FuturesContract;
  readonly month: DeliveryMonth;
  /** Contracts held, negative = short. */
  readonly contracts: number;
}

export interface EventOptions {
  /** Calendar days after the as-of date (default 30). */
  readonly days?: number;
  /** Smallest cash flow listed, fraction of `portfolioValue` (default 0.005). */
  readonly largeFraction?: number;
  /** Portfolio market value, money: the base of "large". */
  readonly portfolioValue?: number;
}

/** Events in (asOf, asOf + days], sorted by date, and notes (e.g. the FOMC table's end). */
export function upcomingEvents(
  asOf: number,
  holdings: Holdings | undefined,
  futures: readonly FuturesPosition[],
  options: EventOptions = {}
): { events: UpcomingEvent[]; notes: string[] } {
  const end = asOf + (options.days ?? DEFAULT_EVENT_DAYS);
  const events: UpcomingEvent[] = [];
  const notes: string[] = [`FOMC dates: ${FOMC_SOURCE}`];
  for (const m of fomcMeetingsBetween(asOf + 1, end)) {
    events.push({
      date: serialFromIso(m.decision)!,
      kind: "FOMC",
      description: `FOMC decision (meeting ${m.start} – ${m.decision}${m.sep ? ", with projections" : ""})`,
      amount: NaN,
    });
  }
  if (end > FOMC_COVERED_TO)
    notes.push("the FOMC table ends 2026-12-31: later meetings are not listed");
  if (holdings) {
    const threshold =
      (options.largeFraction ?? DEFAULT_LARGE_FRACTION) * (options.portfolioValue ?? NaN);
    for (let i = 0; i < holdings.count; i++) {
      const par = holdings.par[i];
      const mat = holdings.maturity[i];
      if (mat > asOf && mat <= end && Math.abs(par) >= threshold) {
        events.push({
          date: mat,
          kind: "maturity",
          description: `${holdings.id[i]} matures (par ${Math.round(par).toLocaleString("en-US")})`,
          amount: par,
        });
      }
      const c = holdings.coupon[i];
      if (!(c > 0) || !(mat > asOf)) continue;
      const f = holdings.frequency[i] as Frequency;
      const ncd = couponPeriod(asOf, mat, f, holdings.basis[i] as Basis).ncd;
      const amount = (par * c) / f;
      if (ncd <= end && Math.abs(amount) >= threshold) {
        events.push({ date: ncd, kind: "coupon", description: `${holdings.id[i]} coupon`, amount });
      }
    }
    if (!Number.isFinite(threshold))
      notes.push("no portfolio value given: maturities and coupons not listed");
  }
  for (const p of futures) {
    const d = contractDates(p.contract, p.month);
    const symbol = contractSymbol(p.contract, p.month);
    if (d.firstNoticeDay > asOf && d.firstNoticeDay <= end)
      events.push({
        date: d.firstNoticeDay,
        kind: "first notice",
        description: `${symbol} first notice day (roll by ${isoFromSerial(d.rollDate)})`,
        amount: NaN,
      });
    if (d.lastTradingDay > asOf && d.lastTradingDay <= end)
      events.push({
        date: d.lastTradingDay,
        kind: "last trading",
        description: `${symbol} last trading day`,
        amount: NaN,
      });
  }
  events.sort((a, b) => a.date - b.date || a.kind.localeCompare(b.kind));
  return { events, notes };
}
