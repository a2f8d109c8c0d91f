/**
 * The "Hedge Recommendation" sheet: exposure summary, the DV01-ratio hedge, exposure by sector and
 * per holding. Built once as a SheetModel; Excel (Office.js) and exceljs only render it.
 */
import { isoFromSerial } from "../dates";
import { Holdings } from "../holdings";
import { Dv01Hedge } from "../hedge/dv01Hedge";
import { HoldingExposure, sectorExposure, totals } from "../portfolio/yieldExposure";
import { BASIS_NAMES, Basis } from "../bond";
import { Cell, FORMATS, SheetBuilder, SheetModel, num } from "./sheetModel";

export interface HedgeReportInput {
  readonly holdings: Holdings;
  readonly exposure: HoldingExposure;
  readonly hedge: Dv01Hedge;
  /** Settlement date, Excel serial. */
  readonly settlement: number;
  /** Where the holdings came from: a range address or a file name. */
  readonly source: string;
  /** Name of the hedge instrument, e.g. "ZN (10-year T-note futures)". */
  readonly contractName: string;
  /** Date of the run, ISO text (passed in so the sheet is reproducible). */
  readonly runDate: string;
  /** Rows of the input that were skipped as invalid. */
  readonly rejectedRows: number;
}

export const HEDGE_SHEET_NAME = "Hedge Recommendation";

const HOLDING_COLUMNS = [
  "ID",
  "Description",
  "Sector",
  "Par",
  "Coupon",
  "Maturity",
  "Clean price",
  "Yield to maturity",
  "Accrued /100",
  "Market value (dirty)",
  "Modified duration (yield), yrs",
  "Macaulay duration, yrs",
  "Convexity (yield), yrs²",
  "DV01 (yield), per bp",
  "Coupons / yr",
  "Day count",
  "Note",
];

const WIDTHS = [34, 30, 14, 16, 10, 12, 12, 14, 12, 18, 16, 14, 14, 14, 10, 18, 32];

/** A figure with its label, value, unit and method. */
type LabelledRow = [string, Cell, string, string];

/** A section of labelled figures: title row, one row per figure, then (unless told) a blank row. */
function labelledSection(
  s: SheetBuilder,
  title: string,
  rows: LabelledRow[],
  blankAfter = true
): void {
  s.row([title, "", "Unit", "Method"], "section");
  for (const [label, value, unit, method] of rows)
    s.row([{ value: label, style: "label" }, value, unit, method]);
  if (blankAfter) s.blank();
}

/** Builds the sheet's content. */
export function buildHedgeSheet(input: HedgeReportInput): SheetModel {
  const { holdings: h, exposure: x, hedge } = input;
  const t = totals(x);
  const s = new SheetBuilder(HOLDING_COLUMNS.length);
  s.row(["keyrate — Hedge Recommendation (yield-based, DV01-ratio hedge)"], "title");
  s.row(
    [
      `Settlement ${isoFromSerial(input.settlement)} · run ${input.runDate} · holdings from ${input.source}`,
    ],
    "subtitle"
  );
  s.blank();

  const summary: LabelledRow[] = [
    ["Market value", num(t.marketValue, FORMATS.money), "money", "par × (clean + accrued) / 100"],
    [
      "Modified duration",
      num(t.modified, FORMATS.years),
      "years",
      "yield-based, market-value weighted",
    ],
    [
      "Macaulay duration",
      num(t.macaulay, FORMATS.years),
      "years",
      "yield-based, market-value weighted",
    ],
    [
      "Convexity",
      num(t.convexity, FORMATS.years2),
      "years²",
      "yield convexity, market-value weighted",
    ],
    ["DV01", num(t.dv01, FORMATS.money), "money per bp", "−dP/dy × 0.0001, summed"],
    ["Holdings in totals", num(t.included, FORMATS.count), "count", ""],
    ["Holdings left out", num(t.excluded, FORMATS.count), "count", "see Note column"],
    [
      "Input rows rejected",
      num(input.rejectedRows, FORMATS.count),
      "count",
      "listed in the task pane / terminal",
    ],
  ];
  labelledSection(s, "Exposure summary", summary);

  const sell = hedge.contracts < 0;
  const hedgeRows: LabelledRow[] = [
    ["Instrument", { value: input.contractName }, "", "one futures contract"],
    [
      "Contract DV01",
      num(hedge.contractDv01, FORMATS.money2),
      "money per bp per contract",
      "input: CTD DV01 ÷ conversion factor",
    ],
    [
      "Yield beta",
      num(hedge.beta, FORMATS.ratio),
      "ratio",
      "portfolio yield change per hedge yield change",
    ],
    ["Target duration", num(hedge.targetDuration, FORMATS.years), "years", "modified, yield-based"],
    [
      "Target DV01",
      num(hedge.targetDv01, FORMATS.money),
      "money per bp",
      "target duration × market value × 0.0001",
    ],
    [
      "DV01 gap (target − portfolio)",
      num(hedge.targetDv01 - hedge.portfolioDv01, FORMATS.money),
      "money per bp",
      "",
    ],
    [
      "Contracts to trade",
      num(hedge.contracts, FORMATS.count, "total"),
      sell ? "SELL (negative)" : "BUY",
      "gap ÷ contract DV01 × β, rounded",
    ],
    [
      "DV01 after hedge",
      num(hedge.dv01After, FORMATS.money),
      "money per bp",
      "portfolio + contracts × contract DV01 ÷ β",
    ],
    [
      "Duration after hedge",
      num(hedge.durationAfter, FORMATS.years),
      "years",
      "DV01 after ÷ (market value × 0.0001)",
    ],
  ];
  labelledSection(s, "Hedge (DV01 ratio)", hedgeRows, false);
  if (hedge.durationAfter < 0)
    s.row(["Warning: the hedge leaves the portfolio net short duration."], "warning");
  s.blank();

  s.row(
    [
      "By sector",
      "Market value",
      "Weight",
      "Modified duration, yrs",
      "Contribution to duration, yrs",
      "DV01, per bp",
      "Holdings",
    ],
    "section"
  );
  for (const sec of sectorExposure(h, x)) {
    s.row([
      { value: sec.sector, style: "label" },
      num(sec.marketValue, FORMATS.money),
      num(sec.weight, FORMATS.percent),
      num(sec.modified, FORMATS.years),
      num(sec.durationContribution, FORMATS.years),
      num(sec.dv01, FORMATS.money),
      num(sec.included, FORMATS.count),
    ]);
  }
  s.row(
    [
      { value: "Total", style: "total" },
      num(t.marketValue, FORMATS.money, "total"),
      num(1, FORMATS.percent, "total"),
      num(t.modified, FORMATS.years, "total"),
      num(t.modified, FORMATS.years, "total"),
      num(t.dv01, FORMATS.money, "total"),
      num(t.included, FORMATS.count, "total"),
    ],
    "total"
  );
  s.blank();

  s.row(["Holdings"], "section");
  s.row(HOLDING_COLUMNS, "header");
  for (let i = 0; i < h.count; i++) {
    s.row([
      h.id[i],
      h.description[i],
      h.sector[i],
      num(h.par[i], FORMATS.money),
      num(h.coupon[i], FORMATS.rate),
      num(h.maturity[i], FORMATS.date),
      num(x.clean[i], FORMATS.price),
      num(x.yld[i], FORMATS.rate),
      num(x.accrued[i], FORMATS.price),
      num(x.marketValue[i], FORMATS.money),
      num(x.modified[i], FORMATS.years),
      num(x.macaulay[i], FORMATS.years),
      num(x.convexity[i], FORMATS.years2),
      num(x.dv01[i], FORMATS.money2),
      num(h.frequency[i], FORMATS.count),
      BASIS_NAMES[h.basis[i] as Basis],
      x.excluded[i] ?? "",
    ]);
  }
  s.blank();
  s.row(
    [
      "Methods: durations and convexity are derivatives of the dirty price of Excel's PRICE model at each bond's own yield (DSC/E settlement fraction, simple yield in the final period); DV01 = −dP/dy × 0.0001 in money. Callable bonds and MBS need option-adjusted analytics and are left out of the totals.",
    ],
    "note"
  );
  return s.build(HEDGE_SHEET_NAME, WIDTHS, 0);
}
