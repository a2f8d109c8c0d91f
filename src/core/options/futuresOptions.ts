/**
 * Options on Treasury futures (CME options on ZT, ZF, ZN, TN, ZB, UB): American by default,
 * Barone-Adesi–Whaley on Black-76 (black76.ts); European on request. Prices are points per 100
 * of the futures' face, quoted in 64ths (`to64ths`); a position's value is contracts × price ×
 * face/100 (money).
 *
 * On a curve the underlying moves as the futures engine prices it (engines/treasuryFuture.ts: CTD
 * forward ÷ CF, CTD Z-spread held): F_curve = F_quoted + (F_model(curve) − F_model(base)); the
 * discount rate is the curve's continuously compounded zero rate to expiry.
 *
 * Volatilities: σ_P is the lognormal price volatility (decimal a year). The yield volatility it
 * implies, as CME converts, goes through the futures DV01: a futures price moves by
 * p = DV01 ÷ (face/100) points per bp, so the normal yield volatility is σ_P·F ÷ p (bp a year)
 * and the relative yield volatility is that ÷ the CTD's forward yield. A scenario's normal
 * volatility shift Δσ_N (bp) moves σ_P by Δσ_N·p/F.
 */
import { ZeroCurve } from "../curve";
import { OutOfDomainError } from "../errors";
import {
  calibrateFutures,
  CtdBond,
  PricedFutures,
  resolveFuturesTerms,
} from "../engines/treasuryFuture";
import { DeliveryMonth, FuturesContract } from "../futures/contracts";
import { baseCurve, CurveMarket } from "../market/market";
import { shockedCurve } from "../market/shock";
import { baroneAdesiWhaley, black76 } from "./black76";

export interface FuturesOptionPosition {
  readonly kind: "futures-option";
  readonly contract: FuturesContract;
  /** Contract month of the underlying; default the front month. */
  readonly month?: DeliveryMonth;
  /** Expiry date, Excel serial. */
  readonly expiry: number;
  /** Strike, points per 100. */
  readonly strike: number;
  /** Lognormal price volatility, decimal a year. */
  readonly vol: number;
  readonly call: boolean;
  /** American (default) or European exercise. */
  readonly american?: boolean;
  /** Signed contracts: > 0 bought. */
  readonly contracts: number;
  /** Futures price, points; default the futures engine's price on the curve. */
  readonly futuresPrice?: number;
  readonly ctd?: CtdBond;
  readonly repo?: number;
}

/** One futures option price, points per 100; `rate` continuous ACT/365F to expiry. */
export function futuresOptionPrice(
  futuresPrice: number,
  strike: number,
  vol: number,
  t: number,
  rate: number,
  call: boolean,
  american = true
): number {
  if (!(futuresPrice > 0) || !(strike > 0))
    throw new OutOfDomainError(
      `futures price and strike must be > 0 (points per 100), got ${futuresPrice} and ${strike}`,
      [futuresPrice, strike],
      "strike"
    );
  if (!(vol >= 0) || vol > 2)
    throw new OutOfDomainError(
      `vol: a lognormal price volatility as a decimal (0.06 = 6%), got ${vol}`,
      vol,
      "vol"
    );
  if (!(t >= 0)) throw new OutOfDomainError(`expiry: must be after settlement`, t, "expiry");
  const sign = call ? 1 : -1;
  return american
    ? baroneAdesiWhaley(futuresPrice, strike, vol, t, rate, sign)
    : black76(futuresPrice, strike, vol, t, Math.exp(-rate * t), sign);
}

/** Points as a 64ths quote: 1.359375 → "1-23", with a "+" for half a 64th ("1-23+"). */
export function to64ths(points: number): string {
  const halves = Math.round(points * 128);
  const sign = halves < 0 ? "-" : "";
  const a = Math.abs(halves);
  const whole = Math.floor(a / 128);
  const rest = a - whole * 128;
  return `${sign}${whole}-${String(Math.floor(rest / 2)).padStart(2, "0")}${rest % 2 ? "+" : ""}`;
}

/** Price volatility → normal yield volatility (bp a year) through the futures' points per bp. */
export function yieldVolBp(priceVol: number, futuresPrice: number, pointsPerBp: number): number {
  return (priceVol * futuresPrice) / pointsPerBp;
}

/** Futures options prepared on a Treasury market: underlying futures calibrated once. */
export interface FuturesOptionBook {
  readonly market: CurveMarket;
  readonly positions: readonly FuturesOptionPosition[];
  /** The distinct underlying futures (options on one contract month share one). */
  readonly futures: PricedFutures;
  /** Index into `futures` of each position's underlying. */
  readonly underlying: Int32Array;
  /** Quoted (or model) futures price at base, points. */
  readonly basePrice: Float64Array;
  /** Futures points per 1 bp parallel fall of the curve. */
  readonly pointsPerBp: Float64Array;
  readonly expiry: Float64Array;
}

export function prepareFuturesOptions(
  market: CurveMarket,
  positions: readonly FuturesOptionPosition[]
): FuturesOptionBook {
  const base = baseCurve(market);
  positions.forEach((p) => {
    if (!(p.expiry > market.settlement))
      throw new OutOfDomainError("expiry: must be after settlement", p.expiry, "expiry");
    if (!Number.isFinite(p.contracts) || p.contracts === 0)
      throw new OutOfDomainError("quantity: must be non-zero", p.contracts, "quantity");
  });
  const terms = positions.map((p) => resolveFuturesTerms(p.contract, base, p));
  const keys = new Map<string, number>();
  const unique: typeof terms = [];
  const underlying = Int32Array.from(terms, (t) => {
    const key = JSON.stringify([t.contract.code, t.month, t.ctd, t.repo]);
    if (!keys.has(key)) keys.set(key, unique.push(t) - 1);
    return keys.get(key)!;
  });
  const futures = calibrateFutures(unique, base);
  const down = futures.price(shockedCurve(market, { kind: "parallel", bp: -1 }));
  const up = futures.price(shockedCurve(market, { kind: "parallel", bp: 1 }));
  return {
    market,
    positions,
    futures,
    underlying,
    basePrice: Float64Array.from(
      positions,
      (p, i) => p.futuresPrice ?? futures.basePrice[underlying[i]]
    ),
    pointsPerBp: Float64Array.from(underlying, (u) => (down[u] - up[u]) / 2),
    expiry: Float64Array.from(positions, (p) => (p.expiry - market.settlement) / 365),
  };
}

/**
 * Values (money) on a Treasury curve: the normal yield volatility moved by `volShiftBp` (through
 * each futures' points per bp), the price volatility by `priceVolShift` (decimal), expiries
 * `daysPassed` days nearer.
 */
export function futuresOptionValues(
  book: FuturesOptionBook,
  curve: ZeroCurve,
  volShiftBp = 0,
  daysPassed = 0,
  priceVolShift = 0,
  out: Float64Array = new Float64Array(book.positions.length)
): Float64Array {
  const model = book.futures.price(curve);
  book.positions.forEach((p, i) => {
    const u = book.underlying[i];
    const f = book.basePrice[i] + model[u] - book.futures.basePrice[u];
    const t = Math.max(book.expiry[i] - daysPassed / 365, 0);
    const te = book.expiry[i];
    const rate = curve.zeroRate(te);
    const vol = Math.max(
      p.vol + priceVolShift + (volShiftBp * book.pointsPerBp[i]) / book.basePrice[i],
      0
    );
    const price = futuresOptionPrice(f, p.strike, vol, t, rate, p.call, p.american ?? true);
    out[i] = (p.contracts * price * p.contract.face) / 100;
  });
  return out;
}
