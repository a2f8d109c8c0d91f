/**
 * A mandate's limits (SPEC S2 "Mandate", S8) and the compliance table (SPEC S9 output 4).
 *
 * Limits come from a two-column label/value range (labels case-insensitive, any order; a label
 * not given keeps its default) or are the bundled defaults:
 *
 * | label | default | unit | source |
 * |---|---|---|---|
 * | Duration band | 0.5 | years, ± around the benchmark (or target) | SPEC S2 example |
 * | Max DV01 | none | money per bp, on |DV01| | — |
 * | Max KRD gap | 0.25 | years, per tenor, on |active KRD| | keyrate default |
 * | Max tracking error | 0.005 | decimal per year (50 bp) | keyrate default |
 * | Futures leverage warning | 0.20 | futures notional ÷ portfolio value | SPEC S8 |
 * | Futures leverage cap | 0.30 | same | SPEC S8 |
 * | Net short allowed | no | effective duration after overlay < 0 | SPEC S8 |
 * | Margin buffer | 2 | × initial margin | SPEC S8 |
 * | Rebalancing threshold | 0.10 | of target DV01 | SPEC S8 |
 * | Rebalancing move | 50 | bp since the last rebalance | SPEC S8 |
 * | Large cash flow | 0.05 | fraction of portfolio value | keyrate default |
 * | Review frequency | quarterly | monthly, quarterly, semiannual, annual | keyrate default |
 * | Last review | none | date | — |
 * | Warning level | 0.8 | fraction of a limit where "warning" starts | keyrate default |
 *
 * States: for a limit on a magnitude |v| ≤ L: "breach" when |v| > L, "warning" when
 * warning level × L ≤ |v| ≤ L (at the limit is still inside it), "ok" below. For a floor
 * (margin buffer: v ≥ L): "breach" when v < L, "warning" when L ≤ v ≤ L ÷ warning level.
 * Futures leverage: "warning" from the warning level (20%) up to the cap (30%), "breach" above.
 * "not assessed" when the figure or the limit is not available.
 */
import { cellNumber, cellText, cellValue, isEmptyRow } from "../holdings/cells";
import { normalizeHeader } from "../holdings/columns";
import { addMonths, daysInMonth, parseDate, serialFromYmd, ymdFromSerial } from "../dates";
import { InvalidValueError } from "../errors";
import { tenorLabel } from "../curve/tenor";
import { parseOption } from "../curve/curveSpec";

export type ReviewFrequency = "monthly" | "quarterly" | "semiannual" | "annual";
export const REVIEW_FREQUENCIES: readonly ReviewFrequency[] = [
  "monthly",
  "quarterly",
  "semiannual",
  "annual",
];
const REVIEW_MONTHS: Readonly<Record<ReviewFrequency, number>> = {
  monthly: 1,
  quarterly: 3,
  semiannual: 6,
  annual: 12,
};

export interface Mandate {
  /** ± years around the benchmark's (or target) effective duration. */
  readonly durationBand: number;
  /** Largest |DV01|, money per bp; undefined: no limit. */
  readonly maxDv01?: number;
  /** Largest |active KRD| per tenor, years. */
  readonly maxKrdGap: number;
  /** Largest tracking error, decimal per year. */
  readonly maxTrackingError: number;
  /** Futures notional ÷ portfolio value at which a warning starts, and the cap. */
  readonly leverageWarning: number;
  readonly leverageCap: number;
  readonly netShortAllowed: boolean;
  /** Margin cash held ÷ initial margin, at least. */
  readonly marginBuffer: number;
  /** Rebalance when |net DV01 − target DV01| > this × |target DV01|. */
  readonly rebalanceThreshold: number;
  /** Rebalance after a rate move larger than this, bp. */
  readonly rebalanceMoveBp: number;
  /** A cash flow larger than this fraction of portfolio value triggers a rebalance. */
  readonly largeCashFlow: number;
  readonly reviewFrequency: ReviewFrequency;
  /** Last review date, Excel serial. */
  readonly lastReview?: number;
  /** Fraction of a limit from which the state is "warning". */
  readonly warningLevel: number;
  /** Hedge instruments allowed (text as given); empty: not restricted. */
  readonly allowedInstruments: readonly string[];
}

export const DEFAULT_MANDATE: Mandate = {
  durationBand: 0.5,
  maxKrdGap: 0.25,
  maxTrackingError: 0.005,
  leverageWarning: 0.2,
  leverageCap: 0.3,
  netShortAllowed: false,
  marginBuffer: 2,
  rebalanceThreshold: 0.1,
  rebalanceMoveBp: 50,
  largeCashFlow: 0.05,
  reviewFrequency: "quarterly",
  warningLevel: 0.8,
  allowedInstruments: [],
};

type Draft = { -readonly [K in keyof Mandate]: Mandate[K] };
type NumberField = {
  [K in keyof Mandate]-?: Mandate[K] extends number
    ? K
    : Mandate[K] extends number | undefined
      ? K
      : never;
}[keyof Mandate];

/** Normalised label → numeric field. */
const NUMBER_LABELS: Readonly<Record<string, NumberField>> = {
  durationband: "durationBand",
  maxdv01: "maxDv01",
  maximumdv01: "maxDv01",
  maxkrdgap: "maxKrdGap",
  maximumkrdgap: "maxKrdGap",
  maxtrackingerror: "maxTrackingError",
  maximumtrackingerror: "maxTrackingError",
  futuresleveragewarning: "leverageWarning",
  futuresleveragecap: "leverageCap",
  leveragecap: "leverageCap",
  marginbuffer: "marginBuffer",
  rebalancingthreshold: "rebalanceThreshold",
  rebalancethreshold: "rebalanceThreshold",
  rebalancingmove: "rebalanceMoveBp",
  rebalancingmovebp: "rebalanceMoveBp",
  rebalanceaftermove: "rebalanceMoveBp",
  largecashflow: "largeCashFlow",
  warninglevel: "warningLevel",
};

const YES = new Set(["yes", "y", "true", "allowed", "1"]);
const NO = new Set(["no", "n", "false", "not allowed", "0"]);

/** The mandate of a limits range; labels not given keep the defaults (listed in `defaulted`). */
export function parseMandate(values: readonly unknown[][] | undefined): {
  mandate: Mandate;
  defaulted: string[];
} {
  const m: Draft = { ...DEFAULT_MANDATE };
  const given = new Set<string>();
  (values ?? []).forEach((row, r) => {
    if (isEmptyRow(row)) return;
    const labelText = cellText(cellValue(row[0]));
    const label = normalizeHeader(labelText.replace(/\([^)]*\)/g, ""));
    const raw = cellValue(row[1]);
    const where = `mandate row ${r + 1} (${JSON.stringify(labelText)})`;
    const field = NUMBER_LABELS[label];
    if (field) {
      const v = cellNumber(raw);
      if (v === undefined || v < 0) {
        throw new InvalidValueError(
          `${where}: expected a number ≥ 0, got ${JSON.stringify(raw)}`,
          raw,
          "mandate"
        );
      }
      m[field] = v;
      given.add(field);
    } else if (label === "netshortallowed") {
      const t = cellText(raw).toLowerCase();
      if (YES.has(t) || raw === true) m.netShortAllowed = true;
      else if (NO.has(t) || raw === false) m.netShortAllowed = false;
      else
        throw new InvalidValueError(
          `${where}: expected yes or no, got ${JSON.stringify(raw)}`,
          raw,
          "mandate"
        );
      given.add("netShortAllowed");
    } else if (label === "reviewfrequency") {
      m.reviewFrequency = parseOption(
        cellText(raw).toLowerCase(),
        REVIEW_FREQUENCIES,
        "quarterly",
        "review frequency"
      );
      given.add("reviewFrequency");
    } else if (label === "lastreview" || label === "lastreviewdate") {
      m.lastReview = parseDate(raw, where);
      given.add("lastReview");
    } else if (label === "allowedinstruments" || label === "allowedhedgeinstruments") {
      m.allowedInstruments = cellText(raw)
        .split(/[,;]/)
        .map((s) => s.trim())
        .filter(Boolean);
      given.add("allowedInstruments");
    } else if (r === 0) {
      return; // a header row
    } else {
      throw new InvalidValueError(`${where}: unknown mandate label`, labelText, "mandate");
    }
  });
  if (m.leverageWarning > m.leverageCap) {
    throw new InvalidValueError(
      `mandate: futures leverage warning ${m.leverageWarning} is above the cap ${m.leverageCap}`,
      m.leverageWarning,
      "mandate"
    );
  }
  if (!(m.warningLevel > 0 && m.warningLevel <= 1)) {
    throw new InvalidValueError(
      `mandate: warning level must be in (0, 1], got ${m.warningLevel}`,
      m.warningLevel,
      "mandate"
    );
  }
  const defaulted = (Object.keys(DEFAULT_MANDATE) as (keyof Mandate)[]).filter(
    (k) => !given.has(k)
  );
  return { mandate: m, defaulted };
}

export type ComplianceState = "ok" | "warning" | "breach" | "not assessed";

/** State of |value| against an upper limit. */
export function upperState(
  value: number,
  limit: number | undefined,
  warningLevel: number
): ComplianceState {
  if (limit === undefined || !Number.isFinite(value)) return "not assessed";
  const a = Math.abs(value);
  if (a > limit) return "breach";
  return a >= warningLevel * limit ? "warning" : "ok";
}

/** State of a value against a floor. */
export function floorState(value: number, floor: number, warningLevel: number): ComplianceState {
  if (!Number.isFinite(value)) return "not assessed";
  if (value < floor) return "breach";
  return value <= floor / warningLevel ? "warning" : "ok";
}

/** State of futures leverage: warning from the warning level to the cap, breach above. */
export function leverageState(value: number, m: Mandate): ComplianceState {
  if (!Number.isFinite(value)) return "not assessed";
  if (value > m.leverageCap) return "breach";
  return value >= m.leverageWarning ? "warning" : "ok";
}

/** The figures the compliance table checks; each is optional (missing: "not assessed"). */
export interface ComplianceInputs {
  /** Effective duration after any overlay, years. */
  readonly duration: number;
  /** Benchmark (or target) effective duration, years. */
  readonly benchmarkDuration?: number;
  /** Effective DV01, money per bp. */
  readonly dv01?: number;
  readonly keysMonths?: readonly number[];
  /** Active KRDs, years. */
  readonly activeKrd?: readonly number[];
  /** Tracking error, decimal per year. */
  readonly trackingError?: number;
  /** Σ |futures notional|, money. */
  readonly futuresNotional?: number;
  readonly portfolioValue?: number;
  /** Cash set aside for margin, and the initial margin of the futures, money. */
  readonly marginAvailable?: number;
  readonly initialMargin?: number;
}

export interface ComplianceRow {
  readonly limit: string;
  /** The figure checked (NaN when not available). */
  readonly value: number;
  /** The limit (NaN when none is set). */
  readonly limitValue: number;
  readonly unit: string;
  readonly state: ComplianceState;
  readonly note: string;
}

const NAN = NaN;

/** A share as percent text: 0.2 → "20%", 0.125 → "12.5%". */
const percentText = (x: number) => `${Number((x * 100).toPrecision(10))}%`;

/** The compliance table: each limit, the figure, the limit, and its state. */
export function complianceTable(m: Mandate, x: ComplianceInputs): ComplianceRow[] {
  const w = m.warningLevel;
  const rows: ComplianceRow[] = [];
  const gap = x.benchmarkDuration !== undefined ? x.duration - x.benchmarkDuration : NAN;
  rows.push({
    limit: "Duration band (± benchmark)",
    value: gap,
    limitValue: m.durationBand,
    unit: "years",
    state: upperState(gap, m.durationBand, w),
    note: Number.isFinite(gap)
      ? "effective duration − benchmark's"
      : "no benchmark or target duration",
  });
  const dv01 = x.dv01 ?? NAN;
  rows.push({
    limit: "Maximum DV01",
    value: dv01,
    limitValue: m.maxDv01 ?? NAN,
    unit: "money per bp",
    state: upperState(dv01, m.maxDv01, w),
    note: m.maxDv01 === undefined ? "no limit set" : "|effective DV01|",
  });
  (x.keysMonths ?? []).forEach((k, i) => {
    const v = x.activeKrd?.[i] ?? NAN;
    rows.push({
      limit: `Maximum |KRD gap| ${tenorLabel(k)}`,
      value: v,
      limitValue: m.maxKrdGap,
      unit: "years",
      state: upperState(v, m.maxKrdGap, w),
      note: "portfolio − benchmark KRD",
    });
  });
  const te = x.trackingError ?? NAN;
  rows.push({
    limit: "Maximum tracking error",
    value: te,
    limitValue: m.maxTrackingError,
    unit: "decimal per year",
    state: upperState(te, m.maxTrackingError, w),
    note: "ex-ante, curve part only (no spread history)",
  });
  const leverage =
    x.futuresNotional !== undefined && x.portfolioValue
      ? Math.abs(x.futuresNotional) / x.portfolioValue
      : NAN;
  rows.push({
    limit: "Futures leverage cap",
    value: leverage,
    limitValue: m.leverageCap,
    unit: "of portfolio value",
    state: leverageState(leverage, m),
    note: `warning from ${percentText(m.leverageWarning)}, breach above ${percentText(m.leverageCap)}`,
  });
  rows.push({
    limit: "Net short duration",
    value: x.duration,
    limitValue: m.netShortAllowed ? NAN : 0,
    unit: "years",
    state: !Number.isFinite(x.duration)
      ? "not assessed"
      : m.netShortAllowed || x.duration >= 0
        ? "ok"
        : "breach",
    note: m.netShortAllowed ? "net short allowed" : "effective duration after overlay must be ≥ 0",
  });
  const buffer =
    x.marginAvailable !== undefined && x.initialMargin ? x.marginAvailable / x.initialMargin : NAN;
  rows.push({
    limit: "Margin buffer",
    value: buffer,
    limitValue: m.marginBuffer,
    unit: "× initial margin",
    state: floorState(buffer, m.marginBuffer, w),
    note: Number.isFinite(buffer)
      ? "margin cash ÷ initial margin, at least"
      : "no margin figures given",
  });
  return rows;
}

/**
 * The next review date: the last review plus the review period (EDATE); without a last review,
 * the last day of the period (month, quarter, half-year, year) containing `asOf`. `overdue` when
 * that date is before `asOf`.
 */
export function nextReview(m: Mandate, asOf: number): { date: number; overdue: boolean } {
  const months = REVIEW_MONTHS[m.reviewFrequency];
  let date: number;
  if (m.lastReview !== undefined) {
    const { y, m: mo, d } = addMonths(ymdFromSerial(m.lastReview), months);
    date = serialFromYmd(y, mo, d);
  } else {
    const { y, m: mo } = ymdFromSerial(asOf);
    const endMonth = Math.ceil(mo / months) * months;
    date = serialFromYmd(y, endMonth, daysInMonth(y, endMonth));
  }
  return { date, overdue: date < asOf };
}
