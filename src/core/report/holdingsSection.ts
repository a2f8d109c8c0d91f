/** The per-holding table of the recommendation sheet: terms, prices and every figure by method. */
import { Holdings } from "../holdings";
import { BASIS_NAMES, Basis } from "../bond";
import { HoldingExposure } from "../portfolio/yieldExposure";
import { CurveHoldingExposure } from "../portfolio/curveExposure";
import { tenorLabel } from "../curve";
import { Cell, CellStyle, FORMATS, num } from "./sheetModel";

interface Column {
  readonly header: string;
  readonly width: number;
  readonly cell: (i: number) => Cell | string;
}

export interface HoldingsTable {
  readonly rows: { cells: (Cell | string)[]; style?: CellStyle }[];
  readonly widths: number[];
}

/** Header row and one row per holding; with `perHoldingKrd`, a KRD column per key. */
export function holdingsSection(
  h: Holdings,
  x: HoldingExposure,
  cx: CurveHoldingExposure,
  perHoldingKrd: boolean
): HoldingsTable {
  const r = cx.risk;
  const nk = r.keysMonths.length;
  const columns: Column[] = [
    { header: "ID", width: 34, cell: (i) => h.id[i] },
    { header: "Description", width: 30, cell: (i) => h.description[i] },
    { header: "Sector", width: 14, cell: (i) => h.sector[i] },
    { header: "Type", width: 10, cell: (i) => h.type[i] },
    { header: "Par", width: 16, cell: (i) => num(h.par[i], FORMATS.money) },
    { header: "Coupon", width: 10, cell: (i) => num(h.coupon[i], FORMATS.rate) },
    { header: "Maturity", width: 12, cell: (i) => num(h.maturity[i], FORMATS.date) },
    { header: "Clean price", width: 12, cell: (i) => num(cx.clean[i], FORMATS.price) },
    { header: "Yield to maturity", width: 12, cell: (i) => num(x.yld[i], FORMATS.rate) },
    {
      header: "Market value (dirty)",
      width: 18,
      cell: (i) => num(cx.marketValue[i], FORMATS.money),
    },
    { header: "Z-spread (cont.)", width: 12, cell: (i) => num(r.zspread[i], FORMATS.rate) },
    {
      header: "Effective duration, yrs",
      width: 14,
      cell: (i) => num(r.effDuration[i], FORMATS.years),
    },
    {
      header: "Effective convexity, yrs²",
      width: 14,
      cell: (i) => num(r.effConvexity[i], FORMATS.years2),
    },
    {
      header: "Spread duration, yrs",
      width: 14,
      cell: (i) => num(r.spreadDuration[i], FORMATS.years),
    },
    { header: "DV01 (effective), per bp", width: 14, cell: (i) => num(cx.dv01[i], FORMATS.money2) },
    {
      header: "Modified duration (yield), yrs",
      width: 14,
      cell: (i) => num(x.modified[i], FORMATS.years),
    },
    { header: "DV01 (yield), per bp", width: 14, cell: (i) => num(x.dv01[i], FORMATS.money2) },
    { header: "Coupons / yr", width: 10, cell: (i) => num(h.frequency[i], FORMATS.count) },
    { header: "Day count", width: 18, cell: (i) => BASIS_NAMES[h.basis[i] as Basis] },
  ];
  if (perHoldingKrd) {
    r.keysMonths.forEach((m, k) =>
      columns.push({
        header: `KRD ${tenorLabel(m)}, yrs`,
        width: 10,
        cell: (i) => num(r.krd[i * nk + k], FORMATS.years),
      })
    );
  }
  columns.push({
    header: "Note",
    width: 36,
    cell: (i) => [cx.excluded[i], cx.flag[i]].filter(Boolean).join("; "),
  });
  const rows: HoldingsTable["rows"] = [{ cells: columns.map((c) => c.header), style: "header" }];
  for (let i = 0; i < h.count; i++) rows.push({ cells: columns.map((c) => c.cell(i)) });
  return { rows, widths: columns.map((c) => c.width) };
}
