/**
 * The hedge optimiser (SPEC S4, S8): contracts per instrument that bring a portfolio's key-rate
 * DV01 profile to a target, solved as a mixed-integer LP with HiGHS (WebAssembly; Node and the
 * browser).
 *
 * Units: key-rate DV01s in money per 1 bp fall of each key rate (positive = gains when rates
 * fall); an instrument's row is per contract held long (futures) or per unit of notional
 * (continuous instruments such as swaps in millions). With p the portfolio's KR DV01s, τ the
 * target's, A the instruments' (keys × instruments) and x the contracts (negative = sell):
 *
 *   minimise   Σ_k w_k |p_k + (A x)_k − τ_k| + Σ_j cost_j |x_j|        (cost_j only in "cost" mode)
 *   subject to Σ_j |x_j| · notional_j ≤ leverage cap × portfolio value  (when a cap is given)
 *              Σ_k (p_k + (A x)_k) ≥ 0                                  (no net short: duration
 *                                                                        after ≥ 0, unless allowed)
 *              min_j ≤ x_j ≤ max_j,  x_j integer for futures
 *
 * The absolute values are linearised with auxiliary variables e_k ≥ ±(p_k + (Ax)_k − τ_k) and
 * a_j ≥ ±x_j. Weights w_k convert residual DV01 into the objective's units (money of cost per
 * unit of residual money-per-bp), so in "cost" mode cost_j is money per contract traded (half
 * the bid/ask plus commission) and w_k is what one unit of open KR DV01 is worth avoiding; the
 * default w_k = 1 trades one unit of residual DV01 against one unit of money.
 *
 * Modes:
 * - "single": the DV01-ratio hedge with one instrument (hedgeContracts: (Στ − Σp) ÷ ΣA_j × β),
 *   the others zero; the constraints are checked, not optimised.
 * - "krd": match the profile (minimise the weighted absolute residual).
 * - "cost": match the profile net of transaction costs.
 *
 * A problem with no solution raises NoSolutionError naming the constraint that binds: the solve
 * is repeated with each constraint group dropped in turn (leverage cap, no net short, instrument
 * limits) and the groups whose removal restores feasibility are named.
 */
import highsLoader, { Highs, HighsSolution, InitOptions } from "highs";
import { InvalidValueError, MissingValueError, NoSolutionError, OutOfDomainError } from "../errors";
import { hedgeContracts, Rounding } from "./dv01Hedge";

/** How the hedge is sized. */
export type HedgeMode = "single" | "krd" | "cost";

export const HEDGE_MODES: readonly HedgeMode[] = ["single", "krd", "cost"];

/** Parses a mode (case-insensitive); blank gives "krd". */
export function parseHedgeMode(value: unknown, argument = "mode"): HedgeMode {
  if (value === undefined || value === null || value === "") return "krd";
  const text = String(value).trim().toLowerCase();
  const found = HEDGE_MODES.find((m) => m === text);
  if (!found) {
    throw new InvalidValueError(
      `${argument}: expected "single", "krd" or "cost", got ${JSON.stringify(value)}`,
      value,
      argument
    );
  }
  return found;
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
}

let cached: Promise<Highs> | undefined;

/**
 * Loads (once) the HiGHS WebAssembly solver. In a browser pass `locateFile` so that highs.wasm
 * is found where the bundle serves it.
 */
export function loadSolver(options?: InitOptions): Promise<Highs> {
  if (options) return highsLoader(options);
  cached ??= highsLoader();
  return cached;
}

/**
 * Solver options: the exact MIP optimum (no relative gap, an absolute gap far below any money
 * amount), quiet, bounded time, and HiGHS's search tuned for these small models. The tuning
 * changes only how fast the optimum is found and proved, never which optimum is accepted: the
 * gaps stay at zero, so the answer is the same as with HiGHS's defaults (the tests check this on
 * the bench problem). Measured on the bench problem (8 futures + 10 swaps × 10 keys, issue 4):
 * 259 → 181 nodes and about 2.5× less time, taking it under the 50 ms target, because
 * - the sub-MIP heuristics (RINS, RENS, root reduced-cost, feasibility jump) each start a nested
 *   MIP solve whose set-up costs more than the whole branch and bound on a model of ~50 rows;
 *   half the run went to them, and they only shorten the hunt for an incumbent on large models;
 * - presolve finds nothing to remove from this formulation (0 rows, 0 columns) but still costs
 *   its passes, and the unpresolved model needed fewer nodes;
 * - cut separation at every node adds little bound here (the integrality gap comes from the
 *   lattice of whole contracts, which cuts close slowly) and costs an LP re-solve per round.
 * Tried on the bench problem and rejected (slower, or more nodes):
 * - x = x⁺ − x⁻ with x⁺, x⁻ ≥ 0 continuous and linked to an integer x: the same LP relaxation
 *   as a ≥ ±x (both are exactly a = |x| at the optimum), more rows, 394–449 nodes;
 * - x⁺, x⁻ themselves integer: cuts close most of the root gap (5 nodes) but the root costs more
 *   than the whole tuned solve;
 * - bounding a_j and e_k, or scaling the objective to O(1): more nodes;
 * - a start from the rounded LP relaxation: no fewer nodes (HiGHS's own rounding finds as good);
 * - gap settings: the time goes into finding the optimum (it turns up late in the search), not
 *   into closing the last gap, and a relative gap of 1e-4 returned a worse hedge.
 */
export const SOLVER_OPTIONS = {
  output_flag: false,
  mip_rel_gap: 0,
  mip_abs_gap: 1e-9,
  time_limit: 20,
  presolve: "off",
  mip_allow_cut_separation_at_nodes: false,
  mip_heuristic_run_rins: false,
  mip_heuristic_run_rens: false,
  mip_heuristic_run_root_reduced_cost: false,
  mip_heuristic_run_feasibility_jump: false,
} as const;

const TOL = 1e-7;

/** Which constraint groups a model includes. */
interface Groups {
  leverage: boolean;
  netShort: boolean;
  bounds: boolean;
}

function num(x: number): string {
  return String(x);
}

/** "+ 3 x0 - 2.5 x1" from coefficients (zeros skipped); "0 x0" when all are zero. */
function linear(terms: readonly [number, string][]): string {
  const parts = terms
    .filter(([c]) => c !== 0)
    .map(([c, v]) => `${c < 0 ? "-" : "+"} ${num(Math.abs(c))} ${v}`);
  return parts.length > 0 ? parts.join(" ") : `0 ${terms[0]?.[1] ?? "x0"}`;
}

function validate(problem: HedgeProblem): void {
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

/** The CPLEX LP text of the problem (exported for inspection); `groups` picks the constraints. */
export function buildLp(
  problem: HedgeProblem,
  groups: Groups = { leverage: true, netShort: true, bounds: true }
): string {
  const keys = problem.keys.length;
  const ins = problem.instruments;
  const w = problem.weights ?? problem.keys.map(() => 1);
  const withCost = problem.mode === "cost";
  const objective: [number, string][] = [];
  for (let k = 0; k < keys; k++) objective.push([w[k], `e${k}`]);
  ins.forEach((j, i) => objective.push([withCost ? (j.cost ?? 0) : 0, `a${i}`]));
  const rows: string[] = [];
  for (let k = 0; k < keys; k++) {
    const ax: [number, string][] = ins.map((j, i) => [j.krDv01[k], `x${i}`]);
    const rhs = problem.target[k] - problem.portfolio[k];
    rows.push(` rp${k}: ${linear(ax)} - 1 e${k} <= ${num(rhs)}`);
    rows.push(` rn${k}: ${linear(ax)} + 1 e${k} >= ${num(rhs)}`);
  }
  ins.forEach((_j, i) => {
    rows.push(` ap${i}: + 1 x${i} - 1 a${i} <= 0`);
    rows.push(` an${i}: + 1 x${i} + 1 a${i} >= 0`);
  });
  if (groups.leverage && problem.leverageCap !== undefined) {
    // Scaled by portfolio value (validated > 0): Σ a_j·notional_j/V ≤ cap.
    const value = problem.portfolioValue ?? 1;
    const terms = ins.map((j, i): [number, string] => [(j.notional ?? 0) / value, `a${i}`]);
    rows.push(` leverage: ${linear(terms)} <= ${num(problem.leverageCap)}`);
  }
  if (groups.netShort && !problem.allowNetShort) {
    const total = problem.portfolio.reduce((s, x) => s + x, 0);
    const coef = ins.map((j, i): [number, string] => [
      j.krDv01.reduce((s, x) => s + x, 0),
      `x${i}`,
    ]);
    rows.push(` netshort: ${linear(coef)} >= ${num(-total)}`);
  }
  const bounds = ins.map((j, i) => {
    const lo = groups.bounds && j.min !== undefined ? num(j.min) : "-inf";
    const hi = groups.bounds && j.max !== undefined ? num(j.max) : "+inf";
    return ` ${lo} <= x${i} <= ${hi}`;
  });
  const generals = ins.map((j, i) => (j.integer === false ? "" : `x${i}`)).filter((v) => v !== "");
  return [
    "Minimize",
    ` obj: ${linear(objective)}`,
    "Subject To",
    ...rows,
    "Bounds",
    ...bounds,
    ...(generals.length > 0 ? ["General", ` ${generals.join(" ")}`] : []),
    "End",
  ].join("\n");
}

function solve(highs: Highs, lp: string): HighsSolution {
  try {
    return highs.solve(lp, SOLVER_OPTIONS);
  } catch (e) {
    throw new NoSolutionError(
      `the hedge optimiser failed: ${(e as Error).message}`,
      lp,
      "constraints"
    );
  }
}

/** Names the constraint groups whose removal makes an infeasible problem feasible. */
function diagnose(highs: Highs, problem: HedgeProblem): NoSolutionError {
  const all: Groups = { leverage: true, netShort: true, bounds: true };
  const cap = (problem.leverageCap ?? 0) * (problem.portfolioValue ?? 0);
  const describe: Record<keyof Groups, string> = {
    leverage:
      `the leverage cap (Σ |contracts| × notional ≤ ${problem.leverageCap} × ` +
      `${problem.portfolioValue} = ${cap})`,
    netShort: "the no-net-short rule (total DV01 after the hedge ≥ 0, duration after ≥ 0)",
    bounds: `the instrument limits (${problem.instruments
      .filter((j) => j.min !== undefined || j.max !== undefined)
      .map((j) => `${j.name} ${j.min ?? "−∞"} … ${j.max ?? "+∞"}`)
      .join(", ")})`,
  };
  const present = (Object.keys(all) as (keyof Groups)[]).filter((g) =>
    g === "leverage"
      ? problem.leverageCap !== undefined
      : g === "netShort"
        ? !problem.allowNetShort
        : problem.instruments.some((j) => j.min !== undefined || j.max !== undefined)
  );
  const binding = present.filter(
    (g) => solve(highs, buildLp(problem, { ...all, [g]: false })).Status === "Optimal"
  );
  const named = (binding.length > 0 ? binding : present).map((g) => describe[g]);
  const how =
    binding.length > 0
      ? `binding: ${named.join("; or ")} — relaxing ${binding.length > 1 ? "any one of these" : "it"} makes a hedge possible`
      : `the constraints conflict jointly: ${named.join("; ")}`;
  return new NoSolutionError(
    `no hedge satisfies every constraint; ${how}`,
    binding,
    binding[0] ?? "constraints"
  );
}

/** The result for contracts x (exact arithmetic on the returned contracts). */
function evaluate(problem: HedgeProblem, x: readonly number[]): HedgeResult {
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
    };
  });
  const target = problem.target.slice();
  const residualAfter = after.map((v, k) => v - target[k]);
  let objective = 0;
  for (let k = 0; k < keys; k++) objective += w[k] * Math.abs(residualAfter[k]);
  if (problem.mode === "cost")
    problem.instruments.forEach((j, i) => (objective += (j.cost ?? 0) * Math.abs(x[i])));
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
  };
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
  problem.instruments.forEach((j, i) => {
    const x = result.trades[i].contracts;
    if ((j.min !== undefined && x < j.min - TOL) || (j.max !== undefined && x > j.max + TOL))
      out.push(
        `the limits of ${j.name}: ${x} contracts is outside ${j.min ?? "−∞"} … ${j.max ?? "+∞"}`
      );
  });
  return out;
}

function singleHedge(problem: HedgeProblem): HedgeResult {
  const s = problem.single ?? {};
  const index = s.instrument ?? 0;
  const ins = problem.instruments[index];
  if (!ins) {
    throw new InvalidValueError(
      `single: instrument ${index} does not exist (${problem.instruments.length} given)`,
      index,
      "instrument"
    );
  }
  const sum = (v: readonly number[]) => v.reduce((a, b) => a + b, 0);
  const contracts = hedgeContracts(
    sum(problem.portfolio),
    sum(problem.target),
    sum(ins.krDv01),
    s.beta ?? 1,
    s.rounding ?? "nearest"
  );
  const x = problem.instruments.map((_j, i) => (i === index ? contracts : 0));
  const result = evaluate(problem, x);
  const broken = violations(problem, result);
  if (broken.length > 0) {
    throw new NoSolutionError(
      `the single-contract hedge of ${contracts} ${ins.name} breaks ${broken.join("; and ")}`,
      contracts,
      "constraints"
    );
  }
  return result;
}

/**
 * Sizes the hedge (see the file comment for the model).
 * @param highs A loaded solver (default: {@link loadSolver}()).
 * @throws InvalidValueError/OutOfDomainError/MissingValueError for malformed problems;
 * NoSolutionError naming the binding constraint when no hedge satisfies them all.
 */
export async function optimiseHedge(problem: HedgeProblem, highs?: Highs): Promise<HedgeResult> {
  validate(problem);
  if (problem.mode === "single") return singleHedge(problem);
  const solver = highs ?? (await loadSolver());
  const solution = solve(solver, buildLp(problem));
  if (solution.Status === "Infeasible") throw diagnose(solver, problem);
  if (solution.Status !== "Optimal") {
    throw new NoSolutionError(
      `the hedge optimiser stopped without an optimum: ${solution.Status}`,
      solution.Status,
      "constraints"
    );
  }
  const x = problem.instruments.map((j, i) => {
    const v = solution.Columns[`x${i}`]?.Primal ?? 0;
    const r = j.integer === false ? v : Math.round(v);
    return r === 0 ? 0 : r; // no −0
  });
  return evaluate(problem, x);
}
