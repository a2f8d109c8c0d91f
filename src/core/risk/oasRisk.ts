/**
 * Option-adjusted risk of callable bonds on a market: per bond the OAS, the OAS effective duration
 * and convexity, the OAS key-rate durations, the OAS spread duration and the option value, from
 * the quotes' dirty prices per 100 (the cell functions' entry: the figures are oasLadder.ts's, the
 * callable engine's too). Curves are the risk ladder's (ladderCurves: base, ±parallel, ±each key,
 * by the market's shift rule and bump h).
 */
import { BondTerms, Schedules, schedules } from "../bond";
import { CallSchedule } from "../instruments/callSchedule";
import { CurveMarket } from "../market/market";
import { CallableBook, callableBook } from "../models/callableBook";
import { ladderCurves } from "./ladder";
import { oasFigures } from "./oasLadder";

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
    { stepsPerYear: options.stepsPerYear, closedForm: options.closedForm, bumpBp: market.bumpBp },
    (i) => (input.include ? input.include(i) : true) && input.clean[i] > 0,
    sched
  );
  const curves = ladderCurves(wantKeys ? market : { ...market, keysMonths: [] });
  const dirty = Float64Array.from(
    { length: book.count },
    (_, b) => input.clean[b] + sched.accrued[b]
  );
  const figures = oasFigures(book, market, curves, dirty);
  for (let b = 0; b < book.count; b++) if (!Number.isFinite(figures.oas[b])) dirty[b] = NaN;
  return {
    count: book.count,
    keysMonths: wantKeys ? market.keysMonths : [],
    ...figures,
    dirty,
    method: book.method,
    book,
  };
}
