/**
 * The "Hedge Recommendation" sheet: the committee's first page (headlineSection.ts), then the
 * exposure summary (curve-based and yield-based, each labelled), the DV01-ratio hedge, the
 * key-rate profile, exposure by sector and the breakdowns. Every holding and the checks are on
 * the Holdings Risk sheet (holdingsRiskSheet.ts). Built
 * once as a SheetModel; Excel (Office.js) and exceljs only render it.
 */
import { isoFromSerial } from "../dates";
import { Holdings } from "../holdings";
import { Dv01Hedge } from "../hedge/dv01Hedge";
import { HoldingExposure, totals } from "../portfolio/yieldExposure";
import { PositionRisk, curveTotals, sectorCurveExposure } from "../portfolio/curveExposure";
import { tenorLabel } from "../curve";
import { Cell, FORMATS, SheetBuilder, SheetModel, num, perBp, reportCurrency } from "./sheetModel";
import { hedgePlanSection } from "./hedgePlanSection";
import { HedgePlan } from "../hedge/hedgePlan";
import { HoldingLinks } from "../holdings/holdingLinks";
import { ContractChoice } from "../run/runRecord";
import { DEFAULT_CURRENCY } from "../conventions";
import { breakdownSections } from "./breakdownSection";

export interface HedgeReportInput {
  readonly holdings: Holdings;
  readonly exposure: HoldingExposure;
  readonly curveExposure: PositionRisk;
  readonly hedge: Dv01Hedge;
  /** Settlement date, Excel serial. */
  readonly settlement: number;
  /** Where the holdings came from: a range address or a file name. */
  readonly source: string;
  /** The curve and its method, e.g. "Curve!A1:B14 · par yields · linear zero · par-shift KRDs". */
  readonly curveDescription: string;
  /** Shown prominently when set (e.g. the bundled curve's age). */
  readonly curveWarning?: string;
  /** The one-contract hedge's contract: its name (from the code), DV01 and where that came from. */
  readonly contract: ContractChoice;
  /** Date of the run, ISO text (passed in so the sheet is reproducible). */
  readonly runDate: string;
  /** Rows of the input that were skipped as invalid. */
  readonly rejectedRows: number;
  /** Add each holding's KRDs to the holdings table. */
  readonly perHoldingKrd?: boolean;
  /** The multi-contract hedge, when the optimiser sized it. */
  readonly plan?: HedgePlan;
  /**
   * Where the holdings' inputs sit in the user's workbook: with them the holdings table and the
   * yield-based totals are formulas that follow the user's cells (see holdingsSection).
   */
  readonly links?: HoldingLinks;
  /** ISO code of the holdings' currency, for units (default USD). */
  readonly currency?: string;
  /** The first page (headlineSection.ts), written above everything else when given. */
  readonly lead?: (s: SheetBuilder) => void;
}

/** Columns the first page (headline and Duration Exposure Summary) needs. */
const LEAD_COLUMNS = 8;
/** Columns of the by-sector table. */
const SECTOR_COLUMNS = 9;

/** How the figures are computed, below the hedge sheet and the Holdings Risk sheet. */
export const METHODS_NOTE =
  "Methods: effective figures reprice every cash flow on the curve shifted ±1 bp with each bond's Z-spread held; KRDs use triangular shifts at the keys (flat beyond the first and last) and sum to effective duration. Yield-based figures are derivatives of Excel's PRICE at each bond's own yield. Callable bonds and MBS need option-adjusted analytics and FRNs floating-rate analytics: they are left out of the totals.";

export const HEDGE_SHEET_NAME = "Hedge Recommendation";

/** A figure with its label, value, unit and method. */
type LabelledRow = [string, Cell, string, string];

/**
 * A section of labelled figures: title row, then one row per figure.
 * @returns The 0-based row of each figure, in order.
 */
export function labelledSection(s: SheetBuilder, title: string, rows: LabelledRow[]): number[] {
  s.row([title, "", "Unit", "Method"], "section");
  return rows.map(([label, value, unit, method]) =>
    s.row([{ value: label, style: "label" }, value, unit, method])
  );
}

/** Builds the sheet's content. */
export function buildHedgeSheet(input: HedgeReportInput): SheetModel {
  const { holdings: h, exposure: x, curveExposure: cx, hedge } = input;
  const y = totals(x);
  const c = curveTotals(cx);
  const keys = cx.risk.keysMonths;
  const ccy = reportCurrency(h.currency);
  const widths: number[] = [];
  while (widths.length < Math.max(keys.length + 1, LEAD_COLUMNS, SECTOR_COLUMNS)) widths.push(10);
  const s = new SheetBuilder(widths.length);
  s.row(["keyrate — Hedge Recommendation"], "title");
  s.row(
    [
      `Settlement ${isoFromSerial(input.settlement)} · run ${input.runDate} · holdings from ${input.source}`,
    ],
    "subtitle"
  );
  s.row([`Curve: ${input.curveDescription}`], "subtitle");
  if (input.curveWarning) s.row([input.curveWarning], "warning");
  s.blank();
  if (input.lead) {
    input.lead(s);
    // The committee's first page ends with the headline; the detail starts a page of its own.
    s.pageBreak();
  }

  const summary: LabelledRow[] = [
    [
      "Settlement date",
      num(input.settlement, FORMATS.date),
      "date",
      "the date every figure is computed at",
    ],
    ["Market value", num(c.marketValue, FORMATS.money), ccy, "par × (clean + accrued) / 100"],
    [
      "Effective duration",
      num(c.effDuration, FORMATS.years),
      "years",
      "curve ±1 bp, full revaluation, Z-spread held",
    ],
    [
      "Effective convexity",
      num(c.effConvexity, FORMATS.years2),
      "years²",
      "curve ±1 bp, full revaluation",
    ],
    ["Spread duration", num(c.spreadDuration, FORMATS.years), "years", "Z-spread ±1 bp"],
    [
      "DV01 (effective)",
      num(c.dv01, FORMATS.money),
      perBp(ccy),
      "effective duration × market value × 0.0001",
    ],
    [
      "Modified duration",
      num(y.modified, FORMATS.years),
      "years",
      "yield-based (Excel PRICE model)",
    ],
    ["Macaulay duration", num(y.macaulay, FORMATS.years), "years", "yield-based"],
    ["Convexity (yield)", num(y.convexity, FORMATS.years2), "years²", "yield-based"],
    ["DV01 (yield)", num(y.dv01, FORMATS.money), perBp(ccy), "−dP/dy × 0.0001, summed"],
    ["Holdings in totals", num(c.included, FORMATS.count), "count", ""],
    [
      "Holdings left out",
      num(c.excluded, FORMATS.count),
      "count",
      "listed on the Excluded Holdings sheet",
    ],
    [
      "Input rows rejected",
      num(input.rejectedRows, FORMATS.count),
      "count",
      "listed on the Excluded Holdings sheet",
    ],
  ];
  labelledSection(s, "Exposure summary (holdings, before hedge)", summary);
  s.blank();

  if (input.plan) hedgePlanSection(s, input.plan, ccy);
  labelledSection(
    s,
    input.plan ? "Alternative: one contract, DV01 ratio" : "Hedge (DV01 ratio on effective DV01)",
    [
      ["Instrument", { value: input.contract.name }, "", "one futures contract"],
      [
        "Contract DV01",
        num(hedge.contractDv01, FORMATS.money2),
        `${perBp(ccy)} per contract`,
        input.contract.dv01Source === "input"
          ? `input (the CTD model gives ${input.contract.modelDv01.toFixed(2)})`
          : `${input.contract.dv01Source}: forward DV01 ÷ conversion factor ${input.contract.conversionFactor.toFixed(4)}`,
      ],
      [
        "Yield beta",
        num(hedge.beta, FORMATS.ratio),
        "ratio",
        "portfolio yield change per hedge yield change",
      ],
      ["Target duration", num(hedge.targetDuration, FORMATS.years), "years", "effective"],
      [
        "Target DV01",
        num(hedge.targetDv01, FORMATS.money),
        perBp(ccy),
        "target duration × market value × 0.0001",
      ],
      [
        "DV01 gap (target − portfolio)",
        num(hedge.targetDv01 - hedge.portfolioDv01, FORMATS.money),
        perBp(ccy),
        "",
      ],
      [
        "Contracts to trade",
        num(hedge.contracts, FORMATS.count, "total"),
        hedge.contracts < 0 ? "SELL (negative)" : "BUY",
        "gap ÷ contract DV01 × β, rounded",
      ],
      [
        "DV01 after hedge",
        num(hedge.dv01After, FORMATS.money),
        perBp(ccy),
        "portfolio + contracts × contract DV01 ÷ β",
      ],
      [
        "Duration after hedge",
        num(hedge.durationAfter, FORMATS.years),
        "years",
        "DV01 after ÷ (market value × 0.0001)",
      ],
    ]
  );
  if (hedge.durationAfter < 0)
    s.row(["Warning: the hedge leaves the portfolio net short duration."], "warning");
  s.blank();

  s.row(["Key-rate profile", ...keys.map(tenorLabel)], "section");
  s.row([
    { value: "KRD, years (market-value weighted)", style: "label" },
    ...Array.from(c.krd, (v) => num(v, FORMATS.years)),
  ]);
  s.row([
    { value: `KR DV01, ${perBp(ccy)}`, style: "label" },
    ...Array.from(c.krDv01, (v) => num(v, FORMATS.money)),
  ]);
  s.blank();

  const sectorsAt = s.row(
    [
      "By sector",
      `Market value, ${ccy}`,
      "Weight",
      "Effective duration, yrs",
      "Contribution to duration, yrs",
      `DV01, ${perBp(ccy)}`,
      "Share of DV01",
      "Holdings",
      "Left out",
    ],
    "section"
  );
  for (const sec of sectorCurveExposure(h, cx)) {
    s.row([
      { value: sec.sector, style: "label" },
      num(sec.marketValue, FORMATS.money),
      num(sec.weight, FORMATS.percent),
      num(sec.effDuration, FORMATS.years),
      num(sec.durationContribution, FORMATS.years),
      num(sec.dv01, FORMATS.money),
      num(sec.dv01Share, FORMATS.percent),
      num(sec.included, FORMATS.count),
      num(sec.excluded, FORMATS.count),
    ]);
  }
  s.table("krSectors", sectorsAt);
  s.row(
    [
      "Total",
      num(c.marketValue, FORMATS.money),
      num(1, FORMATS.percent),
      num(c.effDuration, FORMATS.years),
      num(c.effDuration, FORMATS.years),
      num(c.dv01, FORMATS.money),
      num(1, FORMATS.percent),
      num(c.included, FORMATS.count),
      num(c.excluded, FORMATS.count),
    ],
    "total"
  );
  s.blank();
  breakdownSections(s, h, cx, input.settlement, input.currency ?? DEFAULT_CURRENCY);

  s.row([METHODS_NOTE], "note");
  return s.build(HEDGE_SHEET_NAME, widths, 0);
}
