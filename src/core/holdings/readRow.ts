/**
 * One data row of a holdings range read into a record, with every problem of the row located
 * (SPEC S2). Cash rows (a cash sector or asset class such as "Cash and/or Derivatives", or a
 * "USD CASH" line without a maturity) become overnight zero-coupon holdings at their par or
 * market value, so they stay in the market value with (almost) no duration.
 */
import { clip, isoFromSerial, parseDate } from "../dates";
import { a1Address, CellValue, cellNumber, cellText, cellValue, isEmptyRow } from "./cells";
import { ColumnUnits } from "./columnUnits";
import {
  DEFAULT_CURRENCY,
  DEFAULT_FREQUENCY,
  defaultBasis,
  parseBasisCell,
  parseFrequencyCell,
  parseHoldingType,
  sectorOfGroup,
} from "./conventions";
import { EXPECTED } from "./expected";
import { ColumnMapping, HoldingField, HoldingProblem, HoldingRecord, Sector } from "./types";
import { applyUnit } from "./units";
import { readStructure } from "./structureFields";
import { parIsOriginalFace, readMbsTerms } from "./mbsRow";

/** What every row of a range shares. */
export interface RowContext {
  readonly sheet: string;
  readonly originColumn: number;
  /** Settlement date, whole Excel serial. */
  readonly settlement: number;
  readonly mapping: ColumnMapping;
  readonly units: ColumnUnits;
  /** Memo of date text → serial (vendor files repeat dates): filled as rows are read. */
  readonly dates?: Map<string, number | undefined>;
  /** Memo of group label → broad sector. */
  readonly groups?: Map<string, Sector | undefined>;
}

/** Text of a value for a message: quoted text (cut to 60 characters), ISO dates, "an empty cell". */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return "an empty cell";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "string") return clip(JSON.stringify(value));
  return String(value);
}

/** The cell as an Excel serial date, or undefined when it is not a date. */
function parsedDate(value: CellValue): number | undefined {
  if (typeof value === "boolean" || value === null) return undefined;
  try {
    return parseDate(value);
  } catch {
    return undefined;
  }
}

/** {@link parsedDate}, memoised for text in `memo`. */
function dateOf(value: CellValue, memo?: Map<string, number | undefined>): number | undefined {
  if (memo === undefined || typeof value !== "string") return parsedDate(value);
  const known = memo.get(value);
  if (known !== undefined) return known;
  const d = parsedDate(value);
  if (d !== undefined) memo.set(value, d);
  return d;
}

/** A row's record (when it has no problems) and its problems in column order. */
export interface RowRead {
  readonly record?: HoldingRecord;
  readonly problems: HoldingProblem[];
}

/** Cell access and problem reporting for one row. */
function rowCells(cells: readonly unknown[], row: number, c: RowContext) {
  const found: { index: number; problem: HoldingProblem }[] = [];
  const get = (f: HoldingField): CellValue => {
    const m = c.mapping[f];
    return m === null ? null : cellValue(cells[m.index]);
  };
  const report = (f: HoldingField, expected: string): void => {
    const m = c.mapping[f];
    if (m === null) return;
    const cell = a1Address(c.sheet, row, c.originColumn + m.index);
    const value = get(f);
    found.push({
      index: m.index,
      problem: {
        sheet: c.sheet,
        row,
        column: m.header,
        cell,
        value,
        expected,
        field: f,
        message: `${cell} (${clip(m.header, 40)}): expected ${expected}; found ${showValue(value)}.`,
      },
    });
  };
  /** A number in the column's unit: NaN when empty, undefined (and reported) when not a number. */
  const number = (f: HoldingField, expected: string, required = false): number | undefined => {
    const v = get(f);
    if (v === null && !required) return NaN;
    const n = v === null ? undefined : cellNumber(v);
    if (n === undefined) {
      report(f, expected);
      return undefined;
    }
    return applyUnit(c.units[f], v, n);
  };
  /** An optional date: NaN when empty, undefined (and reported) when not a date. */
  const date = (f: HoldingField): number | undefined => {
    const v = get(f);
    if (v === null) return NaN;
    const d = dateOf(v, c.dates);
    if (d === undefined) report(f, EXPECTED.date);
    return d;
  };
  const problems = (): HoldingProblem[] =>
    found.length === 0 ? [] : found.sort((a, b) => a.index - b.index).map((p) => p.problem);
  return { get, report, number, date, problems };
}

export type Cells = ReturnType<typeof rowCells>;
/** Cell access and problem reporting for one row (the structure columns read through it). */
export type RowCells = Cells;

/** The broad sector and group label of a row, and whether it is a cash line. */
function classify(x: Cells, c: RowContext): { sector: Sector; group: string; cash: boolean } {
  const of = (label: string): Sector | undefined => {
    if (label === "") return undefined;
    if (c.groups?.has(label)) return c.groups.get(label);
    const sector = sectorOfGroup(label);
    c.groups?.set(label, sector);
    return sector;
  };
  const group = cellText(x.get("sector"));
  const sector = of(group);
  const cash =
    sector === "cash" ||
    of(cellText(x.get("asset_class"))) === "cash" ||
    (x.get("maturity") === null && /\bcash\b/i.test(cellText(x.get("description"))));
  return { sector: cash ? "cash" : (sector ?? "other"), group, cash };
}

/** Vendor figures kept for reconciliation. */
function vendorFields(x: Cells) {
  return {
    vendorDuration: x.number("vendor_duration", EXPECTED.number),
    vendorModDuration: x.number("vendor_mod_duration", EXPECTED.number),
    vendorDv01: x.number("vendor_dv01", EXPECTED.number),
    vendorMarketValue: x.number("vendor_market_value", EXPECTED.number),
    vendorWeight: x.number("vendor_weight", EXPECTED.number),
  };
}

/** Asset classes of derivatives, which vendors list among "Cash and/or Derivatives". */
const DERIVATIVE = /\b(futures?|swaps?|swaptions?|forwards?|fx|options?|cds)\b/i;

/**
 * A cash line: an overnight zero-coupon holding (maturity the day after settlement) at its price
 * (100 when not given) whose amount is the vendor's market value or, without one, the par cell.
 * A derivative (asset class futures, swaps, FX forwards, options) is reported, not read: its par
 * is a notional, and its rate exposure belongs with the hedges.
 */
function cashRow(x: Cells, c: RowContext, row: number, group: string): RowRead {
  if (DERIVATIVE.test(cellText(x.get("asset_class")))) {
    x.report("asset_class", EXPECTED.notDerivative);
    return { problems: x.problems() };
  }
  const vendor = vendorFields(x);
  let par = x.number("par", EXPECTED.par);
  const mv = vendor.vendorMarketValue;
  if (mv !== undefined && !Number.isNaN(mv)) par = mv;
  if (par === undefined || Number.isNaN(par)) x.report("par", EXPECTED.cashAmount);
  const price = x.number("price", EXPECTED.price);
  const problems = x.problems();
  if (problems.length || par === undefined || Number.isNaN(par)) return { problems };
  const description = cellText(x.get("description"));
  const currency = cellText(x.get("currency")).toUpperCase() || DEFAULT_CURRENCY;
  return {
    problems,
    record: {
      id: cellText(x.get("id")) || description || `${currency} CASH`,
      description,
      sector: "cash",
      group,
      type: "zero",
      par,
      coupon: 0,
      maturity: c.settlement + 1,
      price: price === undefined || Number.isNaN(price) || price <= 0 ? 100 : price,
      yld: NaN,
      frequency: DEFAULT_FREQUENCY,
      basis: defaultBasis("cash"),
      rating: cellText(x.get("rating")),
      currency: /^[A-Z]{3}$/.test(currency) ? currency : DEFAULT_CURRENCY,
      issueDate: NaN,
      firstCoupon: NaN,
      ...(vendor as Record<keyof typeof vendor, number>),
      sourceRow: row,
    },
  };
}

/**
 * Reads one data row; undefined for an entirely empty row.
 * @param cells The row's cells as given.
 * @param row Worksheet row number, 1-based.
 */
export function readRow(
  cells: readonly unknown[],
  row: number,
  c: RowContext
): RowRead | undefined {
  if (isEmptyRow(cells)) return undefined;
  const x = rowCells(cells, row, c);
  const { sector, group, cash } = classify(x, c);
  if (cash) return cashRow(x, c, row, group);

  const id = cellText(x.get("id"));
  if (id === "") x.report("id", EXPECTED.id);

  const typeCell = x.get("type");
  let type = typeCell === null ? undefined : parseHoldingType(typeCell);
  if (typeCell !== null && type === undefined) x.report("type", EXPECTED.type);

  const par = x.number("par", EXPECTED.par, true);

  let coupon =
    x.get("coupon") === null && type === "zero" ? 0 : x.number("coupon", EXPECTED.coupon, true);
  if (coupon !== undefined) {
    if (coupon < 0) x.report("coupon", EXPECTED.couponNegative);
    else if (coupon >= 1) x.report("coupon", EXPECTED.couponPercent);
    else if (type === "zero" && coupon !== 0) x.report("coupon", EXPECTED.couponZero);
    if (coupon < 0 || coupon >= 1) coupon = undefined;
  }
  if (typeCell === null) type = coupon === 0 ? "zero" : "bullet";

  // An mbs row may give its remaining term (WAM) instead of a maturity.
  const noMaturity = type === "mbs" && x.get("maturity") === null;
  let maturity = noMaturity ? NaN : dateOf(x.get("maturity"), c.dates);
  if (maturity === undefined) x.report("maturity", EXPECTED.maturity);
  else if (maturity <= c.settlement) {
    x.report("maturity", `a maturity after the settlement date ${isoFromSerial(c.settlement)}`);
  }

  const structure = readStructure(x, c, type, maturity);
  type = structure.type;
  // A floater's discount margin prices it when neither price nor yield is given.
  const margin = structure.fields.discountMargin;
  const byMargin = margin !== undefined && !Number.isNaN(margin);

  const price = x.number("price", EXPECTED.price);
  if (price !== undefined && price <= 0) x.report("price", EXPECTED.pricePositive);
  const yld = x.number("yield", EXPECTED.yield);
  if (yld !== undefined && yld > 1) x.report("yield", EXPECTED.yieldPercent);
  if (x.get("price") === null && x.get("yield") === null) {
    if (!byMargin) x.report(c.mapping.price !== null ? "price" : "yield", EXPECTED.priceOrYield);
  } else if (x.get("price") === null && c.units.yield?.kind === "ambiguous") {
    x.report("yield", EXPECTED.yieldUnit);
  }

  const frequencyCell = x.get("frequency");
  const frequency = frequencyCell === null ? DEFAULT_FREQUENCY : parseFrequencyCell(frequencyCell);
  if (frequency === undefined) x.report("frequency", EXPECTED.frequency);

  const basisCell = x.get("basis");
  const basis = basisCell === null ? defaultBasis(sector) : parseBasisCell(basisCell);
  if (basis === undefined) x.report("basis", EXPECTED.basis);

  const currencyText = cellText(x.get("currency"));
  const currency = currencyText === "" ? DEFAULT_CURRENCY : currencyText.toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) x.report("currency", EXPECTED.currency);

  const issueDate = x.date("issue_date");
  if (issueDate !== undefined && maturity !== undefined && issueDate >= maturity) {
    x.report("issue_date", EXPECTED.issueBeforeMaturity);
  }
  const firstCoupon = x.date("first_coupon");
  if (
    firstCoupon !== undefined &&
    ((maturity !== undefined && firstCoupon > maturity) ||
      (issueDate !== undefined && firstCoupon <= issueDate))
  ) {
    x.report("first_coupon", EXPECTED.firstCoupon);
  }
  const mbs = type === "mbs" ? readMbsTerms(x, c, coupon, maturity) : undefined;
  if (mbs) maturity = mbs.maturity;
  const vendor = vendorFields(x);
  const problems = x.problems();
  if (problems.length) return { problems };
  return {
    problems,
    record: {
      id,
      description: cellText(x.get("description")),
      issuer: cellText(x.get("issuer")),
      sector,
      group,
      type: type!,
      par: mbs && parIsOriginalFace(c) ? par! * mbs.terms.factor : par!,
      coupon: coupon!,
      maturity: maturity!,
      price: price!,
      yld: c.units.yield?.kind === "ambiguous" ? NaN : yld!,
      frequency: frequency!,
      basis: basis!,
      rating: cellText(x.get("rating")),
      currency,
      issueDate: issueDate!,
      firstCoupon: firstCoupon!,
      ...(vendor as Record<keyof typeof vendor, number>),
      vendorWeight: c.units.vendor_weight?.kind === "ambiguous" ? NaN : vendor.vendorWeight!,
      sourceRow: row,
      ...structure.fields,
      ...(mbs ? { mbs: mbs.terms } : {}),
    },
  };
}
