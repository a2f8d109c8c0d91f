/**
 * The scenario functions over ranges: SCENARIO_PNL and SCENARIO_PNL_KRD (estimates from given
 * risk figures), SCENARIO_REVAL (full revaluation of a holdings range under a key-rate move) and
 * SCENARIOS (the scenario matrix). Holdings, curves, keys and settlement are parsed as in the curve
 * functions (curveFunctions.ts); the scenario library and hedges ranges by the core parsers.
 */
import { InvalidValueError, MissingValueError } from "../../core/errors";
import {
  analyseScenarios,
  defaultScenarios,
  DEFAULT_HORIZON_MONTHS,
  parseHedgesRange,
  parseScenarioLibrary,
  revalueProfile,
  scenarioBook,
} from "../../core/scenarios";
import {
  Arg,
  asMatrix,
  cellwise,
  guard,
  isBlank,
  parseNumber,
  Result,
  ResultCell,
  vectorCells,
} from "./cells";
import { parseCurveArg, parseKeys, singleCell } from "./curveArgs";
import { measurePortfolio } from "./portfolioFunctions";

/** KEYRATE.SCENARIO_PNL: −MV·D·Δy + ½·MV·C·Δy², Δy = shift_bp/10,000; money. Ranges broadcast. */
export function scenarioPnl(marketValue: Arg, duration: Arg, convexity: Arg, shiftBp: Arg): Result {
  return cellwise(
    [marketValue, duration, convexity, shiftBp],
    ["market_value", "duration", "convexity", "shift_bp"],
    ([mv, d, c, s]) => {
      const v = parseNumber(mv, "market_value");
      const dy = parseNumber(s, "shift_bp") * 1e-4;
      return -v * parseNumber(d, "duration") * dy + 0.5 * v * parseNumber(c, "convexity") * dy * dy;
    }
  );
}

/** The cells of a row or column argument, in order. */
function vector(arg: Arg, name: string): unknown[] {
  const m = asMatrix(arg);
  if (!m) throw new MissingValueError(`${name}: no range given`, arg, name);
  return vectorCells(m, name);
}

/**
 * KEYRATE.SCENARIO_PNL_KRD: −MV·Σ KRDₖ·Δyₖ, Δyₖ = shift_row_bp/10,000; money. `krd_row` and
 * `shift_row_bp` must have the same number of cells.
 */
export function scenarioPnlKrd(marketValue: Arg, krdRow: Arg, shiftRowBp: Arg): Result {
  return guard(() => {
    const krd = vector(krdRow, "krd_row");
    const shift = vector(shiftRowBp, "shift_row_bp");
    if (krd.length !== shift.length) {
      throw new InvalidValueError(
        `krd_row has ${krd.length} cells but shift_row_bp has ${shift.length}: give one shift per KRD`,
        `${krd.length}≠${shift.length}`,
        "shift_row_bp"
      );
    }
    let sum = 0;
    krd.forEach((k, i) => {
      sum +=
        parseNumber(k, `krd_row cell ${i + 1}`) *
        parseNumber(shift[i], `shift_row_bp cell ${i + 1}`) *
        1e-4;
    });
    return cellwise(
      [marketValue],
      ["market_value"],
      ([mv]) => -parseNumber(mv, "market_value") * sum
    );
  });
}

/**
 * KEYRATE.SCENARIO_REVAL: full-revaluation P&L (money) of the holdings range under a move of
 * `shift_row_bp` at the keys (default 3M … 30Y), linear in time between them and flat outside;
 * par yields re-bootstrapped for a par curve, zero rates for a zero curve; Z-spreads held.
 */
export function scenarioReval(
  holdings: Arg,
  curve: Arg,
  shiftRowBp: Arg,
  keys?: Arg,
  settlement?: Arg,
  curveKind?: Arg,
  interp?: Arg
): Result {
  return guard(() => {
    const keysMonths = parseKeys(keys);
    const shift = vector(shiftRowBp, "shift_row_bp");
    if (shift.length !== keysMonths.length) {
      throw new InvalidValueError(
        `shift_row_bp has ${shift.length} cells but there are ${keysMonths.length} keys: give one shift (bp) per key`,
        `${shift.length}≠${keysMonths.length}`,
        "shift_row_bp"
      );
    }
    const bp = shift.map((v, i) => parseNumber(v, `shift_row_bp cell ${i + 1}`));
    const m = measurePortfolio(holdings, curve, settlement, curveKind, interp, keysMonths);
    const book = scenarioBook(m.holdings, m.market, m.exposure);
    return [[revalueProfile(book, { months: keysMonths, bp }).pnl]];
  });
}

/** The header row of SCENARIOS. */
export const SCENARIOS_HEADER = [
  "Scenario",
  "Unhedged P&L (money, full revaluation)",
  "Hedged P&L (money, full revaluation)",
  "Unhedged P&L (% of MV)",
  "Hedged P&L (% of MV)",
  "Price return, unhedged, horizon (% of MV)",
  "Total return, unhedged, horizon (% of MV)",
  "Estimate (money; D/C parallel, KR DV01 curve)",
  "Estimate error (money, full − estimate)",
];

/**
 * KEYRATE.SCENARIOS: the scenario matrix. Arguments: holdings, curve, [hedges], [scenarios]
 * (a library range; default the bundled library), [horizon_months] (default 3), [settlement],
 * [swap_curve], [curve_kind], [interpolation].
 */
export function scenariosFn(
  holdings: Arg,
  curve: Arg,
  hedges?: Arg,
  scenarios?: Arg,
  horizonMonths?: Arg,
  settlement?: Arg,
  swapCurve?: Arg,
  curveKind?: Arg,
  interp?: Arg
): Result {
  return guard(() => {
    const m = measurePortfolio(holdings, curve, settlement, curveKind, interp);
    const hedgeRange = asMatrix(hedges);
    const libRange = asMatrix(scenarios);
    const horizon = singleCell(horizonMonths, "horizon_months");
    const months =
      horizon === undefined ? DEFAULT_HORIZON_MONTHS : parseNumber(horizon, "horizon_months");
    const swap = asMatrix(swapCurve);
    const a = analyseScenarios({
      holdings: m.holdings,
      market: swap ? { ...m.market, swapCurve: parseCurveArg(swap, "sofr_ois") } : m.market,
      exposure: m.exposure,
      scenarios:
        libRange && !isBlank(libRange[0][0]) ? parseScenarioLibrary(libRange) : defaultScenarios(),
      hedges: hedgeRange && !isBlank(hedgeRange[0][0]) ? parseHedgesRange(hedgeRange) : undefined,
      horizonMonths: months,
    });
    const mv = a.marketValue;
    const rows: ResultCell[][] = [SCENARIOS_HEADER];
    for (const r of a.rows) {
      rows.push([
        r.scenario.name,
        r.unhedged,
        r.hedged,
        r.unhedgedPct,
        r.hedgedPct,
        r.horizon.priceReturn / mv,
        r.horizon.totalReturn / mv,
        r.estimate,
        r.estimateError,
      ]);
    }
    const pad = (cells: ResultCell[]) => [
      ...cells,
      ...new Array<ResultCell>(SCENARIOS_HEADER.length - cells.length).fill(""),
    ];
    rows.push(pad([]));
    const be = (x: number) => (Number.isFinite(x) ? x : "none within ±2,000 bp");
    rows.push(
      pad([
        `Breakeven (bp, parallel at the ${a.horizon.months}M horizon; unhedged, hedged)`,
        be(a.breakevenUnhedged),
        be(a.breakevenHedged),
      ])
    );
    rows.push(
      pad([`Horizon carry (money; % of MV)`, a.carry.totalReturn, a.carry.totalReturn / mv])
    );
    return rows;
  });
}
