/**
 * What a run leaves out of its totals, row by row: rows rejected when the holdings were read at the
 * settlement date (matured, unreadable cells, …) and holdings read but left out of the totals
 * (callables and MBS need option-adjusted analytics, a price no Z-spread reprices, …), each with
 * its worksheet row, ID, reason, market value and share of the book's value. The task pane lists
 * them before Write; the run record keeps them and the workbook gets the "Excluded Holdings" sheet
 * (report/excludedSection.ts).
 *
 * Market value here is clean: par × clean price / 100, money in the holdings' currency, for every
 * row alike (a rejected row's price as given; a holding's clean price as the run used it, given or
 * from its yield), "unknown" (null) where par or price cannot be read. The share is of the book's
 * value on the same basis: the holdings in the totals plus every excluded row whose value is known.
 */
import {
  a1Address,
  ColumnMapping,
  HoldingProblem,
  Holdings,
  cellNumber,
  cellText,
  cellValue,
} from "../holdings";

/** One row that is not in the totals. */
export interface ExcludedRow {
  /** Worksheet row, 1-based. */
  readonly row: number;
  /** The row's ID as written ("" when the cell is empty). */
  readonly id: string;
  /** "rejected": not read as a holding; "left out": read, but not in the totals. */
  readonly status: "rejected" | "left out";
  /** Why, in words (a rejected row: its problems, one per cell). */
  readonly reason: string;
  /** The first cell concerned, A1 with the sheet ("Holdings!D17"). */
  readonly cell: string;
  readonly par: number | null;
  /** Clean price per 100 of par. */
  readonly price: number | null;
  /** par × price / 100, money; null when unknown. */
  readonly marketValue: number | null;
  /** marketValue ÷ the book's value; null when unknown. */
  readonly share: number | null;
}

/** The count and value of what was checked, in the totals and left out. */
export interface ExclusionSummary {
  /** Non-empty data rows checked. */
  readonly rowsChecked: number;
  readonly inTotals: number;
  /** Rejected rows plus holdings left out. */
  readonly leftOut: number;
  /** Value of the excluded rows whose value is known, money (clean). */
  readonly leftOutValue: number;
  /** Excluded rows of unknown value. */
  readonly unknownValues: number;
  /** The book's value (clean): in totals plus excluded rows of known value. */
  readonly bookValue: number;
  /** leftOutValue ÷ bookValue (NaN when the book has no known value). */
  readonly share: number;
}

export interface ExclusionInput {
  /** The holdings range's values, header row first, as read. */
  readonly values: readonly (readonly unknown[])[];
  /** Worksheet name, 1-based row of the header row and 0-based column of the range's first column. */
  readonly sheet: string;
  readonly originRow: number;
  readonly originColumn: number;
  /** The column mapping the read used. */
  readonly mapping: ColumnMapping;
  readonly problems: readonly HoldingProblem[];
  readonly holdings: Holdings;
  /** Why each holding is out of the totals, or null (e.g. a run's curveExposure.excluded). */
  readonly reasons: readonly (string | null)[];
  /** Clean price per 100 per holding as the run used it; default the holdings' given prices. */
  readonly clean?: ArrayLike<number>;
}

const finite = (x: number | undefined): number | null =>
  x !== undefined && Number.isFinite(x) ? x : null;

/** The excluded rows in worksheet order and the summary. */
export function excludedHoldings(input: ExclusionInput): {
  rows: ExcludedRow[];
  summary: ExclusionSummary;
} {
  const { values, originRow, mapping, holdings: h } = input;
  const clean = input.clean ?? h.price;
  const raw = (row: number, field: "id" | "par" | "price") => {
    const m = mapping[field];
    return m ? cellValue(values[row - originRow]?.[m.index]) : null;
  };
  // Problems by data row (a problem at the header row is a missing column, not a row).
  const byRow = new Map<number, HoldingProblem[]>();
  for (const p of input.problems) {
    if (p.row === originRow) continue;
    byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
  }
  const pending: Omit<ExcludedRow, "share">[] = [];
  for (const [row, problems] of byRow) {
    const par = finite(cellNumber(raw(row, "par")));
    const price = finite(cellNumber(raw(row, "price")));
    pending.push({
      row,
      id: cellText(raw(row, "id")),
      status: "rejected",
      reason: problems
        .map((p) => `${p.column}: ${shown(p.value)}, expected ${p.expected}`)
        .join("; "),
      cell: problems[0].cell,
      par,
      price,
      marketValue: par !== null && price !== null ? (par * price) / 100 : null,
    });
  }
  let inTotalsValue = 0;
  let inTotals = 0;
  for (let i = 0; i < h.count; i++) {
    const price = finite(clean[i]);
    const value = price === null ? null : (h.par[i] * price) / 100;
    const reason = input.reasons[i];
    if (reason === null || reason === undefined) {
      inTotals++;
      inTotalsValue += value ?? 0;
      continue;
    }
    pending.push({
      row: h.sourceRow[i],
      id: h.id[i],
      status: "left out",
      reason: `${h.type[i]}: ${reason}`,
      cell: a1Address(input.sheet, h.sourceRow[i], input.originColumn + (mapping.id?.index ?? 0)),
      par: h.par[i],
      price,
      marketValue: value,
    });
  }
  pending.sort((a, b) => a.row - b.row);
  const known = pending.filter((r) => r.marketValue !== null);
  const leftOutValue = known.reduce((s, r) => s + r.marketValue!, 0);
  const bookValue = inTotalsValue + leftOutValue;
  const rows = pending.map((r) => ({
    ...r,
    share: r.marketValue === null || bookValue === 0 ? null : r.marketValue / bookValue,
  }));
  return {
    rows,
    summary: {
      rowsChecked: inTotals + pending.length,
      inTotals,
      leftOut: pending.length,
      leftOutValue,
      unknownValues: pending.length - known.length,
      bookValue,
      share: bookValue === 0 ? NaN : leftOutValue / bookValue,
    },
  };
}

/** A cell value for a message: dates as dates, text quoted, empty as "empty". */
function shown(v: unknown): string {
  if (v === null || v === undefined || v === "") return "empty";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}

/** Money in millions with one decimal: 43,712,000 → "43.7 m". */
export function millions(x: number): string {
  return `${(x / 1e6).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} m`;
}

/**
 * The one-line account: "300 rows checked: 295 in totals, 5 left out (43.7 m USD, 3.3% of the
 * book's value)".
 */
export function exclusionSentence(s: ExclusionSummary, currency: string): string {
  const head = `${s.rowsChecked.toLocaleString("en-US")} rows checked: ${s.inTotals.toLocaleString("en-US")} in totals, ${s.leftOut.toLocaleString("en-US")} left out`;
  if (s.leftOut === 0) return head;
  const unknown = s.unknownValues ? `; ${s.unknownValues} of unknown value` : "";
  const share = Number.isFinite(s.share) ? `, ${(s.share * 100).toFixed(1)}%` : "";
  return `${head} (${millions(s.leftOutValue)} ${currency}${share}${unknown})`;
}
