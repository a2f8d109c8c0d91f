/**
 * The books the drift attribution steps through (attribution.ts): a holdings table measured on a
 * market by the one pricing path (portfolio/curveExposure.ts, portfolio/yieldExposure.ts), a run
 * record's own positions, and slices of either scaled by a par ratio; and the figures of a book —
 * market value, durations by method, DV01, KRDs and tracking error — by the one aggregation
 * (`curveTotals`) and the one tracking-error function (`benchmarkGaps`).
 *
 * Units: money, money per bp, years; tracking error decimal per year.
 */
import { Holdings, holdingAt, packHoldings } from "../holdings";
import { holdingCurveExposure, curveTotals, PositionRisk } from "../portfolio/curveExposure";
import { holdingExposure, HoldingExposure } from "../portfolio/yieldExposure";
import { baseCurve, CurveMarket, makeMarket } from "../market/market";
import { RiskProfile } from "../compare/benchmark";
import { benchmarkGaps } from "../compare/gaps";
import { BUNDLED_COVARIANCE } from "../compare/bundledCovariance";
import { RunRecord } from "../run/runRecord";
import { bondCashFlows } from "../bond";
import { holdingTerms } from "../portfolio/holdingTerms";
import { aggregate } from "../portfolio/aggregate";
import { mbsPaydowns } from "../engines/mbsHorizon";

/** A holdings table with its per-position curve and yield risk. */
export interface MeasuredBook {
  readonly holdings: Holdings;
  readonly positions: PositionRisk;
  readonly yieldRisk: HoldingExposure;
}

/** Rows of a measured book, each with a factor on its position (a par ratio; 1 as held). */
export interface Slice {
  readonly book: MeasuredBook;
  readonly rows: readonly number[];
  readonly scale: readonly number[];
}

/** The figures the Monitoring sheet attributes, for one book. */
export interface BookFigures {
  /** Dirty market value, money. */
  readonly marketValue: number;
  /** Market-value-weighted durations, years: curve-based effective, yield-based modified, Macaulay. */
  readonly effective: number;
  readonly modified: number;
  readonly macaulay: number;
  /** Effective DV01, money per bp. */
  readonly dv01: number;
  /** KRDs per key, years (KR DV01 ÷ (market value × 0.0001)). */
  readonly krd: readonly number[];
  /** Tracking error of the active KRDs against the benchmark, decimal per year; NaN without one. */
  readonly trackingError: number;
}

/** A run record's own book (no repricing). */
export function recordBook(r: RunRecord): MeasuredBook {
  return { holdings: r.holdings, positions: r.positions, yieldRisk: r.yieldRisk };
}

/** The holdings measured on a market: the pipeline's path (per-position ladder, yield risk). */
export function measureBook(h: Holdings, market: CurveMarket): MeasuredBook {
  const cx = holdingCurveExposure(h, market);
  const { market: _m, book: _b, prepared, ...positions } = cx;
  void _m;
  void _b;
  return { holdings: h, positions, yieldRisk: holdingExposure(h, market.settlement, prepared) };
}

/** The rows of `h` (in the order given), with clean prices replaced when given (yields then unset). */
export function holdingRows(h: Holdings, rows: readonly number[], clean?: Float64Array): Holdings {
  return packHoldings(
    rows.map((i, k) => {
      const r = holdingAt(h, i);
      return clean ? { ...r, price: clean[k], yld: NaN } : r;
    })
  );
}

/** The market of a run moved to another settlement date: the same curve by tenor (roll-down). */
export function marketAt(m: RunRecord["market"], settlement: number): CurveMarket {
  return makeMarket({ ...m, settlement });
}

/**
 * Clean prices per 100 of holdings on a market with given Z-spreads held: calibrated once to any
 * price (their `reference` clean prices), then repriced with the spread moved to the one given,
 * less the accrued interest the engine added. NaN where the engine cannot price.
 */
export function pricesAtSpread(
  h: Holdings,
  market: CurveMarket,
  zspread: Float64Array
): Float64Array {
  const cx = holdingCurveExposure(h, market);
  const dz = Float64Array.from(zspread, (z, i) => z - cx.risk.zspread[i]);
  const dirty = cx.book.price(baseCurve(market), dz);
  return Float64Array.from(dirty, (d, i) => d - (cx.risk.dirty[i] - cx.clean[i]));
}

/** All the included rows of a book, as held. */
export function wholeBook(book: MeasuredBook): Slice {
  const rows: number[] = [];
  book.positions.excluded.forEach((e, i) => {
    if (!e) rows.push(i);
  });
  return { book, rows, scale: rows.map(() => 1) };
}

/**
 * Figures of the slices together. Market value, effective duration, DV01 and KRDs come from
 * `curveTotals` on the slices' positions (scaled); modified and Macaulay durations are weighted
 * by the same market values over the positions a yield applies to; the tracking error is `benchmarkGaps` against `benchmark` with the
 * bundled covariance.
 */
export function bookFigures(
  slices: readonly Slice[],
  keysMonths: readonly number[],
  benchmark?: RiskProfile
): BookFigures {
  const nk = keysMonths.length;
  const n = slices.reduce((a, s) => a + s.rows.length, 0);
  const mv = new Float64Array(n);
  const dv01 = new Float64Array(n);
  const kr = new Float64Array(n * nk);
  const eff = new Float64Array(n);
  const conv = new Float64Array(n);
  const sd = new Float64Array(n);
  const modified = new Float64Array(n);
  const macaulay = new Float64Array(n);
  const noYield: (string | null)[] = new Array(n).fill(null);
  let j = 0;
  for (const s of slices) {
    const p = s.book.positions;
    const pk = p.risk.keysMonths.length;
    s.rows.forEach((i, k) => {
      const f = s.scale[k];
      mv[j] = p.marketValue[i] * f;
      dv01[j] = p.dv01[i] * f;
      for (let q = 0; q < Math.min(nk, pk); q++) kr[j * nk + q] = p.krDv01[i * pk + q] * f;
      eff[j] = p.risk.effDuration[i];
      conv[j] = p.risk.effConvexity[i];
      sd[j] = p.risk.spreadDuration[i];
      modified[j] = s.book.yieldRisk.modified[i];
      macaulay[j] = s.book.yieldRisk.macaulay[i];
      noYield[j] = s.book.yieldRisk.excluded[i];
      j++;
    });
  }
  // The fields the one aggregation reads, for the rows of every slice together.
  const joined = {
    marketValue: mv,
    dv01,
    krDv01: kr,
    excluded: new Array<string | null>(n).fill(null),
    risk: { keysMonths, effDuration: eff, effConvexity: conv, spreadDuration: sd },
  } as unknown as PositionRisk;
  const t = curveTotals(joined);
  // Yield-based durations where a yield applies (not floaters or MBS), as the yield totals weigh them.
  const [mod, mac] = aggregate(mv, noYield, [modified, macaulay], []).averages;
  const profile: RiskProfile = {
    source: "portfolio",
    name: "Portfolio",
    duration: {
      effective: t.effDuration,
      modified: mod,
      macaulay: mac,
    },
    spreadDuration: t.spreadDuration,
    keysMonths,
    krd: Array.from(t.krd),
    sectors: [],
    marketValue: t.marketValue,
    notes: [],
  };
  const te = benchmark
    ? (benchmarkGaps(profile, benchmark, BUNDLED_COVARIANCE).trackingError?.te ?? NaN)
    : NaN;
  return {
    marketValue: t.marketValue,
    effective: profile.duration.effective,
    modified: profile.duration.modified,
    macaulay: profile.duration.macaulay,
    dv01: t.dv01,
    krd: profile.krd,
    trackingError: te,
  };
}

/** Cash paid by positions between two dates, money, per row given: coupons and principal. */
export interface CashReceived {
  /** Coupons (a pool's interest), money. */
  readonly coupons: Float64Array;
  /** Principal repaid: at maturity, or a pool's paydowns (scheduled and prepaid), money. */
  readonly principal: Float64Array;
  /** The part of each position's par left after the paydowns (1 but for pools). */
  readonly factor: Float64Array;
}

/**
 * Cash each row's position pays in (from, to]: coupons and principal repaid at maturity, on the
 * bond's unadjusted schedule (bond/cashFlows.ts), par × amount per 100 ÷ 100; a pool's
 * interest and paydowns as the MBS engine expects them on `market`'s curve (settling on `from`:
 * engines/mbsHorizon.ts mbsPaydowns).
 */
export function cashReceived(
  h: Holdings,
  rows: readonly number[],
  from: number,
  to: number,
  market: CurveMarket
): CashReceived {
  const coupons = new Float64Array(rows.length);
  const principal = new Float64Array(rows.length);
  const factor = new Float64Array(rows.length).fill(1);
  if (!rows.length || !(to > from)) return { coupons, principal, factor };
  const sub = holdingRows(h, rows);
  const flows = bondCashFlows(holdingTerms(sub, from));
  const pools = mbsPaydowns(sub, market.hullWhite, baseCurve(market), to);
  for (let k = 0; k < rows.length; k++) {
    if (pools.is(k)) {
      coupons[k] = (sub.par[k] * pools.interest[k]) / 100;
      principal[k] = (sub.par[k] * pools.principal[k]) / 100;
      factor[k] = pools.factor[k];
      continue;
    }
    for (let q = flows.start[k]; q < flows.start[k + 1]; q++) {
      if (flows.date[q] > to) break;
      const last = q === flows.start[k + 1] - 1;
      const redeemed = last && sub.maturity[k] <= to ? 100 : 0;
      coupons[k] += (sub.par[k] * (flows.amount[q] - redeemed)) / 100;
      principal[k] += (sub.par[k] * redeemed) / 100;
    }
  }
  return { coupons, principal, factor };
}

/** Continuously compounded zero rates at the keys, bp, on a market's base curve. */
export function keyZeroRatesBp(m: CurveMarket, keysMonths: readonly number[]): number[] {
  const c = baseCurve(m);
  return keysMonths.map((months) => c.zeroRate(months / 12) * 1e4);
}
