/**
 * PORTFOLIO and PORTFOLIO_KRD over a holdings range and a curve: the labelled exposure table and
 * the key-rate profile.
 */

import { shiftMethod } from "../../core/conventions";
import { makeMarket, Market } from "../../core/market/market";
import { isoFromSerial, parseDate } from "../../core/dates";
import { InvalidValueError, MissingValueError } from "../../core/errors";

import { CurveSpec, Interpolation, ShiftOn, tenorLabel } from "../../core/curve";
import { DEFAULT_KEYS_MONTHS } from "../../core/conventions";
import { HoldingProblem, Holdings, readHoldings } from "../../core/holdings";
import {
  curveTotals,
  CurveHoldingExposure,
  CurveTotals,
  holdingCurveExposure,
  sectorCurveExposure,
  SectorCurveExposure,
} from "../../core/portfolio/curveExposure";

import { Arg, asMatrix, guard, Result, ResultCell } from "./cells";
import { curveOptions, parseKeys, parseSettlementArg } from "./curveArgs";
import { groupedBy } from "./groupByArg";

/** Everything PORTFOLIO and PORTFOLIO_KRD compute from a holdings range and a curve. */
export interface PortfolioMeasure {
  market: Market;
  settlement: number;
  spec: CurveSpec;
  interpolation: Interpolation;
  shiftOn: ShiftOn;
  holdings: Holdings;
  exposure: CurveHoldingExposure;
  totals: CurveTotals;
  sectors: SectorCurveExposure[];
}

/** A holdings problem in words, located within the range (row 1 = the header row). */
function describeProblem(p: HoldingProblem): string {
  const value =
    p.value === null || p.value === undefined
      ? "an empty cell"
      : typeof p.value === "string"
        ? JSON.stringify(p.value)
        : p.value instanceof Date
          ? isoFromSerial(parseDate(p.value))
          : String(p.value);
  return `row ${p.row}, column ${p.column}: ${value}, expected ${p.expected}`;
}

const PROBLEMS_SHOWN = 3;

/**
 * Reads a holdings range (header row first) and measures it against the curve.
 * @throws InvalidValueError naming the first problems and their count when any row is bad.
 */
export function measurePortfolio(
  holdingsArg: Arg,
  curve: Arg,
  settlementArg: Arg,
  curveKind: Arg,
  interp: Arg,
  keysMonths: readonly number[] = DEFAULT_KEYS_MONTHS
): PortfolioMeasure {
  const { spec, interpolation } = curveOptions(curve, curveKind, interp);
  const settlement = parseSettlementArg(settlementArg);
  const values = asMatrix(holdingsArg);
  if (!values || values.length < 2) {
    throw new MissingValueError(
      "holdings: expected a range with a header row and at least one holding",
      values?.length ?? 0,
      "holdings"
    );
  }
  const read = readHoldings(values, { settlement, sheet: "" });
  const { problems } = read;
  if (problems.length) {
    const shown = problems.slice(0, PROBLEMS_SHOWN).map(describeProblem).join("; ");
    const more =
      problems.length > PROBLEMS_SHOWN ? ` (and ${problems.length - PROBLEMS_SHOWN} more)` : "";
    throw new InvalidValueError(
      `holdings: ${problems.length} problem${problems.length === 1 ? "" : "s"} (rows of the range, header = row 1): ${shown}${more}`,
      problems.length,
      "holdings"
    );
  }
  const holdings = read.holdings;
  if (holdings.count === 0) {
    throw new MissingValueError(
      "holdings: the range has no holdings below its header",
      0,
      "holdings"
    );
  }
  const market = makeMarket({ settlement, curve: spec, interpolation, keysMonths });
  const shiftOn = market.shiftOn;
  const exposure = holdingCurveExposure(holdings, market);
  const totals = curveTotals(exposure);
  if (totals.included === 0) {
    throw new InvalidValueError(
      `holdings: every holding is left out of the totals (${exclusionSummary(exposure)})`,
      holdings.count,
      "holdings"
    );
  }
  return {
    market,
    settlement,
    spec,
    interpolation,
    shiftOn,
    holdings,
    exposure,
    totals,
    sectors: sectorCurveExposure(holdings, exposure),
  };
}

/** Why holdings are left out, with counts: `needs option-adjusted analytics (3)`. */
export function exclusionSummary(x: CurveHoldingExposure): string {
  const counts = new Map<string, number>();
  for (const reason of x.excluded) if (reason) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${reason} (${n})`).join("; ");
}

export { shiftMethod } from "../../core/conventions";

const TABLE_WIDTH = 6;

/** Pads rows with "" to the table width; a number that could not be computed shows as "". */
function padded(rows: ResultCell[][]): Result {
  return rows.map((r) => [
    ...r.map((c) => (typeof c === "number" && !Number.isFinite(c) ? "" : c)),
    ...new Array<ResultCell>(TABLE_WIDTH - r.length).fill(""),
  ]);
}

/**
 * KEYRATE.PORTFOLIO: the labelled summary table (label, value, unit, method), then the groups
 * (group, market value, weight, effective duration, contribution to duration, DV01): sectors by
 * default, or the grouping `group_by` names (see groupByArg.ts).
 */
export function portfolio(
  holdings: Arg,
  curve: Arg,
  settlement?: Arg,
  curveKind?: Arg,
  interp?: Arg,
  groupBy?: Arg
): Result {
  return guard(() => {
    const m = measurePortfolio(holdings, curve, settlement, curveKind, interp);
    const grouped = groupedBy(
      groupBy,
      asMatrix(holdings) ?? [],
      m.holdings,
      m.exposure,
      m.settlement
    );
    const { totals: t, exposure: x, shiftOn } = m;
    const shifts = `curve shifted ±1 bp: ${shiftMethod(shiftOn)}`;
    const flagged = x.flag.filter((f) => f).length;
    const rows: ResultCell[][] = [
      [
        "Settlement",
        isoFromSerial(m.settlement),
        "date",
        `curve ${m.spec.kind}, ${m.interpolation}`,
      ],
      [
        "Market value",
        t.marketValue,
        "money",
        "dirty: Σ par × (clean + accrued) / 100, holdings in totals",
      ],
      [
        "Effective duration",
        t.effDuration,
        "years",
        `curve-based, full revaluation (${shifts}), Z-spread held; market-value weighted`,
      ],
      [
        "Effective convexity",
        t.effConvexity,
        "years²",
        `curve-based, full revaluation (${shifts}); market-value weighted`,
      ],
      [
        "Spread duration",
        t.spreadDuration,
        "years",
        "Z-spread ±1 bp, curve unchanged; market-value weighted",
      ],
      [
        "Effective DV01",
        t.dv01,
        "money per bp",
        "Σ effective duration × market value × 0.0001 (value gained for a 1 bp fall)",
      ],
      ["Holdings in totals", t.included, "holdings", ""],
      ["Holdings left out", t.excluded, "holdings", exclusionSummary(x)],
    ];
    m.exposure.risk.keysMonths.forEach((months, k) => {
      rows.push([
        `KRD ${tenorLabel(months)}`,
        t.krd[k],
        "years",
        `key-rate duration: ${shiftOn} curve, triangular shift ±1 bp at the key; market-value weighted`,
      ]);
    });
    const krdSum = t.krd.reduce((a, b) => a + b, 0);
    rows.push([
      "KRD sum − effective duration",
      krdSum - t.effDuration,
      "years",
      flagged
        ? `${flagged} holding${flagged === 1 ? "" : "s"} where KRDs do not sum to effective duration`
        : "check: KRDs sum to effective duration for every holding",
    ]);
    rows.push([]);
    rows.push([
      grouped.title,
      "Market value",
      "Weight",
      "Effective duration",
      "Contribution to duration",
      "Effective DV01",
    ]);
    for (const s of grouped.groups) {
      rows.push([
        s.group,
        s.marketValue,
        s.weight,
        s.included ? s.effDuration : "",
        s.included ? s.durationContribution : "",
        s.dv01,
      ]);
    }
    return padded(rows);
  });
}

/** KEYRATE.PORTFOLIO_KRD: the market-value-weighted KRD profile (years), one row. */
export function portfolioKrd(
  holdings: Arg,
  curve: Arg,
  settlement?: Arg,
  keys?: Arg,
  curveKind?: Arg,
  interp?: Arg
): Result {
  return guard(() => {
    const m = measurePortfolio(holdings, curve, settlement, curveKind, interp, parseKeys(keys));
    return [Array.from(m.totals.krd)];
  });
}
