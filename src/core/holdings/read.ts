/**
 * Reading a holdings range (SPEC S2): a 2-D array of cell values as Excel's Range.values, exceljs
 * or a CSV file give it. Vendor layouts are read as they come: preamble lines above the header
 * row and footer text below the data are skipped and named ({@link findLayout}); units come from
 * the headers or, once per column, from the values ({@link columnUnits}). Every row is validated
 * and every problem is collected, with its sheet, worksheet row, column header, A1 address, value
 * and what was expected; rows with problems are left out of the output, entirely empty rows are
 * skipped silently.
 */
import { a1Address, cellText, cellValue, columnLetters, sheetPrefix } from "./cells";
import { describeField } from "./columns";
import { findLayout, skippedRows } from "./layout";
import { packHoldings } from "./pack";
import { RowContext, readRow } from "./readRow";
import { columnUnits, mappingWithUnits } from "./columnUnits";
import { CALL_TYPE_NOTE } from "./structureFields";
import {
  ColumnMatch,
  HoldingField,
  HoldingProblem,
  HoldingRecord,
  ReadHoldingsOptions,
  ReadHoldingsResult,
} from "./types";
export { EXPECTED } from "./expected";

/**
 * Reads and validates a holdings range.
 * @param values Rows of cells, the header row first unless a preamble precedes it (Range.values,
 *   exceljs row values or CSV records).
 * @param options Settlement date (Excel serial), sheet name and origin of the range for
 *   addresses, and corrections of the column mapping.
 * @returns The valid holdings, all problems found, the column mapping used (with units), the
 *   header row, the unused header cells and the skipped preamble and footer rows.
 */
export function readHoldings(
  values: readonly (readonly unknown[])[],
  options: ReadHoldingsOptions
): ReadHoldingsResult {
  const sheet = options.sheet ?? "";
  const originRow = options.originRow ?? 1;
  const originColumn = options.originColumn ?? 0;
  const layout = findLayout(values, options.mapping);
  const headerRow = originRow + layout.header;
  const header = values[layout.header] ?? [];
  const units = columnUnits(values, layout);
  const mapping = mappingWithUnits(layout.mapping, units);
  for (const f of ["call_date", "call_schedule"] as const) {
    const m = mapping[f];
    if (m !== null) mapping[f] = { ...m, unit: CALL_TYPE_NOTE };
  }
  const problems: HoldingProblem[] = [];

  // Missing required columns and undecidable units, once each, located at the header row.
  const width = Math.max(1, header.length);
  const headerRange =
    `${sheetPrefix(sheet)}${columnLetters(originColumn)}${headerRow}` +
    (width > 1 ? `:${columnLetters(originColumn + width - 1)}${headerRow}` : "");
  const missing = (field: HoldingField, column: string, expected: string): void => {
    problems.push({
      sheet,
      row: headerRow,
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
  for (const [field, unit] of Object.entries(units) as [HoldingField, typeof units.coupon][]) {
    const m = mapping[field];
    if (unit?.kind !== "ambiguous" || m === null) continue;
    const cell = a1Address(sheet, headerRow, originColumn + m.index);
    const margin = field === "spread" || field === "discount_margin";
    const expected = margin
      ? `a unit in the header, such as "${m.header} (bp)", "${m.header} (%)" or "${m.header} (decimal)"`
      : `a unit in the header, such as "${m.header} (%)" or "${m.header} (decimal)"`;
    problems.push({
      sheet,
      row: headerRow,
      column: m.header,
      cell,
      value: m.header,
      expected,
      field,
      message: `${cell} (${m.header}): cannot tell ${margin ? "basis points, percent or decimal" : "percent from decimal"} (${unit.detail}); expected ${expected}.`,
    });
  }
  const requiredPresent =
    mapping.id !== null &&
    mapping.par !== null &&
    mapping.coupon !== null &&
    mapping.maturity !== null &&
    (mapping.price !== null || mapping.yield !== null) &&
    units.coupon?.kind !== "ambiguous";

  const context: RowContext = {
    sheet,
    originColumn,
    settlement: Math.floor(options.settlement),
    mapping,
    units,
    dates: new Map(),
    groups: new Map(),
  };
  const records: HoldingRecord[] = [];
  for (let r = layout.header + 1; r < layout.end; r++) {
    const read = readRow(values[r], originRow + r, context);
    if (read === undefined) continue;
    problems.push(...read.problems);
    if (requiredPresent && read.problems.length === 0 && read.record) records.push(read.record);
  }
  const used = new Set(Object.values(mapping).map((m) => m?.index));
  const unused: ColumnMatch[] = [];
  header.forEach((_, index) => {
    const text = cellText(cellValue(header[index]));
    if (!used.has(index) && text !== "") unused.push({ index, header: text });
  });
  return {
    holdings: packHoldings(records),
    problems,
    mapping,
    headerRow,
    unused,
    skipped: skippedRows(values, layout, originRow),
  };
}
