/**
 * A grouping named by text, as `PORTFOLIO(…, group_by)` and `keyrate measure --group-by` take it:
 * a grouping word ("sector", "rating", "maturity", "issuer", "currency", "type"), a header whose
 * field is one ("Credit Rating" → rating), or any other header of the holdings range, grouped by
 * that column's text (holdings with an empty cell in "(blank)", groups by market value, largest
 * first). Every grouping goes through the one aggregation (groupCurveExposure).
 */
import { InvalidValueError } from "../errors";
import { cellText, cellValue } from "../holdings/cells";
import { fieldOfHeader, normalizeHeader } from "../holdings/columns";
import { Holdings } from "../holdings";
import { groupCurveExposure, GroupCurveExposure, PositionRisk } from "./curveExposure";
import { GROUP_BY, GroupBy, holdingGrouping, HoldingGrouping } from "./groupings";

/** Label of holdings whose grouping column is empty. */
export const BLANK_GROUP = "(blank)";

/** The holdings range a grouping reads a column of, as it was given to readHoldings. */
export interface GroupingRange {
  /** The range's rows, as read (preamble rows, header row, holdings). */
  readonly values: readonly (readonly unknown[])[];
  /** Row number of the range's first row (readHoldings' originRow; default 1). */
  readonly originRow?: number;
  /** Row number of the header row (ReadHoldingsResult.headerRow; default the first row). */
  readonly headerRow?: number;
}

/** A grouping word, or a header whose field is one ("Credit Rating" → "rating"). */
function groupingWord(text: string): GroupBy | undefined {
  const word = text.trim().toLowerCase();
  if ((GROUP_BY as readonly string[]).includes(word)) return word as GroupBy;
  const field = fieldOfHeader(text);
  return field && (GROUP_BY as readonly string[]).includes(field) ? (field as GroupBy) : undefined;
}

/**
 * The grouping `text` names (see the file comment) over holdings `h` read from `range`.
 * @param settlement Excel serial (maturity buckets count years from it).
 * @param argument Name of the argument or option in messages ("group_by", "--group-by").
 * @throws InvalidValueError naming the words and headers accepted when the text is neither.
 */
export function groupingNamed(
  text: string,
  h: Holdings,
  range: GroupingRange,
  settlement: number,
  argument = "group_by"
): HoldingGrouping {
  const named = groupingWord(text);
  if (named) return holdingGrouping(h, named, settlement);
  const originRow = range.originRow ?? 1;
  const headerRow = range.headerRow ?? originRow;
  const headers = (range.values[headerRow - originRow] ?? []).map((v) => cellText(cellValue(v)));
  const column = headers.findIndex((t) => t !== "" && normalizeHeader(t) === normalizeHeader(text));
  if (column < 0) {
    const known = headers.filter((t) => t).join(", ");
    throw new InvalidValueError(
      `${argument}: found "${text}"; expected ${GROUP_BY.join(", ")} or a header of the holdings range (${known.length > 200 ? `${known.slice(0, 200)}…` : known})`,
      text,
      argument
    );
  }
  return {
    title: headers[column],
    groupOf: (i) =>
      cellText(cellValue(range.values[h.sourceRow[i] - originRow]?.[column])) || BLANK_GROUP,
    sort: (g) => g.sort((a, b) => b.marketValue - a.marketValue),
  };
}

/** Totals per group of a grouping, in its display order. */
export function exposureBy(x: PositionRisk, g: HoldingGrouping): GroupCurveExposure[] {
  return g.sort(groupCurveExposure(x, g.groupOf));
}
