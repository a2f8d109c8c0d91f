/**
 * The option-adjusted functions over ranges: OAS, DURATION_OAS, CONVEXITY_OAS and KRD_OAS (bonds
 * with call schedules against a curve, from clean prices, on the Hull–White lattice; core:
 * risk/oasRisk.ts).
 *
 * The bond arguments are parsed and broadcast as in the curve functions. `calls`: for one bond, a
 * range of rows `date, price[, style]`, one date cell (callable at par, American, from then on)
 * or schedule text (`2029-06-01@102; 2031-06-01@100; bermudan`); for a column of bonds, a column
 * of dates or schedule texts, one per bond (one cell applies to every bond). A blank cell: not
 * callable. A bad schedule gives that bond's error. The curve, the model (vol, mean_reversion),
 * keys and options are whole-call arguments. Bonds are grouped by settlement date, each group
 * priced on one lattice per curve.
 */
import { checkPrice } from "../../core/bond";
import { hwStepsPerYear } from "../../core/conventions";
import { InvalidValueError, KeyrateError, NoSolutionError } from "../../core/errors";
import { CallSchedule } from "../../core/instruments/callSchedule";
import {
  callScheduleFromCell,
  callScheduleFromRows,
} from "../../core/instruments/callScheduleText";
import { makeMarket } from "../../core/market/market";
import { hullWhiteParams } from "../../core/models/hullWhite";
import { OasRisk, oasRisk } from "../../core/risk/oasRisk";
import { ShiftOn } from "../../core/curve";
import { parseBondRange, ParsedRange, toResult } from "./bondFunctions";
import { Arg, asMatrix, guard, isBlank, parseNumber, Result, ResultCell } from "./cells";
import { curveOptions, parseKeys, parseShiftOn, singleCell } from "./curveArgs";

const BOND_NAMES = ["settlement", "maturity", "coupon", "price", "frequency", "basis"];

/** Schedules per bond of the parsed range (null: not callable); a bad one is that bond's error. */
export function parseCallsArg(
  calls: Arg,
  p: Pick<ParsedRange, "rows" | "cols" | "errors">
): (CallSchedule | null)[] {
  const m = asMatrix(calls);
  const count = p.rows * p.cols;
  const out: (CallSchedule | null)[] = new Array(count).fill(null);
  if (!m) return out;
  const each = (i: number, read: () => CallSchedule | null) => {
    try {
      out[i] = read();
    } catch (e) {
      if (!(e instanceof KeyrateError)) throw e;
      p.errors[i] ??= e;
    }
  };
  if (m.length === 1 && m[0].length === 1) {
    for (let i = 0; i < count; i++) each(i, () => callScheduleFromCell(m[0][0]));
    return out;
  }
  if (count === 1) {
    // One bond: rows date, price[, style] (or a single column of dates at par).
    each(0, () => callScheduleFromRows(m));
    return out;
  }
  if (m[0].length !== 1 || m.length !== p.rows || p.cols !== 1) {
    throw new InvalidValueError(
      `calls: for a column of ${p.rows} bonds give a column of ${p.rows} call dates or schedule texts, got a ${m.length}×${m[0].length} range`,
      `${m.length}×${m[0].length}`,
      "calls"
    );
  }
  for (let i = 0; i < count; i++) {
    const v = m[i][0];
    each(i, () => (isBlank(v) ? null : callScheduleFromCell(v)));
  }
  return out;
}

function optionalNumber(arg: Arg, argument: string): number | undefined {
  const v = singleCell(arg, argument);
  return v === undefined ? undefined : parseNumber(v, argument);
}

/** Runs oasRisk per settlement date; figures land in the parsed range's order. */
function oasOverRange(
  args: {
    bonds: Arg[];
    curve: Arg;
    calls: Arg;
    vol: Arg;
    meanReversion: Arg;
    curveKind: Arg;
    interpolation: Arg;
    keys?: Arg;
    shiftOn?: Arg;
  },
  withKeys: boolean
): {
  p: ParsedRange;
  pick: (f: (r: OasRisk, j: number) => number) => (i: number) => number;
  nk: number;
} {
  const { spec, interpolation } = curveOptions(args.curve, args.curveKind, args.interpolation);
  const model = hullWhiteParams(
    optionalNumber(args.vol, "vol"),
    optionalNumber(args.meanReversion, "mean_reversion")
  );
  const keysMonths = withKeys ? parseKeys(args.keys) : [];
  const shiftOn: ShiftOn | undefined = withKeys ? parseShiftOn(args.shiftOn, spec.kind) : undefined;
  const p = parseBondRange(args.bonds, BOND_NAMES, (x) => checkPrice(x));
  const calls = parseCallsArg(args.calls, p);
  const count = p.rows * p.cols;
  const settlements = new Set<number>();
  for (let i = 0; i < count; i++) if (!p.errors[i]) settlements.add(p.terms.settlement[i]);
  const owner: { risk: OasRisk }[] = new Array(count);
  for (const settlement of settlements) {
    const market = makeMarket({
      settlement,
      curve: spec,
      interpolation,
      keysMonths,
      shiftOn,
      hullWhite: model,
    });
    const risk = oasRisk(
      market,
      {
        terms: p.terms,
        clean: p.quote,
        calls,
        include: (i) => !p.errors[i] && p.terms.settlement[i] === settlement,
      },
      { stepsPerYear: hwStepsPerYear(model.volatility), keys: withKeys }
    );
    const holder = { risk };
    for (let i = 0; i < count; i++)
      if (!p.errors[i] && p.terms.settlement[i] === settlement) owner[i] = holder;
  }
  return {
    p,
    nk: keysMonths.length,
    pick: (f) => (i) => (owner[i] ? f(owner[i].risk, i) : NaN),
  };
}

const NO_OAS = "no OAS over this curve and model reprices the price";

function oasFigure(args: Arg[], f: (r: OasRisk, i: number) => number, what: string): Result {
  return guard(() => {
    const [settlement, maturity, coupon, price, frequency, curve, calls, basis, vol, a] = args;
    const [curveKind, interpolation] = args.slice(10);
    const { p, pick } = oasOverRange(
      {
        bonds: [settlement, maturity, coupon, price, frequency, basis],
        curve,
        calls,
        vol,
        meanReversion: a,
        curveKind,
        interpolation,
      },
      false
    );
    return toResult(p, pick(f), `${what}: ${NO_OAS}`);
  });
}

/** KEYRATE.OAS: the constant spread on the lattice's short rate that reprices the dirty price; decimal, continuous. */
export function oas(...args: Arg[]): Result {
  return oasFigure(args, (r, i) => r.oas[i], "OAS");
}

/** KEYRATE.DURATION_OAS: curve ±1 bp, lattice re-fitted, OAS held, ÷ dirty price; years. */
export function durationOas(...args: Arg[]): Result {
  return oasFigure(args, (r, i) => r.duration[i], "OAS duration");
}

/** KEYRATE.CONVEXITY_OAS: curve ±1 bp, lattice re-fitted, OAS held; years². */
export function convexityOas(...args: Arg[]): Result {
  return oasFigure(args, (r, i) => r.convexity[i], "OAS convexity");
}

/**
 * KEYRATE.KRD_OAS: OAS key-rate durations (years), a row per bond. Arguments: settlement,
 * maturity, coupon, price, frequency, curve, calls, [basis], [vol], [mean_reversion], [keys],
 * [shift_on], [curve_kind], [interpolation].
 */
export function krdOas(...args: Arg[]): Result {
  return guard(() => {
    const [settlement, maturity, coupon, price, frequency, curve, calls, basis, vol, a] = args;
    const [keys, shiftOn, curveKind, interpolation] = args.slice(10);
    const { p, pick, nk } = oasOverRange(
      {
        bonds: [settlement, maturity, coupon, price, frequency, basis],
        curve,
        calls,
        vol,
        meanReversion: a,
        curveKind,
        interpolation,
        keys,
        shiftOn,
      },
      true
    );
    if (p.cols !== 1) {
      throw new InvalidValueError(
        `the bond arguments span ${p.cols} columns: give one bond or a column of bonds; each bond spills a row of ${nk} KRDs`,
        `${p.rows}×${p.cols}`,
        "settlement"
      );
    }
    const out: Result = [];
    for (let i = 0; i < p.rows; i++) {
      const row: ResultCell[] = [];
      for (let k = 0; k < nk; k++) {
        const v = pick((r, j) => r.krd[j * nk + k])(i);
        row.push(
          p.errors[i] ?? (Number.isFinite(v) ? v : new NoSolutionError(`KRD_OAS: ${NO_OAS}`, v))
        );
      }
      out.push(row);
    }
    return out;
  });
}
