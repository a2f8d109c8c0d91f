/**
 * SOFR swaptions and caps/floors, Bachelier (normal volatility), priced on a SOFR OIS zero curve.
 *
 * Swaption (European, physically settled): at expiry E the holder enters the SOFR OIS swap of the
 * tenor, effective E (no spot lag), fixed leg annual ACT/360 counted back from E + tenor as in
 * swaps/ois.ts (`oisFixedLeg`), against compounded SOFR worth DF(E) − DF(end) on the one curve.
 * Annuity A = Σ α·DF(pay), forward swap rate S = (DF(E) − DF(end))/A, T = ACT/365F settlement → E,
 *   premium = notional · A · Bachelier(S, K, σ, T)   (payer: call on S; receiver: put).
 *
 * Cap/floor on SOFR term forwards: quarterly periods from the start date (start + 3k months,
 * EDATE), each caplet fixing at its period start s and paying at its end e, α = (e − s)/360,
 *   F = (DF(s)/DF(e) − 1)/α,  caplet = notional · α · DF(e) · Bachelier(F, K, σ, T = (s − settlement)/365)
 * (floorlet: put). A caplet fixing at settlement is worth its intrinsic value on the curve's forward.
 *
 * Positions are signed: notional > 0 bought, < 0 sold. Values in money. Schedules are resolved
 * once (`prepareRateOptions`); `rateOptionValues` prices them on any curve with the volatility
 * moved by a shift (bp of normal vol), so the ladder, scenarios and the optimiser share one path.
 */
import { curveTime, oisFixedLeg, tenorDate, ZeroCurve } from "../curve";
import { OutOfDomainError } from "../errors";
import { bachelierKernel } from "./bachelier";

export interface SwaptionPosition {
  readonly kind: "swaption";
  /** Expiry date, Excel serial (after settlement). */
  readonly expiry: number;
  /** Tenor of the underlying swap, months. */
  readonly months: number;
  /** Strike, decimal. */
  readonly strike: number;
  /** Normal volatility, decimal a year (0.01 = 100 bp). */
  readonly vol: number;
  /** Payer (right to pay fixed) or receiver. */
  readonly payer: boolean;
  /** Signed notional, money: > 0 bought, < 0 sold. */
  readonly notional: number;
}

export interface CapFloorPosition {
  readonly kind: "capfloor";
  /** Start of the first period, Excel serial (on or after settlement). */
  readonly start: number;
  /** Length, months (a multiple of 3). */
  readonly months: number;
  readonly strike: number;
  readonly vol: number;
  readonly cap: boolean;
  readonly notional: number;
}

export type RateOptionPosition = SwaptionPosition | CapFloorPosition;

/** Rate options with their schedules resolved, as flat arrays (one "leg" per swaption or caplet). */
export interface RateOptionBook {
  readonly settlement: number;
  readonly positions: readonly RateOptionPosition[];
  /** Per leg: position index, start and end times, accrual times of its fixed/pay dates. */
  readonly legPosition: Int32Array;
  readonly legStart: Float64Array;
  readonly legEnd: Float64Array;
  /** Expiry (fixing) time, years ACT/365F. */
  readonly legExpiry: Float64Array;
  /** Swaptions: offsets into payTime/accrual; caplets: −1. */
  readonly legPayFrom: Int32Array;
  readonly legPayTo: Int32Array;
  readonly payTime: Float64Array;
  readonly accrual: Float64Array;
  /** Caplets: α of the period. */
  readonly legAccrual: Float64Array;
  readonly legStrike: Float64Array;
  readonly legVol: Float64Array;
  readonly legSign: Float64Array;
  readonly legNotional: Float64Array;
}

function check(p: RateOptionPosition, settlement: number): void {
  const when = p.kind === "swaption" ? p.expiry : p.start;
  const name = p.kind === "swaption" ? "expiry" : "start";
  if (!(p.kind === "swaption" ? when > settlement : when >= settlement))
    throw new OutOfDomainError(`${name}: must be after settlement`, when, name);
  if (!(p.months > 0) || (p.kind === "capfloor" && p.months % 3 !== 0))
    throw new OutOfDomainError(
      `tenor: ${p.kind === "capfloor" ? "a positive multiple of 3 months" : "must be positive"}, got ${p.months} months`,
      p.months,
      "tenor"
    );
  if (!(p.vol >= 0) || !Number.isFinite(p.vol))
    throw new OutOfDomainError(`vol: must be ≥ 0, got ${p.vol}`, p.vol, "vol");
  if (p.vol >= 0.1)
    throw new OutOfDomainError(
      `vol: ${p.vol} is a normal volatility of ${p.vol * 1e4} bp a year; enter decimals (0.01 = 100 bp)`,
      p.vol,
      "vol"
    );
  if (!Number.isFinite(p.strike) || Math.abs(p.strike) >= 1)
    throw new OutOfDomainError(
      `strike: ${p.strike} is not a decimal rate (0.04 = 4%)`,
      p.strike,
      "strike"
    );
  if (!Number.isFinite(p.notional) || p.notional === 0)
    throw new OutOfDomainError(`notional: must be non-zero`, p.notional, "notional");
}

/**
 * Resolves schedules at a settlement date.
 * @throws OutOfDomainError for an expiry not after settlement, a bad tenor, volatility or strike.
 */
export function prepareRateOptions(
  settlement: number,
  positions: readonly RateOptionPosition[]
): RateOptionBook {
  const legs: number[][] = [];
  const payTime: number[] = [];
  const accrual: number[] = [];
  positions.forEach((p, i) => {
    check(p, settlement);
    const sign = p.kind === "swaption" ? (p.payer ? 1 : -1) : p.cap ? 1 : -1;
    if (p.kind === "swaption") {
      const leg = oisFixedLeg(p.expiry, p.months);
      const from = payTime.length;
      leg.pay.forEach((d, j) => {
        payTime.push(curveTime(settlement, d));
        accrual.push(leg.accrual[j]);
      });
      const end = curveTime(settlement, leg.pay[leg.pay.length - 1]);
      const t = curveTime(settlement, p.expiry);
      legs.push([i, t, end, t, from, payTime.length, 0, sign]);
      return;
    }
    for (let m = 0; m < p.months; m += 3) {
      const s = tenorDate(p.start, m);
      const e = tenorDate(p.start, m + 3);
      const ts = curveTime(settlement, s);
      legs.push([i, ts, curveTime(settlement, e), ts, -1, -1, (e - s) / 360, sign]);
    }
  });
  const col = (k: number) => Float64Array.from(legs, (l) => l[k]);
  const legPosition = Int32Array.from(legs, (l) => l[0]);
  return {
    settlement,
    positions,
    legPosition,
    legStart: col(1),
    legEnd: col(2),
    legExpiry: col(3),
    legPayFrom: Int32Array.from(legs, (l) => l[4]),
    legPayTo: Int32Array.from(legs, (l) => l[5]),
    payTime: Float64Array.from(payTime),
    accrual: Float64Array.from(accrual),
    legAccrual: col(6),
    legStrike: Float64Array.from(legPosition, (i) => positions[i].strike),
    legVol: Float64Array.from(legPosition, (i) => positions[i].vol),
    legSign: col(7),
    legNotional: Float64Array.from(legPosition, (i) => positions[i].notional),
  };
}

/** Per leg: the forward rate and the annuity (Σ α·DF for a swaption, α·DF(e) for a caplet). */
export function legForwards(
  book: RateOptionBook,
  curve: ZeroCurve
): { forward: Float64Array; annuity: Float64Array } {
  const n = book.legPosition.length;
  const forward = new Float64Array(n);
  const annuity = new Float64Array(n);
  for (let l = 0; l < n; l++) {
    const dfStart = curve.discount(book.legStart[l]);
    const dfEnd = curve.discount(book.legEnd[l]);
    if (book.legPayFrom[l] >= 0) {
      let a = 0;
      for (let j = book.legPayFrom[l]; j < book.legPayTo[l]; j++)
        a += book.accrual[j] * curve.discount(book.payTime[j]);
      annuity[l] = a;
      forward[l] = (dfStart - dfEnd) / a;
    } else {
      const alpha = book.legAccrual[l];
      annuity[l] = alpha * dfEnd;
      forward[l] = (dfStart / dfEnd - 1) / alpha;
    }
  }
  return { forward, annuity };
}

/**
 * Values (money, signed by position) on a curve, the normal volatility of every option moved by
 * `volShiftBp` (floored at 0) and each expiry brought `daysPassed` calendar days nearer (theta).
 */
export function rateOptionValues(
  book: RateOptionBook,
  curve: ZeroCurve,
  volShiftBp = 0,
  daysPassed = 0,
  out: Float64Array = new Float64Array(book.positions.length)
): Float64Array {
  const { forward, annuity } = legForwards(book, curve);
  const n = forward.length;
  const stdev = new Float64Array(n);
  for (let l = 0; l < n; l++) {
    const t = Math.max(book.legExpiry[l] - daysPassed / 365, 0);
    stdev[l] = Math.max(book.legVol[l] + volShiftBp * 1e-4, 0) * Math.sqrt(t);
  }
  const price = bachelierKernel(forward, book.legStrike, stdev, book.legSign);
  out.fill(0);
  for (let l = 0; l < n; l++)
    out[book.legPosition[l]] += book.legNotional[l] * annuity[l] * price[l];
  return out;
}
