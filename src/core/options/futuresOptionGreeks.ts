/**
 * Greeks of one Treasury futures option position from its quote alone (no curve): the cell
 * functions' FUTURES_OPTION_GREEKS. With P(F) the option price (points, futuresOptionPrice),
 * n contracts of face A:
 *   delta = ∂P/∂F,  Γ = ∂²P/∂F² (central differences, ΔF = 1e-4·F)
 *   vega  = n·A/100·(P(σ+1%) − P(σ−1%))/2       money per 1% of price volatility
 *   theta = n·A/100·(P(T − 1 day) − P(T))        money per calendar day
 * and, given the futures DV01 D (money per contract per bp; see FUTURES_DV01), with
 * p = D ÷ (A/100) the futures points per bp:
 *   DV01  = n·A/100·delta·p                      money per 1 bp fall in yields
 *   gamma = n·A/100·Γ·p²                         change of DV01 for 1 bp, money
 *   yield volatility = σ·F ÷ p                   normal, bp a year (CME's conversion)
 * The futures' own convexity is left out of gamma (a futures DV01 barely moves over 1 bp).
 */
import { OutOfDomainError } from "../errors";
import { futuresOptionPrice, to64ths, yieldVolBp } from "./futuresOptions";

export interface FuturesOptionQuote {
  readonly settlement: number;
  readonly expiry: number;
  /** Points per 100. */
  readonly futuresPrice: number;
  readonly strike: number;
  /** Lognormal price volatility, decimal. */
  readonly vol: number;
  /** Continuously compounded ACT/365F rate to expiry, decimal. */
  readonly rate: number;
  readonly call: boolean;
  readonly american: boolean;
}

export interface FuturesOptionRisk {
  /** Points per 100, and as a 64ths quote. */
  readonly price: number;
  readonly quote64: string;
  /** Money, n·A/100·price. */
  readonly premium: number;
  readonly delta: number;
  readonly gammaPoints: number;
  readonly vega: number;
  readonly theta: number;
  /** Undefined without a futures DV01. */
  readonly dv01?: number;
  readonly gamma?: number;
  readonly yieldVolBp?: number;
  readonly pointsPerBp?: number;
}

export function futuresOptionRisk(
  q: FuturesOptionQuote,
  contracts: number,
  face: number,
  futuresDv01?: number
): FuturesOptionRisk {
  if (!(q.expiry > q.settlement))
    throw new OutOfDomainError("expiry: must be after settlement", q.expiry, "expiry");
  if (futuresDv01 !== undefined && !(futuresDv01 > 0))
    throw new OutOfDomainError(
      `futures_dv01: money per contract per bp, > 0; got ${futuresDv01}`,
      futuresDv01,
      "futures_dv01"
    );
  const t = (q.expiry - q.settlement) / 365;
  const p = (f: number, vol = q.vol, tt = t) =>
    futuresOptionPrice(f, q.strike, vol, tt, q.rate, q.call, q.american);
  const scale = (contracts * face) / 100;
  const price = p(q.futuresPrice);
  const h = 1e-4 * q.futuresPrice;
  const up = p(q.futuresPrice + h);
  const down = p(q.futuresPrice - h);
  const delta = (up - down) / (2 * h);
  const gammaPoints = (up + down - 2 * price) / (h * h);
  const vega =
    (scale * (p(q.futuresPrice, q.vol + 0.01) - p(q.futuresPrice, Math.max(q.vol - 0.01, 0)))) / 2;
  const theta = scale * (p(q.futuresPrice, q.vol, Math.max(t - 1 / 365, 0)) - price);
  const base = {
    price,
    quote64: to64ths(price),
    premium: scale * price,
    delta,
    gammaPoints,
    vega,
    theta,
  };
  if (futuresDv01 === undefined) return base;
  const pointsPerBp = futuresDv01 / (face / 100);
  return {
    ...base,
    pointsPerBp,
    dv01: scale * delta * pointsPerBp,
    gamma: scale * gammaPoints * pointsPerBp * pointsPerBp,
    yieldVolBp: yieldVolBp(q.vol, q.futuresPrice, pointsPerBp),
  };
}
