/**
 * Reading a table file — CSV (with the csv-parse library) or XLSX (with exceljs) — into the plain
 * cell values a range would give in Excel. CSV cells stay text: identifiers such as `023135106`
 * or `345397E66` are never turned into numbers, and dates are never converted through a
 * JavaScript Date (which would move them by the computer's time zone); the one cell grammar
 * (core/holdings/cells, core/dateText) reads them.
 */
import { readFileSync } from "fs";
import { basename, extname } from "path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { sheetValues } from "./workbookInput";

/** One sheet of a file: its name and its used range from A1. */
export interface Table {
  readonly name: string;
  readonly values: unknown[][];
}

/** Rows of CSV text, every cell as text; rows may have different lengths. */
export function parseCsv(text: string): string[][] {
  return parse(text, {
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  }) as string[][];
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
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book.worksheets.map((ws) => ({ name: ws.name, values: sheetValues(ws) }));
}

/** The table called `name` (case-insensitive), else the first. */
export function tableNamed(tables: readonly Table[], name: string): Table {
  const t = tables.find((x) => x.name.toLowerCase() === name.toLowerCase()) ?? tables[0];
  if (!t) throw new Error("the workbook has no sheets");
  return t;
}
