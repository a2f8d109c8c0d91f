/**
 * The layout of a holdings range as vendors export it: preamble lines above the header row
 * (`Fund Holdings as of,"Dec 03, 2026"`), the data, and footer text below it (disclaimers). The
 * header row is the first of the top rows that names the columns a holdings table needs; the
 * footer is the run of rows at the bottom that carry text but none of the holdings' numbers.
 */
import { clip } from "../dates";
import { cellText, cellValue, isEmptyRow } from "./cells";
import { matchColumns } from "./columns";
import { ColumnMapping, ColumnOverride, HoldingField, SkippedRow } from "./types";

/** How many top rows are searched for the header row. */
export const HEADER_SEARCH_ROWS = 40;

/** Fields whose presence marks a header row. */
const KEY_FIELDS: readonly HoldingField[] = ["id", "par", "coupon", "maturity", "price", "yield"];

/** Number of key fields a header row maps. */
function keyCount(mapping: ColumnMapping): number {
  return KEY_FIELDS.filter((f) => mapping[f] !== null).length;
}

/** A row's non-empty cells as one line of text, for naming a skipped row. */
export function rowText(row: readonly unknown[]): string {
  const cells = row.map((v) => cellText(cellValue(v))).filter((t) => t !== "");
  return clip(cells.join(", "), 80);
}

/** Where the data of a range lies. */
export interface RangeLayout {
  /** Index in the range of the header row. */
  readonly header: number;
  /** Index one past the last data row (footer rows start here). */
  readonly end: number;
  /** The column mapping of the header row. */
  readonly mapping: ColumnMapping;
}

/**
 * Finds the header row (the first of the top {@link HEADER_SEARCH_ROWS} rows mapping three or
 * more of id, par, coupon, maturity, price and yield, including id; the first row when none does)
 * and the end of the data (before trailing rows whose par, coupon, maturity, price, yield and
 * market value cells are all empty).
 */
export function findLayout(
  values: readonly (readonly unknown[])[],
  override: ColumnOverride = {}
): RangeLayout {
  let header = 0;
  let mapping = matchColumns(values[0] ?? [], override);
  if (!(mapping.id !== null && keyCount(mapping) >= 3)) {
    const limit = Math.min(values.length, HEADER_SEARCH_ROWS);
    for (let r = 1; r < limit; r++) {
      if (isEmptyRow(values[r])) continue;
      const m = matchColumns(values[r], override);
      if (m.id !== null && keyCount(m) >= 3) {
        header = r;
        mapping = m;
        break;
      }
    }
  }
  // Footer text often sits in the first column, which may be the id's: an id alone is not data.
  const keys = (["par", "coupon", "maturity", "price", "yield", "vendor_market_value"] as const)
    .map((f) => mapping[f])
    .filter((m) => m !== null);
  let end = values.length;
  if (keys.length > 0) {
    while (end > header + 1) {
      const row = values[end - 1];
      if (!isEmptyRow(row) && keys.some((m) => cellValue(row[m.index]) !== null)) break;
      end--;
    }
  }
  return { header, end, mapping };
}

/** The preamble and footer rows of a layout, named with their worksheet rows. */
export function skippedRows(
  values: readonly (readonly unknown[])[],
  layout: RangeLayout,
  originRow: number
): SkippedRow[] {
  const out: SkippedRow[] = [];
  const add = (r: number, why: SkippedRow["why"]): void => {
    if (!isEmptyRow(values[r])) out.push({ row: originRow + r, why, text: rowText(values[r]) });
  };
  for (let r = 0; r < layout.header; r++) add(r, "preamble");
  for (let r = layout.end; r < values.length; r++) add(r, "footer");
  return out;
}
