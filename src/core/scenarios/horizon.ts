/**
 * Horizon returns (SPEC S7): price return and total return of the holdings over a horizon
 * (default 3 months), with the scenario's shock applied at the horizon, and the breakeven.
 *
 * Conventions (s settlement, H = s + horizon months (EDATE), h = (H − s)/365 years):
 * - The horizon curve: the curve's zero rates as functions of time to maturity are unchanged —
 *   z_H(τ) = z_s(τ) for every τ ≥ 0 (the same zero curve in calendar time, moved so that H is its
 *   settlement: `rollCurve`). Under a scenario, the shocked curve (shapes.ts) is rolled the same
 *   way: the shock is applied at the horizon.
 * - Each holding keeps its Z-spread (plus the scenario's spread shock); its dirty price at H is
 *   Σ a·DF_H(t − h)·exp(−(Z + ΔZ)·(t − h)) over the cash flows after H.
 * - Cash flows paid in (s, H] (coupons, and principal for a bond maturing inside the horizon) are
 *   reinvested to H at the unshocked curve's forward rate: a·DF_s(t)/DF_s(h) (no spread).
 * - Per 100 of par, with clean = dirty − accrued (Excel's accrued on the bond's basis) and R the
 *   principal repaid inside the horizon (100 or 0):
 *     price return  = clean_H + R − clean_s
 *     income        = (cash received, reinvested) − R + accrued_H − accrued_s
 *     total return  = price return + income = dirty_H + cash received − dirty_s
 *   On the unshocked curve the price return is the roll-down and the total return the carry
 *   (income + roll-down); a scenario's shock effect is its price return minus the roll-down.
 *   So on a flat continuously compounded curve z with Z = 0 the carry is exactly (e^{z·h} − 1) of
 *   the dirty value.
 * - Percent figures divide by the dirty market value at settlement.
 * - Breakeven: the parallel move Δ (bp, applied at the horizon) with total return(Δ) = 0, on full
 *   revaluation (breakeven.ts).
 * - Agency MBS: paydowns as cash, the pool aged and revalued by the MBS engine at H, OAS held
 *   (engines/mbsHorizon.ts).
 * - Callable bonds: revalued at H on the Hull–White lattice fitted to the rolled curve, OAS held
 *   (scenarios/callableHorizon.ts); taken as not called inside the horizon.
 * - FRNs and fixed-to-float notes: coupons to H projected on the unshocked forwards, revalued at
 *   H by their engines with the coupon the resets in (s, H] set, discount margin held
 *   (scenarios/floatingHorizon.ts).
 */
import { tenorDate, ZeroCurve } from "../curve";
import { discountGrid } from "../engines/cashFlows";
import { FixedBondBook, fixedBondBook } from "../engines/fixedBond";
import { OutOfDomainError } from "../errors";
import { DEFAULT_HORIZON_MONTHS } from "../conventions";
import { holdingTerms } from "../portfolio/holdingTerms";
import { shockedCurve } from "../market/shock";
import { ScenarioBook } from "./revalue";
import { ShiftProfile } from "./shapes";
import { MbsHorizon, mbsHorizon } from "../engines/mbsHorizon";
import { CallableHorizon, callableHorizon } from "./callableHorizon";
import { FloatingHorizon, floatingHorizon } from "./floatingHorizon";

export { DEFAULT_HORIZON_MONTHS } from "../conventions";

/** The same zero curve with `date` as its settlement: zero rates by time to maturity unchanged. */
export function rollCurve(curve: ZeroCurve, date: number): ZeroCurve {
  return new ZeroCurve(date, curve.times, curve.zeros, curve.interpolation, curve.shifts);
}

/** A book's holdings laid out at the horizon date. */
export interface HorizonBook {
  readonly months: number;
  /** Horizon date, Excel serial. */
  readonly date: number;
  /** h, ACT/365F years. */
  readonly years: number;
  /** The holdings alive at H, settling at H, Z-spreads held (the others not priced). */
  readonly bonds: FixedBondBook;
  /** Per 100 of par: accrued at settlement and at H (0 when matured), principal repaid R. */
  readonly accrued0: Float64Array;
  readonly accruedH: Float64Array;
  readonly redeemed: Float64Array;
  /** Cash received in (s, H] reinvested to H at the unshocked forward, per 100. */
  readonly cash: Float64Array;
  /** The MBS rows, valued by the MBS engine at H. */
  readonly mbs: MbsHorizon;
  /** The callable rows, valued on the Hull–White lattice at H, OAS held. */
  readonly callables: CallableHorizon;
  /** The FRN and fixed-to-float rows, valued by their engines at H, discount margin held. */
  readonly floating: FloatingHorizon;
}

/** Lays out the book's holdings at the horizon (months ≥ 0). */
export function horizonBook(book: ScenarioBook, months = DEFAULT_HORIZON_MONTHS): HorizonBook {
  if (!(months >= 0 && Number.isInteger(months))) {
    throw new OutOfDomainError(
      `horizon_months: expected a whole number of months ≥ 0, got ${months}`,
      months,
      "horizon_months"
    );
  }
  const n = book.holdings.count;
  const date = tenorDate(book.settlement, months);
  const years = (date - book.settlement) / 365;
  const z = book.exposure.risk.zspread;
  const maturity = book.holdings.maturity;
  const mbs = mbsHorizon(
    book.holdings,
    (i) => book.included[i] === 1,
    z,
    book.market.hullWhite,
    book.curve,
    date,
    months
  );
  const floating = floatingHorizon(
    book.holdings,
    (i) => book.included[i] === 1,
    z,
    book.market,
    book.curve,
    date
  );
  const alive = (i: number) =>
    book.included[i] === 1 && maturity[i] > date && !mbs.is(i) && !floating.is(i);
  const atH = fixedBondBook(
    date,
    holdingTerms(book.holdings, date),
    Float64Array.from(z, (v, i) => (alive(i) ? v : NaN)),
    rollCurve(book.curve, date)
  );
  const accruedH = Float64Array.from(atH.accrued, (a, i) => (alive(i) ? a : 0));
  // Cash received in (s, H], from the settlement-date cash flows, reinvested at the unshocked forward.
  const at0 = fixedBondBook(
    book.settlement,
    book.exposure.prepared.terms,
    Float64Array.from(z, (v, i) => (book.included[i] ? v : NaN)),
    book.curve,
    book.exposure.prepared.sched
  );
  const g = at0.grid;
  const df = discountGrid(book.curve, g.dates);
  const dfH = book.curve.discount(years);
  const cash = new Float64Array(n);
  const redeemed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!book.included[i]) continue;
    for (let j = g.start[i]; j < g.start[i + 1] && g.time[j] <= years; j++)
      cash[i] += (g.amount[j] * df[g.dateIndex[j]]) / dfH;
    if (!alive(i)) redeemed[i] = 100;
  }
  const accrued0 = Float64Array.from(at0.accrued);
  // The kinds valued at H by their own engines bring their own cash, accrued and redemptions.
  for (const own of [mbs, floating]) {
    for (let i = 0; i < n; i++) {
      if (!own.is(i)) continue;
      cash[i] = own.cash[i];
      redeemed[i] = own.redeemed[i];
      accrued0[i] = own.accrued0[i];
      accruedH[i] = own.accruedH[i];
    }
  }
  const callables = callableHorizon(book.holdings, (i) => alive(i), z, book.market.hullWhite, date);
  return {
    months,
    date,
    years,
    bonds: atH,
    accrued0,
    accruedH,
    redeemed,
    cash,
    mbs,
    callables,
    floating,
  };
}

export interface HorizonReturn {
  /** Money totals over the holdings in the totals. */
  readonly priceReturn: number;
  readonly income: number;
  readonly totalReturn: number;
}

/**
 * Dirty prices per 100 at the horizon on (settlement-dated) curves rolled to H (0 once matured),
 * curve k with spread shocks dz[k]; the callables priced on all the curves at once.
 */
function horizonPrices(
  hb: HorizonBook,
  curves: readonly ZeroCurve[],
  dz: readonly (Float64Array | undefined)[]
): Float64Array[] {
  const rolled = curves.map((c) => rollCurve(c, hb.date));
  const prices = rolled.map((r, k) => {
    const p = hb.bonds.price(r, dz[k]);
    for (let i = 0; i < p.length; i++) if (!hb.bonds.priced[i]) p[i] = 0;
    hb.mbs.price(r, dz[k], p);
    hb.floating.price(r, dz[k], p);
    return p;
  });
  hb.callables.priceMany(rolled, dz, prices);
  return prices;
}

/** Horizon returns under a rate profile (applied at H) and spread shocks dz (decimal). */
export function horizonReturn(
  book: ScenarioBook,
  hb: HorizonBook,
  profile: ShiftProfile,
  dz?: Float64Array
): HorizonReturn {
  return horizonReturns(book, hb, [profile], [dz])[0];
}

/** {@link horizonReturn} under several profiles (profile k with shocks dz[k]), priced together. */
export function horizonReturns(
  book: ScenarioBook,
  hb: HorizonBook,
  profiles: readonly ShiftProfile[],
  dz: readonly (Float64Array | undefined)[]
): HorizonReturn[] {
  const h = book.holdings;
  const curves = profiles.map((profile) => shockedCurve(book.market, { kind: "profile", profile }));
  return horizonPrices(hb, curves, dz).map((dirtyH) => {
    let priceReturn = 0;
    let income = 0;
    for (let i = 0; i < h.count; i++) {
      if (!book.included[i]) continue;
      const clean0 = book.basePrice[i] - hb.accrued0[i];
      const cleanH = dirtyH[i] - hb.accruedH[i];
      priceReturn += (h.par[i] * (cleanH + hb.redeemed[i] - clean0)) / 100;
      income += (h.par[i] * (hb.cash[i] - hb.redeemed[i] + hb.accruedH[i] - hb.accrued0[i])) / 100;
    }
    return { priceReturn, income, totalReturn: priceReturn + income };
  });
}
