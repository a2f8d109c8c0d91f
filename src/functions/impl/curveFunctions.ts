/**
 * The curve functions over ranges: KRD, DURATION_EFF, CONVEXITY_EFF, SPREAD_DURATION, ZSPREAD
 * (bonds against a curve, from clean prices), ZERO_RATES (the zero curve a curve range builds),
 * PORTFOLIO and PORTFOLIO_KRD (a holdings range against a curve).
 *
 * The bond arguments are parsed and broadcast as in the yield functions (`parseBondRange`); the
 * curve, keys and options are whole-call arguments (a bad one gives a single error). Bonds are
 * grouped by settlement date, each group in one kernel call.
 */
import { settlementDate } from "../../core/calendar/usGovernmentSecurities";
import { isoFromSerial, parseDate, serialFromYmd } from "../../core/dates";
import { InvalidValueError, MissingValueError, NoSolutionError } from "../../core/errors";
import { allocateTerms, BondTerms, checkPrice } from "../../core/bond";
import {
  buildCurve,
  CurveKind,
  curveRisk,
  CurveRisk,
  CurveRiskOptions,
  CurveSpec,
  DEFAULT_KEYS_MONTHS,
  Interpolation,
  parseCurveKind,
  parseCurveRange,
  parseInterpolation,
  isParKind,
  parseOption,
  parseTenor,
  SHIFT_ONS,
  ShiftOn,
  tenorLabel,
  tenorTime,
} from "../../core/curve";
import { HoldingProblem, Holdings, readHoldings } from "../../core/holdings";
import {
  curveTotals,
  CurveHoldingExposure,
  CurveTotals,
  holdingCurveExposure,
  sectorCurveExposure,
  SectorCurveExposure,
} from "../../core/portfolio/curveExposure";
import { parseBondRange, toResult } from "./bondFunctions";
import { Arg, asMatrix, cellwise, guard, isBlank, Result, ResultCell } from "./cells";

/** Names of the bond arguments of the curve functions, in signature order (price, not yield). */
const BOND_NAMES = ["settlement", "maturity", "coupon", "price", "frequency", "basis"];

/** The value of an argument that must be a single cell; undefined when omitted or blank. */
export function singleCell(arg: Arg, argument: string): unknown {
  const m = asMatrix(arg);
  if (!m) return undefined;
  if (m.length !== 1 || m[0].length !== 1) {
    throw new InvalidValueError(
      `${argument}: expected a single cell, got a ${m.length}×${m[0].length} range`,
      `${m.length}×${m[0].length}`,
      argument
    );
  }
  return isBlank(m[0][0]) ? undefined : m[0][0];
}

/** A curve range (two columns tenor|rate, header row allowed) of the given kind. */
export function parseCurveArg(curve: Arg, kind: CurveKind): CurveSpec {
  const m = asMatrix(curve);
  if (!m) {
    throw new MissingValueError(
      "curve: no range given; select a two-column range of tenor and rate",
      curve,
      "curve"
    );
  }
  return parseCurveRange(m, kind);
}

/**
 * Key tenors from a row or column of tenor labels ("3M", "2Y") or years, strictly increasing;
 * blank cells are skipped; omitted gives the default 10 keys.
 */
export function parseKeys(arg: Arg): readonly number[] {
  const m = asMatrix(arg);
  if (!m) return DEFAULT_KEYS_MONTHS;
  if (m.length > 1 && m[0].length > 1) {
    throw new InvalidValueError(
      `keys: expected a row or a column of tenors, got a ${m.length}×${m[0].length} range`,
      `${m.length}×${m[0].length}`,
      "keys"
    );
  }
  const cells = m.flat().filter((v) => !isBlank(v));
  if (!cells.length) return DEFAULT_KEYS_MONTHS;
  const months = cells.map((v) => parseTenor(v, "keys"));
  for (let i = 1; i < months.length; i++) {
    if (months[i] <= months[i - 1]) {
      throw new InvalidValueError(
        `keys: tenors must be distinct and increasing; ${tenorLabel(months[i])} follows ${tenorLabel(months[i - 1])}`,
        cells[i],
        "keys"
      );
    }
  }
  return months;
}

/**
 * Which rates the key-rate shifts move: "par" (default for a par curve: shift par yields and
 * re-bootstrap) or "zero". Par shifts need a par curve.
 */
export function parseShiftOn(arg: Arg, kind: CurveKind): ShiftOn {
  const value = singleCell(arg, "shift_on");
  const shiftOn = parseOption(value, SHIFT_ONS, isParKind(kind) ? "par" : "zero", "shift_on");
  if (shiftOn === "par" && !isParKind(kind)) {
    throw new InvalidValueError(
      `shift_on: "par" shifts par yields, but curve_kind is "${kind}" (zero rates); use "zero" or give a par curve`,
      value,
      "shift_on"
    );
  }
  return shiftOn;
}

/** Today's date on this computer's calendar, as an Excel serial. */
export function todaySerial(now: Date = new Date()): number {
  return serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The default settlement: T+1 business day after today on the US government securities calendar. */
export function defaultSettlement(now: Date = new Date()): number {
  return settlementDate(todaySerial(now));
}

/** An optional settlement argument: an Excel date or ISO text; blank gives {@link defaultSettlement}. */
export function parseSettlementArg(arg: Arg): number {
  const value = singleCell(arg, "settlement");
  return value === undefined ? defaultSettlement() : parseDate(value, "settlement");
}

/** Curve options shared by the functions: kind, interpolation and the parsed curve. */
function curveOptions(
  curve: Arg,
  curveKind: Arg,
  interpolation: Arg
): { spec: CurveSpec; interpolation: Interpolation } {
  const kind = parseCurveKind(singleCell(curveKind, "curve_kind"));
  const interp = parseInterpolation(singleCell(interpolation, "interpolation"));
  return { spec: parseCurveArg(curve, kind), interpolation: interp };
}

/**
 * {@link curveRisk} for bonds that may settle on different dates: one kernel call per distinct
 * settlement (bonds with invalid terms, settlement NaN, get NaN).
 */
export function curveRiskBySettlement(
  terms: BondTerms,
  cleanPrice: Float64Array,
  spec: CurveSpec,
  options: CurveRiskOptions
): CurveRisk {
  const count = terms.settlement.length;
  const keysMonths = options.keysMonths ?? DEFAULT_KEYS_MONTHS;
  const nk = keysMonths.length;
  const groups = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const s = terms.settlement[i];
    if (!Number.isFinite(s)) continue;
    const group = groups.get(s);
    if (group) group.push(i);
    else groups.set(s, [i]);
  }
  if (groups.size === 1) {
    const [settlement] = groups.keys();
    return curveRisk(settlement, terms, cleanPrice, spec, options);
  }
  const nan = (n: number) => new Float64Array(n).fill(NaN);
  const out = {
    count,
    keysMonths,
    zspread: nan(count),
    dirty: nan(count),
    effDuration: nan(count),
    effConvexity: nan(count),
    spreadDuration: nan(count),
    krd: nan(count * nk),
    krdGap: nan(count),
  };
  for (const [settlement, members] of groups) {
    const sub = allocateTerms(members.length);
    const price = new Float64Array(members.length);
    members.forEach((i, j) => {
      sub.settlement[j] = terms.settlement[i];
      sub.maturity[j] = terms.maturity[i];
      sub.rate[j] = terms.rate[i];
      sub.frequency[j] = terms.frequency[i];
      sub.basis[j] = terms.basis[i];
      price[j] = cleanPrice[i];
    });
    const r = curveRisk(settlement, sub, price, spec, options);
    members.forEach((i, j) => {
      out.zspread[i] = r.zspread[j];
      out.dirty[i] = r.dirty[j];
      out.effDuration[i] = r.effDuration[j];
      out.effConvexity[i] = r.effConvexity[j];
      out.spreadDuration[i] = r.spreadDuration[j];
      out.krdGap[i] = r.krdGap[j];
      out.krd.set(r.krd.subarray(j * nk, (j + 1) * nk), i * nk);
    });
  }
  return out;
}

/**
 * One curve figure per bond (DURATION_EFF, CONVEXITY_EFF, SPREAD_DURATION, ZSPREAD), shaped like
 * the bond ranges. Arguments: settlement, maturity, coupon, price, frequency, curve, [basis],
 * [curve_kind], [interpolation].
 */
function curveFigure(
  args: readonly Arg[],
  pick: (risk: CurveRisk, i: number) => number,
  what: string
): Result {
  return guard(() => {
    const [settlement, maturity, coupon, price, frequency, curve, basis, curveKind, interp] = args;
    const { spec, interpolation } = curveOptions(curve, curveKind, interp);
    const p = parseBondRange(
      [settlement, maturity, coupon, price, frequency, basis],
      BOND_NAMES,
      (x) => checkPrice(x)
    );
    // No keys: these figures need only the base and parallel curves.
    const risk = curveRiskBySettlement(p.terms, p.quote, spec, { interpolation, keysMonths: [] });
    return toResult(p, (i) => pick(risk, i), what);
  });
}

const NO_ZSPREAD = "no Z-spread over this curve reprices the price";

/** KEYRATE.DURATION_EFF: effective duration, curve shifted ±1 bp, Z-spread held; years. */
export function durationEff(...args: Arg[]): Result {
  return curveFigure(args, (r, i) => r.effDuration[i], `effective duration: ${NO_ZSPREAD}`);
}

/** KEYRATE.CONVEXITY_EFF: effective convexity, curve shifted ±1 bp, Z-spread held; years². */
export function convexityEff(...args: Arg[]): Result {
  return curveFigure(args, (r, i) => r.effConvexity[i], `effective convexity: ${NO_ZSPREAD}`);
}

/** KEYRATE.SPREAD_DURATION: Z-spread ±1 bp on the unchanged curve; years. */
export function spreadDuration(...args: Arg[]): Result {
  return curveFigure(args, (r, i) => r.spreadDuration[i], `spread duration: ${NO_ZSPREAD}`);
}

/** KEYRATE.ZSPREAD: the constant spread over the zero curve that reprices the clean price; decimal, continuous ACT/365F. */
export function zspread(...args: Arg[]): Result {
  return curveFigure(args, (r, i) => r.zspread[i], `Z-spread: ${NO_ZSPREAD}`);
}

/**
 * KEYRATE.KRD: key-rate durations (years), one row per bond. Arguments: settlement, maturity,
 * coupon, price, frequency, curve, [basis], [keys], [shift_on], [curve_kind], [interpolation].
 * The bond arguments must be single cells or one column (a row of results per bond).
 */
export function krd(...args: Arg[]): Result {
  return guard(() => {
    const [settlement, maturity, coupon, price, frequency, curve, basis, keys, shiftOnArg] = args;
    const [curveKind, interp] = args.slice(9);
    const { spec, interpolation } = curveOptions(curve, curveKind, interp);
    const keysMonths = parseKeys(keys);
    const shiftOn = parseShiftOn(shiftOnArg, spec.kind);
    const p = parseBondRange(
      [settlement, maturity, coupon, price, frequency, basis],
      BOND_NAMES,
      (x) => checkPrice(x)
    );
    if (p.cols !== 1) {
      throw new InvalidValueError(
        `the bond arguments span ${p.cols} columns: give one bond or a column of bonds; ` +
          `each bond spills a row of ${keysMonths.length} KRDs`,
        `${p.rows}×${p.cols}`,
        "settlement"
      );
    }
    const risk = curveRiskBySettlement(p.terms, p.quote, spec, {
      interpolation,
      keysMonths,
      shiftOn,
    });
    const nk = keysMonths.length;
    const out: Result = [];
    for (let i = 0; i < p.rows; i++) {
      const error = p.errors[i];
      const row: ResultCell[] = [];
      for (let k = 0; k < nk; k++) {
        const v = risk.krd[i * nk + k];
        row.push(error ?? (Number.isFinite(v) ? v : new NoSolutionError(`KRD: ${NO_ZSPREAD}`, v)));
      }
      out.push(row);
    }
    return out;
  });
}

/**
 * KEYRATE.ZERO_RATES: continuously compounded zero rates (decimal, ACT/365F) of the curve at the
 * given tenors, shaped like `tenors`. Arguments: curve, tenors, [curve_kind], [interpolation],
 * [settlement] (default T+1 business day after today): tenors are measured from it.
 */
export function zeroRates(
  curve: Arg,
  tenors: Arg,
  curveKind?: Arg,
  interp?: Arg,
  settlementArg?: Arg
): Result {
  return guard(() => {
    const { spec, interpolation } = curveOptions(curve, curveKind, interp);
    const settlement = parseSettlementArg(settlementArg);
    const zero = buildCurve(spec, settlement, interpolation);
    if (asMatrix(tenors) === undefined) {
      throw new MissingValueError("tenors: no tenors given", tenors, "tenors");
    }
    return cellwise([tenors], ["tenors"], ([cell]) => {
      if (isBlank(cell)) {
        throw new MissingValueError("tenors: the cell is empty; a tenor is needed", cell, "tenors");
      }
      return zero.zeroRate(tenorTime(settlement, parseTenor(cell, "tenors")));
    });
  });
}

/** Everything PORTFOLIO and PORTFOLIO_KRD compute from a holdings range and a curve. */
export interface PortfolioMeasure {
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
  const shiftOn: ShiftOn = spec.kind === "par" ? "par" : "zero";
  const exposure = holdingCurveExposure(holdings, settlement, spec, {
    interpolation,
    keysMonths,
    shiftOn,
  });
  const totals = curveTotals(exposure);
  if (totals.included === 0) {
    throw new InvalidValueError(
      `holdings: every holding is left out of the totals (${exclusionSummary(exposure)})`,
      holdings.count,
      "holdings"
    );
  }
  return {
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

/** Describes the shifts: par yields re-bootstrapped or zero rates. */
export function shiftMethod(shiftOn: ShiftOn): string {
  return shiftOn === "par" ? "par yields shifted, curve re-bootstrapped" : "zero rates shifted";
}

const TABLE_WIDTH = 6;

/** Pads rows with "" to the table width; a number that could not be computed shows as "". */
function padded(rows: ResultCell[][]): Result {
  return rows.map((r) => [
    ...r.map((c) => (typeof c === "number" && !Number.isFinite(c) ? "" : c)),
    ...new Array<ResultCell>(TABLE_WIDTH - r.length).fill(""),
  ]);
}

/**
 * KEYRATE.PORTFOLIO: the labelled summary table (label, value, unit, method), then the sectors
 * (sector, market value, weight, effective duration, contribution to duration, DV01).
 */
export function portfolio(
  holdings: Arg,
  curve: Arg,
  settlement?: Arg,
  curveKind?: Arg,
  interp?: Arg
): Result {
  return guard(() => {
    const m = measurePortfolio(holdings, curve, settlement, curveKind, interp);
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
      "Sector",
      "Market value",
      "Weight",
      "Effective duration",
      "Contribution to duration",
      "Effective DV01",
    ]);
    for (const s of m.sectors) {
      rows.push([
        s.sector,
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
