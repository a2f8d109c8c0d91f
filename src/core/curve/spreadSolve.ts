/**
 * The one flat-spread solve of every engine (the fixed-bond Z-spread, the floaters' discount
 * margin, the MBS OAS on stored path flows): the spread z (decimal, continuously compounded)
 * with Σ_j pv_j·exp(−z·t_j) = target over j in [from, to).
 */

// Math's functions as module constants: a global looked up in a hot loop is several times slower
// in a vm context (Jest's test environment).
const { abs, exp, max, min } = Math;

/**
 * Newton's method from z = 0 (the sum is convex and decreasing in z for positive flows, so it
 * converges quadratically); steps capped at ±0.5; stops one step after a step below 1e-12.
 * @param pv Each flow discounted on the curve (money per 100).
 * @param time Each flow's time, years from settlement.
 * @returns The spread, or NaN when 100 steps do not converge.
 */
export function solveFlatSpread(
  pv: ArrayLike<number>,
  time: ArrayLike<number>,
  from: number,
  to: number,
  target: number
): number {
  let z = 0;
  let converged = false;
  for (let iter = 0; iter < 100; iter++) {
    let p = 0;
    let dp = 0;
    for (let j = from; j < to; j++) {
      const v = pv[j] * exp(-z * time[j]);
      p += v;
      dp -= time[j] * v;
    }
    const step = (p - target) / dp;
    z -= max(-0.5, min(0.5, step));
    if (converged) return z;
    converged = abs(step) < 1e-12;
  }
  return NaN;
}
