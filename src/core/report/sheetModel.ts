/**
 * A worksheet's content as plain data: a rectangular grid of cells with values, number formats and
 * named styles. One function builds it; the Office.js and exceljs renderers only draw it, so the
 * sheet written in Excel and the one `npm run demo` writes are the same by construction.
 */
import { CellRect, rangeA1 } from "../a1";
import { layoutSheet } from "./layout";
import { DEFAULT_CURRENCY } from "../holdings/conventions";

/** Named cell styles; renderers map them to fonts and fills. */
export const CELL_STYLES = [
  "title",
  "subtitle",
  "section",
  "header",
  "label",
  "total",
  "note",
  "warning",
] as const;
export type CellStyle = (typeof CELL_STYLES)[number];

/** A cell value: a number, text, or a formula with the value it is expected to show. */
export type CellValue = number | string | null | { formula: string; result: number | string };

export interface Cell {
  readonly value: CellValue;
  /** Excel number format, e.g. "#,##0" or "0.000". */
  readonly numFmt?: string;
  readonly style?: CellStyle;
  /** Text wraps within the cell (set by layoutSheet for header cells and long text). */
  readonly wrap?: boolean;
  /** Right-aligned text (set by layoutSheet for a header above a column of numbers). */
  readonly alignRight?: boolean;
}

export interface SheetModel {
  /** Preferred sheet name; renderers add " (2)", " (3)"… when the name is taken. */
  readonly name: string;
  /** Rows of cells; every row has `columnWidths.length` cells. */
  readonly rows: Cell[][];
  /** Column widths in characters. */
  readonly columnWidths: number[];
  /** Rows frozen at the top (0 for none). */
  readonly freezeRows: number;
  /** Native charts drawn over the sheet (see charts.ts, which finds their ranges by label). */
  readonly charts?: ChartSpec[];
  /** Excel tables (ListObjects) over blocks of rows: a header row and its data rows. */
  readonly tables?: TableSpec[];
  /** Row heights in points, for rows whose wrapped text needs more than one line. */
  readonly rowHeights?: readonly { readonly row: number; readonly points: number }[];
  /** Merged blocks (a long note across the sheet's width), 0-based. */
  readonly merges?: readonly CellRect[];
  /** How the sheet prints. */
  readonly print?: PrintSetup;
}

/**
 * Page setup, as data: both renderers apply it (exceljs: worksheet.pageSetup; Office.js:
 * worksheet.pageLayout). Printing fits the columns on one page wide and as many pages tall as the
 * rows need; the title rows repeat at the top of every page; manual breaks start new pages.
 */
export interface PrintSetup {
  readonly orientation: "landscape" | "portrait";
  /** Pages wide the print area is scaled to fit (1); the height is not constrained. */
  readonly fitToPagesWide: number;
  /** Rows repeated at the top of every printed page, 0-based and inclusive; absent for none. */
  readonly titleRows?: { readonly first: number; readonly last: number };
  /** 0-based rows that start a new page (a manual page break above each). */
  readonly rowBreaks: readonly number[];
  /** The print area, A1 ("A1:T340"); absent: printArea() derives it from the cells and charts. */
  readonly area?: string;
}

/**
 * An Excel table over a block of the sheet: sortable and filterable, banded, and referable by name
 * in formulas. The first row is the header: unique, non-empty text in every column, as Excel
 * requires (SheetBuilder.table checks).
 */
export interface TableSpec {
  /**
   * Name stem (letters, digits, underscores; starts with a letter). Table names are unique in a
   * workbook, so renderers add 2, 3, … when it is taken ("krHoldings2").
   */
  readonly name: string;
  /** 0-based header row and first column. */
  readonly row: number;
  readonly column: number;
  /** Rows including the header (≥ 2: Excel tables have at least one data row) and columns. */
  readonly rows: number;
  readonly columns: number;
}

/** The style of every table the reports write: light banding that keeps our header fill legible. */
export const TABLE_STYLE = "TableStyleLight9";

/**
 * A native Excel chart of ranges of its own sheet. Ranges are A1 text without the sheet name
 * ("B30:K30"), one row or one column each, so that the chart follows the cells when they change.
 */
export interface ChartSpec {
  /** "column": clustered vertical bars; "bar": clustered horizontal bars; "line". */
  readonly type: "column" | "bar" | "line";
  readonly title: string;
  /** Axis titles, with the unit of the values ("KRD, years"). */
  readonly categoryAxisTitle: string;
  readonly valueAxisTitle: string;
  /** The category labels, e.g. the tenors "B29:K29". */
  readonly categories: string;
  /** One series per row or column of values, as long as `categories`. */
  readonly series: readonly { readonly name: string; readonly values: string }[];
  /**
   * Where it is drawn: the top-left cell (0-based row and column of the sheet) and the size in
   * whole rows and columns, chosen so that it covers no cell with a value.
   */
  readonly anchor: {
    readonly row: number;
    readonly column: number;
    readonly rows: number;
    readonly columns: number;
  };
}

/**
 * Number formats used across the reports, named by unit. Every format shows a negative number
 * with a minus sign (a section for negatives writes its own "-"); spreads and rate moves are
 * numbers of basis points, shares and rates are percentages.
 */
export const FORMATS = {
  money: "#,##0;[Red]-#,##0",
  money2: "#,##0.00;[Red]-#,##0.00",
  years: "0.000",
  years2: "0.00",
  price: "0.000",
  percent: "0.00%",
  rate: "0.000%",
  bp: "#,##0.0",
  date: "yyyy-mm-dd",
  count: "#,##0;[Red]-#,##0",
  ratio: "0.0000",
} as const;

/**
 * The unit of a report's money: the holdings' currency code ("USD"; the default when none is
 * given). Holdings in several currencies are summed without conversion, so the unit says so
 * ("mixed: EUR, USD, not converted") rather than naming one of them.
 */
export function reportCurrency(codes: Iterable<string>): string {
  const distinct = [...new Set(codes)].filter(Boolean).sort();
  if (distinct.length === 0) return DEFAULT_CURRENCY;
  return distinct.length === 1 ? distinct[0] : `mixed: ${distinct.join(", ")}, not converted`;
}

/** "USD per bp": the unit of a DV01. */
export const perBp = (currency: string) => `${currency} per bp`;

/** Builds a sheet row by row; every row is padded to the sheet's width. */
export class SheetBuilder {
  private readonly rows: Cell[][] = [];
  private readonly tables: TableSpec[] = [];
  private readonly rowBreaks: number[] = [];

  constructor(private readonly width: number) {}

  /** Appends a row of cells (values or full cells); returns its 0-based index. */
  row(cells: (Cell | CellValue)[], style?: CellStyle): number {
    const row: Cell[] = cells.map((c) =>
      isCell(c) ? { ...c, style: c.style ?? style } : { value: c, style }
    );
    while (row.length < this.width) row.push({ value: null, style });
    this.rows.push(row.slice(0, this.width));
    return this.rows.length - 1;
  }

  /** Appends an empty row. */
  blank(): void {
    this.row([]);
  }

  /** Starts a new printed page at the next row added (a manual page break). */
  pageBreak(): void {
    if (this.rows.length > 0 && !this.rowBreaks.includes(this.rows.length))
      this.rowBreaks.push(this.rows.length);
  }

  /** The number of rows so far. */
  get length(): number {
    return this.rows.length;
  }

  /** Replaces one cell of a row already added (e.g. a total whose formula names rows below it). */
  set(row: number, column: number, cell: Cell): void {
    this.rows[row][column] = { ...cell, style: cell.style ?? this.rows[row][column].style };
  }

  /**
   * Makes the rows from `headerRow` to the last one so far an Excel table, over the header's
   * leading run of non-empty cells. Nothing is recorded without data rows.
   * @throws Error when a header is repeated (Excel would rename it): a report bug, not user input.
   */
  table(name: string, headerRow: number): void {
    const header = this.rows[headerRow];
    let columns = 0;
    while (columns < header.length && shownValue(header[columns]) !== null) columns++;
    const names = header.slice(0, columns).map((c) => String(shownValue(c)).toLowerCase());
    const repeated = names.find((n, i) => names.indexOf(n) !== i);
    if (repeated !== undefined) throw new Error(`table ${name}: header "${repeated}" repeated`);
    const rows = this.rows.length - headerRow;
    if (rows >= 2 && columns > 0)
      this.tables.push({ name, row: headerRow, column: 0, rows, columns });
  }

  /**
   * The sheet, laid out (layoutSheet: widths that fit every value, wrapped headers) and set up to
   * print landscape, one page wide, the frozen rows (else the title block) repeated on each page.
   * `columnWidths` (characters) serve only the columns with no value of their own.
   */
  build(name: string, columnWidths: number[], freezeRows = 0): SheetModel {
    return layoutSheet({
      name,
      rows: this.rows,
      columnWidths,
      freezeRows,
      tables: this.tables,
      print: {
        orientation: "landscape",
        fitToPagesWide: 1,
        titleRows: titleRows(this.rows, freezeRows),
        rowBreaks: [...this.rowBreaks],
      },
    });
  }
}

/** The rows repeated on printed pages: the frozen rows, else the leading title and subtitle rows. */
function titleRows(rows: readonly Cell[][], freezeRows: number): PrintSetup["titleRows"] {
  if (freezeRows > 0) return { first: 0, last: freezeRows - 1 };
  let n = 0;
  while (n < rows.length && (rows[n][0]?.style === "title" || rows[n][0]?.style === "subtitle"))
    n++;
  return n > 0 ? { first: 0, last: n - 1 } : undefined;
}

/**
 * The print area: every row and column with a value, a style or a chart, from A1 (the model's
 * own area when it sets one).
 */
export function printArea(model: SheetModel): string {
  if (model.print?.area) return model.print.area;
  let rows = model.rows.length;
  let columns = model.columnWidths.length;
  for (const c of model.charts ?? []) {
    rows = Math.max(rows, c.anchor.row + c.anchor.rows);
    columns = Math.max(columns, c.anchor.column + c.anchor.columns);
  }
  return rangeA1({ row: 0, column: 0, rows: Math.max(rows, 1), columns: Math.max(columns, 1) });
}

/**
 * The rows printed pages break above: the model's breaks, each moved below any chart it would cut
 * in two (charts are placed after the sheet is built, see charts.ts).
 */
export function printBreaks(model: SheetModel): number[] {
  const moved = (model.print?.rowBreaks ?? []).map((b) => {
    let row = b;
    const cut = () =>
      (model.charts ?? []).find((c) => c.anchor.row < row && row < c.anchor.row + c.anchor.rows);
    for (let c = cut(); c; c = cut()) row = c.anchor.row + c.anchor.rows;
    return row;
  });
  return [...new Set(moved)].sort((a, b) => a - b);
}

/** A table name not in `taken` (case-insensitive, as Excel compares them): stem, stem2, stem3, … */
export function uniqueTableName(stem: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(stem.toLowerCase())) return stem;
  for (let k = 2; ; k++) if (!lower.has(`${stem}${k}`.toLowerCase())) return `${stem}${k}`;
}

function isCell(c: Cell | CellValue): c is Cell {
  return typeof c === "object" && c !== null && "value" in c;
}

/** A number cell with a format. */
export function num(value: number, numFmt: string, style?: CellStyle): Cell {
  return { value: Number.isFinite(value) ? value : null, numFmt, style };
}

/** The cell's value as it shows: a formula's expected result, or the value itself. */
export function shownValue(cell: Cell): number | string | null {
  const v = cell.value;
  return v !== null && typeof v === "object" ? v.result : v;
}

/** A sheet name not in `taken` (case-insensitive, as Excel compares them): name, "name (2)", … */
export function uniqueSheetName(name: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(name.toLowerCase())) return name;
  for (let k = 2; ; k++) {
    const candidate = `${name.slice(0, 31 - ` (${k})`.length)} (${k})`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
