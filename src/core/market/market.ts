/**
 * The market a run prices against: the settlement date, the curve (Treasury par yields by default)
 * with its interpolation and shift rule, the keys and bump of the risk ladder, and the optional
 * SOFR OIS swap curve and repo. Immutable: a shocked market is a new curve (shock.ts), never an
 * edit. Defaults come from the conventions module.
 */
import {
  DEFAULT_BUMP_BP,
  DEFAULT_INTERPOLATION,
  DEFAULT_KEYS_MONTHS,
  defaultShiftOn,
  isParKind,
} from "../conventions";
import { parYieldOf } from "../curve/bootstrap";
import { buildCurve, CurveSpec, ShiftOn } from "../curve/curveSpec";
import { Interpolation } from "../curve/interpolation";
import { ZeroCurve } from "../curve/zeroCurve";
import { InvalidValueError } from "../errors";
import { HullWhiteParams, hullWhiteParams } from "../models/hullWhite";

/** One curve as priced against: what a shock moves. */
export interface CurveMarket {
  /** Settlement date, Excel serial; curve time is ACT/365F from it. */
  readonly settlement: number;
  readonly curve: CurveSpec;
  readonly interpolation: Interpolation;
  /** What the ladder's shifts move: par yields (re-bootstrapped) or zero rates. */
  readonly shiftOn: ShiftOn;
  /** Key tenors of the key-rate ladder, months, increasing. */
  readonly keysMonths: readonly number[];
  /** Size of every ladder bump, basis points. */
  readonly bumpBp: number;
  /** The short-rate model of the option-adjusted engines (callables, MBS), defaults resolved. */
  readonly hullWhite: HullWhiteParams;
}

export interface Market extends CurveMarket {
  /** SOFR OIS par swap rates that swaps are priced on; absent: the Treasury curve's implied. */
  readonly swapCurve?: CurveSpec;
  /** Where the curve came from, for every figure's method text ("Curve!A1:B14", "bundled"). */
  readonly curveSource: string;
}

export interface MarketInput {
  readonly settlement: number;
  readonly curve: CurveSpec;
  readonly interpolation?: Interpolation;
  readonly shiftOn?: ShiftOn;
  readonly keysMonths?: readonly number[];
  readonly bumpBp?: number;
  /** Hull–White parameters; absent: the defaults (conventions), named "default" in every method. */
  readonly hullWhite?: HullWhiteParams;
  readonly swapCurve?: CurveSpec;
  readonly curveSource?: string;
}

/**
 * A market with every default resolved (conventions module).
 * @throws InvalidValueError for par shifts on a zero curve.
 */
export function makeMarket(input: MarketInput): Market {
  const shiftOn = input.shiftOn ?? defaultShiftOn(input.curve.kind);
  if (shiftOn === "par" && !isParKind(input.curve.kind)) {
    throw new InvalidValueError(
      `shift_on: "par" shifts par yields, but the curve kind is "${input.curve.kind}" (zero rates)`,
      shiftOn,
      "shift_on"
    );
  }
  return Object.freeze({
    settlement: input.settlement,
    curve: input.curve,
    interpolation: input.interpolation ?? DEFAULT_INTERPOLATION,
    shiftOn,
    keysMonths: input.keysMonths ?? DEFAULT_KEYS_MONTHS,
    bumpBp: input.bumpBp ?? DEFAULT_BUMP_BP,
    hullWhite: input.hullWhite ?? hullWhiteParams(),
    swapCurve: input.swapCurve,
    curveSource: input.curveSource ?? "bundled default",
  });
}

/** The same market with the curve's default shift rule (scenario shapes move curves that way). */
export function withDefaultShift<M extends CurveMarket>(market: M): M {
  const shiftOn = defaultShiftOn(market.curve.kind);
  return market.shiftOn === shiftOn ? market : { ...market, shiftOn };
}

/** The unshocked zero curve of a market (cached by content). */
export function baseCurve(market: CurveMarket): ZeroCurve {
  return buildCurve(market.curve, market.settlement, market.interpolation);
}

/**
 * The SOFR OIS curve swaps are priced on, as a market of its own (par shifts, the same keys and
 * bump): the swap curve given, or the SOFR OIS par rates the Treasury curve implies (a zero swap
 * spread) at the Treasury curve's tenors.
 */
export function swapMarket(market: Market): CurveMarket {
  const curve: CurveSpec = market.swapCurve ?? {
    kind: "sofr_ois",
    months: market.curve.months,
    rates: market.curve.months.map((m) => parYieldOf(baseCurve(market), m, "sofr_ois")),
  };
  return { ...market, curve, shiftOn: "par" };
}
