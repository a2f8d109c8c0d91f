/**
 * PORTFOLIO's `group_by` argument: a grouping word ("sector", the default; "rating", "maturity",
 * "issuer", "currency", "type") or a header of the holdings range, grouped by that column's text.
 * Every grouping goes through the one aggregation (core groupCurveExposure).
 */
import { InvalidValueError } from "../../core/errors";
import { cellText, cellValue } from "../../core/holdings/cells";
import { fieldOfHeader, normalizeHeader } from "../../core/holdings/columns";
import { Holdings } from "../../core/holdings";
import {
  groupCurveExposure,
  GroupCurveExposure,
  PositionRisk,
} from "../../core/portfolio/curveExposure";
import {
  GROUP_BY,
  GroupBy,
  groupedExposure,
  holdingGrouping,
} from "../../core/portfolio/groupings";
import { Arg, Matrix } from "./cells";
import { singleCell } from "./curveArgs";

/** Label of holdings whose grouping column is empty. */
export const BLANK_GROUP = "(blank)";

export interface Grouped {
  /** Header of the table's first column: "Sector", "Rating", "Years to maturity", a header. */
  readonly title: string;
  readonly groups: GroupCurveExposure[];
}

/** A holdings field that is also a grouping word ("Credit Rating" → "rating"). */
function namedGrouping(text: string): GroupBy | undefined {
  const word = text.trim().toLowerCase();
  if ((GROUP_BY as readonly string[]).includes(word)) return word as GroupBy;
  const field = fieldOfHeader(text);
  return field && (GROUP_BY as readonly string[]).includes(field) ? (field as GroupBy) : undefined;
}

/**
 * The groups of `group_by` (blank: sectors) over the holdings read from `values` (header row
 * first, holdings' sourceRow counting it as row 1).
 * @throws InvalidValueError naming the words and headers accepted when the text is neither.
 */
export function groupedBy(
  arg: Arg,
  values: Matrix,
  h: Holdings,
  x: PositionRisk,
  settlement: number
): Grouped {
  const given = singleCell(arg, "group_by");
  const text = given === undefined ? "sector" : String(given);
  const named = namedGrouping(text);
  if (named) {
    return {
      title: holdingGrouping(h, named, settlement).title,
      groups: groupedExposure(h, x, named, settlement),
    };
  }
  const headers = (values[0] ?? []).map((v) => cellText(cellValue(v)));
  const column = headers.findIndex((t) => t !== "" && normalizeHeader(t) === normalizeHeader(text));
  if (column < 0) {
    throw new InvalidValueError(
      `group_by: expected ${GROUP_BY.join(", ")} or a header of the holdings range (${headers.filter((t) => t).join(", ")}); found "${text}"`,
      text,
      "group_by"
    );
  }
  const groups = groupCurveExposure(
    x,
    (i) => cellText(cellValue(values[h.sourceRow[i] - 1]?.[column])) || BLANK_GROUP
  ).sort((a, b) => b.marketValue - a.marketValue);
  return { title: headers[column], groups };
}
