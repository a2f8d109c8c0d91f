/**
 * The fixed-to-float note engine (holding type "fixed-to-float"): fixed coupons on the note's
 * basis up to the switch date `float_date`, then a floating-rate note at its quoted margin over
 * the index (SOFR), valued as the FRN engine values its floating coupons (engines/frn.ts), all
 * discounted on the curve plus one discount margin.
 *
 * A callable note (typically at par on the switch date) is worth that less its call, the call
 * valued on the Hull–White lattice fitted to the curve priced on (models/fixedToFloatCall.ts),
 * the discount margin held as its OAS: the margin is solved so that the note less its call
 * reprices the dirty price (a fixed point: the call's value moves little with the margin). A
 * make-whole call is priced as non-callable and says so.
 */
import { DEFAULT_BUMP_BP, hwStepsPerYear } from "../conventions";
import type { ZeroCurve } from "../curve/zeroCurve";
import type { Holdings } from "../holdings/types";
import { baseCurve } from "../market/market";
import { parallelPair, repriceLadder } from "../risk/ladder";
import { convexitySpan, convexitySpanText } from "../models/callableBook";
import { describeHullWhite } from "../models/hullWhite";
import { fittedLattices, latticeGeometry } from "../models/hullWhiteLattice";
import { latticeWork } from "../models/callableLattice";
import { FixedToFloatNote, fixedToFloatCallValue, noteCallTimes } from "../models/fixedToFloatCall";
import { calibrateFloatingHoldings, PROJECTION_METHOD } from "./frn";
import type { FloatingBook } from "./floatingBook";
import type { FloatingFlows } from "./floatingFlows";
import type { HoldingEngine } from "./registry";

/** Method text of every figure this engine prices (the call's clause added per note). */
export const FIXED_TO_FLOAT_METHOD =
  "fixed-to-float note: fixed coupons to the switch date, then index forward + quoted margin " +
  `(actual/360), ${PROJECTION_METHOD}; discounted on the curve + discount margin (calibrated to ` +
  "the price, held)";

/** The call's clause of the method text. */
export function fixedToFloatCallMethod(
  model: Parameters<typeof describeHullWhite>[0],
  spy: number,
  span = DEFAULT_BUMP_BP * 1e-4
) {
  return (
    `${FIXED_TO_FLOAT_METHOD} as its OAS; call valued on a ` +
    describeHullWhite(model).replace(
      "Hull–White 1F",
      `Hull–White 1F trinomial lattice (${spy} steps a year, exercise boundary smoothed)`
    ) +
    " fitted to the curve: the floater at the switch date ≈ 100 + (quoted margin − discount " +
    "margin) × its annuity on the lattice's discount factors (index reset to the lattice's rate); " +
    convexitySpanText(span)
  );
}

/** Note i of the flows on the lattice's axis (null when its switch date has passed). */
function noteOf(
  flows: FloatingFlows,
  i: number,
  switchTime: number,
  times: { times: number[]; prices: number[] } | null
): FixedToFloatNote | null {
  if (!(switchTime > 0) || !times) return null;
  const note = {
    switchTime,
    fixedTimes: [] as number[],
    fixedAmounts: [] as number[],
    floatPay: [] as number[],
    floatFrom: [] as number[],
    floatTo: [] as number[],
    floatTau: [] as number[],
    margin: 0,
    callTimes: times.times,
    callPrices: times.prices,
  };
  for (let j = flows.start[i]; j < flows.start[i + 1]; j++) {
    if (flows.tau[j] > 0) {
      note.floatPay.push(flows.pay[j]);
      note.floatFrom.push(flows.from[j]);
      note.floatTo.push(flows.to[j]);
      note.floatTau.push(flows.tau[j]);
      note.margin = flows.margin[j];
    } else if (flows.pay[j] <= switchTime + 1e-9) {
      note.fixedTimes.push(flows.pay[j]);
      note.fixedAmounts.push(flows.fixed[j]);
    } else return null;
  }
  return note.floatPay.length > 0 && note.callTimes.length > 0 ? note : null;
}

/**
 * Per note, the first note exactly like it (every field equal: another lot of the same
 * security), itself when none comes before; -1 where there is no note.
 */
function noteTwins(notes: readonly (FixedToFloatNote | null)[]): Int32Array {
  const first = new Map<string, number>();
  return Int32Array.from(notes, (note, i) => {
    if (!note) return -1;
    const key = JSON.stringify(note);
    const t = first.get(key);
    if (t !== undefined) return t;
    first.set(key, i);
    return i;
  });
}

function calibrateFixedToFloat(
  market: Parameters<HoldingEngine["calibrate"]>[0],
  holdings: Holdings,
  clean: Float64Array,
  select: (i: number) => boolean
): FloatingBook & { methods: string[] } {
  const count = holdings.count;
  const pick = (i: number) => select(i) && Number.isFinite(holdings.floating?.floatDate[i] ?? NaN);
  const first = calibrateFloatingHoldings(market, holdings, clean, pick, "fixed-to-float");
  const methods: string[] = new Array(count).fill("");
  const model = market.hullWhite;
  const spy = hwStepsPerYear(model.volatility);
  // The convexity's span, as for callables (dx depends on the model and the steps only).
  const span = convexitySpan(market.bumpBp, latticeGeometry(model, spy, 1 / spy).dx);
  const notes: (FixedToFloatNote | null)[] = new Array(count).fill(null);
  let horizon = 0;
  for (let i = 0; i < count; i++) {
    const call = holdings.calls?.[i];
    if (!pick(i) || first.flows.start[i] === first.flows.start[i + 1]) continue;
    if (!call) {
      methods[i] = `${FIXED_TO_FLOAT_METHOD}; no call given: priced as non-callable`;
      continue;
    }
    if (call.makeWhole) {
      methods[i] = `${FIXED_TO_FLOAT_METHOD}; make-whole call priced as non-callable`;
      continue;
    }
    const s = market.settlement;
    const f = first.flows;
    const pays = Array.from(f.pay.subarray(f.start[i], f.start[i + 1]));
    const maturity = pays[pays.length - 1];
    const switchTime = ((holdings.floating?.floatDate[i] ?? NaN) - s) / 365;
    notes[i] = noteOf(f, i, switchTime, noteCallTimes(call, s, pays, maturity, spy));
    methods[i] = notes[i]
      ? fixedToFloatCallMethod(model, spy, span)
      : `${FIXED_TO_FLOAT_METHOD}; call past or beyond the switch date's reach: priced as non-callable`;
    if (notes[i]) horizon = Math.max(horizon, maturity);
  }
  if (horizon === 0) return { ...first, methods };
  const geometry = latticeGeometry(model, spy, horizon);
  const work = latticeWork(geometry);
  const lattice = fittedLattices(geometry);
  const base = baseCurve(market);
  const twin = noteTwins(notes);
  /**
   * The calls' values per 100 on `curve`, note i's at margin zOf(i) (NaN: not valued); a note
   * whose twin (the same note, another lot) is at the same margin takes its value.
   */
  const callValues = (curve: ZeroCurve, zOf: (i: number) => number): Float64Array => {
    const v = new Float64Array(count).fill(NaN);
    for (let i = 0; i < count; i++) {
      const z = notes[i] ? zOf(i) : NaN;
      if (!Number.isFinite(z)) continue;
      const t = twin[i];
      v[i] =
        t !== i && zOf(t) === z && !Number.isNaN(v[t])
          ? v[t]
          : fixedToFloatCallValue(lattice(curve), notes[i]!, z, work);
    }
    return v;
  };
  // The margin at which the note less its call reprices: z = T(z), T(z) the non-callable part's
  // margin calibrated to the price plus the call valued at z; solved by the secant method on
  // T(z) − z (the call moves little with the margin: T is a contraction).
  let book = first;
  const z = Float64Array.from(first.spread);
  const zPrev = new Float64Array(count).fill(NaN);
  const fPrev = new Float64Array(count).fill(NaN);
  for (let iter = 0; iter < 50; iter++) {
    const target = Float64Array.from(clean);
    const call = callValues(base, (i) => (clean[i] > 0 ? z[i] : NaN));
    for (let i = 0; i < count; i++) if (Number.isFinite(call[i])) target[i] = clean[i] + call[i];
    book = calibrateFloatingHoldings(market, holdings, target, pick, "fixed-to-float");
    let moved = 0;
    for (let i = 0; i < count; i++) {
      if (!notes[i] || !(clean[i] > 0) || !Number.isFinite(book.spread[i])) continue;
      const f = book.spread[i] - z[i];
      moved = Math.max(moved, Math.abs(f));
      const slope = (f - fPrev[i]) / (z[i] - zPrev[i]);
      zPrev[i] = z[i];
      fPrev[i] = f;
      z[i] = Number.isFinite(slope) && slope !== 0 ? z[i] - f / slope : book.spread[i];
    }
    if (!(moved > 1e-11)) break;
  }
  const spread = book.spread;
  const dirty = Float64Array.from(book.dirty);
  const baseCall = callValues(base, (i) => spread[i]);
  for (let i = 0; i < count; i++) if (Number.isFinite(baseCall[i])) dirty[i] -= baseCall[i];
  const priced: FloatingBook & { methods: string[] } = {
    ...book,
    dirty,
    methods,
    price(curve: ZeroCurve, dz?: Float64Array, out = new Float64Array(count)) {
      book.price(curve, dz, out);
      const call = callValues(curve, (i) =>
        Number.isFinite(out[i]) ? spread[i] + (dz ? dz[i] : 0) : NaN
      );
      for (let i = 0; i < count; i++) if (Number.isFinite(call[i])) out[i] -= call[i];
      return out;
    },
    ladder(m, curves) {
      const figures = repriceLadder(priced, m, curves);
      if (!(span > m.bumpBp * 1e-4)) return figures;
      // Notes with a call: convexity over ±span (their durations and KRDs are first
      // differences, which the ripple does not reach).
      const [down, up] = parallelPair(m, span * 1e4).map((c) => priced.price(c));
      for (let i = 0; i < count; i++) {
        const p0 = figures.dirty[i];
        if (notes[i]) figures.effConvexity[i] = (down[i] + up[i] - 2 * p0) / (p0 * span * span);
      }
      return figures;
    },
  };
  return priced;
}

export const FIXED_TO_FLOAT_ENGINE: HoldingEngine = {
  name: "fixed-to-float note",
  method: FIXED_TO_FLOAT_METHOD,
  spreadHeld: "discount margin",
  calibrate: (market, holdings, clean, select) =>
    calibrateFixedToFloat(market, holdings, clean, select),
};
