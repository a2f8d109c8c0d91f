/**
 * The callable-bond engine: holdings of type "callable" with their call schedules, priced on the
 * Hull–White lattice fitted to each curve (core/models/callableBook.ts) with the OAS held.
 *
 * `calibrate` solves each holding's OAS (decimal, continuous, added to the short rate) from its
 * dirty price (clean + Excel's accrued on its basis); the book then prices it on any curve — the
 * ladder's bumped curves, scenario shapes — with the lattice re-fitted to that curve and the OAS
 * held (plus a spread shock dz). A callable without a call schedule is not guessed at: it is left
 * out with the reason. Make-whole calls are priced as non-callable and say so.
 */
import { hwStepsPerYear } from "../conventions";
import { ZeroCurve } from "../curve/zeroCurve";
import { callableBook, solveOas } from "../models/callableBook";
import { holdingTerms } from "../portfolio/holdingTerms";
import { baseCurve } from "../market/market";
import { schedules } from "../bond";
import { oasFigures, recordedSpread } from "../risk/oasLadder";
import type { Holdings } from "../holdings/types";
import type { HoldingEngine } from "./registry";
import type { PricedBook } from "./fixedBond";

/** Why a callable holding has no figures when it has no schedule. */
export const NO_CALL_SCHEDULE =
  "callable without a call schedule: give call_date (and call_price, call_style) or call_schedule";

/** What a callable row lacks: its call schedule. */
const lacks = (holdings: Holdings, i: number): string | null =>
  holdings.calls?.[i] ? null : NO_CALL_SCHEDULE;

export const CALLABLE_ENGINE: HoldingEngine = {
  name: "callable bond",
  method: "Hull–White 1F trinomial lattice fitted to the curve, OAS held",
  spreadHeld: "OAS",
  // Duration and KRDs come from one adjoint pass (core/risk/oasLadder.ts): they differ only by
  // the key curves' re-fitted drift moves not adding up exactly to the parallel one's. Measured:
  // at most 3.1e-5 years over 200 random callables (par and zero shifts); 5e-4 allowed.
  krdSumAllowance: 5e-4,
  lacks,
  calibrate(market, holdings, clean, select, prepared) {
    const terms = prepared?.terms ?? holdingTerms(holdings, market.settlement);
    const sched = prepared?.sched ?? schedules(terms);
    const count = holdings.count;
    const calls = holdings.calls ?? new Array(count).fill(null);
    const problems: (string | null)[] = new Array(count).fill(null);
    const include = (i: number) => select(i) && !!calls[i] && clean[i] > 0;
    for (let i = 0; i < count; i++) if (select(i)) problems[i] = lacks(holdings, i);
    const model = market.hullWhite;
    const book = callableBook(
      market.settlement,
      terms,
      calls,
      model,
      { stepsPerYear: hwStepsPerYear(model.volatility), bumpBp: market.bumpBp },
      include,
      sched
    );
    const base = baseCurve(market);
    const spread = new Float64Array(count).fill(NaN);
    const recordedAt = new Float64Array(count).fill(NaN);
    const dirty = new Float64Array(count).fill(NaN);
    const methods: string[] = new Array(count).fill("");
    for (let i = 0; i < count; i++) {
      if (!include(i) || !(book.grid.lastStep[i] > 0)) continue;
      const target = clean[i] + sched.accrued[i];
      const t = book.twin[i];
      if (t !== i && dirty[t] === target) {
        // The same security at the same price (another lot or account): the same OAS.
        [spread[i], recordedAt[i], dirty[i], methods[i]] = [
          spread[t],
          recordedAt[t],
          target,
          methods[t],
        ];
        continue;
      }
      const s = solveOas(book, base, i, target);
      if (!Number.isFinite(s)) {
        problems[i] = "no OAS reprices the price";
        continue;
      }
      spread[i] = s;
      recordedAt[i] = recordedSpread(book, i);
      dirty[i] = target;
      methods[i] = book.method[i];
    }
    const priced = (i: number) => Number.isFinite(spread[i]);
    const pricedBook: PricedBook & {
      problems: (string | null)[];
      methods: string[];
    } = {
      count,
      spread,
      dirty,
      problems,
      methods,
      price(curve: ZeroCurve, dz?: Float64Array, out = new Float64Array(count)) {
        book.priceBonds([curve], spread, [dz], [out.fill(NaN)], priced);
        return out;
      },
      priceMany(curves, dz) {
        const outs = curves.map(() => new Float64Array(count).fill(NaN));
        book.priceBonds(curves, spread, dz, outs, priced);
        return outs;
      },
      ladder(m, curves) {
        const f = oasFigures(book, m, curves, dirty, { oas: spread, recordedAt });
        return {
          dirty: Float64Array.from(dirty, (p, i) => (Number.isFinite(f.oas[i]) ? p : NaN)),
          effDuration: f.duration,
          effConvexity: f.convexity,
          spreadDuration: f.spreadDuration,
          krd: f.krd,
        };
      },
    };
    return pricedBook;
  },
};
