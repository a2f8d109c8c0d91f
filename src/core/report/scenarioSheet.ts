/**
 * The "Scenario Analysis" sheet (SPEC S9 item 3: scenarios × (unhedged, hedged) × (price return,
 * total return), in the holdings' currency and %, with breakevens and the estimate error) and the editable "Scenario
 * Library" sheet, built once as SheetModels; Office.js and exceljs only render them.
 */
import { isoFromSerial } from "../dates";
import { ScenarioResults } from "../scenarios/analysis";
import { libraryTable } from "../scenarios/library";
import { Scenario } from "../scenarios/scenario";
import { Cell, FORMATS, num, SheetBuilder, SheetModel } from "./sheetModel";

export const SCENARIO_SHEET_NAME = "Scenario Analysis";
export const LIBRARY_SHEET_NAME = "Scenario Library";

export interface ScenarioReportMeta {
  /** Where the holdings came from: a range address or a file name. */
  readonly source: string;
  /** The curve and its method, e.g. "Curve!A1:B14 · par yields · linear zero". */
  readonly curveDescription: string;
  readonly curveWarning?: string;
  /** Date of the run, ISO (passed in so the sheet is reproducible). */
  readonly runDate: string;
  /** The holdings' currency as the sheets label money ("USD"). */
  readonly currency: string;
}

/** The matrix columns: [header, width]. "{ccy}" is the holdings' currency; returns "% of MV". */
const COLUMNS: readonly [string, number][] = [
  ["Scenario", 26],
  ["Move", 40],
  ["Unhedged P&L, {ccy} (full revaluation, now)", 16],
  ["Unhedged P&L, % of MV", 11],
  ["Hedged P&L, {ccy} (full revaluation, now)", 16],
  ["Hedged P&L, % of MV", 11],
  ["Unhedged price return, {ccy} (horizon)", 16],
  ["Unhedged price return, % of MV", 11],
  ["Unhedged total return, {ccy} (horizon)", 16],
  ["Unhedged total return, % of MV", 11],
  ["Hedged price return, {ccy} (horizon)", 16],
  ["Hedged price return, % of MV", 11],
  ["Hedged total return, {ccy} (horizon)", 16],
  ["Hedged total return, % of MV", 11],
  ["Estimate of unhedged P&L, {ccy}", 16],
  ["Estimate method", 20],
  ["Estimate error, {ccy} (full − estimate)", 16],
  ["Estimate error, % of P&L", 11],
];

const money = (v: number) => num(v, FORMATS.money);
const pct = (v: number) => num(v, FORMATS.percent);

/** Builds the Scenario Analysis sheet from an analysis. */
export function buildScenarioSheet(a: ScenarioResults, meta: ScenarioReportMeta): SheetModel {
  const s = new SheetBuilder(COLUMNS.length);
  const mv = a.marketValue;
  const ccy = meta.currency;
  s.row(["keyrate — Scenario Analysis Matrix"], "title");
  s.row(
    [
      `Settlement ${isoFromSerial(a.settlement)} · horizon ${a.horizonMonths} months (to ${isoFromSerial(a.horizonDate)}) · run ${meta.runDate} · holdings from ${meta.source}`,
    ],
    "subtitle"
  );
  s.row([`Curve: ${meta.curveDescription}`], "subtitle");
  if (meta.curveWarning) s.row([meta.curveWarning], "warning");
  s.blank();

  s.row(["Portfolio", "", "Value", "Unit", "Method"], "section");
  const line = (label: string, value: Cell, unit: string, method: string) =>
    s.row([{ value: label, style: "label" }, "", value, unit, method]);
  line("Market value", money(mv), ccy, "Σ par × (clean + accrued) / 100, holdings in totals");
  line(
    "Holdings revalued / left out",
    { value: `${a.included} / ${a.excluded}` },
    "count",
    "callables, MBS and FRNs are left out (need option-adjusted or floating-rate analytics)"
  );
  line("Hedges", { value: a.hedgeLabels.length ? a.hedgeLabels.join("; ") : "none" }, "", "");
  line(
    "Horizon income",
    money(a.carry.income),
    ccy,
    "coupons received (reinvested at the curve's forward) + change in accrued"
  );
  line(
    "Horizon roll-down",
    money(a.carry.priceReturn),
    ccy,
    "clean price change on the unchanged curve (zero rates by time to maturity unchanged)"
  );
  line("Horizon carry", money(a.carry.totalReturn), ccy, "income + roll-down");
  line("Horizon carry, % of MV", pct(a.carry.totalReturn / mv), "%", "");
  line(
    "Breakeven, unhedged",
    num(a.breakevenUnhedged, FORMATS.bp),
    "bp",
    "parallel move at the horizon that wipes out the carry (full revaluation, root finding)"
  );
  line(
    "Breakeven, hedged",
    num(a.breakevenHedged, FORMATS.bp),
    "bp",
    "the same with the hedges' P&L of the move"
  );
  s.blank();

  const matrixAt = s.row(
    COLUMNS.map(([h]) => h.replace("{ccy}", ccy)),
    "header"
  );
  for (const r of a.rows) {
    s.row([
      { value: r.scenario.name, style: "label" },
      r.description,
      money(r.unhedged),
      pct(r.unhedgedPct),
      money(r.hedged),
      pct(r.hedgedPct),
      money(r.horizon.priceReturn),
      pct(r.horizon.priceReturn / mv),
      money(r.horizon.totalReturn),
      pct(r.horizon.totalReturn / mv),
      money(r.hedgedPriceReturn),
      pct(r.hedgedPriceReturn / mv),
      money(r.hedgedTotalReturn),
      pct(r.hedgedTotalReturn / mv),
      money(r.estimate),
      r.estimateMethod === "duration-convexity"
        ? "−MV·D·Δy + ½·MV·C·Δy² (effective)"
        : "−Σ KR DV01ₖ·Δyₖ (par-curve KRDs)",
      money(r.estimateError),
      pct(r.unhedged !== 0 ? r.estimateError / r.unhedged : NaN),
    ]);
  }
  s.table("krScenarios", matrixAt);
  s.blank();
  s.row(
    [
      `Methods: every holding and hedge is fully revalued on the shocked curves — par yields bumped at each tenor and re-bootstrapped (zero rates for a zero curve), each bond's Z-spread held plus its sector's spread shock; futures through the CTD's forward price ÷ conversion factor, swaps on the SOFR OIS curve moved with Treasuries plus any swap-spread shock. Horizon returns apply the shock at the horizon on the rolled curve; hedges add their shock P&L (their carry is not modelled). Estimates use effective duration and convexity for parallel moves, KR DV01s otherwise, plus −MV·spread duration·ΔZ for spread shocks.`,
    ],
    "note"
  );
  return s.build(
    SCENARIO_SHEET_NAME,
    COLUMNS.map(([, w]) => w),
    0
  );
}

/** Builds the editable Scenario Library sheet (the table parseScenarioLibrary reads back). */
export function buildLibrarySheet(scenarios: readonly Scenario[]): SheetModel {
  const t = libraryTable(scenarios);
  const s = new SheetBuilder(t.header.length);
  s.row(t.header, "header");
  for (const row of t.rows) s.row(row);
  s.table("krScenarioLibrary", 0);
  const widths = t.header.map((h, i) =>
    i === 0 ? 26 : i === 10 || i === 11 ? 30 : Math.max(8, h.length + 2)
  );
  return s.build(LIBRARY_SHEET_NAME, widths, 1);
}

/**
 * Notes for the library sheet's users (shown by the task pane beside it): the shape definitions
 * and the column rules, one line each.
 */
export const LIBRARY_HELP: readonly string[] = [
  "One row per rate shape or spread rule; consecutive rows with the same Scenario name (or a blank name) are combined.",
  "Shapes (x = Size, bp; P = Pivot, default 5Y; linear in time between 3M, P and 30Y, flat outside): parallel x; twist −x/0/+x; bull_steepener −x/0/0; bear_steepener 0/0/+x; bull_flattener 0/0/−x; bear_flattener +x/0/0; butterfly +x/−x/+x.",
  "custom and replay: bp in the tenor columns (blank = not part of the vector), linear in time between them and flat outside.",
  "Spread rules: Sector (or all), optional Rating, Spread, bp — a holding's shock is the sum of the rules that match it.",
  "Swap spread, bp: the swap curve's move relative to Treasuries (0: swaps move with Treasuries).",
];
