/**
 * A scenario: a rate move (a sum of shapes, see shapes.ts), spread shocks by sector and rating,
 * and a swap-spread shock — any combination of them (SPEC S7).
 *
 * Spread shocks move each holding's Z-spread: a holding's shock is the SUM of the bp of every rule
 * that matches it — a rule matches when its sector is the holding's sector or "all", and its rating
 * (when given) equals the holding's rating text, case-insensitively. So "corporate +50" and
 * "corporate BBB +25" give BBB corporates +75 bp and other corporates +50 bp. Government holdings
 * move only with a rule that names "government" or "all".
 *
 * The swap curve moves with the Treasury rate profile plus `swapSpreadBp` (a parallel move of the
 * swap curve's par rates relative to Treasuries; 0 = swaps move with Treasuries).
 */
import { InvalidValueError } from "../errors";
import { Sector } from "../holdings";
import { EPISODES } from "./episodes";
import {
  DEFAULT_PIVOT_MONTHS,
  RateShape,
  ShiftProfile,
  ratesProfile,
  shapeProfile,
} from "./shapes";

/** Sectors a spread rule can name: a holdings sector or "all". */
export type SpreadSector = Sector | "all";
export const SPREAD_SECTORS: readonly SpreadSector[] = [
  "all",
  "government",
  "agency",
  "corporate",
  "securitized",
  "municipal",
  "cash",
  "other",
];

export interface SpreadShock {
  readonly sector: SpreadSector;
  /** Rating text the rule is limited to ("" for every rating). */
  readonly rating: string;
  /** Change of the Z-spread, bp (positive = widening). */
  readonly bp: number;
}

export interface Scenario {
  /** Unique name, shown in the matrix. */
  readonly name: string;
  /** Rate shapes, summed; empty for no rate move. */
  readonly rates: readonly RateShape[];
  readonly spreads: readonly SpreadShock[];
  /** Swap curve move relative to Treasuries, bp (parallel, on the swap curve's par rates). */
  readonly swapSpreadBp: number;
  /** Normal volatility shift of option hedges, bp (absent: volatility held). */
  readonly volShiftBp?: number;
  /** Free text shown beside the scenario (e.g. the source of a replay). */
  readonly note?: string;
}

/** A scenario with only a rate move. */
export function rateScenario(name: string, ...rates: RateShape[]): Scenario {
  return { name, rates, spreads: [], swapSpreadBp: 0 };
}

/** The rate profile of a scenario at a settlement date (the sum of its shapes). */
export function scenarioProfile(s: Scenario, settlement: number): ShiftProfile {
  return ratesProfile(s.rates, settlement);
}

/** The spread shock of a holding under a scenario, bp (the sum of the matching rules). */
export function spreadShockBp(s: Scenario, sector: Sector, rating: string): number {
  const r = rating.trim().toLowerCase();
  let bp = 0;
  for (const rule of s.spreads) {
    if (rule.sector !== "all" && rule.sector !== sector) continue;
    if (rule.rating.trim() !== "" && rule.rating.trim().toLowerCase() !== r) continue;
    bp += rule.bp;
  }
  return bp;
}

/** True when a scenario moves no rates, no spreads and no swap spread. */
export function isZeroScenario(s: Scenario): boolean {
  return (
    s.rates.every((r) => shapeProfile(r).bp.every((b) => b === 0)) &&
    s.spreads.every((r) => r.bp === 0) &&
    s.swapSpreadBp === 0
  );
}

/** Several scenarios at once: rate shapes and spread rules concatenated, swap spreads added. */
export function combineScenarios(name: string, parts: readonly Scenario[]): Scenario {
  if (!parts.length) throw new InvalidValueError("combine: no scenarios given", 0, "scenarios");
  return {
    name,
    rates: parts.flatMap((p) => p.rates),
    spreads: parts.flatMap((p) => p.spreads),
    swapSpreadBp: parts.reduce((a, p) => a + p.swapSpreadBp, 0),
    ...(parts.some((p) => p.volShiftBp)
      ? { volShiftBp: parts.reduce((a, p) => a + (p.volShiftBp ?? 0), 0) }
      : {}),
    note: parts.map((p) => p.name).join(" + "),
  };
}

/** Signed bp as a name: "+50bp", "−25bp". */
function signed(bp: number): string {
  return `${bp > 0 ? "+" : bp < 0 ? "−" : ""}${Math.abs(bp)}bp`;
}

/** Parallel scenarios for a list of bp. */
export function parallelScenarios(bps: readonly number[]): Scenario[] {
  return bps.map((bp) => rateScenario(`Parallel ${signed(bp)}`, { kind: "parallel", bp }));
}

/** The bundled historical episodes as replay scenarios (see episodes.ts). */
export function episodeScenarios(): Scenario[] {
  return EPISODES.map((e) => ({
    name: e.name,
    rates: [
      {
        kind: "replay" as const,
        months: e.months,
        bp: e.bp,
        from: e.from,
        to: e.to,
        source: e.source,
      },
    ],
    spreads: [],
    swapSpreadBp: 0,
    note: `${e.from} → ${e.to}, US Treasury par yields`,
  }));
}

/**
 * The default scenario library: parallel ±25, ±50, ±100 bp; bull/bear steepeners and flatteners
 * of 50 bp around 5Y; twists of ±25 bp around 5Y; a 25 bp butterfly with a 5Y belly; corporate
 * spreads +50/−25 bp; a combined bear move (+50 bp parallel, corporates +50 bp, municipals +25 bp);
 * and the six bundled episodes.
 */
export function defaultScenarios(): Scenario[] {
  const P = DEFAULT_PIVOT_MONTHS;
  return [
    ...parallelScenarios([-100, -50, -25, 25, 50, 100]),
    rateScenario("Bull steepener 50bp", { kind: "bull_steepener", bp: 50, pivotMonths: P }),
    rateScenario("Bear steepener 50bp", { kind: "bear_steepener", bp: 50, pivotMonths: P }),
    rateScenario("Bull flattener 50bp", { kind: "bull_flattener", bp: 50, pivotMonths: P }),
    rateScenario("Bear flattener 50bp", { kind: "bear_flattener", bp: 50, pivotMonths: P }),
    rateScenario("Twist steepening 25bp", { kind: "twist", bp: 25, pivotMonths: P }),
    rateScenario("Twist flattening 25bp", { kind: "twist", bp: -25, pivotMonths: P }),
    rateScenario("Butterfly 25bp", { kind: "butterfly", bp: 25, pivotMonths: P }),
    {
      name: "Corporate spreads +50bp",
      rates: [],
      spreads: [{ sector: "corporate", rating: "", bp: 50 }],
      swapSpreadBp: 0,
    },
    {
      name: "Corporate spreads −25bp",
      rates: [],
      spreads: [{ sector: "corporate", rating: "", bp: -25 }],
      swapSpreadBp: 0,
    },
    {
      name: "Bear + spreads wider",
      rates: [{ kind: "parallel", bp: 50 }],
      spreads: [
        { sector: "corporate", rating: "", bp: 50 },
        { sector: "municipal", rating: "", bp: 25 },
      ],
      swapSpreadBp: 0,
    },
    ...episodeScenarios(),
  ];
}
