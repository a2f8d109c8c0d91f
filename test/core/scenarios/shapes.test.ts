/** Scenario shapes: definitions at their points, linearity in time, sums, and how a curve moves. */
import { makeMarket } from "../../../src/core/market/market";
import { shockedCurve, ShiftProfile } from "../../../src/core/market/shock";
import { CurveSpec as Spec } from "../../../src/core/curve";
import fc from "fast-check";
import {
  buildCurve,
  DEFAULT_CURVE,
  tenorTime,
  CurveSpec,
  parYieldOf,
} from "../../../src/core/curve";
import {
  PIVOT_SHAPE_KINDS,
  profileAt,
  RateShape,
  shapeProfile,
  sumProfiles,
  profileAtTenors,
} from "../../../src/core/scenarios";
import { SETTLE } from "./fixtures";

const at = (shape: RateShape, months: number) =>
  profileAtTenors(shapeProfile(shape), SETTLE, [months])[0];

describe("shape definitions", () => {
  it("puts each shape's stated values at 3M, the pivot and 30Y, flat outside", () => {
    const x = 40;
    const expected: Record<string, [number, number, number]> = {
      twist: [-x, 0, x],
      bull_steepener: [-x, 0, 0],
      bear_steepener: [0, 0, x],
      bull_flattener: [0, 0, -x],
      bear_flattener: [x, 0, 0],
      butterfly: [x, -x, x],
    };
    for (const kind of PIVOT_SHAPE_KINDS) {
      const shape = { kind, bp: x, pivotMonths: 84 } as RateShape;
      expect([at(shape, 3), at(shape, 84), at(shape, 360)]).toEqual(expected[kind]);
      expect(at(shape, 1)).toBe(expected[kind][0]);
      expect(at(shape, 480)).toBe(expected[kind][2]);
    }
    expect(at({ kind: "parallel", bp: -25 }, 1)).toBe(-25);
    expect(at({ kind: "parallel", bp: -25 }, 360)).toBe(-25);
  });

  it("is linear in ACT/365F time between the points (twist between 3M and 5Y)", () => {
    const shape: RateShape = { kind: "twist", bp: 30, pivotMonths: 60 };
    const t3 = tenorTime(SETTLE, 3);
    const t60 = tenorTime(SETTLE, 60);
    const t24 = tenorTime(SETTLE, 24);
    expect(at(shape, 24)).toBeCloseTo(-30 + (30 * (t24 - t3)) / (t60 - t3), 12);
  });

  it("twist = bull steepener + bear steepener, everywhere", () => {
    const p = 60;
    const sum = sumProfiles(
      [
        shapeProfile({ kind: "bull_steepener", bp: 20, pivotMonths: p }),
        shapeProfile({ kind: "bear_steepener", bp: 20, pivotMonths: p }),
      ],
      SETTLE
    );
    const twist = shapeProfile({ kind: "twist", bp: 20, pivotMonths: p });
    const ts = (pr: { months: readonly number[] }) => pr.months.map((m) => tenorTime(SETTLE, m));
    fc.assert(
      fc.property(fc.double({ min: 0, max: 40, noNaN: true }), (t) => {
        const a = profileAt(ts(sum), sum.bp, t);
        const b = profileAt(ts(twist), twist.bp, t);
        expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12);
      })
    );
  });

  it("rejects a pivot outside (3M, 30Y) and bad custom points", () => {
    expect(() => shapeProfile({ kind: "twist", bp: 10, pivotMonths: 3 })).toThrow(/pivot/);
    expect(() => shapeProfile({ kind: "custom", months: [24, 12], bp: [1, 2] })).toThrow(
      /increasing/
    );
    expect(() => shapeProfile({ kind: "custom", months: [24], bp: [1, 2] })).toThrow(/one bp/);
  });
});

describe("applying a shape to a curve", () => {
  it("bumps each par yield by the profile at its tenor and re-bootstraps (par curve)", () => {
    const profile = shapeProfile({ kind: "twist", bp: 25, pivotMonths: 60 });
    const curve = profileCurve(DEFAULT_CURVE, profile);
    const bumps = profileAtTenors(profile, SETTLE, DEFAULT_CURVE.months);
    DEFAULT_CURVE.months.forEach((m, i) => {
      if (m <= 6) return; // bills: par yield is simple, checked through the bootstrap tests
      const par = parYieldOf(curve, m);
      expect(Math.abs(par - (DEFAULT_CURVE.rates[i] + bumps[i] * 1e-4))).toBeLessThanOrEqual(1e-12);
    });
  });

  it("shifts continuously compounded zero rates for a zero curve", () => {
    const spec: CurveSpec = {
      kind: "zero_cont",
      months: [12, 60, 120],
      rates: [0.03, 0.035, 0.04],
    };
    const base = buildCurve(spec, SETTLE, "linear_zero");
    const profile = shapeProfile({ kind: "custom", months: [12, 120], bp: [10, 30] });
    const moved = profileCurve(spec, profile);
    const t1 = tenorTime(SETTLE, 12);
    const t10 = tenorTime(SETTLE, 120);
    for (const t of [0.5, 1, 3, 7, 10, 15]) {
      const expected = t <= t1 ? 10 : t >= t10 ? 30 : 10 + (20 * (t - t1)) / (t10 - t1);
      expect((moved.zeroRate(t) - base.zeroRate(t)) * 1e4).toBeCloseTo(expected, 9);
    }
  });

  it("returns the unshocked curve itself for a zero move", () => {
    const base = buildCurve(DEFAULT_CURVE, SETTLE, "linear_zero");
    expect(profileCurve(DEFAULT_CURVE, { months: [3], bp: [0] })).toBe(base);
  });
});

/** The curve moved by a profile (market/shock.ts), at SETTLE, linear in zero rates. */
function profileCurve(spec: Spec, profile: ShiftProfile) {
  return shockedCurve(makeMarket({ settlement: SETTLE, curve: spec }), {
    kind: "profile",
    profile,
  });
}
