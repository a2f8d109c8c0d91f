/**
 * Exercise boundary smoothing of the callable lattice (callableLattice.ts): where the issuer may
 * call, a node's value is the average of min(C(x + u), K) over a tent window u ∈ [−dx, dx]
 * (weight 1 − |u|/dx), C the continuation value taken linear across the window (slope from the
 * neighbouring nodes) and K the dirty strike: C where the whole window continues, K where it is
 * all called, and C − E[(C − K)⁺] between (a cubic in K − C).
 */

// Math's functions as module constants: a global looked up in a hot loop is several times slower
// in a vm context (Jest's test environment).
const { abs } = Math;

/**
 * The smoothed exercise at one step: values `u` (2w+1 nodes) become the tent averages of
 * min(C, K) in `out`, K at node m = strikeFirst·strikeRatio^m (the strike paid τ after the step's
 * start, discounted to it at the node's rate: ∂K/∂α = −τ·K). With `cg`, the partials the adjoint
 * needs are written at `off`: ∂Ṽ/∂C (`cg`), ∂Ṽ/∂(neighbour difference) (`ch`) and ∂Ṽ/∂α through
 * the strike (`gPost`).
 */
export function exercise(
  u: Float64Array,
  w: number,
  strikeFirst: number,
  strikeRatio: number,
  tau: number,
  out: Float64Array,
  cg: Float64Array | null,
  ch: Float64Array | null,
  gPost: Float64Array | null,
  off: number
): void {
  const n = 2 * w + 1;
  let strike = strikeFirst;
  for (let m = 0; m < n; m++, strike *= strikeRatio) {
    const c = u[m];
    let diff: number;
    if (n === 1) diff = 0;
    else if (m === 0) diff = 2 * (u[1] - u[0]);
    else if (m === n - 1) diff = 2 * (u[m] - u[m - 1]);
    else diff = u[m + 1] - u[m - 1];
    // The window's half-range of C: H = |slope|·dx (slope from the neighbours).
    const H = abs(diff) / 2;
    const dk = strike - c;
    let value: number;
    let dC: number;
    let dH: number;
    if (dk >= H) {
      value = c;
      dC = 1;
      dH = 0;
    } else if (dk <= -H) {
      value = strike;
      dC = 0;
      dH = 0;
    } else {
      // P = E[(C(x+u) − K)⁺] over the tent; value = C − P.
      const H2 = H * H;
      let p: number;
      let pH: number;
      if (dk >= 0) {
        const r = H - dk;
        p = (r * r * r) / (6 * H2);
        dC = 1 - (r * r) / (2 * H2);
        pH = (r * r) / (2 * H2) - (r * r * r) / (3 * H2 * H);
      } else {
        const r = H + dk;
        p = -dk + (r * r * r) / (6 * H2);
        dC = (r * r) / (2 * H2);
        pH = (r * r) / (2 * H2) - (r * r * r) / (3 * H2 * H);
      }
      value = c - p;
      dH = (-pH * (diff >= 0 ? 1 : -1)) / 2;
    }
    out[m] = value;
    if (cg && ch && gPost) {
      cg[off + m] = dC;
      ch[off + m] = dH;
      gPost[off + m] = -(1 - dC) * tau * strike;
    }
  }
}
