/**
 * The "Holdings Risk" sheet: every holding with its terms, prices and figures by method
 * (holdingsSection.ts), the run-time checks, and the yield-based totals over the table. Its own
 * sheet, so that the Hedge Recommendation prints at a legible scale: the table is over twenty
 * columns wide, and a sheet prints at one scale. With links to the user's holdings the table and
 * its totals are live formulas; their settlement date is this sheet's own cell.
 */
import { isoFromSerial } from "../dates";
import { Holdings } from "../holdings";
import { totals } from "../portfolio/yieldExposure";
import { PositionRisk, curveTotals, reconcile } from "../portfolio/curveExposure";
import { FORMATS, SheetBuilder, SheetModel, num, perBp, reportCurrency } from "./sheetModel";
import { holdingsSection } from "./holdingsSection";
import { columnName } from "../a1";
import { HedgeReportInput, METHODS_NOTE, labelledSection } from "./hedgeSheet";

export const HOLDINGS_RISK_SHEET_NAME = "Holdings Risk";

/** Builds the sheet from the hedge sheet's input. */
export function buildHoldingsRiskSheet(input: HedgeReportInput): SheetModel {
  const { holdings: h, exposure: x, curveExposure: cx } = input;
  const y = totals(x);
  const c = curveTotals(cx);
  const ccy = reportCurrency(h.currency);
  const table = holdingsSection(h, x, cx, input.perHoldingKrd ?? false, input.links);
  const s = new SheetBuilder(table.widths.length);
  s.row(["keyrate — Holdings Risk"], "title");
  s.row(
    [
      `Settlement ${isoFromSerial(input.settlement)} · run ${input.runDate} · holdings from ${input.source}`,
    ],
    "subtitle"
  );
  s.row([`Curve: ${input.curveDescription}`], "subtitle");
  s.blank();
  const [settlementAt, mvAt, dv01At] = labelledSection(s, "Totals (holdings in totals)", [
    [
      "Settlement date",
      num(input.settlement, FORMATS.date),
      "date",
      "the date every figure is computed at",
    ],
    ["Market value", num(c.marketValue, FORMATS.money), ccy, "par × (clean + accrued) / 100"],
    ["DV01 (yield)", num(y.dv01, FORMATS.money), perBp(ccy), "−dP/dy × 0.0001, summed"],
    ["Holdings in totals", num(c.included, FORMATS.count), "count", ""],
  ]);
  s.blank();
  checksSection(s, h, cx);
  s.row(["Holdings"], "section");
  const holdingsAt = s.length;
  for (const row of table.rows(holdingsAt, `$B$${settlementAt + 1}`)) s.row(row.cells, row.style);
  s.table("krHoldings", holdingsAt);
  if (input.links) {
    // The yield-based totals follow the table: sums over the holdings in the totals.
    const span = (key: "mv" | "dv01y" | "inTotals") => {
      const col = columnName(table.column(key));
      return `${col}${holdingsAt + 2}:${col}${holdingsAt + 1 + h.count}`;
    };
    const sumIn = (key: "mv" | "dv01y") => `SUMIFS(${span(key)},${span("inTotals")},"yes")`;
    s.set(mvAt, 1, {
      value: { formula: sumIn("mv"), result: c.marketValue },
      numFmt: FORMATS.money,
    });
    s.set(dv01At, 1, {
      value: { formula: sumIn("dv01y"), result: y.dv01 },
      numFmt: FORMATS.money,
    });
  }
  s.blank();
  s.row([METHODS_NOTE], "note");
  return s.build(HOLDINGS_RISK_SHEET_NAME, table.widths, 0);
}

/** Run-time checks: KRD sums and vendor reconciliation, listed by holding. */
function checksSection(s: SheetBuilder, h: Holdings, cx: PositionRisk): void {
  const flags = cx.flag.map((f, i) => [i, f] as const).filter(([, f]) => f);
  const recon = reconcile(h, cx);
  const off = recon.filter((r) => r.flagged);
  s.row(["Checks"], "section");
  s.row([
    { value: "KRD sums; price against given yield (1 bp)", style: "label" },
    flags.length ? `${flags.length} holdings flagged` : "ok, every holding",
  ]);
  for (const [i, f] of flags) s.row([h.id[i], f], "warning");
  s.row([
    { value: "Vendor figures", style: "label" },
    recon.length
      ? `${recon.length} compared, ${off.length} beyond tolerance (duration 0.1 yrs, DV01 5%)`
      : "none given",
  ]);
  for (const r of off) {
    s.row(
      [
        h.id[r.index],
        `vendor ${r.field} ${r.vendor.toFixed(3)} vs ours ${r.ours.toFixed(3)} (effective)`,
        num(r.difference, FORMATS.years),
      ],
      "warning"
    );
  }
  s.blank();
}
