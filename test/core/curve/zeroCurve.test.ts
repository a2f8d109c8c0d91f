/**
 * A curve's content key: equal exactly when everything that sets its figures is (settlement,
 * interpolation, nodes, shifts), so a cache keyed by it can only return figures of an equal curve.
 */
import { ZeroCurve } from "../../../src/core/curve/zeroCurve";

describe("ZeroCurve.contentKey", () => {
  const times = Float64Array.of(0.5, 2, 10, 30);
  const zeros = Float64Array.of(0.043, 0.041, 0.0425, 0.045);
  const curve = new ZeroCurve(45672, times, zeros, "monotone_convex");
  const alike = () => new ZeroCurve(45672, times.slice(), zeros.slice(), "monotone_convex");

  it("is the same for a curve built again with the same content", () => {
    expect(alike().contentKey).toBe(curve.contentKey);
    expect(alike().parallel(5).contentKey).toBe(curve.parallel(5).contentKey);
  });

  it("differs when any part differs, to the last bit of a rate", () => {
    const next = (x: number) => x + Math.abs(x) * Number.EPSILON;
    const others = [
      new ZeroCurve(45673, times, zeros, "monotone_convex"),
      new ZeroCurve(45672, times, zeros, "linear_zero"),
      new ZeroCurve(
        45672,
        times,
        zeros.map((z, i) => (i === 2 ? next(z) : z)),
        "monotone_convex"
      ),
      new ZeroCurve(
        45672,
        times.map((t, i) => (i === 3 ? 31 : t)),
        zeros,
        "monotone_convex"
      ),
      curve.parallel(0.01),
      curve.parallel(5).parallel(-5),
      curve.withShift({ times: Float64Array.of(1, 5), values: Float64Array.of(0, 1e-4) }),
      curve.withShift({ times: Float64Array.of(1, 6), values: Float64Array.of(0, 1e-4) }),
    ];
    const keys = new Set([curve.contentKey, ...others.map((c) => c.contentKey)]);
    expect(keys.size).toBe(others.length + 1);
  });
});
