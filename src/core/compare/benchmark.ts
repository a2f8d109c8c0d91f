/**
 * A benchmark (SPEC S2 "Benchmark") as a risk profile comparable with the portfolio's:
 *
 * - **constituents**: a range with the columns of a holdings range (read by readHoldings) plus a
 *   `weight` column (any scale: normalised) or a `market_value` column (money); without either,
 *   weights are par × dirty price. `par` may be omitted when weights or market values are given.
 *   Constituents needing option-adjusted or floating-rate analytics are left out and the
 *   remaining weights renormalised (the weight left out is reported).
 * - **profile**: a two-column label/value range, rows in any order, labels case-insensitive:
 *   `Name`, `As of` (date), `Effective duration`, `Modified duration`, `Macaulay duration`,
 *   `Spread duration` (years), `KRD 2Y` … (one per key, years), and per sector
 *   `Weight corporate` (decimal), `Duration corporate` (effective, years), `Spread duration
 *   corporate` (years), `Contribution corporate` (weight × duration, years; computed when weight
 *   and duration are given). A first row whose value is not a number (a header) is skipped.
 *
 * Units: durations and KRDs in years, weights as fractions of value.
 */
import { a1Address, cellNumber, cellText, cellValue, isEmptyRow } from "../holdings/cells";
import { normalizeHeader, matchColumns } from "../holdings/columns";
import { parseSector } from "../holdings/conventions";
import { readHoldings } from "../holdings/read";
import { HoldingProblem, Holdings, Sector } from "../holdings/types";
import { parseTenor, tenorLabel } from "../curve";
import { CurveMarket } from "../market/market";
import { parseDate } from "../dates";
import { InvalidValueError, MissingValueError } from "../errors";
import {
  CurveHoldingExposure,
  holdingCurveExposure,
  PositionRisk,
} from "../portfolio/curveExposure";
import { HoldingExposure, holdingExposure } from "../portfolio/yieldExposure";
import { aggregate } from "../portfolio/aggregate";

/** Duration methods compared (SPEC S3): curve-based effective, yield-based modified and Macaulay. */
export type DurationMethod = "effective" | "modified" | "macaulay";
export const DURATION_METHODS: readonly DurationMethod[] = ["effective", "modified", "macaulay"];

export interface SectorProfile {
  readonly sector: Sector;
  /** Fraction of value. */
  readonly weight: number;
  /** Effective duration of the sector, years; NaN when not known. */
  readonly effDuration: number;
  /** Spread duration of the sector, years; NaN when not known. */
  readonly spreadDuration: number;
  /** Weight × effective duration, years; NaN when not known. */
  readonly durationContribution: number;
}

/** Rate and spread exposure per unit of value: a portfolio's or a benchmark's. */
export interface RiskProfile {
  readonly source: "portfolio" | "constituents" | "profile";
  readonly name: string;
  /** As-of date (Excel serial) when known. */
  readonly asOf?: number;
  /**
   * Duration by method, years; NaN when not known. Modified and Macaulay average over the
   * holdings a yield applies to (not floaters or MBS), as the portfolio's yield totals do.
   */
  readonly duration: Readonly<Record<DurationMethod, number>>;
  /** Spread duration, years; NaN when not known. */
  readonly spreadDuration: number;
  readonly keysMonths: readonly number[];
  /** KRDs, years, one per key (empty when not known). */
  readonly krd: readonly number[];
  readonly sectors: readonly SectorProfile[];
  /** Market value, money (portfolio and constituents with market values). */
  readonly marketValue?: number;
  /** Weight of constituents left out of the figures, fraction, and how many. */
  readonly excludedWeight?: number;
  readonly excludedCount?: number;
  /** Notes on how the figures were obtained. */
  readonly notes: readonly string[];
}

/** Headers of the constituents' weight and market-value columns, normalised. */
const WEIGHT_HEADERS = ["weight", "wt", "indexweight", "benchmarkweight", "weightpct", "pctweight"];
const MV_HEADERS = ["marketvalue", "mv", "mktvalue", "marketval", "mktval", "value"];

/**
 * Profile of holdings weighted by `weight` (one per holding, ≥ 0, summing to 1 over the included
 * holdings; ignored for excluded ones).
 */
function weightedProfile(
  h: Holdings,
  cx: PositionRisk,
  yx: HoldingExposure,
  weight: Float64Array,
  base: Pick<RiskProfile, "source" | "name" | "asOf" | "marketValue" | "notes">
): RiskProfile {
  const keys = cx.risk.keysMonths;
  const nk = keys.length;
  const krd = new Array<number>(nk).fill(0);
  let eff = 0;
  let sd = 0;
  let excludedWeight = 0;
  let excludedCount = 0;
  const bySector = new Map<Sector, { w: number; d: number; s: number }>();
  for (let i = 0; i < h.count; i++) {
    const w = weight[i];
    if (cx.excluded[i]) {
      excludedWeight += w;
      excludedCount++;
      continue;
    }
    eff += w * cx.risk.effDuration[i];
    sd += w * cx.risk.spreadDuration[i];
    for (let k = 0; k < nk; k++) krd[k] += w * cx.risk.krd[i * nk + k];
    const s = bySector.get(h.sector[i]) ?? { w: 0, d: 0, s: 0 };
    s.w += w;
    s.d += w * cx.risk.effDuration[i];
    s.s += w * cx.risk.spreadDuration[i];
    bySector.set(h.sector[i], s);
  }
  const sectors: SectorProfile[] = [...bySector].map(([sector, s]) => ({
    sector,
    weight: s.w,
    effDuration: s.w > 0 ? s.d / s.w : NaN,
    spreadDuration: s.w > 0 ? s.s / s.w : NaN,
    durationContribution: s.d,
  }));
  // Yield-based durations only where a yield applies (not floaters or MBS), re-weighted over
  // those holdings, as the portfolio's yield totals are (yieldExposure.totals).
  const [mod, mac] = aggregate(
    weight,
    yx.excluded,
    [yx.modified, yx.macaulay],
    [],
    (i) => !cx.excluded[i]
  ).averages;
  return {
    ...base,
    duration: { effective: eff, modified: mod, macaulay: mac },
    spreadDuration: sd,
    keysMonths: keys,
    krd,
    sectors,
    excludedWeight,
    excludedCount,
  };
}

/** Market-value weights over the holdings the curve analytics keep. */
function marketValueWeights(cx: PositionRisk): { weights: Float64Array; total: number } {
  let total = 0;
  cx.marketValue.forEach((v, i) => {
    if (!cx.excluded[i]) total += v;
  });
  return { weights: Float64Array.from(cx.marketValue, (v) => v / total), total };
}

/**
 * The portfolio's profile: market-value-weighted effective, modified and Macaulay durations,
 * spread duration, KRDs and sectors over the holdings in totals (as KEYRATE.PORTFOLIO).
 * @param cx The holdings' curve exposure when already computed (else computed here).
 */
export function portfolioProfile(
  h: Holdings,
  market: CurveMarket,
  name = "Portfolio",
  cx: CurveHoldingExposure = holdingCurveExposure(h, market),
  yx: HoldingExposure = holdingExposure(h, market.settlement)
): RiskProfile {
  const settlement = market.settlement;
  const { weights, total } = marketValueWeights(cx);
  return weightedProfile(h, cx, yx, weights, {
    source: "portfolio",
    name,
    asOf: settlement,
    marketValue: total,
    notes: [],
  });
}

/** A bad cell of a constituents range: a holdings problem, or one of the weight column. */
export type ConstituentProblem =
  HoldingProblem | (Omit<HoldingProblem, "field"> & { readonly field: "weight" });

/** A benchmark's constituents as read: holdings, their raw weights and where those came from. */
export interface BenchmarkConstituents {
  readonly holdings: Holdings;
  /** Raw weight of each valid row (weight column, market value, or par × dirty: NaN until priced). */
  readonly rawWeights: Float64Array;
  readonly weightSource: "weight" | "market_value" | "par";
  /** Problems of the range, located as for holdings (the weight column's too). */
  readonly problems: ConstituentProblem[];
}

/**
 * Reads a constituents range (header row first). A range without a par column but with a weight
 * or market-value column is read with par 100 per row (par then plays no part).
 */
export function readBenchmarkConstituents(
  values: readonly unknown[][],
  settlement: number,
  sheet = ""
): BenchmarkConstituents {
  if (values.length < 2) {
    throw new MissingValueError(
      "benchmark: expected a header row and at least one constituent",
      values.length,
      "benchmark"
    );
  }
  const header = values[0].map((v) => normalizeHeader(cellText(cellValue(v))));
  const weightCol = header.findIndex((k) => WEIGHT_HEADERS.includes(k));
  const mvCol = weightCol >= 0 ? -1 : header.findIndex((k) => MV_HEADERS.includes(k));
  const valueCol = weightCol >= 0 ? weightCol : mvCol;
  const hasPar = matchColumns(values[0]).par !== null;
  const rows =
    hasPar || valueCol < 0
      ? (values as unknown[][])
      : values.map((row, r) => [...row, r === 0 ? "Par" : isEmptyRow(row) ? null : 100]);
  // The weight and market-value columns are read here, as weights: not as vendor figures.
  const read = readHoldings(rows, {
    settlement,
    sheet,
    mapping: { vendor_weight: null, vendor_market_value: null },
  });
  const problems: ConstituentProblem[] = [...read.problems];
  const h = read.holdings;
  const rawWeights = new Float64Array(h.count).fill(NaN);
  if (valueCol >= 0) {
    for (let i = 0; i < h.count; i++) {
      const r = h.sourceRow[i] - 1;
      const cell = cellValue(values[r][valueCol]);
      const n = cellNumber(cell);
      if (n === undefined || n < 0) {
        const expected = `a ${weightCol >= 0 ? "weight" : "market value"} ≥ 0`;
        problems.push({
          sheet,
          row: r + 1,
          column: cellText(cellValue(values[0][valueCol])),
          cell: a1Address(sheet, r + 1, valueCol),
          value: cell,
          expected,
          field: "weight",
          message: `row ${r + 1}: ${JSON.stringify(cell)}, expected ${expected}`,
        });
      } else rawWeights[i] = n;
    }
  }
  return {
    holdings: h,
    rawWeights,
    weightSource: weightCol >= 0 ? "weight" : mvCol >= 0 ? "market_value" : "par",
    problems,
  };
}

/** The benchmark's profile from its constituents, weights normalised over those kept. */
export function constituentsProfile(
  c: BenchmarkConstituents,
  market: CurveMarket,
  name = "Benchmark"
): RiskProfile {
  const settlement = market.settlement;
  const h = c.holdings;
  const cx = holdingCurveExposure(h, market);
  const yx = holdingExposure(h, settlement);
  const raw = c.weightSource === "par" ? cx.marketValue : c.rawWeights;
  let total = 0;
  for (let i = 0; i < h.count; i++) if (!cx.excluded[i]) total += raw[i];
  if (!(total > 0)) {
    throw new InvalidValueError(
      "benchmark: the constituents kept have no weight (all left out, or weights of 0)",
      total,
      "benchmark"
    );
  }
  let allTotal = 0;
  for (let i = 0; i < h.count; i++) allTotal += raw[i];
  const weights = Float64Array.from(raw, (w) => w / total);
  const p = weightedProfile(h, cx, yx, weights, {
    source: "constituents",
    name,
    asOf: settlement,
    marketValue: c.weightSource === "weight" ? undefined : allTotal,
    notes: [
      `${h.count} constituents weighted by ${c.weightSource === "par" ? "par × dirty price" : c.weightSource.replace("_", " ")}`,
    ],
  });
  // Report the weight left out as a share of all constituents' weight.
  return { ...p, excludedWeight: (allTotal - total) / allTotal };
}

type Setter = (profile: ProfileDraft, value: number) => void;

interface ProfileDraft {
  name: string;
  asOf?: number;
  duration: Record<DurationMethod, number>;
  spreadDuration: number;
  krd: Map<number, number>;
  sectors: Map<
    Sector,
    { weight: number; effDuration: number; spreadDuration: number; contribution: number }
  >;
}

const SCALARS: Readonly<Record<string, Setter>> = {
  effectiveduration: (p, v) => (p.duration.effective = v),
  duration: (p, v) => (p.duration.effective = v),
  modifiedduration: (p, v) => (p.duration.modified = v),
  macaulayduration: (p, v) => (p.duration.macaulay = v),
  spreadduration: (p, v) => (p.spreadDuration = v),
};

/** Per-sector labels: prefix (normalised) → field. */
const SECTOR_FIELDS: readonly [
  string,
  "weight" | "effDuration" | "spreadDuration" | "contribution",
][] = [
  ["spread duration", "spreadDuration"],
  ["effective duration", "effDuration"],
  ["duration contribution", "contribution"],
  ["contribution", "contribution"],
  ["duration", "effDuration"],
  ["weight", "weight"],
];

/** Parses a benchmark profile range (label | value rows; see the file comment). */
export function parseBenchmarkProfile(values: readonly unknown[][]): RiskProfile {
  const p: ProfileDraft = {
    name: "Benchmark",
    duration: { effective: NaN, modified: NaN, macaulay: NaN },
    spreadDuration: NaN,
    krd: new Map(),
    sectors: new Map(),
  };
  values.forEach((row, r) => {
    if (isEmptyRow(row)) return;
    const label = cellText(cellValue(row[0])).toLowerCase().replace(/\s+/g, " ");
    const raw = cellValue(row[1]);
    const where = `benchmark row ${r + 1} (${JSON.stringify(cellText(cellValue(row[0])))})`;
    if (label === "name") return void (p.name = cellText(raw));
    if (label === "as of" || label === "as-of" || label === "as of date" || label === "date")
      return void (p.asOf = parseDate(raw, where));
    const value = cellNumber(raw);
    if (value === undefined) {
      if (r === 0) return; // a header row
      throw new InvalidValueError(
        `${where}: expected a number, got ${JSON.stringify(raw)}`,
        raw,
        "benchmark"
      );
    }
    const scalar = SCALARS[normalizeHeader(label)];
    if (scalar) return scalar(p, value);
    const krd = /^krd\s*(.+)$/.exec(label);
    if (krd) return void p.krd.set(parseTenor(krd[1], where), value);
    for (const [prefix, field] of SECTOR_FIELDS) {
      if (!label.startsWith(prefix + " ")) continue;
      const sector = parseSector(label.slice(prefix.length + 1));
      if (!sector) break;
      const s = p.sectors.get(sector) ?? {
        weight: NaN,
        effDuration: NaN,
        spreadDuration: NaN,
        contribution: NaN,
      };
      s[field] = value;
      p.sectors.set(sector, s);
      return;
    }
    throw new InvalidValueError(
      `${where}: unknown label; expected Effective/Modified/Macaulay duration, Spread duration, ` +
        `KRD <tenor>, Weight <sector>, Duration <sector>, Spread duration <sector>, Contribution <sector>, Name or As of`,
      label,
      "benchmark"
    );
  });
  const keysMonths = [...p.krd.keys()].sort((a, b) => a - b);
  const krd = keysMonths.map((k) => p.krd.get(k)!);
  const notes: string[] = [];
  if (!Number.isFinite(p.duration.effective) && krd.length) {
    p.duration.effective = krd.reduce((a, b) => a + b, 0);
    notes.push("effective duration taken as the sum of the KRDs");
  }
  if (!Number.isFinite(p.duration.effective)) {
    throw new MissingValueError(
      "benchmark profile: needs an Effective duration row or KRD rows",
      undefined,
      "benchmark"
    );
  }
  const weightSum = [...p.sectors.values()].reduce(
    (a, s) => a + (Number.isFinite(s.weight) ? s.weight : 0),
    0
  );
  if (weightSum > 1.01) {
    throw new InvalidValueError(
      `benchmark profile: sector weights sum to ${weightSum}; give them as decimals (0.25 for 25%)`,
      weightSum,
      "benchmark"
    );
  }
  const sectors: SectorProfile[] = [...p.sectors].map(([sector, s]) => ({
    sector,
    weight: s.weight,
    effDuration: s.effDuration,
    spreadDuration: s.spreadDuration,
    durationContribution: Number.isFinite(s.contribution)
      ? s.contribution
      : s.weight * s.effDuration,
  }));
  if (keysMonths.length) notes.push(`KRDs at ${keysMonths.map(tenorLabel).join(" ")}`);
  return {
    source: "profile",
    name: p.name,
    asOf: p.asOf,
    duration: p.duration,
    spreadDuration: p.spreadDuration,
    keysMonths,
    krd,
    sectors,
    notes,
  };
}
