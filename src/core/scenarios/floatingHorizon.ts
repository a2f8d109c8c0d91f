/**
 * Floating-rate and fixed-to-float notes at the horizon date H (scenarios/horizon.ts): each is
 * revalued by its own engine (engines/frn.ts, engines/fixedToFloat.ts, a callable note's call on
 * the Hull–White lattice) settling at H, its discount margin held (plus the scenario's spread
 * shock), on the (shocked, rolled) curve at H.
 *
 * What happened in (s, H] happened on the unshocked curve (the shock is applied at H):
 * - coupons paid in (s, H] are the flows projected at s on the unshocked curve (index forwards +
 *   quoted margin), reinvested to H at the unshocked forward, as a bullet's;
 * - the coupon current at H is the one set by the resets in (s, H] on the unshocked forwards: the
 *   forward over the period containing H plus the margin (resets at the payment frequency); for a
 *   daily index compounded in arrears, the rate equivalent to the growth observed from the
 *   period's start to H (the current coupon to s, then the forward); for monthly resets, the
 *   forward over the month containing H (the months before it in the same period taken at that
 *   rate too: an approximation of a few hundredths of a basis point of accrued). A period that is
 *   still the one current at s keeps the holding's coupon; a fixed-to-float note before its switch
 *   date keeps its fixed coupon.
 * A note is taken as not called inside the horizon (as callables are: scenarios/callableHorizon.ts).
 */
import { daysBetween } from "../bond";
import { FLOAT_BASIS } from "../conventions";
import type { ZeroCurve } from "../curve/zeroCurve";
import { engineFor } from "../engines/registry";
import type { FloatingBook } from "../engines/floatingBook";
import {
  act360,
  datesBack,
  floatingPeriodsPerYear,
  quotedMargin,
  switchDateOf,
} from "../engines/floatingFlows";
import { calibrateFloatingHoldings, projectionCurve } from "../engines/frn";
import type { PricedBook } from "../engines/fixedBond";
import type { Holdings, HoldingType } from "../holdings/types";
import { baseCurve, CurveMarket } from "../market/market";

/** The kinds valued here. */
const FLOATING = ["frn", "fixed-to-float"] as const;
const isFloating = (t: HoldingType) => (FLOATING as readonly HoldingType[]).includes(t);

export interface FloatingHorizon {
  /** True for the holdings valued here (floating kinds in the totals, alive or not at H). */
  is(i: number): boolean;
  /** Per 100 of par: accrued at settlement and at H (0 once matured), principal repaid in (s, H]. */
  readonly accrued0: Float64Array;
  readonly accruedH: Float64Array;
  readonly redeemed: Float64Array;
  /** Cash received in (s, H], reinvested to H at the unshocked forward, per 100. */
  readonly cash: Float64Array;
  /** Writes the dirty prices per 100 at H on `rolled` (a curve settling at H) of the notes alive at H. */
  price(rolled: ZeroCurve, dz: Float64Array | undefined, out: Float64Array): void;
}

/**
 * The coupon of note i current at H, decimal, after the resets in (s, H] on the unshocked index
 * forwards (see the module comment). `growth(a, b)` is the projected index growth between two
 * dates, DF(a)/DF(b) on the projection curve settling at s.
 */
export function couponAtHorizon(
  h: Holdings,
  i: number,
  s: number,
  date: number,
  growth: (a: number, b: number) => number
): number {
  const c = h.coupon[i];
  const switchDate = switchDateOf(h, i, h.type[i] as "frn" | "fixed-to-float");
  if (!(date >= switchDate)) return c; // still fixed at H
  const margin = quotedMargin(h, i);
  const reset = h.floating?.resetFrequency[i] ?? 0;
  const back = datesBack(h.maturity[i], floatingPeriodsPerYear(h, i), date);
  const start = Math.max(back[back.length - 1], switchDate);
  const end = back[back.length - 2];
  if (reset === 365) {
    const days = daysBetween(FLOAT_BASIS, start, date);
    if (days <= 0) return c;
    // Observed growth from the period's start to H: at the coupon (less the margin) to s when the
    // period was already running at s, then the forward.
    const observed =
      start < s
        ? Math.pow(1 + (c - margin) / 360, daysBetween(FLOAT_BASIS, start, s)) * growth(s, date)
        : growth(start, date);
    return margin + 360 * (Math.pow(observed, 1 / days) - 1);
  }
  if (reset === 12) {
    const months = datesBack(h.maturity[i], 12, date);
    const from = months[months.length - 1];
    if (from <= s) return c;
    const to = Math.min(months[months.length - 2], end);
    return (growth(from, to) - 1) / act360(from, to) + margin;
  }
  if (start <= s) return c; // the period current at s
  return (growth(start, end) - 1) / act360(start, end) + margin;
}

/**
 * The floating notes of a book at H: their flows at s on the unshocked curve (cash, accrued) and
 * their engines settling at H with the discount margins `spread` held.
 */
export function floatingHorizon(
  holdings: Holdings,
  include: (i: number) => boolean,
  spread: ArrayLike<number>,
  market: CurveMarket,
  curve: ZeroCurve,
  date: number
): FloatingHorizon {
  const n = holdings.count;
  const s = market.settlement;
  const years = (date - s) / 365;
  const mine = Uint8Array.from({ length: n }, (_, i) =>
    include(i) && isFloating(holdings.type[i]) && Number.isFinite(spread[i]) ? 1 : 0
  );
  const accrued0 = new Float64Array(n);
  const accruedH = new Float64Array(n);
  const redeemed = new Float64Array(n);
  const cash = new Float64Array(n);
  const books: { book: PricedBook; kind: HoldingType }[] = [];
  if (!mine.some((x) => x === 1))
    return { is: () => false, accrued0, accruedH, redeemed, cash, price: () => undefined };

  // At s: the flows of every note at its held margin (no price: the margin gives it).
  const held = withMargins(holdings, holdings.coupon, spread);
  const none = new Float64Array(n).fill(NaN);
  const dfH = curve.discount(years);
  const projection = projectionCurve(market) ?? baseCurve(market);
  const growth = (a: number, b: number) =>
    projection.discount((a - s) / 365) / projection.discount((b - s) / 365);
  const coupon = Float64Array.from(holdings.coupon);
  for (const kind of FLOATING) {
    const at0: FloatingBook = calibrateFloatingHoldings(
      market,
      held,
      none,
      (i) => mine[i] === 1 && holdings.type[i] === kind,
      kind
    );
    const f = at0.flows;
    const amount = at0.amountsOn(curve);
    for (let i = 0; i < n; i++) {
      if (!mine[i] || holdings.type[i] !== kind) continue;
      accrued0[i] = at0.accrued[i];
      for (let j = f.start[i]; j < f.start[i + 1] && f.pay[j] <= years; j++)
        cash[i] += (amount[j] * curve.discount(f.pay[j])) / dfH;
      if (holdings.maturity[i] <= date) redeemed[i] = 100;
      else coupon[i] = couponAtHorizon(holdings, i, s, date, growth);
    }
  }
  // At H: each kind's engine, the coupon current at H, the margins held.
  const alive = (i: number) => mine[i] === 1 && holdings.maturity[i] > date;
  const atH = withMargins(holdings, coupon, spread);
  const marketH: CurveMarket = { ...market, settlement: date };
  for (const kind of FLOATING) {
    const engine = engineFor(kind);
    if (!engine || !holdings.type.some((t, i) => t === kind && alive(i))) continue;
    const book = engine.calibrate(marketH, atH, none, (i) => alive(i) && holdings.type[i] === kind);
    books.push({ book, kind });
    const accrued = (book as Partial<FloatingBook>).accrued;
    for (let i = 0; i < n; i++)
      if (alive(i) && holdings.type[i] === kind) accruedH[i] = accrued?.[i] ?? NaN;
  }
  const scratch = new Float64Array(n);
  return {
    is: (i) => mine[i] === 1,
    accrued0,
    accruedH,
    redeemed,
    cash,
    price(rolled, dz, out) {
      for (let i = 0; i < n; i++) if (mine[i]) out[i] = 0;
      for (const { book, kind } of books) {
        book.price(rolled, dz, scratch);
        for (let i = 0; i < n; i++) if (alive(i) && holdings.type[i] === kind) out[i] = scratch[i];
      }
    },
  };
}

/** The holdings with these coupons and these discount margins (the engines' given margins). */
function withMargins(h: Holdings, coupon: Float64Array, margin: ArrayLike<number>): Holdings {
  const floating = h.floating ?? {
    floatDate: new Float64Array(h.count).fill(NaN),
    spread: new Float64Array(h.count).fill(NaN),
    discountMargin: new Float64Array(h.count),
    resetFrequency: new Uint16Array(h.count),
    index: new Array<string>(h.count).fill(""),
  };
  return { ...h, coupon, floating: { ...floating, discountMargin: Float64Array.from(margin) } };
}
