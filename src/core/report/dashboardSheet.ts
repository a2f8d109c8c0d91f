/**
 * The "Risk Dashboard" sheet (SPEC S9 output 4): data dates (stale curve or benchmark flagged),
 * tracking error and its decomposition by tenor, the compliance table, the largest KRD mismatches
 * ranked by contribution to tracking error, and vendor figures beyond tolerance. Built once as a
 * SheetModel; the Office.js and exceljs renderers draw it.
 */
import { isoFromSerial } from "../dates";
import { tenorLabel } from "../curve/tenor";
import { BenchmarkGaps } from "../compare/gaps";
import { ComplianceRow } from "../compare/mandate";
import { SPREAD_RISK_NOTE } from "../compare/trackingError";
import { Trigger } from "../compare/triggers";
import {
  CellStyle,
  FORMATS,
  SheetBuilder,
  SheetModel,
  num,
  perBp,
  reportCurrency,
} from "./sheetModel";

export const DASHBOARD_SHEET_NAME = "Risk Dashboard";

/** A curve or benchmark older than this many calendar days before the as-of date is stale. */
export const DEFAULT_STALE_DAYS = 5;

/** A vendor figure compared with ours (as reconcile() gives it, with the holding's id). */
export interface ReconciliationFlag {
  readonly id: string;
  readonly field: "duration" | "dv01" | "marketValue";
  readonly vendor: number;
  readonly ours: number;
  readonly difference: number;
  readonly flagged: boolean;
}

export interface DashboardInput {
  /** As-of (settlement) date, Excel serial. */
  readonly asOf: number;
  /** Date of the run, ISO text (passed in so the sheet is reproducible). */
  readonly runDate: string;
  readonly portfolioName: string;
  readonly benchmarkName: string;
  /** Gaps before the hedge (the holdings alone) and after it (the trades included). */
  readonly gaps: BenchmarkGaps;
  readonly gapsAfter?: BenchmarkGaps;
  /** Where Σ came from: "bundled: US Treasury daily par yields 2022-12-30 … 2024-12-31, …". */
  readonly covarianceDescription: string;
  /** The mandate's limits after the hedge, and before it when known. */
  readonly compliance: readonly ComplianceRow[];
  readonly complianceBefore?: readonly ComplianceRow[];
  readonly reconciliation: readonly ReconciliationFlag[];
  /** Curve and benchmark dates, Excel serials, when known. */
  readonly curveAsOf?: number;
  readonly benchmarkAsOf?: number;
  /** Calendar days after which a date is stale (default 5). */
  readonly staleDays?: number;
  /** Mismatches listed (default 5). */
  readonly topMismatches?: number;
  /** Currency code of the money figures (default USD). */
  readonly currency?: string;
  /** Rebalancing triggers (SPEC S8), shown hit / not hit with their figures; absent: none shown. */
  readonly triggers?: readonly Trigger[];
}

/** Number format and shown unit of a compliance row, by the unit the mandate check gives. */
function complianceUnit(unit: string, currency: string): [string, string] {
  if (unit === "money per bp") return [FORMATS.money, perBp(currency)];
  if (unit === "years") return [FORMATS.years, "years"];
  if (unit === "of portfolio value") return [FORMATS.percent, "% of portfolio value"];
  if (unit === "decimal per year") return [FORMATS.percent, "% per year"];
  return [FORMATS.ratio, unit];
}

const STATE_STYLE: Readonly<Record<string, CellStyle | undefined>> = {
  breach: "warning",
  warning: "warning",
};

/** "stale: N days before the as-of date" or "current", for a dated input. */
export function staleness(date: number | undefined, asOf: number, staleDays: number): string {
  if (date === undefined) return "date not given";
  const days = asOf - date;
  return days > staleDays ? `STALE: ${days} days before the as-of date` : "current";
}

/** Builds the dashboard's content. */
export function buildDashboardSheet(input: DashboardInput): SheetModel {
  const g = input.gaps;
  const ccy = input.currency ?? reportCurrency([]);
  const staleDays = input.staleDays ?? DEFAULT_STALE_DAYS;
  const s = new SheetBuilder(7);
  s.row(["keyrate — Risk Dashboard"], "title");
  s.row(
    [
      `${input.portfolioName} against ${input.benchmarkName} · as of ${isoFromSerial(input.asOf)} · run ${input.runDate}`,
    ],
    "subtitle"
  );
  s.blank();

  s.row(["Data dates", "Date", "State"], "section");
  for (const [label, date] of [
    ["Curve", input.curveAsOf],
    ["Benchmark", input.benchmarkAsOf],
  ] as const) {
    const state = staleness(date, input.asOf, staleDays);
    s.row(
      [
        { value: label, style: "label" },
        date === undefined ? "" : isoFromSerial(date),
        state,
        `stale beyond ${staleDays} calendar days`,
      ],
      state.startsWith("STALE") ? "warning" : undefined
    );
  }
  s.row([{ value: "Covariance", style: "label" }, input.covarianceDescription]);
  s.blank();

  const te = g.trackingError;
  const teAfter = input.gapsAfter?.trackingError;
  s.row(["Tracking error (ex-ante)", "Before hedge", "After hedge", "Unit", "Method"], "section");
  if (!te) {
    s.row([`Not computed: ${g.notes.join("; ") || "no active KRDs"}`], "warning");
  } else {
    const after = (x: number | undefined, format: string) =>
      x === undefined ? "not computed" : num(x, format);
    s.row([
      { value: "Tracking error", style: "label" },
      num(te.te, FORMATS.percent),
      after(teAfter?.te, FORMATS.percent),
      "% per year",
      "sqrt(xᵀΣx), x = active KRDs (years), Σ annual key-rate changes (decimal²)",
    ]);
    s.row([
      { value: "Tracking error, bp", style: "label" },
      num(te.te * 1e4, FORMATS.bp),
      after(teAfter && teAfter.te * 1e4, FORMATS.bp),
      "bp per year",
    ]);
    s.row([SPREAD_RISK_NOTE], "note");
    const teAt = s.row(
      [
        "Key (before hedge)",
        "Active KRD, yrs",
        "Marginal, per yr",
        "Contribution, % per yr",
        "Share of TE",
        ...(teAfter ? ["Active KRD after hedge, yrs"] : []),
      ],
      "header"
    );
    te.keysMonths.forEach((k, i) => {
      s.row([
        tenorLabel(k),
        num(te.active[i], FORMATS.years),
        num(te.marginal[i], FORMATS.ratio),
        num(te.contributions[i], FORMATS.rate),
        num(te.te > 0 ? te.contributions[i] / te.te : 0, FORMATS.percent),
        ...(teAfter ? [num(teAfter.active[i], FORMATS.years)] : []),
      ]);
    });
    s.table("krTrackingError", teAt);
    s.row(
      ["Total", num(NaN, FORMATS.years), "", num(te.te, FORMATS.rate), num(1, FORMATS.percent)],
      "total"
    );
  }
  s.blank();

  const before = input.complianceBefore;
  const complianceAt = s.row(
    before
      ? ["Compliance", "Before hedge", "After hedge", "Limit", "Unit", "State after hedge", "Note"]
      : ["Compliance", "After hedge", "Limit", "Unit", "State after hedge", "Note"],
    "section"
  );
  input.compliance.forEach((r, i) => {
    const [fmt, unit] = complianceUnit(r.unit, ccy);
    const b = before?.[i];
    s.row(
      [
        { value: r.limit, style: "label" },
        ...(before ? [b && b.limit === r.limit ? num(b.value, fmt) : ""] : []),
        num(r.value, fmt),
        num(r.limitValue, fmt),
        unit,
        r.state,
        r.note,
      ],
      STATE_STYLE[r.state]
    );
  });
  s.table("krCompliance", complianceAt);
  s.blank();

  const top = g.mismatches.slice(0, input.topMismatches ?? 5);
  const mismatchesAt = s.row(
    [
      "Largest KRD mismatches, before hedge",
      "Active KRD, yrs",
      "Contribution to TE, % per yr",
      "Share of TE",
    ],
    "section"
  );
  if (!top.length) s.row(["none computed (no KRDs or no covariance for the keys)"], "note");
  for (const m of top) {
    s.row([
      tenorLabel(m.keyMonths),
      num(m.active, FORMATS.years),
      num(m.contribution, FORMATS.rate),
      num(m.share, FORMATS.percent),
    ]);
  }
  if (top.length) s.table("krMismatches", mismatchesAt);
  s.row(["Ranked by contribution to tracking error x_k·(Σx)_k / TE, not by size alone."], "note");
  s.blank();

  const flagged = input.reconciliation.filter((r) => r.flagged);
  s.row(["Vendor reconciliation", "Field", "Vendor", "Ours", "Difference", "Unit"], "section");
  s.row([
    { value: "Compared", style: "label" },
    `${input.reconciliation.length} figures, ${flagged.length} beyond tolerance (duration 0.1 yrs, DV01 5%, market value 0.05%)`,
  ]);
  for (const r of flagged) {
    const fmt = r.field === "duration" ? FORMATS.years : FORMATS.money2;
    const unit = r.field === "duration" ? "years" : r.field === "dv01" ? perBp(ccy) : ccy;
    s.row(
      [r.id, r.field, num(r.vendor, fmt), num(r.ours, fmt), num(r.difference, fmt), unit],
      "warning"
    );
  }
  if (input.triggers?.length) {
    s.blank();
    s.row(["Rebalancing triggers", "State", "Value", "Threshold", "Unit", "", "Rule"], "section");
    for (const t of input.triggers) {
      const [fmt, unit] =
        t.unit === "money per bp"
          ? [FORMATS.money, perBp(ccy)]
          : t.unit === "share"
            ? [FORMATS.percent, "% of value"]
            : [FORMATS.bp, t.unit];
      s.row(
        [
          { value: t.rule, style: "label" },
          t.state,
          num(t.value, fmt),
          num(t.threshold, fmt),
          unit,
          "",
          t.detail,
        ],
        t.state === "hit" ? "warning" : undefined
      );
    }
  }
  return s.build(DASHBOARD_SHEET_NAME, [34, 16, 16, 16, 16, 16, 48], 0);
}
