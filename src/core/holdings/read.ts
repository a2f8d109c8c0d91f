/**
 * Reading a holdings range (SPEC S2): a 2-D array of cell values, header row first, as Excel's
 * Range.values or exceljs give it. Every row is validated and every problem is collected, with
 * its sheet, worksheet row, column header, A1 address, value and what was expected; rows with
 * problems are left out of the output, entirely empty rows are skipped silently.
 */
import { isoFromSerial, parseDate } from "../dates";
import {
  a1Address,
  CellValue,
  cellNumber,
  cellText,
  cellValue,
  columnLetters,
  isEmptyRow,
  sheetPrefix,
} from "./cells";
import { describeField, matchColumns } from "./columns";
import {
  DEFAULT_CURRENCY,
  DEFAULT_FREQUENCY,
  defaultBasis,
  parseBasisCell,
  parseFrequencyCell,
  parseHoldingType,
  parseSector,
} from "./conventions";
import { packHoldings } from "./pack";
import {
  ColumnMapping,
  HoldingField,
  HoldingProblem,
  HoldingRecord,
  ReadHoldingsOptions,
  ReadHoldingsResult,
} from "./types";

/** What each field expects, in words, for problem reports. */
export const EXPECTED = {
  id: "an identifier (CUSIP, ISIN or your own id)",
  par: "a number: the face amount held (negative for a short)",
  coupon: "a number: the annual coupon as a decimal (0.045 for 4.5%)",
  couponNegative: "a coupon of 0 or more, as a decimal",
  couponPercent: "a decimal coupon; this looks like a percent: enter 0.045 for 4.5%",
  couponZero: "a coupon of 0 for a zero-coupon holding (type zero)",
  maturity: "a date (an Excel date or YYYY-MM-DD text)",
  price: "a number: the clean price per 100 of par",
  pricePositive: "a clean price above 0, per 100 of par",
  yield: "a number: the yield as a decimal (0.045 for 4.5%)",
  yieldPercent: "a decimal yield; this looks like a percent: enter 0.045 for 4.5%",
  priceOrYield: "a price (clean, per 100 of par) or a yield (decimal); both are empty",
  frequency: "a coupon frequency of 1, 2 or 4 (annual, semiannual, quarterly)",
  basis: "an Excel day-count basis 0–4, or ACT/ACT, 30/360, ACT/360, ACT/365, 30E/360",
  sector: "a sector: government, agency, corporate, securitized, municipal, cash or other",
  type: "a type: bullet, zero, frn, callable or mbs",
  currency: "a 3-letter currency code such as USD",
  date: "a date (an Excel date or YYYY-MM-DD text)",
  issueBeforeMaturity: "an issue date before the maturity date",
  firstCoupon: "a first coupon date after the issue date and on or before the maturity date",
  number: "a number",
} as const;

/** Text of a value for a message: quoted text, ISO dates, "an empty cell". */
function show(value: unknown): string {
  if (value === null || value === undefined) return "an empty cell";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}

/** The cell as an Excel serial date, or undefined when it is not a date. */
function dateOf(value: CellValue): number | undefined {
  if (typeof value === "boolean" || value === null) return undefined;
  try {
    return parseDate(value);
  } catch {
    return undefined;
  }
}

/**
 * Reads and validates a holdings range.
 * @param values Rows of cells, the header row first (Range.values or exceljs row values).
 * @param options Settlement date (Excel serial), sheet name and origin of the range for
 *   addresses, and corrections of the column mapping.
 * @returns The valid holdings, all problems found, and the column mapping used.
 */
export function readHoldings(
  values: readonly (readonly unknown[])[],
  options: ReadHoldingsOptions
): ReadHoldingsResult {
  const sheet = options.sheet ?? "";
  const originRow = options.originRow ?? 1;
  const originColumn = options.originColumn ?? 0;
  const settlement = Math.floor(options.settlement);
  const header = values[0] ?? [];
  const mapping: ColumnMapping = matchColumns(header, options.mapping);
  const problems: HoldingProblem[] = [];

  // Missing required columns, once each, located at the header row.
  const width = Math.max(1, header.length);
  const headerRange =
    `${sheetPrefix(sheet)}${columnLetters(originColumn)}${originRow}` +
    (width > 1 ? `:${columnLetters(originColumn + width - 1)}${originRow}` : "");
  const missing = (field: HoldingField, column: string, expected: string): void => {
    problems.push({
      sheet,
      row: originRow,
      column,
      cell: headerRange,
      value: null,
      expected,
      field,
      message: `${headerRange}: no ${column} column; expected ${expected}.`,
    });
  };
  for (const f of ["id", "par", "coupon", "maturity"] as const) {
    if (mapping[f] === null) missing(f, f, `a column headed ${describeField(f)}`);
  }
  if (mapping.price === null && mapping.yield === null) {
    missing(
      "price",
      "price or yield",
      `a column headed ${describeField("price")} or ${describeField("yield")}`
    );
  }
  const requiredPresent =
    mapping.id !== null &&
    mapping.par !== null &&
    mapping.coupon !== null &&
    mapping.maturity !== null &&
    (mapping.price !== null || mapping.yield !== null);

  const records: HoldingRecord[] = [];
  for (let r = 1; r < values.length; r++) {
    const cells = values[r];
    if (isEmptyRow(cells)) continue;
    const row = originRow + r;
    const rowProblems: { index: number; problem: HoldingProblem }[] = [];
    const get = (f: HoldingField): CellValue => {
      const m = mapping[f];
      return m === null ? null : cellValue(cells[m.index]);
    };
    const report = (f: HoldingField, expected: string): void => {
      const m = mapping[f];
      if (m === null) return;
      const cell = a1Address(sheet, row, originColumn + m.index);
      const value = get(f);
      rowProblems.push({
        index: m.index,
        problem: {
          sheet,
          row,
          column: m.header,
          cell,
          value,
          expected,
          field: f,
          message: `${cell} (${m.header}): expected ${expected}; found ${show(value)}.`,
        },
      });
    };
    /** An optional number: NaN when empty, undefined (and reported) when not a number. */
    const optionalNumber = (f: HoldingField, expected: string): number | undefined => {
      const v = get(f);
      if (v === null) return NaN;
      const n = cellNumber(v);
      if (n === undefined) report(f, expected);
      return n;
    };
    /** An optional date: NaN when empty, undefined (and reported) when not a date. */
    const optionalDate = (f: HoldingField): number | undefined => {
      const v = get(f);
      if (v === null) return NaN;
      const d = dateOf(v);
      if (d === undefined) report(f, EXPECTED.date);
      return d;
    };

    const id = cellText(get("id"));
    if (id === "") report("id", EXPECTED.id);

    const sectorCell = get("sector");
    const sector = sectorCell === null ? "other" : parseSector(sectorCell);
    if (sector === undefined) report("sector", EXPECTED.sector);

    const typeCell = get("type");
    let type = typeCell === null ? undefined : parseHoldingType(typeCell);
    if (typeCell !== null && type === undefined) report("type", EXPECTED.type);

    const par = cellNumber(get("par"));
    if (par === undefined) report("par", EXPECTED.par);

    const couponCell = get("coupon");
    let coupon = couponCell === null && type === "zero" ? 0 : cellNumber(couponCell);
    if (coupon === undefined) report("coupon", EXPECTED.coupon);
    else if (coupon < 0) report("coupon", EXPECTED.couponNegative);
    else if (coupon >= 1) report("coupon", EXPECTED.couponPercent);
    else if (type === "zero" && coupon !== 0) report("coupon", EXPECTED.couponZero);
    if (coupon !== undefined && (coupon < 0 || coupon >= 1)) coupon = undefined;
    if (typeCell === null) type = coupon === 0 ? "zero" : "bullet";

    const maturity = dateOf(get("maturity"));
    if (maturity === undefined) report("maturity", EXPECTED.maturity);
    else if (maturity <= settlement) {
      report("maturity", `a maturity after the settlement date ${isoFromSerial(settlement)}`);
    }

    const price = optionalNumber("price", EXPECTED.price);
    if (price !== undefined && price <= 0) report("price", EXPECTED.pricePositive);
    const yld = optionalNumber("yield", EXPECTED.yield);
    if (yld !== undefined && yld > 1) report("yield", EXPECTED.yieldPercent);
    if (get("price") === null && get("yield") === null) {
      report(mapping.price !== null ? "price" : "yield", EXPECTED.priceOrYield);
    }

    const frequencyCell = get("frequency");
    const frequency =
      frequencyCell === null ? DEFAULT_FREQUENCY : parseFrequencyCell(frequencyCell);
    if (frequency === undefined) report("frequency", EXPECTED.frequency);

    const basisCell = get("basis");
    const basis = basisCell === null ? defaultBasis(sector ?? "other") : parseBasisCell(basisCell);
    if (basis === undefined) report("basis", EXPECTED.basis);

    const currencyText = cellText(get("currency"));
    const currency = currencyText === "" ? DEFAULT_CURRENCY : currencyText.toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) report("currency", EXPECTED.currency);

    const issueDate = optionalDate("issue_date");
    if (issueDate !== undefined && maturity !== undefined && issueDate >= maturity) {
      report("issue_date", EXPECTED.issueBeforeMaturity);
    }
    const firstCoupon = optionalDate("first_coupon");
    if (
      firstCoupon !== undefined &&
      ((maturity !== undefined && firstCoupon > maturity) ||
        (issueDate !== undefined && firstCoupon <= issueDate))
    ) {
      report("first_coupon", EXPECTED.firstCoupon);
    }

    const vendorDuration = optionalNumber("vendor_duration", EXPECTED.number);
    const vendorDv01 = optionalNumber("vendor_dv01", EXPECTED.number);

    rowProblems.sort((a, b) => a.index - b.index);
    for (const p of rowProblems) problems.push(p.problem);
    if (!requiredPresent || rowProblems.length > 0) continue;
    records.push({
      id,
      description: cellText(get("description")),
      issuer: cellText(get("issuer")),
      sector: sector!,
      type: type!,
      par: par!,
      coupon: coupon!,
      maturity: maturity!,
      price: price!,
      yld: yld!,
      frequency: frequency!,
      basis: basis!,
      rating: cellText(get("rating")),
      currency,
      issueDate: issueDate!,
      firstCoupon: firstCoupon!,
      vendorDuration: vendorDuration!,
      vendorDv01: vendorDv01!,
      sourceRow: row,
    });
  }
  return { holdings: packHoldings(records), problems, mapping };
}
