/** Excel.Range and its format, font and fill. */
import { MAX_COLUMNS, MAX_ROWS, Rect, addressText } from "./a1";
import { showValue } from "./numberFormat";
import { CellLook, SimSheet, cellFromInput } from "./workbookModel";

import { invalidArgument, Lazy, SimClientObject } from "./simBase";
import type { SimRequestContext } from "./simContext";
import { SimWorksheet } from "./simWorkbook";

interface RangeTarget {
  sheet: SimSheet;
  rect: Rect;
}

/** The cells of a target, row by row. */
function eachCell(t: RangeTarget, f: (row: number, column: number, r: number, c: number) => void) {
  for (let r = 0; r < t.rect.rowCount; r++) {
    for (let c = 0; c < t.rect.columnCount; c++) f(t.rect.row + r, t.rect.column + c, r, c);
  }
}

/** True when the cell holds a value or a formula. */
function filled(sheet: SimSheet, row: number, column: number): boolean {
  const cell = sheet.cell(row, column);
  return cell !== undefined && (cell.value !== "" || cell.formula !== undefined);
}

/**
 * The current region of a cell: grown, side by side, while the row or column just beyond it
 * (corners included) holds a value. A lone empty cell is its own region.
 */
export function currentRegion(sheet: SimSheet, row: number, column: number): Rect {
  let [r0, r1, c0, c1] = [row, row, column, column];
  const rowHas = (r: number) => {
    if (r < 0 || r >= MAX_ROWS) return false;
    for (let c = Math.max(0, c0 - 1); c <= Math.min(MAX_COLUMNS - 1, c1 + 1); c++)
      if (filled(sheet, r, c)) return true;
    return false;
  };
  const columnHas = (c: number) => {
    if (c < 0 || c >= MAX_COLUMNS) return false;
    for (let r = Math.max(0, r0 - 1); r <= Math.min(MAX_ROWS - 1, r1 + 1); r++)
      if (filled(sheet, r, c)) return true;
    return false;
  };
  // Each side grows as far as it can; a side that grew may let another grow: repeat until none.
  for (;;) {
    const before = [r0, r1, c0, c1].join();
    while (rowHas(r1 + 1)) r1++;
    while (rowHas(r0 - 1)) r0--;
    while (columnHas(c1 + 1)) c1++;
    while (columnHas(c0 - 1)) c0--;
    if ([r0, r1, c0, c1].join() === before) break;
  }
  return { row: r0, column: c0, rowCount: r1 - r0 + 1, columnCount: c1 - c0 + 1 };
}

/** Excel.Range. */
export class SimRange extends SimClientObject {
  protected readonly entity = "Range";
  protected readonly scalars: readonly string[] = [
    "address",
    "rowIndex",
    "columnIndex",
    "rowCount",
    "columnCount",
    "cellCount",
    "values",
    "formulas",
    "numberFormat",
    "text",
  ];
  private readonly target: Lazy<RangeTarget>;
  private formatObject?: SimRangeFormat;

  constructor(context: SimRequestContext, locate: () => RangeTarget) {
    super(context);
    this.target = new Lazy(locate);
  }

  protected fetch(name: string): unknown {
    const t = this.target.get();
    const { sheet, rect } = t;
    const grid = (f: (row: number, column: number) => unknown) => {
      const out: unknown[][] = [];
      eachCell(t, (row, column, r) => (out[r] ??= []).push(f(row, column)));
      return out;
    };
    switch (name) {
      case "address":
        return addressText(sheet.name, rect);
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.column;
      case "rowCount":
        return rect.rowCount;
      case "columnCount":
        return rect.columnCount;
      case "cellCount":
        return rect.rowCount * rect.columnCount;
      case "values":
        return sheet.valuesIn(rect);
      case "formulas":
        return grid((r, c) => sheet.cell(r, c)?.formula ?? sheet.cell(r, c)?.value ?? "");
      case "numberFormat":
        return grid((r, c) => sheet.cell(r, c)?.numberFormat ?? "General");
      default: {
        const text = (r: number, c: number) => {
          const cell = sheet.cell(r, c);
          return cell ? showValue(cell.value, cell.numberFormat).text : "";
        };
        return grid(text);
      }
    }
  }

  get address(): string {
    return this.fetchedValue("address");
  }
  get rowIndex(): number {
    return this.fetchedValue("rowIndex");
  }
  get columnIndex(): number {
    return this.fetchedValue("columnIndex");
  }
  get rowCount(): number {
    return this.fetchedValue("rowCount");
  }
  get columnCount(): number {
    return this.fetchedValue("columnCount");
  }
  get cellCount(): number {
    return this.fetchedValue("cellCount");
  }
  get text(): string[][] {
    return this.fetchedValue("text");
  }

  get values(): any[][] {
    return this.fetchedValue("values");
  }
  set values(value: any[][]) {
    this.setProperty("values", value, () => this.write("values", value));
  }

  get formulas(): any[][] {
    return this.fetchedValue("formulas");
  }
  set formulas(value: any[][]) {
    this.setProperty("formulas", value, () => this.write("formulas", value));
  }

  get numberFormat(): any[][] {
    return this.fetchedValue("numberFormat");
  }
  set numberFormat(value: any[][]) {
    this.setProperty("numberFormat", value, () => this.write("numberFormat", value));
  }

  /** Where the range points (resolving it; call only inside a sync). */
  locate(): { sheet: SimSheet; rect: Rect } {
    return this.target.get();
  }

  /** The range's format (column width, font, fill). */
  /** Merges the range's cells (across: each row separately); recorded on the sheet. */
  merge(across = false): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.target.get();
      if (!across) sheet.merges.push({ ...rect });
      else
        for (let r = rect.row; r < rect.row + rect.rowCount; r++)
          sheet.merges.push({ ...rect, row: r, rowCount: 1 });
    });
  }

  get format(): SimRangeFormat {
    this.formatObject ??= new SimRangeFormat(this.context, () => this.target.get());
    return this.formatObject;
  }

  /** The worksheet holding the range. */
  get worksheet(): SimWorksheet {
    return new SimWorksheet(this.context, () => this.target.get().sheet);
  }

  /** One cell of the range, by 0-based offsets. */
  getCell(row: number, column: number): SimRange {
    return new SimRange(this.context, () => {
      const { sheet, rect } = this.target.get();
      return {
        sheet,
        rect: { row: rect.row + row, column: rect.column + column, rowCount: 1, columnCount: 1 },
      };
    });
  }

  /**
   * Excel's current region (Ctrl+*) of the range's top-left cell: the block bounded by empty rows
   * and columns (Range.getSurroundingRegion, ExcelApi 1.13).
   */
  getSurroundingRegion(): SimRange {
    return new SimRange(this.context, () => {
      const { sheet, rect } = this.target.get();
      return { sheet, rect: currentRegion(sheet, rect.row, rect.column) };
    });
  }

  /** Clears the cells' contents, formats or both (default), as Range.clear does. */
  clear(applyTo: "All" | "Contents" | "Formats" = "All"): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.target.get();
      // Formulas reading the cleared cells recalculate; only the used part can hold any.
      const used = sheet.usedRect();
      const rows = Math.min(rect.row + rect.rowCount, used.rowCount) - rect.row;
      const columns = Math.min(rect.column + rect.columnCount, used.columnCount) - rect.column;
      sheet.clear(rect, applyTo);
      if (applyTo !== "Formats" && rows > 0 && columns > 0) {
        this.context.book.noteWrite(sheet, { ...rect, rowCount: rows, columnCount: columns });
      }
      this.context.book.changed("cells", sheet);
    });
  }

  /** Selects the range (activating its sheet). */
  select(): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.target.get();
      this.context.book.select(sheet, rect);
    });
  }

  /**
   * Writes values, formulas or number formats: a 2-D array of exactly the range's size, or one
   * value for every cell; null leaves a cell unchanged (as in Excel).
   */
  private write(kind: "values" | "formulas" | "numberFormat", input: unknown): void {
    const t = this.target.get();
    const { rowCount, columnCount } = t.rect;
    let at: (r: number, c: number) => unknown;
    if (Array.isArray(input)) {
      const rows = input as unknown[];
      const fits =
        rows.length === rowCount &&
        rows.every((row) => Array.isArray(row) && row.length === columnCount);
      if (!fits) {
        throw invalidArgument(
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
          `Range.${kind}`
        );
      }
      at = (r, c) => (rows[r] as unknown[])[c];
    } else at = () => input;
    if (kind === "numberFormat") {
      eachCell(t, (row, column, r, c) => {
        const value = at(r, c);
        if (value !== null && value !== undefined) {
          t.sheet.cellForWrite(row, column).numberFormat = String(value);
        }
      });
    } else {
      // Parse every input first, so that a bad one fails the request without a partial write.
      const parsed: ReturnType<typeof cellFromInput>[][] = [];
      eachCell(t, (_row, _column, r, c) => {
        try {
          (parsed[r] ??= []).push(cellFromInput(at(r, c)));
        } catch (e) {
          throw invalidArgument((e as Error).message, `Range.${kind}`);
        }
      });
      eachCell(t, (row, column, r, c) => {
        const input = parsed[r][c];
        if (!input || (input.value === "" && !t.sheet.cell(row, column))) return;
        const cell = t.sheet.cellForWrite(row, column);
        cell.value = input.value;
        cell.formula = input.formula;
      });
      this.context.book.noteWrite(t.sheet, t.rect);
    }
    this.context.book.changed("cells", t.sheet);
  }
}

type HorizontalAlignment = NonNullable<CellLook["align"]>;

/** Excel.RangeFormat: column width, row height, wrap, alignment, font and fill. */
export class SimRangeFormat extends SimClientObject {
  protected readonly entity = "RangeFormat";
  protected readonly scalars: readonly string[] = [
    "columnWidth",
    "wrapText",
    "rowHeight",
    "horizontalAlignment",
  ];
  /** The font of every cell of the range. */
  readonly font: SimRangeFont;
  /** The fill of every cell of the range. */
  readonly fill: SimRangeFill;

  constructor(
    context: SimRequestContext,
    private readonly target: () => RangeTarget
  ) {
    super(context);
    this.font = new SimRangeFont(context, target);
    this.fill = new SimRangeFill(context, target);
  }

  protected fetch(name: string): unknown {
    const { sheet, rect } = this.target();
    if (name === "wrapText") return lookOf(this.target).wrap ?? false;
    if (name === "horizontalAlignment") return lookOf(this.target).align ?? "General";
    if (name === "rowHeight") return sheet.rowHeights.get(rect.row) ?? 15;
    return sheet.columnWidths.get(rect.column) ?? 48;
  }

  /** Whether text wraps (the top-left cell's; set for every cell). */
  get wrapText(): boolean {
    return this.fetchedValue("wrapText");
  }
  set wrapText(value: boolean) {
    this.setProperty("wrapText", value, () =>
      applyLook(this.context, this.target, { wrap: value })
    );
  }

  /** Horizontal alignment (the top-left cell's; set for every cell). */
  get horizontalAlignment(): HorizontalAlignment {
    return this.fetchedValue("horizontalAlignment");
  }
  set horizontalAlignment(value: HorizontalAlignment) {
    this.setProperty("horizontalAlignment", value, () =>
      applyLook(this.context, this.target, { align: value })
    );
  }

  /** Height of the range's rows, points. */
  get rowHeight(): number {
    return this.fetchedValue("rowHeight");
  }
  set rowHeight(points: number) {
    this.setProperty("rowHeight", points, () => {
      const { sheet, rect } = this.target();
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) sheet.rowHeights.set(r, points);
      this.context.book.changed("cells", sheet);
    });
  }

  /** Width of the range's columns, points. */
  get columnWidth(): number {
    return this.fetchedValue("columnWidth");
  }
  set columnWidth(points: number) {
    this.setProperty("columnWidth", points, () => {
      const { sheet, rect } = this.target();
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        sheet.columnWidths.set(c, points);
      }
      this.context.book.changed("cells", sheet);
    });
  }
}

/** Applies a look to every cell of a target (a queued write). */
function applyLook(context: SimRequestContext, target: () => RangeTarget, look: CellLook): void {
  const t = target();
  eachCell(t, (row, column) => {
    const cell = t.sheet.cellForWrite(row, column);
    cell.look = { ...cell.look, ...look };
  });
  context.book.changed("cells", t.sheet);
}

/** The look of a range's top-left cell (Excel gives null when cells differ; we do not). */
function lookOf(target: () => RangeTarget): CellLook {
  const { sheet, rect } = target();
  return sheet.cell(rect.row, rect.column)?.look ?? {};
}

/** Excel.RangeFont: bold, italic, size, color. */
export class SimRangeFont extends SimClientObject {
  protected readonly entity = "RangeFont";
  protected readonly scalars: readonly string[] = ["bold", "italic", "size", "color"];

  constructor(
    context: SimRequestContext,
    private readonly target: () => RangeTarget
  ) {
    super(context);
  }

  protected fetch(name: string): unknown {
    const look = lookOf(this.target);
    if (name === "bold") return look.bold ?? false;
    if (name === "italic") return look.italic ?? false;
    if (name === "size") return look.size ?? 11;
    return look.color ?? "#000000";
  }

  private setLook(name: keyof CellLook, value: CellLook[keyof CellLook]): void {
    this.setProperty(name, value, () =>
      applyLook(this.context, this.target, { [name]: value } as CellLook)
    );
  }

  get bold(): boolean {
    return this.fetchedValue("bold");
  }
  set bold(value: boolean) {
    this.setLook("bold", value);
  }
  get italic(): boolean {
    return this.fetchedValue("italic");
  }
  set italic(value: boolean) {
    this.setLook("italic", value);
  }
  get size(): number {
    return this.fetchedValue("size");
  }
  set size(value: number) {
    this.setLook("size", value);
  }
  get color(): string {
    return this.fetchedValue("color");
  }
  set color(value: string) {
    this.setLook("color", value);
  }
}

/** Excel.RangeFill: color. */
export class SimRangeFill extends SimClientObject {
  protected readonly entity = "RangeFill";
  protected readonly scalars: readonly string[] = ["color"];

  constructor(
    context: SimRequestContext,
    private readonly target: () => RangeTarget
  ) {
    super(context);
  }

  protected fetch(): unknown {
    return lookOf(this.target).fill ?? "#FFFFFF";
  }

  get color(): string {
    return this.fetchedValue("color");
  }
  set color(value: string) {
    this.setProperty("color", value, () => applyLook(this.context, this.target, { fill: value }));
  }

  /** Removes the fill. */
  clear(): void {
    this.context.enqueue(() => applyLook(this.context, this.target, { fill: undefined }));
  }
}
