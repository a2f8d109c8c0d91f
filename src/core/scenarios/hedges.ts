/**
 * Hedges under scenarios (SPEC S7): Treasury futures through their CTD and conversion factor, and
 * SOFR OIS swaps on a swap curve, each fully revalued on the shocked curves.
 *
 * Futures, per contract: P&L = (F_s − F₀) × face/100, F the futures engine's price
 * (engines/treasuryFuture.ts: CTD forward clean ÷ CF, CTD Z-spread held, repo moving with the
 * curve, no CTD switch; its defaults for month, CTD and repo).
 *
 * Swaps: value on the shocked swap curve − value on the unshocked one, at a fixed rate (given, or
 * the par rate at settlement). The swap curve's par rates move with the Treasury rate profile at
 * their own tenors plus the scenario's swap-spread shock, and are re-bootstrapped. Without a swap
 * curve, swaps are priced on the Treasury zero curve itself (the SOFR OIS par rates it implies: a
 * zero swap spread).
 *
 * Options (options/optionHedges.ts): swaptions and caps/floors on the swap curve as swaps move,
 * futures options through their futures; volatility held or moved by the scenario's vol shift.
 *
 * Money is USD; quantities are signed: contracts > 0 long (buy), < 0 short (sell); swaps carry
 * their direction (pay fixed shortens duration).
 */
import { percentText } from "../percentText";
import { isoFromSerial } from "../dates";
import {
  calibrateFutures,
  CtdBond,
  FuturesTerms,
  PricedFutures,
  resolveFuturesTerms,
} from "../engines/treasuryFuture";
import { contractSymbol, DeliveryMonth, FuturesContract } from "../futures/contracts";
import { baseCurve, CurveMarket, Market, swapMarket, withDefaultShift } from "../market/market";
import { shockedCurve, ShiftProfile } from "../market/shock";
import { parYieldOf } from "../curve";
import { OisSwap, swapValue } from "../swaps/ois";
import {
  OptionHedgeBook,
  optionHedgeBook,
  optionHedgePnl,
  optionLabel,
  OptionPosition,
} from "../options/optionHedges";

export { CtdBond, curveRepo, defaultCtd, defaultDeliveryMonth } from "../engines/treasuryFuture";

export interface FuturesHedge {
  readonly kind: "futures";
  readonly contract: FuturesContract;
  /** Default: see the file comment. */
  readonly month?: DeliveryMonth;
  /** Signed: > 0 long (buy), < 0 short (sell). */
  readonly contracts: number;
  readonly ctd?: CtdBond;
  /** Repo, decimal, simple ACT/360. */
  readonly repo?: number;
  /**
   * Multiplier of the engine's P&L (default 1): input ÷ model DV01 when the hedge was sized with a
   * contract DV01 the user typed, so that the hedge moves by the DV01 it was sized with.
   */
  readonly scale?: number;
}

export interface SwapHedge {
  readonly kind: "swap";
  readonly swap: OisSwap;
}

/** A bought (quantity > 0) or sold option: swaption, cap/floor or Treasury futures option. */
export interface OptionHedge {
  readonly kind: "option";
  readonly option: OptionPosition;
}

export type Hedge = FuturesHedge | SwapHedge | OptionHedge;

/** Hedges prepared once for any number of scenarios. */
export interface HedgeBook {
  /** The Treasury market the futures' CTDs are priced on (the curve's default shift rule). */
  readonly market: CurveMarket;
  /** The SOFR OIS market the swaps are priced on (the swap curve given, or implied). */
  readonly swaps: CurveMarket;
  readonly hedges: readonly Hedge[];
  /** A label per hedge: "ZNM5 ×−120 (CTD 4.25% 2032-02-15)", "SOFR 10Y pay fixed 50,000,000". */
  readonly labels: readonly string[];
  /** Index into `hedges` of each priced futures position, in `futures` order. */
  readonly futuresIndex: readonly number[];
  readonly futures?: PricedFutures;
  /** Swap fixed rates used (par at settlement when not given), by hedge index. */
  readonly fixedRates: ReadonlyMap<number, number>;
  /** Options (swaptions and caps on the swap market, futures options on the Treasury one). */
  readonly options?: OptionHedgeBook;
}

/** Resolves a futures hedge's defaults on a curve: month, repo and CTD. */
export function futuresTermsOf(hedge: FuturesHedge, market: CurveMarket): FuturesTerms {
  return resolveFuturesTerms(hedge.contract, baseCurve(market), hedge);
}

/** Prepares hedges on a market: defaults resolved, CTD Z-spreads solved, swap fixed rates set. */
export function hedgeBook(hedges: readonly Hedge[], market: Market): HedgeBook {
  const treasury = withDefaultShift(market);
  const swaps = swapMarket(treasury);
  const swapBase = baseCurve(swaps);
  const fixedRates = new Map<number, number>();
  const labels: string[] = [];
  const futuresIndex: number[] = [];
  const terms: FuturesTerms[] = [];
  const options: { index: number; option: OptionPosition }[] = [];
  hedges.forEach((hedge, k) => {
    if (hedge.kind === "option") {
      options.push({ index: k, option: hedge.option });
      labels.push(optionLabel(hedge.option, market.settlement));
      return;
    }
    if (hedge.kind === "swap") {
      const rate = hedge.swap.fixedRate ?? parYieldOf(swapBase, hedge.swap.months, "sofr_ois");
      fixedRates.set(k, rate);
      const years = hedge.swap.months % 12 ? `${hedge.swap.months}M` : `${hedge.swap.months / 12}Y`;
      labels.push(
        `SOFR ${years} ${hedge.swap.payFixed ? "pay" : "receive"} fixed ${percentText(rate)} on ${hedge.swap.notional.toLocaleString("en-US")}`
      );
      return;
    }
    const t = futuresTermsOf(hedge, treasury);
    futuresIndex.push(k);
    terms.push(t);
    const scaled =
      hedge.scale !== undefined && hedge.scale !== 1
        ? `, P&L × ${hedge.scale.toFixed(4)} to the input contract DV01`
        : "";
    labels.push(
      `${contractSymbol(hedge.contract, t.month)} ×${hedge.contracts} (CTD ${percentText(t.ctd.coupon)} ${isoFromSerial(t.ctd.maturity)}${scaled})`
    );
  });
  const futures = terms.length ? calibrateFutures(terms, baseCurve(treasury)) : undefined;
  return {
    market: treasury,
    swaps,
    hedges,
    labels,
    futuresIndex,
    futures,
    fixedRates,
    ...(options.length ? { options: optionHedgeBook(options, treasury, swaps) } : {}),
  };
}

/**
 * Each hedge's P&L (money) under a Treasury rate profile and a swap-spread shock (bp): futures
 * through their CTD on the shocked Treasury curve; swaps on the swap curve moved by the same
 * profile at its own tenors plus the swap-spread shock, at their fixed rate.
 */
export function hedgePnl(
  book: HedgeBook,
  profile: ShiftProfile,
  swapSpreadBp: number,
  volShiftBp = 0
): Float64Array {
  const out = new Float64Array(book.hedges.length);
  if (book.futures) {
    const prices = book.futures.price(shockedCurve(book.market, { kind: "profile", profile }));
    book.futuresIndex.forEach((k, i) => {
      const f = book.hedges[k] as FuturesHedge;
      const move = (prices[i] - book.futures!.basePrice[i]) * (f.scale ?? 1);
      out[k] = (f.contracts * move * f.contract.face) / 100;
    });
  }
  if (book.fixedRates.size) {
    const base = baseCurve(book.swaps);
    const moved = shockedCurve(book.swaps, { kind: "profile", profile, extraBp: swapSpreadBp });
    for (const [k, rate] of book.fixedRates) {
      const swap = (book.hedges[k] as SwapHedge).swap;
      out[k] = swapValue(moved, swap, rate) - swapValue(base, swap, rate);
    }
  }
  if (book.options)
    optionHedgePnl(book.options, book.market, book.swaps, profile, swapSpreadBp, volShiftBp, out);
  return out;
}
