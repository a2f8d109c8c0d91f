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
import { CellStyle, FORMATS, SheetBuilder, SheetModel, num } from "./sheetModel";

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
  readonly gaps: BenchmarkGaps;
  /** Where Σ came from: "bundled: US Treasury daily par yields 2022-12-30 … 2024-12-31, …". */
  readonly covarianceDescription: string;
  readonly compliance: readonly ComplianceRow[];
  readonly reconciliation: readonly ReconciliationFlag[];
  /** Curve and benchmark dates, Excel serials, when known. */
  readonly curveAsOf?: number;
  readonly benchmarkAsOf?: number;
  /** Calendar days after which a date is stale (default 5). */
  readonly staleDays?: number;
  /** Mismatches listed (default 5). */
  readonly topMismatches?: number;
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
  const staleDays = input.staleDays ?? DEFAULT_STALE_DAYS;
  const s = new SheetBuilder(6);
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
  s.row(["Tracking error (ex-ante)", "Value", "Unit", "Method"], "section");
  if (!te) {
    s.row([`Not computed: ${g.notes.join("; ") || "no active KRDs"}`], "warning");
  } else {
    s.row([
      { value: "Tracking error", style: "label" },
      num(te.te, FORMATS.ratio),
      "decimal per year",
      "sqrt(xᵀΣx), x = active KRDs (years), Σ annual key-rate changes (decimal²)",
    ]);
    s.row([
      { value: "Tracking error, bp", style: "label" },
      num(te.te * 1e4, "0.0"),
      "bp per year",
    ]);
    s.row([SPREAD_RISK_NOTE], "note");
    const teAt = s.row(
      ["Key", "Active KRD, yrs", "Marginal, per yr", "Contribution", "Share of TE"],
      "header"
    );
    te.keysMonths.forEach((k, i) => {
      s.row([
        tenorLabel(k),
        num(te.active[i], FORMATS.years),
        num(te.marginal[i], FORMATS.ratio),
        num(te.contributions[i], FORMATS.ratio),
        num(te.te > 0 ? te.contributions[i] / te.te : 0, FORMATS.percent),
      ]);
    });
    s.table("krTrackingError", teAt);
    s.row(
      ["Total", num(NaN, FORMATS.years), "", num(te.te, FORMATS.ratio), num(1, FORMATS.percent)],
      "total"
    );
  }
  s.blank();

  const complianceAt = s.row(["Compliance", "Value", "Limit", "Unit", "State", "Note"], "section");
  for (const r of input.compliance) {
    const fmt = r.unit === "money per bp" ? FORMATS.money : FORMATS.ratio;
    s.row(
      [
        { value: r.limit, style: "label" },
        num(r.value, fmt),
        num(r.limitValue, fmt),
        r.unit,
        r.state,
        r.note,
      ],
      STATE_STYLE[r.state]
    );
  }
  s.table("krCompliance", complianceAt);
  s.blank();

  const top = g.mismatches.slice(0, input.topMismatches ?? 5);
  const mismatchesAt = s.row(
    ["Largest KRD mismatches", "Active KRD, yrs", "Contribution to TE", "Share of TE"],
    "section"
  );
  if (!top.length) s.row(["none computed (no KRDs or no covariance for the keys)"], "note");
  for (const m of top) {
    s.row([
      tenorLabel(m.keyMonths),
      num(m.active, FORMATS.years),
      num(m.contribution, FORMATS.ratio),
      num(m.share, FORMATS.percent),
    ]);
  }
  if (top.length) s.table("krMismatches", mismatchesAt);
  s.row(["Ranked by contribution to tracking error x_k·(Σx)_k / TE, not by size alone."], "note");
  s.blank();

  const flagged = input.reconciliation.filter((r) => r.flagged);
  s.row(["Vendor reconciliation", "Field", "Vendor", "Ours", "Difference"], "section");
  s.row([
    { value: "Compared", style: "label" },
    `${input.reconciliation.length} figures, ${flagged.length} beyond tolerance (duration 0.1 yrs, DV01 5%, market value 0.05%)`,
  ]);
  for (const r of flagged) {
    const fmt = r.field === "duration" ? FORMATS.years : FORMATS.money2;
    s.row([r.id, r.field, num(r.vendor, fmt), num(r.ours, fmt), num(r.difference, fmt)], "warning");
  }
  return s.build(DASHBOARD_SHEET_NAME, [34, 16, 16, 16, 16, 48], 0);
}
