/**
 * The breakdowns PORT users expect beside sectors on the Hedge Recommendation sheet: by credit
 * rating, by maturity bucket (years to maturity from settlement, [a, b), buckets.ts) and by issuer
 * (when the holdings carry an issuer column). One table per grouping, each from the one
 * aggregation (groupCurveExposure), with a Total row equal to the portfolio's totals. Holdings
 * only: the hedge's trades are in no group, so every figure here is before the hedge.
 */
import { Holdings } from "../holdings";
import { curveTotals, GroupCurveExposure, PositionRisk } from "../portfolio/curveExposure";
import {
  groupedExposure,
  hasCurrencies,
  hasIndustries,
  hasIssuers,
  holdingGrouping,
} from "../portfolio/groupings";
import { groupCurveExposure } from "../portfolio/curveExposure";
import { Cell, FORMATS, SheetBuilder, num } from "./sheetModel";

/** Issuers shown by name, largest by market value first; the rest make one row. */
export const ISSUERS_SHOWN = 15;

/** Section titles (first header cell of each table). */
export const BREAKDOWN_TITLES = {
  rating: "By rating",
  maturity: "By maturity (years to maturity from settlement, [a, b))",
  issuer: "By issuer",
  industry: "By industry (the holdings file's sector labels)",
  currency: "By currency",
} as const;

/** The figure columns after the group's label, as in the sector table. */
function figureHeaders(currency: string): string[] {
  return [
    `Market value, ${currency}`,
    "Weight",
    "Effective duration, yrs",
    "Contribution to duration, yrs",
    `DV01, ${currency} per bp`,
    "Share of DV01",
    "Holdings",
    "Left out",
  ];
}

function figures(g: {
  marketValue: number;
  weight: number;
  effDuration: number;
  durationContribution: number;
  dv01: number;
  dv01Share: number;
  included: number;
  excluded: number;
}): Cell[] {
  return [
    num(g.marketValue, FORMATS.money),
    num(g.weight, FORMATS.percent),
    num(g.included ? g.effDuration : NaN, FORMATS.years),
    num(g.durationContribution, FORMATS.years),
    num(g.dv01, FORMATS.money),
    num(g.dv01Share, FORMATS.percent),
    num(g.included, FORMATS.count),
    num(g.excluded, FORMATS.count),
  ];
}

/** One breakdown table: header, a row per group, the Total row. */
function table(
  s: SheetBuilder,
  title: string,
  tableName: string,
  groups: GroupCurveExposure[],
  x: PositionRisk,
  currency: string
): void {
  const at = s.row([title, ...figureHeaders(currency)], "section");
  for (const g of groups) s.row([{ value: g.group, style: "label" }, ...figures(g)]);
  s.table(tableName, at);
  const c = curveTotals(x);
  s.row(
    ["Total", ...figures({ ...c, weight: 1, durationContribution: c.effDuration, dv01Share: 1 })],
    "total"
  );
  s.blank();
}

/**
 * Issuers by market value, the first `shown` by name and the rest in one row "Other issuers (n)",
 * each from one pass of the aggregation.
 */
export function issuerExposure(
  h: Holdings,
  x: PositionRisk,
  settlement: number,
  shown = ISSUERS_SHOWN
): GroupCurveExposure[] {
  const all = groupedExposure(h, x, "issuer", settlement);
  if (all.length <= shown + 1) return all;
  const named = new Set(all.slice(0, shown).map((g) => g.group));
  const other = `Other issuers (${all.length - shown})`;
  const base = holdingGrouping(h, "issuer", settlement).groupOf;
  const groups = groupCurveExposure(x, (i) => {
    const label = base(i);
    return label === undefined ? undefined : named.has(label) ? label : other;
  });
  const rest = groups.filter((g) => g.group === other);
  return [
    ...groups.filter((g) => g.group !== other).sort((a, b) => b.marketValue - a.marketValue),
    ...rest,
  ];
}

/**
 * The rating, maturity and issuer tables, in that order; then by industry when the file labels
 * sectors in its own words, and by currency when there is more than one.
 */
export function breakdownSections(
  s: SheetBuilder,
  h: Holdings,
  x: PositionRisk,
  settlement: number,
  currency: string
): void {
  table(
    s,
    BREAKDOWN_TITLES.rating,
    "krRatings",
    groupedExposure(h, x, "rating", settlement),
    x,
    currency
  );
  table(
    s,
    BREAKDOWN_TITLES.maturity,
    "krMaturities",
    groupedExposure(h, x, "maturity", settlement),
    x,
    currency
  );
  if (hasIssuers(h))
    table(s, BREAKDOWN_TITLES.issuer, "krIssuers", issuerExposure(h, x, settlement), x, currency);
  else {
    s.row([BREAKDOWN_TITLES.issuer], "section");
    s.row(
      [
        "The holdings have no issuer column (headers: Issuer, Issuer Name, Obligor, Ultimate Parent): no breakdown by issuer.",
      ],
      "note"
    );
    s.blank();
  }
  if (hasIndustries(h))
    table(
      s,
      BREAKDOWN_TITLES.industry,
      "krIndustries",
      groupedExposure(h, x, "industry", settlement),
      x,
      currency
    );
  if (hasCurrencies(h))
    table(
      s,
      BREAKDOWN_TITLES.currency,
      "krCurrencies",
      groupedExposure(h, x, "currency", settlement),
      x,
      currency
    );
}
