/**
 * Curve-based exposure of a holdings table ("measure", SPEC S1 step 1): per holding and for the
 * portfolio, market value, effective duration and convexity, spread duration, effective DV01 and
 * the key-rate profile, against one curve, in one kernel call.
 *
 * Units: market value and DV01 in money (DV01 = effective duration × market value × 0.0001, per
 * 1 bp fall in the curve); durations in years; convexity in years²; KR DV01 in money per bp of
 * each key. Portfolio durations are market-value weighted. Each holding is priced by its kind's
 * engine (engines/registry.ts) and run through the one risk ladder (risk/ladder.ts); a holding
 * whose kind has no engine is kept out of the totals with the reason beside it ("no engine for
 * callable …"), its market value (clean + accrued) still shown.
 */
import { Holdings, Sector } from "../holdings";
import { MBS_OAD_TOLERANCE } from "../conventions";
import { BondTerms, riskFromYield, Schedules, schedules, yieldFromPrice } from "../bond";
import { CurveRisk } from "../risk/bondRisk";
import { ShiftOn } from "../curve";
import { PricedBook, pricesOnCurves } from "../engines/fixedBond";
import { engineFor, HoldingEngine, noEngineReason, PreparedTerms } from "../engines/registry";
import { CurveMarket } from "../market/market";
import { copyFigures, emptyFigures, ladderRisk, repriceLadder } from "../risk/ladder";
import { holdingTerms } from "./holdingTerms";

/**
 * |Σ KRD − effective duration| above which a holding is flagged, years: the O(h²) of the central
 * differences plus rounding. A zero-rate triangle moves a cash flow at T years by at most h, so
 * the gap is at most h²·T³/6 (twice that allowed). A par-yield bump, re-bootstrapped, moves the long
 * zero rates by more than h — the par bond's annuity over its principal's duration, which grows
 * with the rate level — so par shifts allow 12·(1 + 10·r)² times more, r the curve's highest rate
 * (measured: up to 39× at 11% rates, 11× at 6%). Either way it stays well under 1e-3 years for
 * bonds to 20 years at today's rates.
 */
export function krdSumTolerance(
  bumpBp: number,
  lastCashFlowYears: number,
  shiftOn: ShiftOn = "par",
  curveLevel = 0.05
): number {
  const h = bumpBp * 1e-4;
  const factor = shiftOn === "par" ? 12 * (1 + 10 * Math.max(curveLevel, 0)) ** 2 : 1;
  return 1e-6 + (factor * h * h * Math.pow(lastCashFlowYears, 3)) / 3;
}

export interface CurveHoldingExposure {
  /** The market the holdings were measured on. */
  readonly market: CurveMarket;
  /** The holdings' kernel terms at settlement and their schedules (reused, not rebuilt). */
  readonly prepared: PreparedTerms;
  readonly risk: CurveRisk;
  /** The holdings calibrated to their prices: prices them on any curve (scenarios reuse it). */
  readonly book: PricedBook;
  /** Clean price used per 100 (given, or Excel's PRICE at the given yield). */
  readonly clean: Float64Array;
  /** Dirty market value, money. */
  readonly marketValue: Float64Array;
  /** Effective DV01 of the position, money per bp. */
  readonly dv01: Float64Array;
  /** KR DV01 per key, money per bp: row-major holdings × keys. */
  readonly krDv01: Float64Array;
  /** Why a holding is out of the totals, or null. */
  readonly excluded: (string | null)[];
  /** A run-time check that failed for a holding (KRDs not summing to effective duration), or null. */
  readonly flag: (string | null)[];
  /** Method text per holding: its engine's ("" without one). */
  readonly method: string[];
}

/** Per-position curve risk as data: the exposure without its market and pricing functions. */
export type PositionRisk = Omit<CurveHoldingExposure, "book" | "market" | "prepared">;

export interface CurveTotals {
  readonly marketValue: number;
  readonly effDuration: number;
  readonly effConvexity: number;
  readonly spreadDuration: number;
  readonly dv01: number;
  /** Market-value-weighted KRDs, years. */
  readonly krd: Float64Array;
  /** KR DV01s, money per bp. */
  readonly krDv01: Float64Array;
  readonly included: number;
  readonly excluded: number;
}

export interface SectorCurveExposure extends CurveTotals {
  readonly sector: Sector;
  readonly weight: number;
  /** Contribution to portfolio effective duration: weight × duration, years. */
  readonly durationContribution: number;
  /** Share of portfolio DV01. */
  readonly dv01Share: number;
}

/**
 * A book of several engines' books, each pricing its own holdings (the others NaN in it): prices
 * every holding on a curve in one call; its ladder is each part's own.
 */
function combinedBook(count: number, parts: { book: PricedBook; rows: number[] }[]): PricedBook {
  if (parts.length === 1 && parts[0].rows.length === count) return parts[0].book;
  const spread = new Float64Array(count).fill(NaN);
  const dirty = new Float64Array(count).fill(NaN);
  for (const { book, rows } of parts) {
    for (const i of rows) {
      spread[i] = book.spread[i];
      dirty[i] = book.dirty[i];
    }
  }
  return {
    count,
    spread,
    dirty,
    price(curve, dz, out = new Float64Array(count)) {
      out.fill(NaN);
      for (const { book, rows } of parts) {
        const p = book.price(curve, dz);
        for (const i of rows) out[i] = p[i];
      }
      return out;
    },
    priceMany(curves, dz) {
      const outs = curves.map(() => new Float64Array(count).fill(NaN));
      for (const { book, rows } of parts) {
        const p = pricesOnCurves(book, curves, dz);
        for (let k = 0; k < curves.length; k++) for (const i of rows) outs[k][i] = p[k][i];
      }
      return outs;
    },
    ladder(market, curves) {
      const nk = market.keysMonths.length;
      const out = emptyFigures(count, nk);
      for (const { book, rows } of parts) {
        const f = book.ladder ? book.ladder(market, curves) : repriceLadder(book, market, curves);
        for (const i of rows) copyFigures(f, i, out, i, nk);
      }
      return out;
    },
  };
}

/**
 * Yield to maturity beyond which a price and a yield given together disagree: 1 bp (the vendor's
 * yield is often to worst, or stale).
 */
export const PRICE_YIELD_TOLERANCE = 1e-4;

/**
 * Per holding with both a price and a yield: the yield its price implies (Excel's YIELD model)
 * minus the yield given, decimal; NaN otherwise.
 */
export function priceYieldGaps(h: Holdings, terms: BondTerms, sched: Schedules): Float64Array {
  const both = (i: number) => !Number.isNaN(h.price[i]) && !Number.isNaN(h.yld[i]);
  const out = new Float64Array(h.count).fill(NaN);
  if (!h.price.some((_, i) => both(i))) return out;
  const implied = yieldFromPrice(
    terms,
    Float64Array.from(h.price, (p, i) => (both(i) ? p : NaN)),
    sched
  );
  for (let i = 0; i < h.count; i++) if (both(i)) out[i] = implied[i] - h.yld[i];
  return out;
}

/** Per-holding curve exposure on a market. */
export function holdingCurveExposure(h: Holdings, market: CurveMarket): CurveHoldingExposure {
  const n = h.count;
  const settlement = market.settlement;
  const terms = holdingTerms(h, settlement);
  const sched = schedules(terms);
  const prepared = { terms, sched };
  const fromYield = riskFromYield(terms, h.yld, sched);
  const clean = Float64Array.from(h.price, (p, i) => (Number.isNaN(p) ? fromYield.clean[i] : p));
  // Holdings grouped by engine, each group calibrated once.
  const groups = new Map<HoldingEngine | undefined, number[]>();
  for (let i = 0; i < n; i++) {
    const e = engineFor(h.type[i]);
    const rows = groups.get(e);
    if (rows) rows.push(i);
    else groups.set(e, [i]);
  }
  const method: string[] = new Array(n).fill("");
  const parts: { book: PricedBook; rows: number[] }[] = [];
  const problem: (string | null)[] = new Array(n).fill(null);
  for (const [engine, rows] of groups) {
    if (!engine) continue;
    const member = new Uint8Array(n);
    for (const i of rows) member[i] = 1;
    const part = engine.calibrate(market, h, clean, (i) => member[i] === 1, prepared);
    for (const i of rows) {
      method[i] = part.methods?.[i] || engine.method;
      problem[i] = part.problems?.[i] ?? null;
    }
    parts.push({ book: part, rows });
  }
  const book = combinedBook(n, parts);
  const risk: CurveRisk = { ...ladderRisk(book, market), zspread: book.spread, dirty: book.dirty };
  const nk = risk.keysMonths.length;
  const marketValue = new Float64Array(n);
  const dv01 = new Float64Array(n);
  const krDv01 = new Float64Array(n * nk);
  const excluded: (string | null)[] = new Array(n).fill(null);
  const flag: (string | null)[] = new Array(n).fill(null);
  const level = Math.max(...market.curve.rates);
  const gap = priceYieldGaps(h, terms, sched);
  for (let i = 0; i < n; i++) {
    const engine = engineFor(h.type[i]);
    // Without an engine (or with an engine's stated problem, such as an MBS row without its pool
    // terms) the value is still known: clean + accrued (Excel's, on its basis).
    const unpriced = !engine || !!problem[i];
    const dirty = unpriced ? clean[i] + fromYield.accrued[i] : risk.dirty[i];
    const mv = (h.par[i] * dirty) / 100;
    marketValue[i] = mv;
    dv01[i] = risk.effDuration[i] * mv * 1e-4;
    for (let k = 0; k < nk; k++) krDv01[i * nk + k] = risk.krd[i * nk + k] * mv * 1e-4;
    excluded[i] = !engine
      ? noEngineReason(h.type[i])
      : Number.isFinite(risk.zspread[i])
        ? null
        : (problem[i] ?? "no Z-spread reprices the price");
    const years = (h.maturity[i] - settlement) / 365;
    if (
      !excluded[i] &&
      Math.abs(risk.krdGap[i]) >
        krdSumTolerance(market.bumpBp, years, market.shiftOn, level) +
          (engine?.krdSumAllowance ?? 0)
    ) {
      flag[i] =
        `KRDs sum to ${(risk.effDuration[i] + risk.krdGap[i]).toFixed(6)}, effective duration ${risk.effDuration[i].toFixed(6)}`;
    }
    if (Math.abs(gap[i]) > PRICE_YIELD_TOLERANCE) {
      const pct = (y: number) => `${(y * 100).toFixed(3)}%`;
      const text =
        `price ${h.price[i]} implies a yield of ${pct(h.yld[i] + gap[i])}, given ${pct(h.yld[i])} ` +
        `(${(gap[i] * 1e4).toFixed(1)} bp apart): curve figures use the price, yield-based figures the given yield`;
      flag[i] = flag[i] ? `${flag[i]}; ${text}` : text;
    }
  }
  return { market, prepared, risk, book, clean, marketValue, dv01, krDv01, excluded, flag, method };
}

/**
 * Totals per group, in one pass over the holdings: market value, market-value-weighted effective
 * duration, convexity and spread duration, summed DV01 and KR DV01s, over the holdings in the
 * totals; holdings left out are counted. `groupOf(i)` names holding i's group (undefined: in
 * none). Groups come in order of first appearance. The one aggregation behind the portfolio,
 * sector, rating, issuer or any other grouping's figures.
 */
export function groupCurveTotals(
  x: PositionRisk,
  groupOf: (i: number) => string | undefined
): { label: string; totals: CurveTotals }[] {
  const nk = x.risk.keysMonths.length;
  const n = x.marketValue.length;
  const r = x.risk;
  const index = new Map<string, number>();
  const acc: {
    mv: number;
    d: number;
    c: number;
    sd: number;
    dv01: number;
    kr: Float64Array;
    inc: number;
    exc: number;
  }[] = [];
  for (let i = 0; i < n; i++) {
    const label = groupOf(i);
    if (label === undefined) continue;
    let g = index.get(label);
    if (g === undefined) {
      g = acc.length;
      index.set(label, g);
      acc.push({ mv: 0, d: 0, c: 0, sd: 0, dv01: 0, kr: new Float64Array(nk), inc: 0, exc: 0 });
    }
    const t = acc[g];
    if (x.excluded[i]) {
      t.exc++;
      continue;
    }
    const v = x.marketValue[i];
    t.inc++;
    t.mv += v;
    t.d += v * r.effDuration[i];
    t.c += v * r.effConvexity[i];
    t.sd += v * r.spreadDuration[i];
    t.dv01 += x.dv01[i];
    for (let k = 0; k < nk; k++) t.kr[k] += x.krDv01[i * nk + k];
  }
  return [...index.keys()].map((label, g) => {
    const t = acc[g];
    const w = t.mv !== 0 ? 1 / t.mv : NaN;
    return {
      label,
      totals: {
        marketValue: t.mv,
        effDuration: t.d * w,
        effConvexity: t.c * w,
        spreadDuration: t.sd * w,
        dv01: t.dv01,
        krd: Float64Array.from(t.kr, (d) => (d * 1e4) / t.mv),
        krDv01: t.kr,
        included: t.inc,
        excluded: t.exc,
      },
    };
  });
}

/** Totals over the included holdings for which `select(i)` is true (all by default). */
export function curveTotals(x: PositionRisk, select?: (i: number) => boolean): CurveTotals {
  const [all] = groupCurveTotals(x, (i) => (!select || select(i) ? "" : undefined));
  if (all) return all.totals;
  const nk = x.risk.keysMonths.length;
  return {
    marketValue: 0,
    effDuration: NaN,
    effConvexity: NaN,
    spreadDuration: NaN,
    dv01: 0,
    krd: new Float64Array(nk).fill(NaN),
    krDv01: new Float64Array(nk),
    included: 0,
    excluded: 0,
  };
}

export interface GroupCurveExposure extends CurveTotals {
  /** The group's label: a sector, a rating, an issuer, a maturity bucket. */
  readonly group: string;
  readonly weight: number;
  /** Contribution to portfolio effective duration: weight × duration, years. */
  readonly durationContribution: number;
  /** Share of portfolio DV01. */
  readonly dv01Share: number;
}

/** Totals per group (see groupCurveTotals) with weights and contributions to the portfolio. */
export function groupCurveExposure(
  x: PositionRisk,
  groupOf: (i: number) => string | undefined
): GroupCurveExposure[] {
  const all = curveTotals(x);
  return groupCurveTotals(x, groupOf).map(({ label, totals: t }) => {
    const weight = t.marketValue / all.marketValue;
    return {
      ...t,
      group: label,
      weight,
      // A group whose holdings are all left out has no duration and contributes nothing.
      durationContribution: t.included ? weight * t.effDuration : 0,
      dv01Share: t.dv01 / all.dv01,
    };
  });
}

/** Totals per sector (in order of first appearance) with weights and contributions. */
export function sectorCurveExposure(h: Holdings, x: PositionRisk): SectorCurveExposure[] {
  return groupCurveExposure(x, (i) => h.sector[i]).map((g) => ({
    ...g,
    sector: g.group as Sector,
  }));
}

/** Relative difference of market values beyond which a holding is flagged: 0.05%. */
export const MARKET_VALUE_TOLERANCE = 0.0005;

/** A holding whose vendor figure differs from ours by more than the tolerance. */
export interface ReconciliationRow {
  readonly index: number;
  readonly field: "duration" | "dv01" | "marketValue";
  readonly vendor: number;
  readonly ours: number;
  readonly difference: number;
  readonly flagged: boolean;
}

/**
 * Reconciliation against vendor figures where the holdings carry them: duration against our
 * effective duration (flag beyond `durationTolerance` years, default 0.1; for MBS, vendor OAD
 * against keyrate's OAD, MBS_OAD_TOLERANCE, 1 year: prepayment models differ) and DV01 against our
 * effective DV01 (flag beyond `dv01Tolerance` as a fraction, default 5%), and the vendor's market
 * value against ours (flag beyond `marketValueTolerance` as a fraction, default 0.05%).
 */
export function reconcile(
  h: Holdings,
  x: PositionRisk,
  durationTolerance = 0.1,
  dv01Tolerance = 0.05,
  marketValueTolerance = MARKET_VALUE_TOLERANCE
): ReconciliationRow[] {
  const rows: ReconciliationRow[] = [];
  for (let i = 0; i < h.count; i++) {
    if (x.excluded[i]) continue;
    if (Number.isFinite(h.vendorDuration[i])) {
      const d = x.risk.effDuration[i] - h.vendorDuration[i];
      rows.push({
        index: i,
        field: "duration",
        vendor: h.vendorDuration[i],
        ours: x.risk.effDuration[i],
        difference: d,
        flagged: Math.abs(d) > (h.type[i] === "mbs" ? MBS_OAD_TOLERANCE : durationTolerance),
      });
    }
    if (Number.isFinite(h.vendorDv01[i])) {
      const d = x.dv01[i] - h.vendorDv01[i];
      rows.push({
        index: i,
        field: "dv01",
        vendor: h.vendorDv01[i],
        ours: x.dv01[i],
        difference: d,
        flagged: Math.abs(d) > dv01Tolerance * Math.abs(h.vendorDv01[i]),
      });
    }
    const vendorMv = h.vendorMarketValue?.[i];
    if (vendorMv !== undefined && Number.isFinite(vendorMv)) {
      const d = x.marketValue[i] - vendorMv;
      rows.push({
        index: i,
        field: "marketValue",
        vendor: vendorMv,
        ours: x.marketValue[i],
        difference: d,
        flagged: Math.abs(d) > marketValueTolerance * Math.abs(vendorMv),
      });
    }
  }
  return rows;
}
