/**
 * Rate-shock shapes (SPEC S7) as typed data, and how a shape moves a curve.
 *
 * Every shape is a shift profile: basis points at tenor points (months), linear in ACT/365F time
 * (the curve's time, from settlement to the tenor's date) between the points and flat outside them
 * — the form of a `ZeroShift` and of the key-rate triangles. With S = 3M (short end), L = 30Y
 * (long end), P the pivot (default 5Y) and x the size in bp (x > 0 gives the move the name says):
 *
 *   parallel        x everywhere
 *   twist           −x at S, 0 at P, +x at L          (x > 0 steepens, x < 0 flattens)
 *   bull steepener  −x at S, 0 at P, 0 at L           (short end falls, long end unchanged)
 *   bear steepener   0 at S, 0 at P, +x at L          (long end rises)
 *   bull flattener   0 at S, 0 at P, −x at L          (long end falls)
 *   bear flattener  +x at S, 0 at P, 0 at L           (short end rises)
 *   butterfly       +x at S, −x at P, +x at L         (x > 0: wings up, belly down; P is the belly)
 *   custom, replay  the given bp at the given tenors  (replay: a curve history's change, see history.ts)
 *
 * A twist is the sum of the bull and bear steepeners of the same size. Shapes add: the sum of
 * profiles is the profile on the union of their points (exact, since each is linear in time
 * between its own points).
 *
 * A profile moves a curve through market/shock.ts (`shockedCurve` with a "profile" shock), as the
 * KRDs' triangles do: a par curve's par yields are bumped at each input tenor by the profile at
 * that tenor's time and re-bootstrapped; a zero curve's zero rates are shifted by the profile.
 */
import { InvalidValueError, OutOfDomainError } from "../errors";
import { tenorLabel, tenorTime } from "../curve";
import { profileAt, ShiftProfile } from "../market/shock";

/** Short-end and long-end anchors of the curve shapes, months (3M and 30Y). */
export const SHORT_END_MONTHS = 3;
export const LONG_END_MONTHS = 360;
/** Default pivot (twists, steepeners, flatteners) and belly (butterfly), months: 5Y. */
export const DEFAULT_PIVOT_MONTHS = 60;

/** Shapes around a pivot. */
export type PivotShapeKind =
  "twist" | "bull_steepener" | "bear_steepener" | "bull_flattener" | "bear_flattener" | "butterfly";

export const PIVOT_SHAPE_KINDS: readonly PivotShapeKind[] = [
  "twist",
  "bull_steepener",
  "bear_steepener",
  "bull_flattener",
  "bear_flattener",
  "butterfly",
];

/** Every shape kind, as written in a scenario library's "Shape" column. */
export type ShapeKind = "parallel" | PivotShapeKind | "custom" | "replay";
export const SHAPE_KINDS: readonly ShapeKind[] = [
  "parallel",
  ...PIVOT_SHAPE_KINDS,
  "custom",
  "replay",
];

/** A rate shock's shape. Sizes in basis points; tenors in months. */
export type RateShape =
  | { readonly kind: "parallel"; readonly bp: number }
  | { readonly kind: PivotShapeKind; readonly bp: number; readonly pivotMonths: number }
  | {
      readonly kind: "custom";
      /** Tenor points, months, strictly increasing. */
      readonly months: readonly number[];
      /** Change at each point, bp. */
      readonly bp: readonly number[];
    }
  | {
      readonly kind: "replay";
      readonly months: readonly number[];
      readonly bp: readonly number[];
      /** Window of the curve history, ISO dates. */
      readonly from: string;
      readonly to: string;
      /** Where the history came from. */
      readonly source: string;
    };

export { profileAt, profileAtTenors } from "../market/shock";
export type { ShiftProfile } from "../market/shock";

function checkPoints(months: readonly number[], bp: readonly number[], what: string): void {
  if (months.length === 0 || months.length !== bp.length) {
    throw new InvalidValueError(
      `${what}: expected one bp value per tenor, at least one (got ${months.length} tenors, ${bp.length} values)`,
      months.length,
      "shift_bp"
    );
  }
  for (let i = 0; i < months.length; i++) {
    if (!(months[i] > 0) || (i > 0 && !(months[i] > months[i - 1]))) {
      throw new InvalidValueError(
        `${what}: tenors must be positive, distinct and increasing (${months.map(tenorLabel).join(", ")})`,
        months[i],
        "tenor"
      );
    }
    if (!Number.isFinite(bp[i]))
      throw new InvalidValueError(`${what}: bp must be numbers`, bp[i], "shift_bp");
  }
}

/** The shift profile of a shape. @throws for a pivot outside (3M, 30Y) or bad points. */
export function shapeProfile(shape: RateShape): ShiftProfile {
  const S = SHORT_END_MONTHS;
  const L = LONG_END_MONTHS;
  switch (shape.kind) {
    case "parallel":
      return { months: [S], bp: [shape.bp] };
    case "custom":
    case "replay":
      checkPoints(shape.months, shape.bp, shape.kind);
      return { months: shape.months, bp: shape.bp };
    default: {
      const P = shape.pivotMonths;
      if (!(P > S && P < L)) {
        throw new OutOfDomainError(
          `${shape.kind}: the pivot must lie between 3M and 30Y, got ${tenorLabel(P)}`,
          P,
          "pivot"
        );
      }
      const x = shape.bp;
      const values: Record<PivotShapeKind, [number, number, number]> = {
        twist: [-x, 0, x],
        bull_steepener: [-x, 0, 0],
        bear_steepener: [0, 0, x],
        bull_flattener: [0, 0, -x],
        bear_flattener: [x, 0, 0],
        butterfly: [x, -x, x],
      };
      return { months: [S, P, L], bp: values[shape.kind] };
    }
  }
}

/** The sum of profiles, on the union of their points (exact); empty input gives zero. */
export function sumProfiles(profiles: readonly ShiftProfile[], settlement: number): ShiftProfile {
  if (profiles.length === 0) return { months: [SHORT_END_MONTHS], bp: [0] };
  if (profiles.length === 1) return profiles[0];
  const months = [...new Set(profiles.flatMap((p) => [...p.months]))].sort((a, b) => a - b);
  const times = months.map((m) => tenorTime(settlement, m));
  const own = profiles.map((p) => p.months.map((m) => tenorTime(settlement, m)));
  const bp = times.map((t) => profiles.reduce((acc, p, k) => acc + profileAt(own[k], p.bp, t), 0));
  return { months, bp };
}

/** The profile of a list of shapes (their sum). */
export function ratesProfile(shapes: readonly RateShape[], settlement: number): ShiftProfile {
  return sumProfiles(shapes.map(shapeProfile), settlement);
}

/** A parallel profile of `bp` basis points (the zero move, bp = 0, is also the empty list's). */
export function parallelProfile(bp: number): ShiftProfile {
  return shapeProfile({ kind: "parallel", bp });
}

/** True when the profile is the same at every point (a parallel move), and its size in bp. */
export function parallelSize(profile: ShiftProfile): number | undefined {
  const first = profile.bp[0];
  return profile.bp.every((b) => b === first) ? first : undefined;
}

/** A one-line description of a shape, with its unit: "parallel +50 bp", "twist +25 bp around 5Y". */
export function describeShape(shape: RateShape): string {
  const bp = (x: number) => `${x > 0 ? "+" : x < 0 ? "−" : ""}${Math.abs(x)} bp`;
  switch (shape.kind) {
    case "parallel":
      return `parallel ${bp(shape.bp)}`;
    case "custom":
      return `custom: ${shape.months.map((m, i) => `${tenorLabel(m)} ${bp(shape.bp[i])}`).join(", ")}`;
    case "replay":
      return `replay ${shape.from} → ${shape.to} (${shape.source})`;
    default:
      return `${shape.kind.replace("_", " ")} ${bp(shape.bp)} around ${tenorLabel(shape.pivotMonths)}`;
  }
}
