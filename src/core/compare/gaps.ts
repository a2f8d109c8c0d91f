/**
 * Gaps between a portfolio and its benchmark (SPEC S1 step 2, S9 output 1): duration by method,
 * DV01 per unit of value, spread duration, KRD per tenor, and per sector weight, contribution to
 * duration and spread duration; gap = portfolio − benchmark. The largest KRD mismatches are
 * ranked by their contribution to tracking error (x_k·(Σx)_k / TE), not by size alone: a large
 * gap at a key that moves little, or one offset by the neighbouring keys, ranks below a smaller
 * gap that drives the risk.
 *
 * Units: durations and KRDs in years; DV01 per unit of value = effective duration × 0.0001
 * (money per bp per 1 of value); weights as fractions; TE and contributions decimal per year.
 */
import { tenorLabel } from "../curve/tenor";
import { Sector } from "../holdings/types";
import { DURATION_METHODS, DurationMethod, RiskProfile } from "./benchmark";
import { covarianceForKeys, KeyRateCovariance } from "./covariance";
import { rankByContribution, TrackingError, trackingError } from "./trackingError";

export interface GapRow {
  readonly label: string;
  readonly portfolio: number;
  readonly benchmark: number;
  /** portfolio − benchmark; NaN when either is unknown. */
  readonly gap: number;
  readonly unit: string;
  readonly method: string;
}

export interface SectorGap {
  readonly sector: Sector;
  readonly weight: GapRow;
  readonly durationContribution: GapRow;
  readonly spreadDuration: GapRow;
}

export interface KrdMismatch {
  readonly keyMonths: number;
  /** Active KRD (portfolio − benchmark), years. */
  readonly active: number;
  /** Contribution to TE, decimal per year. */
  readonly contribution: number;
  /** Contribution as a fraction of TE. */
  readonly share: number;
}

export interface BenchmarkGaps {
  /** Duration per method, DV01 per unit, spread duration, then KRD per key. */
  readonly rows: readonly GapRow[];
  readonly sectors: readonly SectorGap[];
  readonly keysMonths: readonly number[];
  /** Active KRDs, years (empty when the benchmark gives none). */
  readonly activeKrd: readonly number[];
  /** Tracking error of the active KRDs, when a covariance covers the keys. */
  readonly trackingError?: TrackingError;
  /** Keys by contribution to TE, largest first. */
  readonly mismatches: readonly KrdMismatch[];
  /** DV01 gap on the portfolio's market value, money per bp (when the value is known). */
  readonly dv01GapMoney: number;
  readonly notes: readonly string[];
}

const METHOD_TEXT: Readonly<Record<DurationMethod, string>> = {
  effective: "curve-based, full revaluation (±1 bp), Z-spread held",
  modified: "yield-based (Excel PRICE model)",
  macaulay: "yield-based, present-value-weighted time",
};

function gapRow(
  label: string,
  portfolio: number,
  benchmark: number,
  unit: string,
  method: string
): GapRow {
  return { label, portfolio, benchmark, gap: portfolio - benchmark, unit, method };
}

function sameKeys(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/**
 * The gaps of a portfolio against a benchmark; with a covariance, the tracking error of the active
 * KRDs and the mismatches ranked by their contribution to it.
 */
export function benchmarkGaps(
  p: RiskProfile,
  b: RiskProfile,
  cov?: KeyRateCovariance
): BenchmarkGaps {
  const notes: string[] = [...b.notes];
  const rows: GapRow[] = DURATION_METHODS.map((m) =>
    gapRow(
      `${m[0].toUpperCase()}${m.slice(1)} duration`,
      p.duration[m],
      b.duration[m],
      "years",
      METHOD_TEXT[m]
    )
  );
  const dv01 = gapRow(
    "DV01 per unit of value",
    p.duration.effective * 1e-4,
    b.duration.effective * 1e-4,
    "money per bp per 1 of value",
    "effective duration × 0.0001"
  );
  rows.push(dv01);
  rows.push(
    gapRow("Spread duration", p.spreadDuration, b.spreadDuration, "years", "Z-spread ±1 bp")
  );
  let keysMonths: readonly number[] = [];
  let activeKrd: number[] = [];
  if (!b.krd.length) notes.push("the benchmark gives no KRDs: no KRD gaps or tracking error");
  else if (!sameKeys(p.keysMonths, b.keysMonths)) {
    notes.push(
      `KRD keys differ (portfolio ${p.keysMonths.map(tenorLabel).join(" ")}, benchmark ` +
        `${b.keysMonths.map(tenorLabel).join(" ")}): no KRD gaps or tracking error`
    );
  } else {
    keysMonths = p.keysMonths;
    activeKrd = p.krd.map((v, k) => v - b.krd[k]);
    keysMonths.forEach((k, i) =>
      rows.push(
        gapRow(`KRD ${tenorLabel(k)}`, p.krd[i], b.krd[i], "years", "key-rate duration, par curve")
      )
    );
  }
  const sectorNames = [...new Set([...p.sectors, ...b.sectors].map((s) => s.sector))];
  const sectors: SectorGap[] = sectorNames.map((sector) => {
    const ps = p.sectors.find((s) => s.sector === sector);
    const bs = b.sectors.find((s) => s.sector === sector);
    // A sector absent on one side has weight 0 and contributes nothing; its spread duration is unknown.
    return {
      sector,
      weight: gapRow("Weight", ps?.weight ?? 0, bs?.weight ?? 0, "fraction", "of value"),
      durationContribution: gapRow(
        "Contribution to duration",
        ps?.durationContribution ?? 0,
        bs?.durationContribution ?? 0,
        "years",
        "weight × effective duration"
      ),
      spreadDuration: gapRow(
        "Spread duration",
        ps?.spreadDuration ?? NaN,
        bs?.spreadDuration ?? NaN,
        "years",
        "sector's own, Z-spread ±1 bp"
      ),
    };
  });
  let te: TrackingError | undefined;
  let mismatches: KrdMismatch[] = [];
  if (activeKrd.length && cov) {
    const missing = keysMonths.filter((k) => !cov.keysMonths.includes(k));
    if (missing.length) {
      notes.push(`no covariance for keys ${missing.map(tenorLabel).join(" ")}: no tracking error`);
    } else {
      te = trackingError(activeKrd, covarianceForKeys(cov, keysMonths));
      const t = te;
      mismatches = rankByContribution(t).map((k) => ({
        keyMonths: t.keysMonths[k],
        active: t.active[k],
        contribution: t.contributions[k],
        share: t.te > 0 ? t.contributions[k] / t.te : 0,
      }));
    }
  }
  return {
    rows,
    sectors,
    keysMonths,
    activeKrd,
    trackingError: te,
    mismatches,
    dv01GapMoney: p.marketValue !== undefined ? dv01.gap * p.marketValue : NaN,
    notes,
  };
}
