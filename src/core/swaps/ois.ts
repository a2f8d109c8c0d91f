/**
 * SOFR overnight-index swaps priced on a swap curve of SOFR OIS par rates (SPEC S5).
 *
 * Conventions: fixed leg annual, ACT/360, dates counted back from maturity = settlement + tenor;
 * floating leg compounded SOFR, which on the single OIS curve is worth N·(1 − DF(T)) at
 * settlement. Receive-fixed value = N·(K·A − (1 − DF(T))), A = Σ α·DF the fixed-leg annuity;
 * pay-fixed is its negative. At inception K is the par rate, so the value is zero.
 * DV01 = value gained for a 1 bp fall in the swap curve's par rates (re-bootstrapped), in money:
 * positive for receive-fixed (lengthens duration), negative for pay-fixed (shortens it). KR DV01s
 * use the same triangular key shifts as bonds and sum to the DV01. The Treasury–swap basis is not
 * in these figures: hedging Treasuries with swaps leaves it as a residual risk.
 */
import { OutOfDomainError } from "../errors";
import {
  CurveSpec,
  curveTime,
  Interpolation,
  oisFixedLeg,
  parYieldOf,
  tenorTime,
  ZeroCurve,
} from "../curve";
import { DEFAULT_BUMP_BP, DEFAULT_INTERPOLATION, DEFAULT_KEYS_MONTHS } from "../conventions";
import { ladderCurves } from "../risk/ladder";
import { makeMarket } from "../market/market";

export interface OisSwap {
  /** Tenor in months from settlement. */
  readonly months: number;
  /** Notional, money, > 0. */
  readonly notional: number;
  /** True to pay fixed (short duration), false to receive fixed. */
  readonly payFixed: boolean;
  /** Fixed rate, decimal; the par rate at settlement when omitted. */
  readonly fixedRate?: number;
}

export interface SwapRisk {
  /** The fixed rate used (the par rate when none was given), decimal. */
  readonly fixedRate: number;
  /** Value to the holder, money. */
  readonly value: number;
  /** Money gained for a 1 bp fall in the swap curve's par rates. */
  readonly dv01: number;
  /** KR DV01 per key, money per bp. */
  readonly krDv01: Float64Array;
  readonly keysMonths: readonly number[];
  /** Fixed-leg annuity Σ α·DF per 1 of notional, years. */
  readonly annuity: number;
}

/** Fixed-leg annuity Σ α·DF and DF(T) of a swap on a curve. */
export function annuityOf(curve: ZeroCurve, months: number): { annuity: number; dfEnd: number } {
  const s = curve.settlement;
  const { pay, accrual } = oisFixedLeg(s, months);
  let annuity = 0;
  pay.forEach((d, j) => (annuity += accrual[j] * curve.discount(curveTime(s, d))));
  return { annuity, dfEnd: curve.discount(tenorTime(s, months)) };
}

/** Value of a swap on a curve, money. */
export function swapValue(curve: ZeroCurve, swap: OisSwap, fixedRate: number): number {
  const { annuity, dfEnd } = annuityOf(curve, swap.months);
  const receive = swap.notional * (fixedRate * annuity - (1 - dfEnd));
  return swap.payFixed ? -receive : receive;
}

/**
 * Value, DV01 and KR DV01s of a swap on a SOFR OIS par curve at a settlement date.
 * @throws OutOfDomainError for a non-positive notional or tenor, or a curve that is not SOFR OIS.
 */
export function swapRisk(
  spec: CurveSpec,
  settlement: number,
  swap: OisSwap,
  interpolation: Interpolation = DEFAULT_INTERPOLATION,
  keysMonths: readonly number[] = DEFAULT_KEYS_MONTHS,
  bumpBp = DEFAULT_BUMP_BP
): SwapRisk {
  if (spec.kind !== "sofr_ois") {
    throw new OutOfDomainError(
      `swap_curve: expected SOFR OIS par rates (curve kind "sofr_ois"), got "${spec.kind}"`,
      spec.kind,
      "swap_curve"
    );
  }
  if (!(swap.notional > 0))
    throw new OutOfDomainError(
      `notional: must be > 0, got ${swap.notional}`,
      swap.notional,
      "notional"
    );
  if (!(swap.months > 0))
    throw new OutOfDomainError(`tenor: must be after settlement`, swap.months, "tenor");
  const market = makeMarket({
    settlement,
    curve: spec,
    interpolation,
    shiftOn: "par",
    keysMonths,
    bumpBp,
  });
  const curves = ladderCurves(market);
  const base = curves[0];
  const fixedRate = swap.fixedRate ?? parYieldOf(base, swap.months, "sofr_ois");
  // Central difference per 1 bp on the ladder's pairs: (V(−h) − V(+h)) / 2 ÷ bump.
  const dv01Of = (k: number) =>
    (swapValue(curves[k], swap, fixedRate) - swapValue(curves[k + 1], swap, fixedRate)) /
    2 /
    bumpBp;
  const dv01 = dv01Of(1);
  const krDv01 = Float64Array.from(keysMonths, (_, k) => dv01Of(3 + 2 * k));
  return {
    fixedRate,
    value: swapValue(base, swap, fixedRate),
    dv01,
    krDv01,
    keysMonths,
    annuity: annuityOf(base, swap.months).annuity,
  };
}
