/**
 * The hedge problem and its answer as data: instruments, profile, target, limits (see
 * optimiser.ts for the model), their validation, and the evaluation of a set of contracts
 * (profile after, residuals, objective, leverage) that every mode reports the same way.
 */
import { InvalidValueError, MissingValueError, OutOfDomainError } from "../errors";
import { Rounding } from "./dv01Hedge";
import { parseOption } from "../options";

/** Slack allowed when checking a solution against its constraints (money per bp, contracts). */
export const TOL = 1e-7;

/** How the hedge is sized. */
export type HedgeMode = "single" | "krd" | "cost";

export const HEDGE_MODES: readonly HedgeMode[] = ["single", "krd", "cost"];

/** Parses a mode (case-insensitive); blank gives "krd". */
export function parseHedgeMode(value: unknown, argument = "mode"): HedgeMode {
  return parseOption(value, HEDGE_MODES, "krd", argument);
}

/** One hedge instrument. */
export interface HedgeInstrument {
  /** Label, e.g. "ZNM5" or "SOFR 10Y pay fixed". */
  readonly name: string;
  /** KR DV01 per contract held long (or per unit of notional), money per bp, one per key. */
  readonly krDv01: readonly number[];
  /** Money notional per contract counted against the leverage cap (default 0: not counted). */
  readonly notional?: number;
  /** Money cost per contract traded, ≥ 0 ("cost" mode; default 0). */
  readonly cost?: number;
  /** Fewest contracts (negative = largest short); default unbounded. */
  readonly min?: number;
  /** Most contracts; default unbounded. */
  readonly max?: number;
  /** Whole contracts (default true); false for a continuous notional such as a swap. */
  readonly integer?: boolean;
  /** Gamma per contract held long: change of DV01 for 1 bp, money (options; default 0). */
  readonly gamma?: number;
  /** Vega per contract held long: money per 1 bp of normal volatility (options; default 0). */
  readonly vega?: number;
}

/**
 * A condition on a portfolio greek after the hedge (gamma or vega, money): after = portfolio +
 * Σ greek_j·x_j must be ≥ target ("atLeast"), ≤ ("atMost"), = ("equal"), or is pulled toward it
 * by weight × |after − target| in the objective ("soft").
 */
export interface GreekRow {
  readonly portfolio: number;
  readonly target: number;
  readonly rule: "atLeast" | "atMost" | "equal" | "soft";
  /** Objective weight of a soft row per unit of residual (default 1). */
  readonly weight?: number;
}

/**
 * "Buy back a fraction of the negative convexity": gamma after ≥ (1 − fraction) × the portfolio's
 * gamma when it is negative (0.5 halves it); a portfolio long convexity keeps it (≥ its gamma).
 */
export function convexityBuyBack(portfolioGamma: number, fraction = 0.5): GreekRow {
  if (!(fraction >= 0 && fraction <= 1))
    throw new OutOfDomainError(
      `convexity buy-back: a fraction in [0, 1], got ${fraction}`,
      fraction,
      "convexity"
    );
  return {
    portfolio: portfolioGamma,
    target: portfolioGamma < 0 ? (1 - fraction) * portfolioGamma : portfolioGamma,
    rule: "atLeast",
  };
}

/** A hedge problem. */
export interface HedgeProblem {
  readonly mode: HedgeMode;
  /** Key labels (3M … 30Y), one per profile entry. */
  readonly keys: readonly string[];
  /** Portfolio KR DV01s, money per bp. */
  readonly portfolio: readonly number[];
  /** Target KR DV01s, money per bp (a target duration as a parallel profile, or a benchmark). */
  readonly target: readonly number[];
  /** Weights w_k ≥ 0 of the residuals; default 1 each. */
  readonly weights?: readonly number[];
  readonly instruments: readonly HedgeInstrument[];
  /** Portfolio market value, money (needed with a leverage cap). */
  readonly portfolioValue?: number;
  /** Largest Σ|x_j|·notional_j as a fraction of portfolio value (0.3 = 30%); none by default. */
  readonly leverageCap?: number;
  /** Allow Σ_k DV01 after the hedge < 0 (net short duration); default false. */
  readonly allowNetShort?: boolean;
  /** "single" mode: the instrument (index, default 0), β (default 1) and rounding (nearest). */
  readonly single?: {
    readonly instrument?: number;
    readonly beta?: number;
    readonly rounding?: Rounding;
  };
  /** Portfolio gamma (change of DV01 for 1 bp, money) and what the hedge must make of it. */
  readonly gamma?: GreekRow;
  /** Portfolio vega (money per 1 bp normal vol) and what the hedge must make of it. */
  readonly vega?: GreekRow;
}

/** One trade of the hedge. */
export interface HedgeTrade {
  readonly instrument: string;
  /** Contracts (or notional units): negative = sell. */
  readonly contracts: number;
  /** Σ_k of the KR DV01 impact: the trade's DV01, money per bp. */
  readonly dv01Impact: number;
  /** KR DV01 impact per key, money per bp. */
  readonly krDv01Impact: number[];
  /** Gamma and vega added, money (options; 0 for futures and swaps). */
  readonly gammaImpact: number;
  readonly vegaImpact: number;
}

/** The sized hedge and the profile before and after. */
export interface HedgeResult {
  readonly mode: HedgeMode;
  readonly keys: readonly string[];
  readonly trades: HedgeTrade[];
  /** Portfolio KR DV01s before and after the hedge, money per bp. */
  readonly before: number[];
  readonly after: number[];
  readonly target: number[];
  /** Residual = profile − target, before and after. */
  readonly residualBefore: number[];
  readonly residualAfter: number[];
  /** Σ w_k |residual after| + Σ cost_j |x_j| (costs counted in "cost" mode only). */
  readonly objective: number;
  /** Σ |x_j| · notional_j, money. */
  readonly leverageUsed: number;
  /** Σ_k after: the total DV01 after the hedge, money per bp. */
  readonly dv01After: number;
  /** Portfolio gamma and vega after the hedge, money (when the problem has those rows). */
  readonly gammaAfter?: number;
  readonly vegaAfter?: number;
}

export function validate(problem: HedgeProblem): void {
  const k = problem.keys.length;
  const check = (name: string, v: readonly number[] | undefined) => {
    if (v !== undefined && v.length !== k) {
      throw new InvalidValueError(
        `${name} has ${v.length} entries but there are ${k} keys`,
        v.length,
        name
      );
    }
    v?.forEach((x) => {
      if (!Number.isFinite(x))
        throw new InvalidValueError(`${name}: ${x} is not a number`, x, name);
    });
  };
  if (k === 0) throw new InvalidValueError("keys: at least one key tenor is needed", 0, "keys");
  if (problem.instruments.length === 0)
    throw new InvalidValueError(
      "instruments: at least one hedge instrument is needed",
      0,
      "instruments"
    );
  check("portfolio", problem.portfolio);
  check("target", problem.target);
  check("weights", problem.weights);
  problem.weights?.forEach((w) => {
    if (w < 0) throw new OutOfDomainError(`weights: must be ≥ 0, got ${w}`, w, "weights");
  });
  for (const [name, row] of [
    ["gamma", problem.gamma],
    ["vega", problem.vega],
  ] as const) {
    if (row && ![row.portfolio, row.target, row.weight ?? 1].every(Number.isFinite))
      throw new InvalidValueError(`${name}: portfolio and target must be numbers`, row, name);
  }
  for (const ins of problem.instruments) {
    check(`${ins.name} KR DV01`, ins.krDv01);
    const lo = ins.min ?? -Infinity;
    const hi = ins.max ?? Infinity;
    if (lo > hi)
      throw new InvalidValueError(
        `${ins.name}: min contracts ${lo} exceeds max ${hi}`,
        [lo, hi],
        "limits"
      );
    if ((ins.cost ?? 0) < 0)
      throw new OutOfDomainError(
        `${ins.name}: cost must be ≥ 0, got ${ins.cost}`,
        ins.cost,
        "cost"
      );
    if ((ins.notional ?? 0) < 0)
      throw new OutOfDomainError(
        `${ins.name}: notional must be ≥ 0, got ${ins.notional}`,
        ins.notional,
        "notional"
      );
  }
  if (problem.leverageCap !== undefined) {
    if (!(problem.leverageCap >= 0))
      throw new OutOfDomainError(
        `leverage cap: must be ≥ 0 (a fraction of portfolio value), got ${problem.leverageCap}`,
        problem.leverageCap,
        "leverage_cap"
      );
    if (!(problem.portfolioValue !== undefined && problem.portfolioValue > 0))
      throw new MissingValueError(
        "portfolio value: a positive market value is needed with a leverage cap",
        problem.portfolioValue,
        "portfolio_value"
      );
  }
}

/**
 * The cost per contract the objective charges: every instrument's in "cost" mode; an option's
 * (an instrument with gamma or vega) in every mode, so that options are bought only as far as the
 * profile and the greek rows need them (and the search has no free direction to run along).
 */
export function chargedCost(problem: HedgeProblem, j: HedgeInstrument): number {
  const option = (j.gamma ?? 0) !== 0 || (j.vega ?? 0) !== 0;
  return problem.mode === "cost" || option ? (j.cost ?? 0) : 0;
}

/** The result for contracts x (exact arithmetic on the returned contracts). */
export function evaluate(problem: HedgeProblem, x: readonly number[]): HedgeResult {
  const keys = problem.keys.length;
  const w = problem.weights ?? problem.keys.map(() => 1);
  const after = problem.portfolio.slice();
  const trades = problem.instruments.map((j, i) => {
    const impact = j.krDv01.map((a) => a * x[i]);
    impact.forEach((v, k) => (after[k] += v));
    return {
      instrument: j.name,
      contracts: x[i],
      dv01Impact: impact.reduce((s, v) => s + v, 0),
      krDv01Impact: impact,
      gammaImpact: (j.gamma ?? 0) * x[i],
      vegaImpact: (j.vega ?? 0) * x[i],
    };
  });
  const greekAfter = (row: GreekRow | undefined, of: (t: HedgeTrade) => number) =>
    row ? row.portfolio + trades.reduce((s, t) => s + of(t), 0) : undefined;
  const gammaAfter = greekAfter(problem.gamma, (t) => t.gammaImpact);
  const vegaAfter = greekAfter(problem.vega, (t) => t.vegaImpact);
  const target = problem.target.slice();
  const residualAfter = after.map((v, k) => v - target[k]);
  let objective = 0;
  for (let k = 0; k < keys; k++) objective += w[k] * Math.abs(residualAfter[k]);
  problem.instruments.forEach((j, i) => (objective += chargedCost(problem, j) * Math.abs(x[i])));
  if (problem.gamma?.rule === "soft")
    objective += (problem.gamma.weight ?? 1) * Math.abs(gammaAfter! - problem.gamma.target);
  if (problem.vega?.rule === "soft")
    objective += (problem.vega.weight ?? 1) * Math.abs(vegaAfter! - problem.vega.target);
  return {
    mode: problem.mode,
    keys: problem.keys,
    trades,
    before: problem.portfolio.slice(),
    after,
    target,
    residualBefore: problem.portfolio.map((v, k) => v - target[k]),
    residualAfter,
    objective,
    leverageUsed: problem.instruments.reduce(
      (s, j, i) => s + Math.abs(x[i]) * (j.notional ?? 0),
      0
    ),
    dv01After: after.reduce((s, v) => s + v, 0),
    ...(gammaAfter !== undefined ? { gammaAfter } : {}),
    ...(vegaAfter !== undefined ? { vegaAfter } : {}),
  };
}

/** The hard greek conditions a result breaks, in words. */
export function greekViolations(problem: HedgeProblem, result: HedgeResult): string[] {
  const out: string[] = [];
  for (const [name, row, after] of [
    ["gamma", problem.gamma, result.gammaAfter],
    ["vega", problem.vega, result.vegaAfter],
  ] as const) {
    if (!row || row.rule === "soft" || after === undefined) continue;
    const slack = TOL * Math.max(1, Math.abs(row.target));
    if (
      (row.rule !== "atMost" && after < row.target - slack) ||
      (row.rule !== "atLeast" && after > row.target + slack)
    )
      out.push(
        `the ${name} rule: ${name} after the hedge is ${after}, wanted ${row.rule} ${row.target}`
      );
  }
  return out;
}

/** The constraints a result breaks (empty when it respects them all), in words. */
export function violations(problem: HedgeProblem, result: HedgeResult): string[] {
  const out: string[] = [];
  const scale = Math.max(1, ...problem.portfolio.map(Math.abs));
  if (problem.leverageCap !== undefined) {
    const cap = problem.leverageCap * (problem.portfolioValue ?? 0);
    if (result.leverageUsed > cap * (1 + TOL) + TOL)
      out.push(
        `the leverage cap: notional ${result.leverageUsed} exceeds ${problem.leverageCap} × ${problem.portfolioValue} = ${cap}`
      );
  }
  if (!problem.allowNetShort && result.dv01After < -TOL * scale)
    out.push(`the no-net-short rule: total DV01 after the hedge is ${result.dv01After} < 0`);
  out.push(...greekViolations(problem, result));
  problem.instruments.forEach((j, i) => {
    const x = result.trades[i].contracts;
    if ((j.min !== undefined && x < j.min - TOL) || (j.max !== undefined && x > j.max + TOL))
      out.push(
        `the limits of ${j.name}: ${x} contracts is outside ${j.min ?? "−∞"} … ${j.max ?? "+∞"}`
      );
  });
  return out;
}
