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
 *   minimise   Σ_k w_k |p_k + (A x)_k − τ_k| + Σ_j cost_j |x_j|        (cost_j only in "cost" mode,
 *                                                             and for options in every mode)
 *   subject to Σ_j |x_j| · notional_j ≤ leverage cap × portfolio value  (when a cap is given)
 *              Σ_k (p_k + (A x)_k) ≥ 0                                  (no net short: duration
 *                                                                        after ≥ 0, unless allowed)
 *              min_j ≤ x_j ≤ max_j,  x_j integer for futures
 *              γ_p + Σ_j γ_j x_j (≥, ≤, =) τ_γ,  ν_p + Σ_j ν_j x_j (≥, ≤, =) τ_ν   (options: gamma
 *                                       and vega rows, hard; or soft: + w|… − τ| in the objective)
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
import { InvalidValueError, NoSolutionError } from "../errors";
import { hedgeContracts } from "./dv01Hedge";
import {
  chargedCost,
  evaluate,
  HedgeProblem,
  HedgeResult,
  validate,
  violations,
} from "./hedgeProblem";

export * from "./hedgeProblem";

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

/**
 * Solver options when options are among the instruments (gamma or vega columns or rows): the
 * tuning above with a relative gap of 1e-4 (on the bench problem's objective of ~45,000, a few
 * units of weighted residual or money) and an absolute gap of 0.01. Continuous option notionals
 * give many near-equal ways to close the residual, all of which an exact gap must rule out: on
 * the options bench problem (8 futures, 10 swaps, 20 options, gamma and vega rows; CPU time,
 * median of 5) the exact gap took ~1.5× and 1e-6 ~1.8× as long as 1e-4, for the same objective to
 * 1e-12; HiGHS's untuned search was slower again. Options also carry their trading cost in every
 * mode (chargedCost): without it a zero-cost direction (a straddle of continuous notionals) left
 * the branch and bound unbounded and it ran out of memory.
 */
export const OPTION_SOLVER_OPTIONS = {
  ...SOLVER_OPTIONS,
  mip_rel_gap: 1e-4,
  mip_abs_gap: 1e-2,
} as const;

/** True when a problem has option columns or gamma/vega rows. */
function withGreeks(problem: HedgeProblem): boolean {
  return (
    problem.gamma !== undefined ||
    problem.vega !== undefined ||
    problem.instruments.some((j) => (j.gamma ?? 0) !== 0 || (j.vega ?? 0) !== 0)
  );
}

/** Which constraint groups a model includes. */
interface Groups {
  leverage: boolean;
  netShort: boolean;
  bounds: boolean;
  /** The hard gamma and vega rows. */
  greeks?: boolean;
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

/** The CPLEX LP text of the problem (exported for inspection); `groups` picks the constraints. */
export function buildLp(
  problem: HedgeProblem,
  groups: Groups = { leverage: true, netShort: true, bounds: true, greeks: true }
): string {
  const keys = problem.keys.length;
  const ins = problem.instruments;
  const w = problem.weights ?? problem.keys.map(() => 1);
  const objective: [number, string][] = [];
  for (let k = 0; k < keys; k++) objective.push([w[k], `e${k}`]);
  ins.forEach((j, i) => objective.push([chargedCost(problem, j), `a${i}`]));
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
  greekRows(problem, groups.greeks !== false, objective, rows);
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

/**
 * Gamma and vega rows (see GreekRow): with g the instruments' greeks and p, τ the portfolio's and
 * the target, a hard rule is Σ g_j x_j (≥, ≤, =) τ − p; a soft one adds w·e to the objective with
 * e ≥ ±(Σ g_j x_j − (τ − p)).
 */
function greekRows(
  problem: HedgeProblem,
  hard: boolean,
  objective: [number, string][],
  rows: string[]
): void {
  for (const [name, row, of] of [
    ["gamma", problem.gamma, (j: HedgeProblem["instruments"][number]) => j.gamma ?? 0],
    ["vega", problem.vega, (j: HedgeProblem["instruments"][number]) => j.vega ?? 0],
  ] as const) {
    if (!row) continue;
    const terms = problem.instruments.map((j, i): [number, string] => [of(j), `x${i}`]);
    const rhs = num(row.target - row.portfolio);
    if (row.rule === "soft") {
      objective.push([row.weight ?? 1, `e_${name}`]);
      rows.push(` ${name}p: ${linear(terms)} - 1 e_${name} <= ${rhs}`);
      rows.push(` ${name}n: ${linear(terms)} + 1 e_${name} >= ${rhs}`);
    } else if (hard) {
      const op = row.rule === "atLeast" ? ">=" : row.rule === "atMost" ? "<=" : "=";
      rows.push(` ${name}: ${linear(terms)} ${op} ${rhs}`);
    }
  }
}

function solve(highs: Highs, lp: string, greeks = false): HighsSolution {
  try {
    return highs.solve(lp, greeks ? OPTION_SOLVER_OPTIONS : SOLVER_OPTIONS);
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
  const all: Groups = { leverage: true, netShort: true, bounds: true, greeks: true };
  const cap = (problem.leverageCap ?? 0) * (problem.portfolioValue ?? 0);
  const describe: Record<keyof Groups, string> = {
    leverage:
      `the leverage cap (Σ |contracts| × notional ≤ ${problem.leverageCap} × ` +
      `${problem.portfolioValue} = ${cap})`,
    netShort: "the no-net-short rule (total DV01 after the hedge ≥ 0, duration after ≥ 0)",
    greeks: `the gamma/vega conditions (${[
      problem.gamma && problem.gamma.rule !== "soft"
        ? `gamma ${problem.gamma.rule} ${problem.gamma.target}`
        : "",
      problem.vega && problem.vega.rule !== "soft"
        ? `vega ${problem.vega.rule} ${problem.vega.target}`
        : "",
    ]
      .filter((t) => t)
      .join(", ")})`,
    bounds: `the instrument limits (${problem.instruments
      .filter((j) => j.min !== undefined || j.max !== undefined)
      .map((j) => `${j.name} ${j.min ?? "−∞"} … ${j.max ?? "+∞"}`)
      .join(", ")})`,
  };
  const hardGreek = [problem.gamma, problem.vega].some((r) => r && r.rule !== "soft");
  const present = (Object.keys(all) as (keyof Groups)[]).filter((g) =>
    g === "leverage"
      ? problem.leverageCap !== undefined
      : g === "netShort"
        ? !problem.allowNetShort
        : g === "greeks"
          ? hardGreek
          : problem.instruments.some((j) => j.min !== undefined || j.max !== undefined)
  );
  const binding = present.filter(
    (g) =>
      solve(highs, buildLp(problem, { ...all, [g]: false }), withGreeks(problem)).Status ===
      "Optimal"
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
  const solution = solve(solver, buildLp(problem), withGreeks(problem));
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
