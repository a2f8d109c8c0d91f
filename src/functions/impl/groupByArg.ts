/**
 * PORTFOLIO's `group_by` argument: a grouping word ("sector", the default; "rating", "maturity",
 * "issuer", "currency", "type") or a header of the holdings range, grouped by that column's text
 * (core/portfolio/groupingNamed.ts, as `keyrate measure --group-by`).
 */
import { Holdings } from "../../core/holdings";
import { GroupCurveExposure, PositionRisk } from "../../core/portfolio/curveExposure";
import { exposureBy, groupingNamed } from "../../core/portfolio/groupingNamed";
import { Arg, Matrix } from "./cells";
import { singleCell } from "./curveArgs";

export { BLANK_GROUP } from "../../core/portfolio/groupingNamed";

export interface Grouped {
  /** Header of the table's first column: "Sector", "Rating", "Years to maturity", a header. */
  readonly title: string;
  readonly groups: GroupCurveExposure[];
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
  const g = groupingNamed(
    given === undefined ? "sector" : String(given),
    h,
    { values },
    settlement
  );
  return { title: g.title, groups: exposureBy(x, g) };
}
