/**
 * Hedge effectiveness on synthetic series with a known β and correlation: p = β·h + e with e
 * exactly orthogonal to h (and mean 0), so cov(p, h) = β·var(h), var(p) = β²·var(h) + var(e).
 * Tolerance: relative 1e-12.
 */
import {
  EXIT_CORRELATION,
  hedgeEffectiveness,
  hedgeFlag,
  RELY_CORRELATION,
} from "../../../src/core/compare/hedgeEffectiveness";

const close = (a: number, b: number, rel = 1e-12) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(Math.abs(a), Math.abs(b), 1e-300));

/** A hedge series and noise orthogonal to it (both demeaned). */
function series(n: number): { h: number[]; e: number[] } {
  const raw = Array.from({ length: n }, (_, t) => Math.sin(0.7 * t) * 1000 + ((t * 37) % 11) * 40);
  const z = Array.from(
    { length: n },
    (_, t) => Math.cos(1.3 * t + 0.2) * 300 + ((t * 13) % 7) * 25
  );
  const demean = (x: number[]) => {
    const m = x.reduce((a, b) => a + b, 0) / x.length;
    return x.map((v) => v - m);
  };
  const h = demean(raw);
  const zc = demean(z);
  const k = zc.reduce((s, v, t) => s + v * h[t], 0) / h.reduce((s, v) => s + v * v, 0);
  return { h, e: zc.map((v, t) => v - k * h[t]) };
}

describe("hedge effectiveness", () => {
  const { h, e } = series(250);
  const varH = h.reduce((s, v) => s + v * v, 0) / 249;
  const varE = e.reduce((s, v) => s + v * v, 0) / 249;

  it("recovers β and ρ of p = β·h + e, and 1 − σ(p + h)/σ(p)", () => {
    const beta = -0.9;
    const p = h.map((v, t) => beta * v + e[t]);
    const r = hedgeEffectiveness(p, h);
    close(r.beta, beta);
    const sp = Math.sqrt(beta * beta * varH + varE);
    close(r.correlation, (beta * Math.sqrt(varH)) / sp);
    // p + h = (1 + β)·h + e
    const sh = Math.sqrt((1 + beta) ** 2 * varH + varE);
    close(r.effectiveness, 1 - sh / sp);
    close(r.sigmaUnhedged, sp);
    expect(r.observations).toBe(250);
  });

  it("a perfect offset is 100% effective with ρ = −1 and β = −1", () => {
    const r = hedgeEffectiveness(
      h.map((v) => -v),
      h
    );
    close(r.effectiveness, 1);
    close(r.correlation, -1);
    close(r.beta, -1);
    expect(r.flag).toBe("effective");
  });

  it("flags on the offsetting correlation: 0.85 relies, just below does not, below 0.70 exits", () => {
    expect(RELY_CORRELATION).toBe(0.85);
    expect(EXIT_CORRELATION).toBe(0.7);
    expect(hedgeFlag(-0.85)).toBe("effective");
    expect(hedgeFlag(-0.8499999)).toBe("do not rely");
    expect(hedgeFlag(-0.7)).toBe("do not rely");
    expect(hedgeFlag(-0.6999999)).toBe("exit");
    expect(hedgeFlag(0.95)).toBe("exit");
  });

  it("flags a synthetic hedge by its correlation (scale e for ρ = −0.80)", () => {
    // ρ = β·σh / sqrt(β²σh² + s²σe²) = −0.8 with β = −1 → s² = σh²(1/0.64 − 1)/σe²
    const s = Math.sqrt((varH * (1 / 0.64 - 1)) / varE);
    const r = hedgeEffectiveness(
      h.map((v, t) => -v + s * e[t]),
      h
    );
    close(r.correlation, -0.8);
    expect(r.flag).toBe("do not rely");
  });

  it("skips periods with a missing change; errors with messages", () => {
    const p = h.map((v) => -v);
    const withGap = [...p];
    withGap[3] = NaN;
    expect(hedgeEffectiveness(withGap, h).observations).toBe(249);
    expect(() => hedgeEffectiveness([1, 2, 3], [1, 2])).toThrow(/3 values but hedge_changes has 2/);
    expect(() => hedgeEffectiveness([1, 2], [1, 2])).toThrow(/at least 3/);
    expect(() => hedgeEffectiveness([1, 2, 3], [5, 5, 5])).toThrow(
      /hedge_changes: the changes do not vary/
    );
  });
});
