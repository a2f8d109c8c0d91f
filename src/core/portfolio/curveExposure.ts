/**
 * Curve-based exposure of a holdings table ("measure", SPEC S1 step 1): per holding and for the
 * portfolio, market value, effective duration and convexity, spread duration, effective DV01 and
 * the key-rate profile, against one curve, in one kernel call.
 *
 * Units: market value and DV01 in money (DV01 = effective duration × market value × 0.0001, per
 * 1 bp fall in the curve); durations in years; convexity in years²; KR DV01 in money per bp of
 * each key. Portfolio durations are market-value weighted. Holdings needing option-adjusted or
 * floating-rate analytics are kept out of the totals with the reason beside them.
 */
import { Holdings, Sector } from "../holdings";
import { riskFromYield, schedules } from "../bond";
import { curveRisk, CurveRisk, CurveRiskOptions, CurveSpec, isParKind, ShiftOn } from "../curve";
import { aggregate } from "./aggregate";
import { EXCLUDED_TYPES, holdingTerms } from "./holdingTerms";

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
  readonly risk: CurveRisk;
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
}

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

/** Per-holding curve exposure at a settlement date (Excel serial). */
export function holdingCurveExposure(
  h: Holdings,
  settlement: number,
  spec: CurveSpec,
  options: CurveRiskOptions
): CurveHoldingExposure {
  const n = h.count;
  const terms = holdingTerms(h, settlement);
  const fromYield = riskFromYield(terms, h.yld, schedules(terms));
  const clean = Float64Array.from(h.price, (p, i) => (Number.isNaN(p) ? fromYield.clean[i] : p));
  const risk = curveRisk(settlement, terms, clean, spec, options);
  const nk = risk.keysMonths.length;
  const marketValue = new Float64Array(n);
  const dv01 = new Float64Array(n);
  const krDv01 = new Float64Array(n * nk);
  const excluded: (string | null)[] = new Array(n).fill(null);
  const flag: (string | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    const mv = (h.par[i] * risk.dirty[i]) / 100;
    marketValue[i] = mv;
    dv01[i] = risk.effDuration[i] * mv * 1e-4;
    for (let k = 0; k < nk; k++) krDv01[i * nk + k] = risk.krd[i * nk + k] * mv * 1e-4;
    excluded[i] =
      EXCLUDED_TYPES[h.type[i]] ??
      (Number.isFinite(risk.zspread[i]) ? null : "no Z-spread reprices the price");
    const years = (h.maturity[i] - settlement) / 365;
    if (
      !excluded[i] &&
      Math.abs(risk.krdGap[i]) >
        krdSumTolerance(
          options.bumpBp ?? 1,
          years,
          options.shiftOn ?? (isParKind(spec.kind) ? "par" : "zero"),
          Math.max(...spec.rates)
        )
    ) {
      flag[i] =
        `KRDs sum to ${(risk.effDuration[i] + risk.krdGap[i]).toFixed(6)}, effective duration ${risk.effDuration[i].toFixed(6)}`;
    }
  }
  return { risk, clean, marketValue, dv01, krDv01, excluded, flag };
}

/** Totals over the included holdings for which `select(i)` is true. */
export function curveTotals(x: CurveHoldingExposure, select?: (i: number) => boolean): CurveTotals {
  const nk = x.risk.keysMonths.length;
  const n = x.marketValue.length;
  // One column per key out of the row-major holdings × keys matrix.
  const keyColumns = Array.from({ length: nk }, (_, k) =>
    Float64Array.from({ length: n }, (_, i) => x.krDv01[i * nk + k])
  );
  const r = x.risk;
  const a = aggregate(
    x.marketValue,
    x.excluded,
    [r.effDuration, r.effConvexity, r.spreadDuration],
    [x.dv01, ...keyColumns],
    select
  );
  const [effDuration, effConvexity, spreadDuration] = a.averages;
  const krDv01 = Float64Array.from(a.sums.slice(1));
  return {
    marketValue: a.marketValue,
    effDuration,
    effConvexity,
    spreadDuration,
    dv01: a.sums[0],
    krd: Float64Array.from(krDv01, (d) => (d * 1e4) / a.marketValue),
    krDv01,
    included: a.included,
    excluded: a.excluded,
  };
}

/** Totals per sector (in order of first appearance) with weights and contributions. */
export function sectorCurveExposure(h: Holdings, x: CurveHoldingExposure): SectorCurveExposure[] {
  const all = curveTotals(x);
  return [...new Set(h.sector)].map((sector) => {
    const t = curveTotals(x, (i) => h.sector[i] === sector);
    const weight = t.marketValue / all.marketValue;
    return {
      ...t,
      sector,
      weight,
      // A sector whose holdings are all left out has no duration and contributes nothing.
      durationContribution: t.included ? weight * t.effDuration : 0,
      dv01Share: t.dv01 / all.dv01,
    };
  });
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
 * effective duration (flag beyond `durationTolerance` years, default 0.1) and DV01 against our
 * effective DV01 (flag beyond `dv01Tolerance` as a fraction, default 5%), and the vendor's market
 * value against ours (flag beyond `marketValueTolerance` as a fraction, default 0.05%).
 */
export function reconcile(
  h: Holdings,
  x: CurveHoldingExposure,
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
        flagged: Math.abs(d) > durationTolerance,
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
