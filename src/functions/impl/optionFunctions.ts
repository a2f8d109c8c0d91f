/**
 * SWAPTION, CAPFLOOR, FUTURES_OPTION and their greeks (SWAPTION_GREEKS, CAPFLOOR_GREEKS,
 * FUTURES_OPTION_GREEKS) over ranges. The pricing functions are cellwise (a column of expiries
 * gives a column of premiums); the greeks functions take one option and spill a labelled table
 * (label, value, unit) with the same arguments as the pricing function, plus optional ones.
 */
import {
  DEFAULT_OPTION_CURVE_KIND,
  DEFAULT_OPTION_NOTIONAL,
  shiftMethod,
} from "../../core/conventions";
import {
  CURVE_KINDS,
  parseInterpolation,
  parseOption,
  parseTenor,
  tenorLabel,
} from "../../core/curve";
import { buildCurve, CurveSpec, Interpolation, parseCurveRange } from "../../core/curve";
import { parseDate } from "../../core/dates";
import { MissingValueError } from "../../core/errors";
import { contractSpec, parseContract } from "../../core/futures/contracts";
import { makeMarket } from "../../core/market/market";
import { futuresOptionPrice, to64ths } from "../../core/options/futuresOptions";
import { futuresOptionRisk } from "../../core/options/futuresOptionGreeks";
import { optionGreeks, rateOptionPricer } from "../../core/options/optionRisk";
import {
  legForwards,
  prepareRateOptions,
  RateOptionPosition,
  rateOptionValues,
} from "../../core/options/rateOptions";
import { parse32 } from "../../core/quote32";
import { Arg, asMatrix, cellwise, guard, isBlank, parseNumber, Result, ResultCell } from "./cells";
import { parseKeys, parseSettlementArg, singleCell } from "./curveArgs";
import { checkDecimalRate } from "./rateArgs";

const BACHELIER = "Bachelier (normal vol), ACT/365F to expiry";

interface RateCurve {
  settlement: number;
  spec: CurveSpec;
  interpolation: Interpolation;
}

function rateCurve(settlement: Arg, curve: Arg, curveKind: Arg, interpolation: Arg): RateCurve {
  const kind = parseOption(
    singleCell(curveKind, "curve_kind"),
    CURVE_KINDS,
    DEFAULT_OPTION_CURVE_KIND,
    "curve_kind"
  );
  const m = asMatrix(curve);
  if (!m)
    throw new MissingValueError(
      "curve: no range given; select a two-column range of tenor and SOFR OIS rate",
      curve,
      "curve"
    );
  return {
    settlement: parseSettlementArg(settlement),
    spec: parseCurveRange(m, kind),
    interpolation: parseInterpolation(singleCell(interpolation, "interpolation")),
  };
}

function decimal(v: unknown, argument: string): number {
  const x = parseNumber(v, argument);
  checkDecimalRate(x, argument);
  return x;
}

function notionalOf(v: unknown): number {
  return isBlank(v) ? DEFAULT_OPTION_NOTIONAL : parseNumber(v, "notional");
}

function swaptionOf(cells: unknown[]): RateOptionPosition {
  const [expiry, tenor, strike, vol, type, notional] = cells;
  return {
    kind: "swaption",
    expiry: parseDate(expiry, "expiry"),
    months: parseTenor(tenor, "tenor"),
    strike: decimal(strike, "strike"),
    vol: parseNumber(vol, "vol"),
    payer:
      parseOption(isBlank(type) ? undefined : type, ["payer", "receiver"], "payer", "type") ===
      "payer",
    notional: notionalOf(notional),
  };
}

function capFloorOf(cells: unknown[]): RateOptionPosition {
  const [start, tenor, strike, vol, type, notional] = cells;
  return {
    kind: "capfloor",
    start: parseDate(start, "start"),
    months: parseTenor(tenor, "tenor"),
    strike: decimal(strike, "strike"),
    vol: parseNumber(vol, "vol"),
    cap: parseOption(isBlank(type) ? undefined : type, ["cap", "floor"], "cap", "type") === "cap",
    notional: notionalOf(notional),
  };
}

const RATE_NAMES = ["expiry", "tenor", "strike", "vol", "type", "notional"];
const CAP_NAMES = ["start", "tenor", "strike", "vol", "type", "notional"];

function ratePremium(
  of: (cells: unknown[]) => RateOptionPosition,
  names: string[],
  settlement: Arg,
  args: Arg[],
  curve: Arg,
  curveKind: Arg,
  interpolation: Arg
): Result {
  return guard(() => {
    const c = rateCurve(settlement, curve, curveKind, interpolation);
    const zero = buildCurve(c.spec, c.settlement, c.interpolation);
    return cellwise(args, names, (cells) => {
      const book = prepareRateOptions(c.settlement, [of(cells)]);
      return rateOptionValues(book, zero)[0];
    });
  });
}

/** KEYRATE.SWAPTION: premium (money) of a physically settled SOFR swaption, Bachelier. */
export function swaptionFn(
  settlement: Arg,
  expiry: Arg,
  tenor: Arg,
  strike: Arg,
  vol: Arg,
  curve: Arg,
  type?: Arg,
  notional?: Arg,
  curveKind?: Arg,
  interpolation?: Arg
): Result {
  return ratePremium(
    swaptionOf,
    RATE_NAMES,
    settlement,
    [expiry, tenor, strike, vol, type, notional],
    curve,
    curveKind,
    interpolation
  );
}

/** KEYRATE.CAPFLOOR: premium (money) of a SOFR cap or floor, quarterly Bachelier caplets. */
export function capFloorFn(
  settlement: Arg,
  start: Arg,
  tenor: Arg,
  strike: Arg,
  vol: Arg,
  curve: Arg,
  type?: Arg,
  notional?: Arg,
  curveKind?: Arg,
  interpolation?: Arg
): Result {
  return ratePremium(
    capFloorOf,
    CAP_NAMES,
    settlement,
    [start, tenor, strike, vol, type, notional],
    curve,
    curveKind,
    interpolation
  );
}

type Row = [string, ResultCell, string];

function rateGreeks(position: RateOptionPosition, c: RateCurve, keys: readonly number[]): Result {
  const market = makeMarket({
    settlement: c.settlement,
    curve: c.spec,
    interpolation: c.interpolation,
    keysMonths: keys,
  });
  const book = prepareRateOptions(c.settlement, [position]);
  const g = optionGreeks(rateOptionPricer(book), market);
  const rows: Row[] = [["Premium", g.value[0], "money"]];
  if (position.kind === "swaption") {
    const { forward, annuity } = legForwards(
      book,
      buildCurve(c.spec, c.settlement, c.interpolation)
    );
    rows.push(["Forward swap rate", forward[0], "decimal"]);
    rows.push(["Annuity", annuity[0], "years (Σ α·DF per 1 of notional)"]);
  }
  rows.push(
    ["DV01", g.dv01[0], "money per 1 bp fall in rates"],
    ["Gamma", g.gamma[0], "change of DV01 for 1 bp, money"],
    ["Vega", g.vega[0], "money per 1 bp of normal vol"],
    ["Theta", g.theta[0], "money per calendar day"]
  );
  keys.forEach((m, k) =>
    rows.push([`KR DV01 ${tenorLabel(m)}`, g.krDv01[k], "money per 1 bp fall at the key"])
  );
  rows.push([
    "Method",
    `${BACHELIER}; greeks by ±${market.bumpBp} bp ladder bumps (${shiftMethod(market.shiftOn)})`,
    "",
  ]);
  return rows;
}

/** One swaption's or cap/floor's greeks table: its single cells read by name, the curve once. */
function rateOptionGreeksTable(
  of: (cells: unknown[]) => RateOptionPosition,
  names: readonly string[],
  settlement: Arg,
  args: Arg[],
  curve: Arg,
  curveKind: Arg | undefined,
  interpolation: Arg | undefined,
  keys: Arg | undefined
): Result {
  return guard(() => {
    const c = rateCurve(settlement, curve, curveKind, interpolation);
    const cells = args.map((a, i) => singleCell(a, names[i]));
    return rateGreeks(of(cells), c, parseKeys(keys));
  });
}

/** KEYRATE.SWAPTION_GREEKS: one swaption's premium, forward, annuity and greeks, spilled. */
export function swaptionGreeksFn(
  settlement: Arg,
  expiry: Arg,
  tenor: Arg,
  strike: Arg,
  vol: Arg,
  curve: Arg,
  type?: Arg,
  notional?: Arg,
  curveKind?: Arg,
  interpolation?: Arg,
  keys?: Arg
): Result {
  return rateOptionGreeksTable(
    swaptionOf,
    RATE_NAMES,
    settlement,
    [expiry, tenor, strike, vol, type, notional],
    curve,
    curveKind,
    interpolation,
    keys
  );
}

/** KEYRATE.CAPFLOOR_GREEKS: one cap or floor's premium and greeks, spilled. */
export function capFloorGreeksFn(
  settlement: Arg,
  start: Arg,
  tenor: Arg,
  strike: Arg,
  vol: Arg,
  curve: Arg,
  type?: Arg,
  notional?: Arg,
  curveKind?: Arg,
  interpolation?: Arg,
  keys?: Arg
): Result {
  return rateOptionGreeksTable(
    capFloorOf,
    CAP_NAMES,
    settlement,
    [start, tenor, strike, vol, type, notional],
    curve,
    curveKind,
    interpolation,
    keys
  );
}

function futuresQuote(cells: unknown[], settlement: number) {
  const [expiry, futuresPrice, strike, vol, rate, type, style] = cells;
  const r = parseNumber(rate, "rate");
  checkDecimalRate(r, "rate");
  return {
    settlement,
    expiry: parseDate(expiry, "expiry"),
    futuresPrice: parse32(futuresPrice, "futures_price"),
    strike: parse32(strike, "strike"),
    vol: parseNumber(vol, "vol"),
    rate: r,
    call: parseOption(isBlank(type) ? undefined : type, ["call", "put"], "call", "type") === "call",
    american:
      parseOption(
        isBlank(style) ? undefined : style,
        ["american", "european"],
        "american",
        "style"
      ) === "american",
  };
}

const FUTURES_NAMES = ["expiry", "futures_price", "strike", "vol", "rate", "type", "style"];

/** KEYRATE.FUTURES_OPTION: price (points per 100, or 64ths text) of a Treasury futures option. */
export function futuresOptionFn(
  settlement: Arg,
  expiry: Arg,
  futuresPrice: Arg,
  strike: Arg,
  vol: Arg,
  rate: Arg,
  type?: Arg,
  style?: Arg,
  quote?: Arg
): Result {
  return guard(() => {
    const settle = parseSettlementArg(settlement);
    const as64 =
      parseOption(singleCell(quote, "quote"), ["points", "64ths"], "points", "quote") === "64ths";
    return cellwise(
      [expiry, futuresPrice, strike, vol, rate, type, style],
      FUTURES_NAMES,
      (cells) => {
        const q = futuresQuote(cells, settle);
        const p = futuresOptionPrice(
          q.futuresPrice,
          q.strike,
          q.vol,
          (q.expiry - settle) / 365,
          q.rate,
          q.call,
          q.american
        );
        return as64 ? to64ths(p) : p;
      }
    );
  });
}

/** KEYRATE.FUTURES_OPTION_GREEKS: one futures option position's price and greeks, spilled. */
export function futuresOptionGreeksFn(
  settlement: Arg,
  expiry: Arg,
  futuresPrice: Arg,
  strike: Arg,
  vol: Arg,
  rate: Arg,
  type?: Arg,
  style?: Arg,
  contracts?: Arg,
  futuresDv01?: Arg,
  contract?: Arg
): Result {
  return guard(() => {
    const settle = parseSettlementArg(settlement);
    const cells = [expiry, futuresPrice, strike, vol, rate, type, style].map((a, i) =>
      singleCell(a, FUTURES_NAMES[i])
    );
    const q = futuresQuote(cells, settle);
    const n = singleCell(contracts, "contracts");
    const d = singleCell(futuresDv01, "futures_dv01");
    const code = singleCell(contract, "contract");
    const spec = code === undefined ? contractSpec("ZN") : parseContract(code, "contract");
    const r = futuresOptionRisk(
      q,
      n === undefined ? 1 : parseNumber(n, "contracts"),
      spec.face,
      d === undefined ? undefined : parseNumber(d, "futures_dv01")
    );
    const needs = (v: number | undefined): ResultCell =>
      v ?? new MissingValueError("give futures_dv01 (see FUTURES_DV01)", undefined, "futures_dv01");
    const rows: Row[] = [
      ["Price", r.price, "points per 100"],
      ["Price (64ths)", r.quote64, "points-64ths"],
      ["Premium", r.premium, `money (contracts × ${spec.face.toLocaleString("en-US")}/100)`],
      ["Delta", r.delta, "option points per futures point"],
      ["DV01", needs(r.dv01), "money per 1 bp fall in yields (delta × futures DV01)"],
      ["Gamma", needs(r.gamma), "change of DV01 for 1 bp, money"],
      ["Vega", r.vega, "money per 1% of price vol"],
      ["Theta", r.theta, "money per calendar day"],
      ["Yield vol", needs(r.yieldVolBp), "normal, bp a year (price vol × F ÷ points per bp)"],
      [
        "Method",
        `${q.american ? "Barone-Adesi–Whaley (American)" : "Black-76 (European)"} on the futures price, ACT/365F, rate continuous`,
        "",
      ],
    ];
    return rows;
  });
}
