/**
 * The MBS cell functions: a pool's cash flows at a fixed speed (MBS_CASHFLOWS) and its OAS,
 * option-adjusted duration and convexity (MBS_OAS, MBS_DURATION, MBS_CONVEXITY) on a curve, by
 * Monte Carlo on Hull–White paths (core/mbs). A column of pools spills a column of results.
 */
import { DEFAULT_MBS_PATHS, DEFAULT_MBS_SEED } from "../../core/conventions";
import { parseDate } from "../../core/dates";
import { InvalidValueError, NoSolutionError } from "../../core/errors";
import { makeMarket } from "../../core/market/market";
import { mbsFigures, MbsFigures } from "../../core/mbs/analytics";
import { parseProgram } from "../../core/mbs/program";
import {
  checkPoolTerms,
  checkSpeed,
  FixedSpeed,
  parseSpeedText,
  poolCashFlows,
} from "../../core/mbs/staticCashFlows";
import { mbsModel } from "../../core/mbs/valuation";
import { hullWhiteParams } from "../../core/models/hullWhite";
import { Arg, guard, isBlank, parseNumber, Result, rowwise } from "./cells";
import { curveOptions, singleCell } from "./curveArgs";

/** MBS_CASHFLOWS(coupon, wac, wam, wala, speed, [speed_kind], [balance]): one row per month. */
export function mbsCashFlows(
  coupon: Arg,
  wac: Arg,
  wam: Arg,
  wala: Arg,
  speed: Arg,
  speedKind?: Arg,
  balance?: Arg
): Result {
  return guard(() => {
    const num = (a: Arg, name: string) => parseNumber(singleCell(a, name), name);
    const kindCell = singleCell(speedKind, "speed_kind");
    const kind = kindCell === undefined ? "PSA" : String(kindCell).trim().toUpperCase();
    if (kind !== "PSA" && kind !== "CPR")
      throw new InvalidValueError('speed_kind: expected "PSA" or "CPR"', kindCell, "speed_kind");
    const s: FixedSpeed = checkSpeed({ kind, value: num(speed, "speed") }, "speed");
    const b = singleCell(balance, "balance") === undefined ? 100 : num(balance, "balance");
    const c = num(coupon, "coupon");
    const w = num(wac, "wac");
    const n = num(wam, "wam");
    const a = num(wala, "wala");
    checkPoolTerms(c, w, n, a);
    const cf = poolCashFlows(c, w, n, a, s, b);
    return Array.from({ length: n }, (_, i) => [
      cf.month[i],
      cf.beginBalance[i],
      cf.scheduled[i],
      cf.prepayment[i],
      cf.interest[i],
      cf.total[i],
      cf.endBalance[i],
      cf.smm[i],
    ]);
  });
}

const POOL_NAMES = ["settlement", "coupon", "wac", "wam", "wala", "price"];

/**
 * One figure per pool. Arguments: settlement, coupon, wac, wam, wala, price, curve, [vol],
 * [mean_reversion], [paths], [prepay], [curve_kind], [interpolation], [program].
 */
function mbsFigure(
  args: readonly Arg[],
  pick: (f: MbsFigures) => number,
  what: string,
  keys = false,
  ladder = true
): Result {
  return guard(() => {
    const [
      settlement,
      coupon,
      wac,
      wam,
      wala,
      price,
      curve,
      vol,
      a,
      paths,
      prepay,
      kind,
      interp,
      program,
    ] = args;
    const { spec, interpolation } = curveOptions(curve, kind, interp);
    const hw = hullWhiteParams(
      numberOrUndefined(singleCell(vol, "vol"), "vol"),
      numberOrUndefined(singleCell(a, "mean_reversion"), "mean_reversion")
    );
    const pathCell = numberOrUndefined(singleCell(paths, "paths"), "paths");
    const model = mbsModel(hw, pathCell ?? DEFAULT_MBS_PATHS, DEFAULT_MBS_SEED);
    if (!(Number.isInteger(model.paths) && model.paths >= 2 && model.paths <= 100000))
      throw new InvalidValueError("paths: a whole number from 2 to 100,000", pathCell, "paths");
    const speed = parseSpeedText(singleCell(prepay, "prepay"));
    const prog = parseProgram(singleCell(program, "program"));
    return rowwise([settlement, coupon, wac, wam, wala, price], POOL_NAMES, 1, (cells) => {
      const settle = parseDate(cells[0], "settlement");
      const [c, w, n, age, p] = cells.slice(1).map((v, i) => parseNumber(v, POOL_NAMES[i + 1]));
      checkPoolTerms(c, w, n, age);
      if (!(p > 0)) throw new InvalidValueError("price: a clean price above 0 per 100", p, "price");
      const market = makeMarket({ settlement: settle, curve: spec, interpolation, hullWhite: hw });
      const cohort = {
        program: prog,
        coupon: c,
        wac: w,
        wam: n,
        wala: age,
        ...(speed ? { speed } : {}),
      };
      const f = mbsFigures(market, cohort, p, model, { keys, ladder });
      if (!Number.isFinite(f.oas))
        throw new NoSolutionError(`${what}: no OAS over this curve reprices the price`, p, "price");
      return [pick(f)];
    });
  });
}

function numberOrUndefined(v: unknown, name: string): number | undefined {
  return v === undefined || isBlank(v) ? undefined : parseNumber(v, name);
}

/** MBS_OAS: option-adjusted spread, decimal (continuously compounded, ACT/365F). */
export function mbsOas(...args: Arg[]): Result {
  return mbsFigure(args, (f) => f.oas, "OAS", false, false);
}

/** MBS_DURATION: option-adjusted duration (curve ±1 bp, paths re-simulated, OAS held), years. */
export function mbsDuration(...args: Arg[]): Result {
  return mbsFigure(args, (f) => f.oad, "OAD");
}

/** MBS_CONVEXITY: option-adjusted convexity, years². */
export function mbsConvexity(...args: Arg[]): Result {
  return mbsFigure(args, (f) => f.oac, "OAC");
}
