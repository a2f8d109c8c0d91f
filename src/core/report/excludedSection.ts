/** The "Excluded Holdings" sheet of a run's exclusions (run/exclusions.ts). */
import { isoFromSerial } from "../dates";
import { ExcludedRow, ExclusionSummary, exclusionSentence, millions } from "../run/exclusions";
import { FORMATS, SheetBuilder, SheetModel, num } from "./sheetModel";

export { excludedHoldings, exclusionSentence, millions } from "../run/exclusions";
export type { ExcludedRow, ExclusionSummary, ExclusionInput } from "../run/exclusions";

export interface ExcludedSheetInput {
  readonly rows: readonly ExcludedRow[];
  readonly summary: ExclusionSummary;
  /** Holdings range, e.g. "Holdings!A1:L301". */
  readonly source: string;
  /** Settlement date, Excel serial. */
  readonly settlement: number;
  /** ISO currency code of the holdings. */
  readonly currency: string;
  readonly runDate: string;
}

const HEADERS = [
  "Row",
  "ID",
  "Status",
  "Reason",
  "Par",
  "Clean price",
  "Market value",
  "Share of book value",
];

/** The "Excluded Holdings" sheet: the account line and a table of every excluded row. */
export function buildExcludedSheet(x: ExcludedSheetInput): SheetModel {
  const b = new SheetBuilder(HEADERS.length);
  b.row(["Excluded holdings: rows not in the totals"], "title");
  b.row([`${x.source} · settlement ${isoFromSerial(x.settlement)} · run ${x.runDate}`], "subtitle");
  b.row([exclusionSentence(x.summary, x.currency)], "label");
  b.row(
    [
      `Market value: par × clean price / 100, ${x.currency} (unknown where par or price cannot be read); share of the book's value on the same basis (${millions(x.summary.bookValue)} ${x.currency}).`,
    ],
    "note"
  );
  b.blank();
  if (x.rows.length === 0) {
    b.row(["None: every row checked is in the totals."], "note");
    return b.build("Excluded Holdings", WIDTHS, 0);
  }
  const header = b.row(
    HEADERS.map((t) =>
      t === "Market value" ? `Market value, ${x.currency}` : t === "Par" ? `Par, ${x.currency}` : t
    ),
    "header"
  );
  for (const r of x.rows) {
    b.row([
      num(r.row, "0"),
      r.id,
      r.status,
      r.reason,
      r.par === null ? "unknown" : num(r.par, FORMATS.money),
      r.price === null ? "unknown" : num(r.price, FORMATS.price),
      r.marketValue === null ? "unknown" : num(r.marketValue, FORMATS.money),
      r.share === null ? "unknown" : num(r.share, FORMATS.percent),
    ]);
  }
  b.table("krExcluded", header);
  return b.build("Excluded Holdings", WIDTHS, header + 1);
}

const WIDTHS = [7, 16, 10, 60, 16, 11, 16, 12];
