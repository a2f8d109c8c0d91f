/**
 * The yield-based valuation kernel: Excel's PRICE and YIELD model (and ODDFPRICE/ODDFYIELD for a
 * bond in an odd first coupon period) and its derivatives, in array form over typed arrays of many
 * bonds (one call per range).
 *
 * With f coupons a year, C = 100·rate/f the coupon per 100 of par, N the coupons left, and
 * w = DSC/E the fraction of the current period still to run, the dirty price per 100 of par at an
 * annual yield y compounded f times a year is
 *   P(y) = Σ_{k=0}^{N−1} C_k·v^(k+w) + 100·v^(N−1+w),   v = 1/(1 + y/f),
 * with C_k = C, and in the final period (N = 1) Excel uses simple interest:
 *   P(y) = (100 + C) / (1 + w·y/f).
 * In an odd first period (see ./oddFirst) w is the quasi-coupon periods to the first coupon date
 * (above 1 for a long first period or a when-issued trade), C_0 the odd first coupon, N counts
 * the coupons from the first coupon date, and there is no simple-interest final period: this is
 * Excel's ODDFPRICE formula at redemption 100.
 * PRICE (clean) = P − accrued. Durations and convexity are derivatives of this same P, so they are
 * consistent with PRICE between coupon dates too: modified = −P′/P (years), Macaulay = the
 * present-value-weighted time of the cash flows in years (t = (k+w)/f), convexity = P″/P (years²),
 * DV01 = −P′ × 0.0001 per 100 of par (money per 1 bp fall in yield).
 */
import { couponPeriod } from "./coupons";
import { Basis, Frequency, isBasis, isFrequency } from "./daycount";
import { firstCouponAfter, oddFirstPeriod, oddFirstProblem } from "./oddFirst";

// Math's functions as module constants: a global looked up in a hot loop is several times slower
// in a vm context (Jest's test environment).
const { abs, max, min, pow } = Math;

/** Terms of many bonds, one element per bond: the kernels' input. */
export interface BondTerms {
  /** Settlement dates, Excel serials. */
  readonly settlement: Float64Array;
  /** Maturity dates, Excel serials. */
  readonly maturity: Float64Array;
  /** Annual coupon rates, decimal (0.05 for 5%). */
  readonly rate: Float64Array;
  /** Coupons per year: 1, 2 or 4. */
  readonly frequency: Float64Array;
  /** Excel day-count basis codes 0–4. */
  readonly basis: Float64Array;
  /**
   * Issue (dated) dates, Excel serials, for an odd first coupon period; NaN (or no array) for a
   * regular bond. With an issue date and no first coupon date, the first coupon is the first
   * schedule date after issue (a short first period).
   */
  readonly issue?: Float64Array;
  /** First coupon dates, Excel serials, on the maturity's schedule; NaN (or no array) if none. */
  readonly firstCoupon?: Float64Array;
}

/** Where each bond stands in its coupon schedule; NaN/0 marks a bond whose terms are invalid. */
export interface Schedules {
  readonly count: number;
  /** w = DSC/E: fraction of the current coupon period still to run. */
  readonly w: Float64Array;
  /** Coupons left (COUPNUM); 0 for an invalid bond. */
  readonly n: Int32Array;
  /** Coupon per period per 100 of par: 100·rate/f. */
  readonly c: Float64Array;
  /** First coupon paid after settlement, per 100 of par: C, or the odd first coupon. */
  readonly first: Float64Array;
  /** 1 where the bond is in an odd first period (ODDFPRICE model), else 0. */
  readonly odd: Uint8Array;
  /** Accrued interest per 100 of par: C·A/E (0 before the issue date). */
  readonly accrued: Float64Array;
}

/** Locates every bond in its coupon schedule. Bonds with invalid terms get n = 0 and NaN fields. */
export function schedules(terms: BondTerms): Schedules {
  const count = terms.settlement.length;
  const w = new Float64Array(count);
  const n = new Int32Array(count);
  const c = new Float64Array(count);
  const first = new Float64Array(count);
  const odd = new Uint8Array(count);
  const accrued = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const s = terms.settlement[i];
    const m = terms.maturity[i];
    const f = terms.frequency[i] as Frequency;
    const b = terms.basis[i] as Basis;
    const r = terms.rate[i];
    const issue = terms.issue ? terms.issue[i] : NaN;
    let fc = terms.firstCoupon ? terms.firstCoupon[i] : NaN;
    const valid = s < m && isFrequency(f) && isBasis(b) && r >= 0;
    if (valid && Number.isNaN(fc) && !Number.isNaN(issue)) fc = firstCouponAfter(issue, m, f);
    const hasOdd = !Number.isNaN(fc) || !Number.isNaN(issue);
    if (!valid || (hasOdd && oddFirstProblem(issue, fc, m, f) !== "")) {
      w[i] = c[i] = first[i] = accrued[i] = NaN;
      continue;
    }
    c[i] = (100 * r) / f;
    const o = hasOdd ? oddFirstPeriod(s, m, issue, fc, f, b) : undefined;
    if (o) {
      w[i] = o.tau;
      n[i] = o.n;
      first[i] = c[i] * o.first;
      accrued[i] = c[i] * o.accrued;
      odd[i] = 1;
      continue;
    }
    const p = couponPeriod(s, m, f, b);
    w[i] = p.dsc / p.e;
    n[i] = p.n;
    first[i] = c[i];
    accrued[i] = (c[i] * p.a) / p.e;
  }
  return { count, w, n, c, first, odd, accrued };
}

/**
 * Dirty price per 100 and its first two yield derivatives for one bond, written into
 * `out` = [P, dP/dy, d²P/dy², Macaulay years]. `y` must exceed −f. `c0` is the first coupon
 * (an odd first coupon, else c); `simpleFinal` selects Excel's simple yield when n = 1 (PRICE),
 * off in an odd first period (ODDFPRICE compounds throughout).
 */
export function dirtyPriceMoments(
  c: number,
  n: number,
  w: number,
  y: number,
  f: number,
  out: Float64Array,
  c0 = c,
  simpleFinal = true
): void {
  if (n === 1 && simpleFinal) {
    const g = 1 + (w * y) / f;
    const cash = 100 + c;
    out[0] = cash / g;
    out[1] = (-cash * (w / f)) / (g * g);
    out[2] = (2 * cash * (w / f) * (w / f)) / (g * g * g);
    out[3] = w / f;
    return;
  }
  const v = 1 / (1 + y / f);
  let df = pow(v, w);
  let p = 0;
  let s1 = 0; // Σ t·PV, t in periods
  let s2 = 0; // Σ t(t+1)·PV
  for (let k = 0; k < n; k++) {
    const t = k + w;
    const pv = ((k === 0 ? c0 : c) + (k === n - 1 ? 100 : 0)) * df;
    p += pv;
    s1 += t * pv;
    s2 += t * (t + 1) * pv;
    df *= v;
  }
  out[0] = p;
  out[1] = (-v * s1) / f;
  out[2] = (v * v * s2) / (f * f);
  out[3] = s1 / (f * p);
}

/** Yield-based analytics of many bonds; every array has one element per bond, NaN where invalid. */
export interface YieldRisk {
  /** Clean price per 100 of par (Excel's PRICE). */
  readonly clean: Float64Array;
  /** Dirty price per 100 of par: clean + accrued. */
  readonly dirty: Float64Array;
  /** Accrued interest per 100 of par. */
  readonly accrued: Float64Array;
  /** Macaulay duration, years. */
  readonly macaulay: Float64Array;
  /** Modified duration −P′/P, years. */
  readonly modified: Float64Array;
  /** Yield convexity P″/P, years². */
  readonly convexity: Float64Array;
  /** DV01 per 100 of par: −P′ × 0.0001, money per 1 bp fall in yield. */
  readonly dv01: Float64Array;
}

/** Prices and yield risk of many bonds at the given yields (decimal, ≥ 0 for Excel compatibility). */
export function riskFromYield(
  terms: BondTerms,
  yld: Float64Array,
  sched = schedules(terms)
): YieldRisk {
  const count = sched.count;
  const clean = new Float64Array(count);
  const dirty = new Float64Array(count);
  const macaulay = new Float64Array(count);
  const modified = new Float64Array(count);
  const convexity = new Float64Array(count);
  const dv01 = new Float64Array(count);
  const m = new Float64Array(4);
  for (let i = 0; i < count; i++) {
    const y = yld[i];
    const f = terms.frequency[i];
    if (sched.n[i] === 0 || !(y > -f)) {
      clean[i] = dirty[i] = macaulay[i] = modified[i] = convexity[i] = dv01[i] = NaN;
      continue;
    }
    const odd = sched.odd[i] === 1;
    dirtyPriceMoments(sched.c[i], sched.n[i], sched.w[i], y, f, m, sched.first[i], !odd);
    dirty[i] = m[0];
    clean[i] = m[0] - sched.accrued[i];
    modified[i] = -m[1] / m[0];
    convexity[i] = m[2] / m[0];
    macaulay[i] = m[3];
    dv01[i] = -m[1] * 1e-4;
  }
  return { clean, dirty, accrued: sched.accrued, macaulay, modified, convexity, dv01 };
}

/** Largest Newton/bisection iteration count before a yield solve gives up. */
const MAX_ITERATIONS = 200;

/**
 * Yields (decimal, compounded f times a year; simple in the final period) that reprice each bond to
 * its clean price per 100 — Excel's YIELD. NaN where the terms are invalid, the price is not
 * positive, or no yield above −f reprices the bond.
 */
export function yieldFromPrice(
  terms: BondTerms,
  cleanPrice: Float64Array,
  sched = schedules(terms)
): Float64Array {
  const count = sched.count;
  const out = new Float64Array(count);
  const m = new Float64Array(4);
  for (let i = 0; i < count; i++) {
    const f = terms.frequency[i];
    const target = cleanPrice[i] + sched.accrued[i];
    const n = sched.n[i];
    if (n === 0 || !(cleanPrice[i] > 0)) {
      out[i] = NaN;
      continue;
    }
    const c = sched.c[i];
    const w = sched.w[i];
    const odd = sched.odd[i] === 1;
    if (n === 1 && !odd) {
      // Closed form of the final-period simple-yield price.
      out[i] = w > 0 ? ((100 + c) / target - 1) * (f / w) : NaN;
      continue;
    }
    out[i] = solveYield(c, n, w, f, target, m, sched.first[i], !odd);
  }
  return out;
}

/** Newton's method on the convex, decreasing P(y), safeguarded by bisection on a bracket. */
function solveYield(
  c: number,
  n: number,
  w: number,
  f: number,
  target: number,
  m: Float64Array,
  c0: number,
  simpleFinal: boolean
): number {
  let lo = -f * (1 - 1e-9);
  let hi = 1;
  // Widen the upper end until the price there is below the target (P falls to 0 as y grows).
  for (let j = 0; j < 60; j++) {
    dirtyPriceMoments(c, n, w, hi, f, m, c0, simpleFinal);
    if (m[0] < target) break;
    lo = hi;
    hi *= 2;
  }
  if (m[0] >= target) return NaN;
  // Start from the current yield, inside the bracket.
  let y = min(max((c * f) / target, lo + (hi - lo) * 1e-3), hi);
  for (let j = 0; j < MAX_ITERATIONS; j++) {
    dirtyPriceMoments(c, n, w, y, f, m, c0, simpleFinal);
    const err = m[0] - target;
    if (err > 0) lo = y;
    else hi = y;
    let next = y - err / m[1];
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (abs(next - y) <= 1e-15 * max(1, abs(y))) return next;
    y = next;
  }
  return y;
}
