/* global Excel */
/**
 * The range the Holdings step checked, in words and lists: its address, row count and time of
 * the check; how Excel's current region goes beyond it; the rows that will not be in the totals.
 */
import { columnLetters } from "../core/holdings";
import { excludedHoldings, exclusionSentence } from "../core/report/excludedSection";
import { h } from "./dom";
import { Block, selectCell } from "./workbookIO";

/** Rows rejected and holdings left out, before or after a run, with the holdings' currency. */
export type Exclusion = ReturnType<typeof excludedHoldings> & { currency: string };

/** Where a range sits: 1-based first row, 0-based first column, and its size. */
export interface RangeExtent {
  readonly originRow: number;
  readonly originColumn: number;
  readonly rows: number;
  readonly columns: number;
}

/** The range last checked: what Write runs. */
export interface CheckedRange {
  /** Address with the sheet, e.g. "Holdings!A1:L301". */
  readonly address: string;
  /** Non-empty data rows. */
  readonly rows: number;
  /** Rows usable at the settlement date. */
  readonly usable: number;
  /** When it was checked. */
  readonly at: Date;
  /** Settlement date it was checked at, Excel serial. */
  readonly settlement: number;
  /** "the data continues below row 150 to row 301" when the current region is larger; else "". */
  readonly partial: string;
  /** Where it sits: 1-based first row, 0-based first column, rows and columns. */
  readonly extent: RangeExtent;
  /** Excel's current region around it, when larger ("Holdings!A1:L301"). */
  readonly region?: string;
  /** Rows rejected and holdings left out by type, before the run (see excludedSection). */
  readonly exclusion: Exclusion;
}

/** HH:MM, local time. */
export function clockTime(d: Date): string {
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

/** "Holdings!A1:L301, 300 rows, checked 14:02". */
export function describeChecked(c: CheckedRange): string {
  return `${c.address}, ${c.rows.toLocaleString("en-US")} rows, checked ${clockTime(c.at)}`;
}

/**
 * How the current region goes beyond a checked range, in words; "" when it does not.
 * @param range 1-based first row, 0-based first column and size of the checked range.
 */
export function partialRange(range: RangeExtent, region: Block): string {
  const parts: string[] = [];
  const last = range.originRow + range.rows - 1;
  const regionLast = region.rowIndex + region.rowCount;
  const lastColumn = range.originColumn + range.columns - 1;
  const regionLastColumn = region.columnIndex + region.columnCount - 1;
  if (regionLast > last) parts.push(`the data continues below row ${last} to row ${regionLast}`);
  if (region.rowIndex + 1 < range.originRow)
    parts.push(`the data starts above row ${range.originRow}, at row ${region.rowIndex + 1}`);
  if (regionLastColumn > lastColumn)
    parts.push(
      `the data continues right of column ${columnLetters(lastColumn)} to column ${columnLetters(regionLastColumn)}`
    );
  if (region.columnIndex < range.originColumn)
    parts.push(
      `the data starts left of column ${columnLetters(range.originColumn)}, at column ${columnLetters(region.columnIndex)}`
    );
  return parts.join("; ");
}

/** The rows not in the totals, before the run: row (a link), ID, why, market value and share. */
export function showExcluded(el: HTMLElement, x: Exclusion): void {
  el.replaceChildren(
    h("p", { id: "kr-exclusion" }, `${exclusionSentence(x.summary, x.currency)}.`)
  );
  if (x.rows.length === 0) return;
  const money = (v: number | null) =>
    v === null ? "unknown" : Math.round(v).toLocaleString("en-US");
  const rows = x.rows.map((r) => {
    const link = h("button", { class: "kr-link", title: `Select ${r.cell}` }, String(r.row));
    link.addEventListener(
      "click",
      () => void Excel.run((context) => selectCell(context, r.cell.split(":")[0]))
    );
    return h(
      "tr",
      {},
      h("td", {}, link),
      h("td", {}, r.id || "(no ID)"),
      h("td", {}, r.status === "rejected" ? `rejected: ${r.reason}` : r.reason),
      h("td", { class: "kr-number" }, money(r.marketValue)),
      h(
        "td",
        { class: "kr-number" },
        r.share === null ? "unknown" : `${(r.share * 100).toFixed(2)}%`
      )
    );
  });
  el.append(
    h(
      "details",
      { id: "kr-excluded-details" },
      h("summary", {}, `Not in the totals: ${x.rows.length} row${x.rows.length > 1 ? "s" : ""}`),
      h(
        "table",
        { id: "kr-excluded-table", class: "kr-mapping" },
        h(
          "tr",
          {},
          ...["Row", "ID", "Why", `Value, ${x.currency}`, "Share"].map((t) => h("th", {}, t))
        ),
        ...rows
      ),
      h(
        "p",
        { class: "kr-muted" },
        "Value: par × clean price / 100. At Write a holding whose price no Z-spread reprices is left out too; the Excluded Holdings sheet gives the run's account."
      )
    )
  );
}
