/**
 * Reading a table file — CSV (with the papaparse library) or XLSX (with exceljs) — into the plain
 * cell values a range would give in Excel. CSV cells stay text: identifiers such as `023135106`
 * or `345397E66` are never turned into numbers, and dates are never converted through a
 * JavaScript Date (which would move them by the computer's time zone); the one cell grammar
 * (core/holdings/cells, core/dateText) reads them.
 */
import { readFileSync } from "fs";
import { basename, extname } from "path";
import Papa from "papaparse";
import type ExcelJS from "exceljs";
import { sheetValues } from "./workbookInput";

/** One sheet of a file: its name and its used range from A1. */
export interface Table {
  readonly name: string;
  readonly values: unknown[][];
}

/**
 * Rows of comma-separated text (RFC 4180 quoting, a leading byte-order mark dropped), every cell
 * as text; rows may have different lengths.
 * @throws Error naming the first three malformed rows (an unclosed quote) and how many there are.
 */
export function parseCsv(text: string): string[][] {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
    delimiter: ",",
    skipEmptyLines: false,
  });
  if (result.errors.length) {
    const first = result.errors
      .slice(0, 3)
      .map((e) => `row ${(e.row ?? 0) + 1}: ${e.message}`)
      .join("; ");
    const more = result.errors.length > 3 ? `; and ${result.errors.length - 3} more` : "";
    throw new Error(`malformed CSV: ${first}${more}`);
  }
  return result.data;
}

/**
 * The sheets of a .csv (one sheet named after the file) or .xlsx file.
 * @throws Error for another extension or a file that cannot be read.
 */
export async function readTables(file: string): Promise<Table[]> {
  const ext = extname(file).toLowerCase();
  if (ext === ".csv" || ext === ".txt") {
    return [{ name: basename(file), values: parseCsv(readFileSync(file, "utf8")) }];
  }
  if (ext !== ".xlsx") throw new Error(`${file}: expected a .csv or .xlsx file`);
  // Loaded only for a workbook: a CSV is read without exceljs (a third of a second to load).
  const { Workbook } = (await import("exceljs")).default as typeof ExcelJS;
  const book = new Workbook();
  await book.xlsx.readFile(file);
  return book.worksheets.map((ws) => ({ name: ws.name, values: sheetValues(ws) }));
}

/** The table called `name` (case-insensitive), else the first. */
export function tableNamed(tables: readonly Table[], name: string): Table {
  const t = tables.find((x) => x.name.toLowerCase() === name.toLowerCase()) ?? tables[0];
  if (!t) throw new Error("the workbook has no sheets");
  return t;
}
