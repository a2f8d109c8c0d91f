/**
 * One way to move a curve. A shock is data — a parallel move, a key-rate triangle, or a shift
 * profile (scenario shapes, curve-history replays, a swap-spread add-on) — and `shockedCurve` is
 * the only function that applies one, for the risk ladder, the scenarios, the horizon and the hedges.
 *
 * Profiles are basis points at tenor points (months), linear in ACT/365F time between the points
 * and flat outside them; a key-rate triangle is the profile that is the bump at its key and 0 at
 * the neighbouring keys (flat beyond the first and last), so the triangles sum to the parallel move.
 *
 * The market's shift rule says what moves: "par" bumps each input par rate by the shock at its
 * tenor and re-bootstraps; "zero" shifts the continuously compounded zero rates.
 */
import { buildCurve } from "../curve/curveSpec";
import { tenorTime } from "../curve/tenor";
import { keyRateShift, keyRateWeight, ZeroCurve } from "../curve/zeroCurve";
import { CurveMarket } from "./market";

/** Basis points at tenor points, linear in ACT/365F time between them, flat outside. */
export interface ShiftProfile {
  readonly months: readonly number[];
  readonly bp: readonly number[];
}

export type Shock =
  | { readonly kind: "none" }
  | { readonly kind: "parallel"; readonly bp: number }
  /** The triangle at the market's key `index`. */
  | { readonly kind: "key"; readonly index: number; readonly bp: number }
  /** A profile, plus `extraBp` everywhere (a swap-spread shock on the swap curve). */
  | { readonly kind: "profile"; readonly profile: ShiftProfile; readonly extraBp?: number };

/** The profile's value (bp) at curve time t, given its point times. */
export function profileAt(times: ArrayLike<number>, bp: readonly number[], t: number): number {
  const n = bp.length;
  if (t <= times[0]) return bp[0];
  if (t >= times[n - 1]) return bp[n - 1];
  let i = 0;
  while (times[i + 1] < t) i++;
  const w = (t - times[i]) / (times[i + 1] - times[i]);
  return bp[i] + w * (bp[i + 1] - bp[i]);
}

/** The profile (bp) at the given tenors (months) of a curve settling on `settlement`. */
export function profileAtTenors(
  profile: ShiftProfile,
  settlement: number,
  months: readonly number[],
  extraBp = 0
): number[] {
  const times = profile.months.map((m) => tenorTime(settlement, m));
  return months.map((m) => profileAt(times, profile.bp, tenorTime(settlement, m)) + extraBp);
}

/** Key times of a market, years from settlement. */
export function keyTimes(market: CurveMarket): Float64Array {
  return Float64Array.from(market.keysMonths, (m) => tenorTime(market.settlement, m));
}

/** The shock's move (decimal) at each input tenor of the market's curve, for par re-bootstraps. */
function parBumps(market: CurveMarket, shock: Exclude<Shock, { kind: "none" }>): number[] {
  const { curve, settlement } = market;
  switch (shock.kind) {
    case "parallel":
      return curve.months.map(() => shock.bp * 1e-4);
    case "key": {
      const keys = keyTimes(market);
      return curve.months.map(
        (m) => keyRateWeight(keys, shock.index, tenorTime(settlement, m)) * shock.bp * 1e-4
      );
    }
    case "profile":
      return profileAtTenors(shock.profile, settlement, curve.months, shock.extraBp).map(
        (b) => b * 1e-4
      );
  }
}

function isZeroMove(shock: Shock): boolean {
  switch (shock.kind) {
    case "none":
      return true;
    case "parallel":
    case "key":
      return shock.bp === 0;
    case "profile": {
      const extra = shock.extraBp ?? 0;
      return shock.profile.bp.every((b) => b + extra === 0);
    }
  }
}

/** The market's curve moved by a shock; a zero move returns the unshocked (cached) curve itself. */
export function shockedCurve(market: CurveMarket, shock: Shock): ZeroCurve {
  const { curve, settlement, interpolation } = market;
  const base = buildCurve(curve, settlement, interpolation);
  if (isZeroMove(shock) || shock.kind === "none") return base;
  if (market.shiftOn === "par") {
    return buildCurve(curve, settlement, interpolation, parBumps(market, shock));
  }
  switch (shock.kind) {
    case "parallel":
      return base.parallel(shock.bp);
    case "key":
      return base.withShift(keyRateShift(keyTimes(market), shock.index, shock.bp));
    case "profile": {
      const extra = shock.extraBp ?? 0;
      return base.withShift({
        times: Float64Array.from(shock.profile.months, (m) => tenorTime(settlement, m)),
        values: Float64Array.from(shock.profile.bp, (b) => (b + extra) * 1e-4),
      });
    }
  }
}
