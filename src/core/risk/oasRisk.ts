/**
 * Option-adjusted risk of callable bonds on a market: per bond the OAS, the OAS effective duration
 * and convexity, the OAS key-rate durations, the OAS spread duration and the option value, all
 * from dirty prices per 100 (the one computation behind OAS, DURATION_OAS, CONVEXITY_OAS and
 * KRD_OAS).
 *
 * Curves are the risk ladder's (ladderCurves: base, ±parallel, ±each key, by the market's shift
 * rule and bump h); every shifted curve gets its own lattice fit (α re-fitted, the geometry
 * shared), the OAS held. With P₀ the dirty price and P± the prices on the ±h curves:
 *   OAS duration = (P₋ − P₊)/(2·P₀·h),  OAS convexity = (P₋ + P₊ − 2P₀)/(P₀·h²).
 * On the lattice the key-rate figures come from one adjoint pass: ∂P/∂α_i for every step, times
 * the move of α_i between key k's −h and +h lattice fits, KRD_k = −Σ_i ∂P/∂α_i·(α⁺ − α⁻)_i/(2h·P₀)
 * (the central difference to first order, which is all a ±h difference resolves); OAS spread
 * duration = −(∂P/∂s)/P₀. Bonds priced in closed form or as bullets use plain ±h differences.
 * Option value = the bullet at the same OAS − the callable, per 100.
 */
import { BondTerms, Schedules, schedules } from "../bond";
import { ZeroCurve } from "../curve/zeroCurve";
import { CallSchedule } from "../instruments/callSchedule";
import { CurveMarket } from "../market/market";
import { adjoint } from "../models/callableLattice";
import { CallableBook, callableBook, solveOas } from "../models/callableBook";
import { ladderCurves } from "./ladder";

export interface OasRisk {
  readonly count: number;
  readonly keysMonths: readonly number[];
  /** OAS, decimal, continuous; NaN where no spread reprices the bond. */
  readonly oas: Float64Array;
  /** Dirty price per 100 (the quote's). */
  readonly dirty: Float64Array;
  /** OAS effective duration, years. */
  readonly duration: Float64Array;
  /** OAS effective convexity, years². */
  readonly convexity: Float64Array;
  /** OAS spread duration, years. */
  readonly spreadDuration: Float64Array;
  /** OAS KRDs, years, row-major count × keys. */
  readonly krd: Float64Array;
  /** Bullet at the same OAS − callable, per 100. */
  readonly optionValue: Float64Array;
  /** Method text per bond. */
  readonly method: string[];
  readonly book: CallableBook;
}

export interface OasRiskInput {
  readonly terms: BondTerms;
  /** Clean prices per 100. */
  readonly clean: ArrayLike<number>;
  readonly calls: readonly (CallSchedule | null | undefined)[];
  readonly sched?: Schedules;
  readonly include?: (i: number) => boolean;
}

export interface OasRiskOptions {
  readonly stepsPerYear: number;
  /** False: no key-rate figures (OAS, duration and convexity only). */
  readonly keys?: boolean;
  /** False: single European calls on the lattice too. */
  readonly closedForm?: boolean;
}

/** OAS figures of every bond settling on the market's settlement date. */
export function oasRisk(
  market: CurveMarket,
  input: OasRiskInput,
  options: OasRiskOptions
): OasRisk {
  const sched = input.sched ?? schedules(input.terms);
  const wantKeys = options.keys !== false;
  const book = callableBook(
    market.settlement,
    input.terms,
    input.calls,
    market.hullWhite,
    { stepsPerYear: options.stepsPerYear, closedForm: options.closedForm },
    (i) => (input.include ? input.include(i) : true) && input.clean[i] > 0,
    sched
  );
  const count = book.count;
  const nk = wantKeys ? market.keysMonths.length : 0;
  const curves = ladderCurves(wantKeys ? market : { ...market, keysMonths: [] });
  const h = market.bumpBp * 1e-4;
  const nan = () => new Float64Array(count).fill(NaN);
  const oas = nan();
  const dirty = nan();
  const duration = nan();
  const convexity = nan();
  const spreadDuration = nan();
  const optionValue = nan();
  const krd = new Float64Array(count * nk).fill(NaN);
  const base = curves[0];
  // Lattice bonds' key moves: α⁺ − α⁻ per key, per step (shared by every bond).
  const latticeUsed = book.route.some((r, b) => r === "lattice" && book.grid.lastStep[b] > 0);
  const dAlpha: Float64Array[] = [];
  if (latticeUsed) {
    for (let k = 0; k < nk; k++) {
      const lo = book.lattice(curves[3 + 2 * k]).alpha;
      const hi = book.lattice(curves[4 + 2 * k]).alpha;
      dAlpha.push(Float64Array.from(hi, (v, i) => v - lo[i]));
    }
  }
  const grad = new Float64Array(book.geometry.steps);
  for (let b = 0; b < count; b++) {
    if (!(book.grid.lastStep[b] > 0)) continue;
    const target = input.clean[b] + sched.accrued[b];
    const s = solveOas(book, base, b, target);
    if (!Number.isFinite(s)) continue;
    oas[b] = s;
    // The price at the OAS is the target (to 1e-10 per 100): no rollback for it.
    const p0 = target;
    dirty[b] = target;
    const on = (c: ZeroCurve) => book.price(c, b, s);
    const pd = on(curves[1]);
    const pu = on(curves[2]);
    duration[b] = (pd - pu) / (2 * p0 * h);
    convexity[b] = (pd + pu - 2 * p0) / (p0 * h * h);
    optionValue[b] = book.bullet(base, b, s) - p0;
    if (book.route[b] === "lattice") {
      // solveOas recorded its last rollback at s: one adjoint pass gives ∂P/∂α_i.
      adjoint(book.grid, book.work, grad);
      let ds = 0;
      for (let i = 0; i < grad.length; i++) ds += grad[i];
      spreadDuration[b] = -ds / p0;
      for (let k = 0; k < nk; k++) {
        const da = dAlpha[k];
        let d = 0;
        for (let i = 0; i < grad.length; i++) d += grad[i] * da[i];
        krd[b * nk + k] = -d / (2 * h * p0);
      }
    } else {
      const sd = book.price(base, b, s - h);
      const su = book.price(base, b, s + h);
      spreadDuration[b] = (sd - su) / (2 * p0 * h);
      for (let k = 0; k < nk; k++) {
        krd[b * nk + k] = (on(curves[3 + 2 * k]) - on(curves[4 + 2 * k])) / (2 * p0 * h);
      }
    }
  }
  return {
    count,
    keysMonths: wantKeys ? market.keysMonths : [],
    oas,
    dirty,
    duration,
    convexity,
    spreadDuration,
    krd,
    optionValue,
    method: book.method,
    book,
  };
}
