import fc from "fast-check";
import { interpolator, Interpolation } from "../../../src/core/curve";

const nodesArb = fc
  .array(
    fc.record({
      dt: fc.double({ min: 0.05, max: 5, noNaN: true }),
      z: fc.double({ min: -0.01, max: 0.12, noNaN: true }),
    }),
    { minLength: 1, maxLength: 14 }
  )
  .map((xs) => {
    let t = 0;
    return { t: Float64Array.from(xs, (x) => (t += x.dt)), z: Float64Array.from(xs, (x) => x.z) };
  });

describe.each(["linear_zero", "monotone_convex"] as Interpolation[])("%s interpolation", (kind) => {
  it("reprices every node exactly and is continuous", () => {
    fc.assert(
      fc.property(nodesArb, ({ t, z }) => {
        const F = interpolator(kind, t, z);
        for (let i = 0; i < t.length; i++) {
          expect(F(t[i])).toBeCloseTo(z[i] * t[i], 13);
          expect(Math.abs(F(t[i] - 1e-12) - F(t[i]))).toBeLessThan(1e-9);
          expect(Math.abs(F(t[i] + 1e-12) - F(t[i]))).toBeLessThan(1e-9);
        }
        expect(Math.abs(F(0))).toBe(0);
      })
    );
  });
});

describe("monotone convex", () => {
  it("keeps forwards non-negative when the discrete forwards are positive", () => {
    fc.assert(
      fc.property(nodesArb, ({ t, z }) => {
        // Make every discrete forward positive: z·t strictly increasing.
        let zt = 0;
        const zz = Float64Array.from(
          t,
          (ti, i) => (zt += (Math.abs(z[i]) + 0.0001) * (ti - (i ? t[i - 1] : 0))) / ti
        );
        const F = interpolator("monotone_convex", t, zz);
        const end = t[t.length - 1] * 1.2;
        // Forwards may touch zero (the amelioration bounds them to [0, 2·fd]) but never go below.
        for (let x = 0.01; x < end; x += end / 400)
          expect(F(x + 1e-6) - F(x)).toBeGreaterThanOrEqual(-1e-18);
      })
    );
  });

  it("is local: a node moves the curve only within its neighbouring intervals", () => {
    const t = Float64Array.from([0.25, 0.5, 1, 2, 3, 5, 7, 10, 20, 30]);
    const z = Float64Array.from([
      0.04, 0.041, 0.042, 0.043, 0.044, 0.045, 0.046, 0.047, 0.048, 0.049,
    ]);
    const bumped = z.slice();
    bumped[6] += 0.001; // 7Y
    const a = interpolator("monotone_convex", t, z);
    const b = interpolator("monotone_convex", t, bumped);
    expect(b(2.5)).toBeCloseTo(a(2.5), 14); // two intervals away
    expect(b(25)).toBeCloseTo(a(25) + 0, 14);
    expect(Math.abs(b(6) - a(6))).toBeGreaterThan(1e-6);
  });
});
