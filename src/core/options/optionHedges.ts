/**
 * Options held as hedges, revalued under scenarios: SOFR swaptions and caps/floors on the SOFR
 * OIS market the swaps use (moved by the Treasury rate profile at its own tenors plus the
 * scenario's swap-spread shock), Treasury futures options on the Treasury market through their
 * futures (engines/treasuryFuture.ts). Volatility is held, or moved by the scenario's normal
 * volatility shift (bp; for futures options through the futures' points per bp, see
 * futuresOptions.ts). P&L = value on the shocked curve − value on the base curve, money.
 */
import { isoFromSerial } from "../dates";
import { contractSymbol } from "../futures/contracts";
import { baseCurve, CurveMarket } from "../market/market";
import { shockedCurve, ShiftProfile } from "../market/shock";
import { percentText } from "../percentText";
import { tenorLabel } from "../curve";
import {
  FuturesOptionBook,
  FuturesOptionPosition,
  futuresOptionValues,
  prepareFuturesOptions,
} from "./futuresOptions";
import {
  prepareRateOptions,
  RateOptionBook,
  RateOptionPosition,
  rateOptionValues,
} from "./rateOptions";

export type OptionPosition = RateOptionPosition | FuturesOptionPosition;

/** A label: "SOFR 1Y×10Y payer swaption 4.00% σ 90bp, bought 10,000,000". */
export function optionLabel(p: OptionPosition, settlement: number): string {
  const side = (q: number) => (q > 0 ? "bought" : "sold");
  const amount = (q: number) => Math.abs(q).toLocaleString("en-US");
  switch (p.kind) {
    case "swaption":
      return `SOFR ${isoFromSerial(p.expiry)} into ${tenorLabel(p.months)} ${p.payer ? "payer" : "receiver"} swaption ${percentText(p.strike)} σ ${Math.round(p.vol * 1e4)}bp, ${side(p.notional)} ${amount(p.notional)}`;
    case "capfloor":
      return `SOFR ${tenorLabel(p.months)} ${p.cap ? "cap" : "floor"} from ${isoFromSerial(p.start)} ${percentText(p.strike)} σ ${Math.round(p.vol * 1e4)}bp, ${side(p.notional)} ${amount(p.notional)}`;
    case "futures-option": {
      const month = p.month
        ? contractSymbol(p.contract, p.month)
        : `${p.contract.code} front month`;
      return `${month} ${p.strike} ${p.call ? "call" : "put"} (${p.american === false ? "European" : "American"}, expiry ${isoFromSerial(p.expiry)}, σ ${(p.vol * 100).toFixed(2)}%) ×${p.contracts}`;
    }
  }
  return String(settlement);
}

/** Option hedges prepared once for any number of scenarios. */
export interface OptionHedgeBook {
  /** Index into the hedges of each rate option and each futures option, in book order. */
  readonly rateIndex: readonly number[];
  readonly futuresIndex: readonly number[];
  readonly rates?: RateOptionBook;
  readonly futures?: FuturesOptionBook;
  readonly rateBase?: Float64Array;
  readonly futuresBase?: Float64Array;
}

/** Prepares options (given with their index among all hedges) on the two markets. */
export function optionHedgeBook(
  options: readonly { index: number; option: OptionPosition }[],
  treasury: CurveMarket,
  swaps: CurveMarket
): OptionHedgeBook {
  const rate = options.filter((o) => o.option.kind !== "futures-option");
  const fut = options.filter((o) => o.option.kind === "futures-option");
  const rates = rate.length
    ? prepareRateOptions(
        swaps.settlement,
        rate.map((o) => o.option as RateOptionPosition)
      )
    : undefined;
  const futures = fut.length
    ? prepareFuturesOptions(
        treasury,
        fut.map((o) => o.option as FuturesOptionPosition)
      )
    : undefined;
  return {
    rateIndex: rate.map((o) => o.index),
    futuresIndex: fut.map((o) => o.index),
    rates,
    futures,
    rateBase: rates && rateOptionValues(rates, baseCurve(swaps)),
    futuresBase: futures && futuresOptionValues(futures, baseCurve(treasury)),
  };
}

/** Adds each option's P&L under a scenario into `out` (indexed as the hedges). */
export function optionHedgePnl(
  book: OptionHedgeBook,
  treasury: CurveMarket,
  swaps: CurveMarket,
  profile: ShiftProfile,
  swapSpreadBp: number,
  volShiftBp: number,
  out: Float64Array
): void {
  if (book.rates && book.rateBase) {
    const curve = shockedCurve(swaps, { kind: "profile", profile, extraBp: swapSpreadBp });
    const v = rateOptionValues(book.rates, curve, volShiftBp);
    book.rateIndex.forEach((k, i) => (out[k] = v[i] - book.rateBase![i]));
  }
  if (book.futures && book.futuresBase) {
    const curve = shockedCurve(treasury, { kind: "profile", profile });
    const v = futuresOptionValues(book.futures, curve, volShiftBp);
    book.futuresIndex.forEach((k, i) => (out[k] = v[i] - book.futuresBase![i]));
  }
}
