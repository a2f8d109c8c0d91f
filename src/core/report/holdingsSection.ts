/**
 * The per-holding table of the recommendation sheet: terms, prices and every figure by method.
 *
 * With links to the user's holdings cells (holdingLinks.ts), the table is live where Excel can
 * keep it so: par, coupon, maturity, price, yield, frequency and basis follow the user's cells,
 * and the yield-based columns (yield from price, market value, modified duration, DV01) are
 * KEYRATE formulas on the row's own cells, so they move when a price is edited. The curve-based
 * columns (Z-spread, effective figures, KRDs) are values as of the run: they need the whole curve
 * job, which the wizard reruns. Each formula cell carries the value the run computed.
 */
import { Holdings } from "../holdings";
import { BASIS_NAMES, Basis } from "../bond";
import { HoldingExposure } from "../portfolio/yieldExposure";
import { PositionRisk } from "../portfolio/curveExposure";
import { tenorLabel } from "../curve";
import { Cell, CellStyle, FORMATS, num, perBp, reportCurrency } from "./sheetModel";
import { HoldingLinks, LinkedField } from "../holdings/holdingLinks";
import { columnName } from "../a1";

/** Columns that formulas refer to, and the settlement date's cell. */
type Key =
  | "settlement"
  | "par"
  | "coupon"
  | "maturity"
  | "price"
  | "yield"
  | "mv"
  | "modified"
  | "dv01y"
  | "frequency"
  | "basis"
  | "inTotals";

interface Column {
  readonly header: string;
  readonly width: number;
  readonly key?: Key;
  /** The cell of holding i; `ref` gives the A1 address of another column in the same row. */
  readonly cell: (i: number, ref: (key: Key) => string) => Cell | string;
}

export interface HoldingsTable {
  /** Column widths in characters. */
  readonly widths: number[];
  /**
   * The header row and one row per holding, for a table whose header sits at 0-based `headerRow`;
   * live formulas take the settlement date from `settlementCell` ("$B$6").
   */
  rows(
    headerRow: number,
    settlementCell: string
  ): { cells: (Cell | string)[]; style?: CellStyle }[];
  /** 0-based column of a keyed column (for totals that sum it). */
  column(key: "mv" | "dv01y" | "inTotals"): number;
}

/** A formula cell showing `result` (a non-finite result makes it a plain empty value). */
function formula(text: string, result: number, numFmt: string): Cell {
  return Number.isFinite(result)
    ? { value: { formula: text, result }, numFmt }
    : num(result, numFmt);
}

/** Header row and one row per holding; with `perHoldingKrd`, a KRD column per key. */
export function holdingsSection(
  h: Holdings,
  x: HoldingExposure,
  cx: PositionRisk,
  perHoldingKrd: boolean,
  links?: HoldingLinks
): HoldingsTable {
  const r = cx.risk;
  const nk = r.keysMonths.length;
  const ccy = reportCurrency(h.currency);
  const included = (i: number) => x.excluded[i] === null && cx.excluded[i] === null;
  const linked = (field: LinkedField, i: number) => links?.[field][i] ?? null;
  /** A linked input: "='Holdings'!E5" showing the value read, or the value itself. */
  const input = (field: LinkedField, value: number, numFmt: string) => (i: number) => {
    const link = linked(field, i);
    return link ? formula(link, value, numFmt) : num(value, numFmt);
  };
  // A row is live when its bond terms follow the user's cells and the bullet model prices it. A
  // holding with an issue or first coupon date (an odd first period) stays values: the live
  // formulas carry no issue or first coupon argument, so they would price it as a regular bond.
  const liveTerms = (i: number) =>
    links !== undefined &&
    included(i) &&
    Number.isNaN(h.issueDate[i]) &&
    Number.isNaN(h.firstCoupon[i]) &&
    (["coupon", "maturity"] as const).every((f) => linked(f, i) !== null);
  const priceLive = (i: number) => liveTerms(i) && linked("price", i) !== null;
  const yieldLive = (i: number) =>
    liveTerms(i) && (linked("yield", i) !== null || linked("price", i) !== null);
  const bond = (ref: (key: Key) => string) =>
    `${ref("settlement")},${ref("maturity")},${ref("coupon")}`;
  const conventions = (ref: (key: Key) => string) => `${ref("frequency")},${ref("basis")}`;

  const columns: Column[] = [
    { header: "ID", width: 34, cell: (i) => h.id[i] },
    { header: "Description", width: 30, cell: (i) => h.description[i] },
    { header: "Sector", width: 14, cell: (i) => h.sector[i] },
    { header: "Type", width: 10, cell: (i) => h.type[i] },
    {
      header: `Par, ${ccy}`,
      width: 16,
      key: "par",
      cell: (i) => input("par", h.par[i], FORMATS.money)(i),
    },
    {
      header: "Coupon",
      width: 10,
      key: "coupon",
      cell: (i) => input("coupon", h.coupon[i], FORMATS.rate)(i),
    },
    {
      header: "Maturity",
      width: 12,
      key: "maturity",
      cell: (i) => input("maturity", h.maturity[i], FORMATS.date)(i),
    },
    {
      header: "Clean price",
      width: 12,
      key: "price",
      cell: (i, ref) => {
        if (priceLive(i)) return input("price", cx.clean[i], FORMATS.price)(i);
        // No price given: the price of the given yield, live when the yield is linked.
        if (liveTerms(i) && Number.isNaN(h.price[i]) && linked("yield", i))
          return formula(
            `KEYRATE.PRICE(${bond(ref)},${ref("yield")},${conventions(ref)})`,
            cx.clean[i],
            FORMATS.price
          );
        return num(cx.clean[i], FORMATS.price);
      },
    },
    {
      header: "Yield to maturity",
      width: 12,
      key: "yield",
      cell: (i, ref) => {
        if (liveTerms(i) && linked("yield", i)) return input("yield", x.yld[i], FORMATS.rate)(i);
        if (priceLive(i) && Number.isNaN(h.yld[i]))
          return formula(
            `KEYRATE.YIELD(${bond(ref)},${ref("price")},${conventions(ref)})`,
            x.yld[i],
            FORMATS.rate
          );
        return num(x.yld[i], FORMATS.rate);
      },
    },
    {
      header: `Market value (dirty), ${ccy}`,
      width: 18,
      key: "mv",
      cell: (i, ref) =>
        yieldLive(i)
          ? formula(
              `${ref("par")}*(${ref("price")}+KEYRATE.ACCRUED(${bond(ref)},${conventions(ref)}))/100`,
              cx.marketValue[i],
              FORMATS.money
            )
          : num(cx.marketValue[i], FORMATS.money),
    },
    {
      header: "Z-spread (cont.), bp",
      width: 12,
      cell: (i) => num(r.zspread[i] * 1e4, FORMATS.bp),
    },
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
    {
      header: `DV01 (effective), ${perBp(ccy)}`,
      width: 14,
      cell: (i) => num(cx.dv01[i], FORMATS.money2),
    },
    {
      header: "Modified duration (yield), yrs",
      width: 14,
      key: "modified",
      cell: (i, ref) =>
        yieldLive(i)
          ? formula(
              `KEYRATE.DURATION_MOD(${bond(ref)},${ref("yield")},${conventions(ref)})`,
              x.modified[i],
              FORMATS.years
            )
          : num(x.modified[i], FORMATS.years),
    },
    {
      header: `DV01 (yield), ${perBp(ccy)}`,
      width: 14,
      key: "dv01y",
      cell: (i, ref) =>
        yieldLive(i)
          ? formula(
              `KEYRATE.DV01(${bond(ref)},${ref("yield")},${conventions(ref)},${ref("par")})`,
              x.dv01[i],
              FORMATS.money2
            )
          : // Out of the yield-based totals (floaters, MBS): no yield DV01 to show or sum.
            num(x.excluded[i] === null ? x.dv01[i] : NaN, FORMATS.money2),
    },
    {
      header: "Coupons / yr",
      width: 10,
      key: "frequency",
      cell: (i) => input("frequency", h.frequency[i], FORMATS.count)(i),
    },
    {
      header: "Basis",
      width: 7,
      key: "basis",
      cell: (i) => input("basis", h.basis[i], FORMATS.count)(i),
    },
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
  columns.push(
    {
      header: "In totals",
      width: 9,
      key: "inTotals",
      // In the (curve) totals: floaters and MBS are, though their yield-based cells stay empty.
      cell: (i) => (cx.excluded[i] === null ? "yes" : "no"),
    },
    {
      header: "Note",
      width: 36,
      // Why a row is out of the totals, or (in them) why its yield-based cells are empty.
      cell: (i) => [cx.excluded[i] ?? x.excluded[i], cx.flag[i]].filter(Boolean).join("; "),
    }
  );
  const at = (key: Key) => columns.findIndex((c) => c.key === key);
  return {
    widths: columns.map((c) => c.width),
    column: at,
    rows(headerRow, settlementCell) {
      const rows: { cells: (Cell | string)[]; style?: CellStyle }[] = [
        { cells: columns.map((c) => c.header), style: "header" },
      ];
      for (let i = 0; i < h.count; i++) {
        const row = headerRow + 2 + i; // 1-based worksheet row of holding i
        const ref = (key: Key) =>
          key === "settlement" ? settlementCell : `${columnName(at(key))}${row}`;
        rows.push({ cells: columns.map((c) => c.cell(i, ref)) });
      }
      return rows;
    },
  };
}
