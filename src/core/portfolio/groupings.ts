/**
 * The groupings of a holdings table PORT users expect beside sectors — credit rating, maturity
 * bucket (buckets.ts), issuer, currency, structure — each a `groupOf(i)` for the one aggregation
 * `groupCurveExposure` (curveExposure.ts), with the order its table is shown in.
 */
import { Holdings } from "../holdings";
import { maturityBucketer, MATURITY_BUCKETS } from "./buckets";
import { groupCurveExposure, GroupCurveExposure, PositionRisk } from "./curveExposure";

/** A grouping named by a word; any other holdings column is grouped by the adapters. */
export type GroupBy =
  "sector" | "rating" | "maturity" | "issuer" | "currency" | "type" | "industry";
export const GROUP_BY: readonly GroupBy[] = [
  "sector",
  "rating",
  "maturity",
  "issuer",
  "currency",
  "type",
  "industry",
];

/** Label of holdings without a rating, an issuer. */
export const NOT_RATED = "not rated";
export const NO_ISSUER = "no issuer given";

/** S&P / Fitch scale, best first; Moody's grades map onto the same positions. */
const SP_SCALE = ["AAA", "AA+", "AA", "AA-", "A+", "A", "A-", "BBB+", "BBB", "BBB-", "BB+", "BB"];
const SP_LOW = ["BB-", "B+", "B", "B-", "CCC+", "CCC", "CCC-", "CC", "C", "D"];
const MOODYS = ["AAA", "AA1", "AA2", "AA3", "A1", "A2", "A3", "BAA1", "BAA2", "BAA3", "BA1", "BA2"];
const MOODYS_LOW = ["BA3", "B1", "B2", "B3", "CAA1", "CAA2", "CAA3", "CA", "C"];
const SP = [...SP_SCALE, ...SP_LOW];
const MOODY = [...MOODYS, ...MOODYS_LOW];

/** Position of a rating on the scale (0 = AAA/Aaa); unknown text after every grade. */
export function ratingRank(rating: string): number {
  const r = rating.trim().toUpperCase();
  if (r === "" || r === NOT_RATED.toUpperCase()) return SP.length + 2;
  const sp = SP.indexOf(r);
  if (sp >= 0) return sp;
  const m = MOODY.indexOf(r);
  return m >= 0 ? m : SP.length + 1;
}

/** A grouping: the label of holding i (undefined: in no group) and the order of the groups. */
export interface HoldingGrouping {
  /** Column header of the table: "Rating", "Years to maturity", "Issuer". */
  readonly title: string;
  readonly groupOf: (i: number) => string | undefined;
  /** Sorts the groups in place for display. */
  readonly sort: (groups: GroupCurveExposure[]) => GroupCurveExposure[];
}

const byValue = (g: GroupCurveExposure[]) => g.sort((a, b) => b.marketValue - a.marketValue);
const asGiven = (g: GroupCurveExposure[]) => g;

/**
 * The grouping `by` of holdings at `settlement` (Excel serial, for maturity buckets). Sectors keep
 * their order of first appearance, ratings go best first, maturity buckets shortest first, others
 * by market value, largest first.
 */
export function holdingGrouping(h: Holdings, by: GroupBy, settlement: number): HoldingGrouping {
  switch (by) {
    case "sector":
      return { title: "Sector", groupOf: (i) => h.sector[i], sort: asGiven };
    case "rating":
      return {
        title: "Rating",
        groupOf: (i) => h.rating[i].trim() || NOT_RATED,
        sort: (g) => g.sort((a, b) => ratingRank(a.group) - ratingRank(b.group)),
      };
    case "maturity": {
      const bucket = maturityBucketer(settlement);
      const order = (label: string) => MATURITY_BUCKETS.findIndex((b) => b.label === label);
      return {
        title: "Years to maturity",
        groupOf: (i) => bucket(h.maturity[i])?.label,
        sort: (g) => g.sort((a, b) => order(a.group) - order(b.group)),
      };
    }
    case "issuer":
      return { title: "Issuer", groupOf: (i) => h.issuer?.[i]?.trim() || NO_ISSUER, sort: byValue };
    case "currency":
      return { title: "Currency", groupOf: (i) => h.currency[i], sort: byValue };
    case "type":
      return { title: "Type", groupOf: (i) => h.type[i], sort: byValue };
    case "industry":
      // The file's own sector label ("Banking"), else the broad sector.
      return {
        title: "Industry",
        groupOf: (i) => h.group[i]?.trim() || h.sector[i],
        sort: byValue,
      };
  }
}

/**
 * Whether the file's sector labels are finer than the broad sectors ("Banking", "Insurance",
 * "Energy" all corporate): more distinct labels than broad sectors.
 */
export function hasIndustries(h: Holdings): boolean {
  const labels = new Set(h.group.map((g, i) => g.trim() || h.sector[i]));
  return labels.size > new Set(h.sector).size;
}

/** Whether the holdings are in more than one currency. */
export function hasCurrencies(h: Holdings): boolean {
  return new Set(h.currency).size > 1;
}

/** Whether any holding names its issuer (an issuer column was read and is not empty). */
export function hasIssuers(h: Holdings): boolean {
  return (h.issuer ?? []).some((s) => s.trim() !== "");
}

/** Totals per group of `by`, in the grouping's display order (see groupCurveExposure). */
export function groupedExposure(
  h: Holdings,
  x: PositionRisk,
  by: GroupBy,
  settlement: number
): GroupCurveExposure[] {
  const g = holdingGrouping(h, by, settlement);
  return g.sort(groupCurveExposure(x, g.groupOf));
}
