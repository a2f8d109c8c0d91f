/** Excel.Workbook, the worksheets collection, a worksheet and its frozen panes. */
import { SimPageBreaks, SimPageLayout } from "./simPageLayout";
import { MAX_COLUMNS, MAX_ROWS, parseRange } from "./a1";

import { SheetVisibility, SimSheet } from "./workbookModel";
import { SimOfficeError } from "./officeError";
import { SimChartCollection } from "./simCharts";
import { invalidArgument, Lazy, SimClientObject } from "./simBase";
import type { SimRequestContext } from "./simContext";
import { SimRange } from "./simRange";
import { SimTableCollection } from "./simTables";

/** Excel.Workbook: the selection and the worksheets. */
export class SimWorkbookObject extends SimClientObject {
  protected readonly entity = "Workbook";
  protected readonly scalars: readonly string[] = [];
  readonly worksheets: SimWorksheetCollection;
  /** Every table of the workbook (load "items/name"). */
  readonly tables: SimTableCollection;

  constructor(context: SimRequestContext) {
    super(context);
    this.worksheets = new SimWorksheetCollection(context);
    this.tables = new SimTableCollection(context);
  }

  protected fetch(name: string): unknown {
    throw invalidArgument(`unknown property ${name}`);
  }

  /** The selected range (on the active sheet, as in Excel). */
  getSelectedRange(): SimRange {
    const book = this.context.book;
    return new SimRange(this.context, () => ({
      sheet: book.activeSheet,
      rect: book.activeSheet.selection,
    }));
  }

  /** The active cell: the top-left cell of the selection. */
  getActiveCell(): SimRange {
    const book = this.context.book;
    return new SimRange(this.context, () => {
      const { row, column } = book.activeSheet.selection;
      return { sheet: book.activeSheet, rect: { row, column, rowCount: 1, columnCount: 1 } };
    });
  }
}

/** Excel.WorksheetCollection. */
export class SimWorksheetCollection extends SimClientObject {
  protected readonly entity = "WorksheetCollection";
  protected readonly scalars: readonly string[] = [];

  protected fetch(name: string): unknown {
    throw invalidArgument(`unknown property ${name}`);
  }

  /** The worksheets, after load("items/name") (or load("items")) and a sync. */
  get items(): SimWorksheet[] {
    return this.fetchedValue("items");
  }

  protected override loadNavigation(head: string, rest: string): void {
    // load("name") on a collection means items/name, as in office.js.
    const sub = head === "items" ? rest : [head, rest].filter(Boolean).join("/");
    this.context.enqueue(() => {
      const items = this.context.book.sheets.map((sheet) => {
        const ws = new SimWorksheet(this.context, () => sheet);
        return ws;
      });
      this.preset("items", items);
    });
    // Each item loads its own properties in the same batch, after the list exists.
    this.context.enqueue(() => {
      for (const ws of this.items) {
        ws.loadNow(sub === "" ? undefined : sub);
      }
    });
  }

  /** The active worksheet. */
  getActiveWorksheet(): SimWorksheet {
    const book = this.context.book;
    return new SimWorksheet(this.context, () => book.activeSheet);
  }

  /** The worksheet of that name; the sync fails with ItemNotFound when there is none. */
  getItem(key: string): SimWorksheet {
    const ws = this.named(key, "getItem");
    this.context.enqueue(() => ws.resolve());
    return ws;
  }

  /**
   * The worksheet of that name, or a null object (isNullObject true after the sync) when there
   * is none; work queued on a null object fails the sync with ItemNotFound.
   */
  getItemOrNullObject(key: string): SimWorksheet {
    const book = this.context.book;
    return this.named(key, "getItemOrNullObject").nullWhen(() => book.sheet(key) === undefined);
  }

  /** A proxy for the sheet of that name, failing with ItemNotFound (from `method`) when used without one. */
  private named(key: string, method: string): SimWorksheet {
    const book = this.context.book;
    return new SimWorksheet(this.context, () => {
      const sheet = book.sheet(key);
      if (!sheet) {
        throw new SimOfficeError(
          "ItemNotFound",
          "The requested resource doesn't exist.",
          `WorksheetCollection.${method}`
        );
      }
      return sheet;
    });
  }

  /** Adds a worksheet at the end (not activated, as in Excel). */
  add(name?: string): SimWorksheet {
    const book = this.context.book;
    const ws = new SimWorksheet(this.context, () => {
      try {
        return book.addSheet(name);
      } catch (e) {
        throw invalidArgument((e as Error).message, "WorksheetCollection.add");
      }
    });
    this.context.enqueue(() => ws.resolve());
    return ws;
  }
}

/** Excel.Worksheet. */
export class SimWorksheet extends SimClientObject {
  protected readonly entity = "Worksheet";
  protected readonly scalars: readonly string[] = ["name", "id", "position", "visibility"];
  private readonly sheet: Lazy<SimSheet>;
  /** Freeze panes of this sheet. */
  readonly freezePanes: SimFreezePanes;
  /** Charts of this sheet (simCharts.ts). */
  readonly charts: SimChartCollection;
  /** Tables of this sheet (simTables.ts). */
  readonly tables: SimTableCollection;
  /** Print setup and page breaks (simPageLayout.ts). */
  readonly pageLayout: SimPageLayout;
  readonly horizontalPageBreaks: SimPageBreaks;

  constructor(context: SimRequestContext, locate: () => SimSheet) {
    super(context);
    this.sheet = new Lazy(locate);
    this.freezePanes = new SimFreezePanes(context, () => this.sheet.get());
    this.charts = new SimChartCollection(context, () => this.sheet.get());
    this.tables = new SimTableCollection(context, () => this.sheet.get());
    this.pageLayout = new SimPageLayout(context, () => this.sheet.get());
    this.horizontalPageBreaks = new SimPageBreaks(context, () => this.sheet.get());
  }

  /** The sheet this proxy stands for (resolving it; call only inside a sync). */
  resolve(): SimSheet {
    return this.sheet.get();
  }

  /** Fills in properties at once (used by a collection's load, already inside a sync). */
  loadNow(path?: string): void {
    const names = path === undefined ? this.scalars : [path];
    for (const name of names) {
      if (!this.scalars.includes(name)) {
        throw invalidArgument(`The property '${name}' cannot be loaded on Worksheet.`);
      }
      this.preset(name, this.fetch(name));
    }
  }

  protected fetch(name: string): unknown {
    const sheet = this.sheet.get();
    if (name === "name") return sheet.name;
    if (name === "id") return sheet.id;
    if (name === "visibility") return sheet.visibility;
    return this.context.book.sheets.indexOf(sheet);
  }

  /** "Visible", "Hidden" or "VeryHidden" (hidden from the tabs; very hidden: unhidden only by code). */
  get visibility(): SheetVisibility {
    return this.fetchedValue("visibility");
  }

  set visibility(value: SheetVisibility) {
    this.setProperty("visibility", value, () => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(value)) {
        throw invalidArgument(`not a sheet visibility: "${value}"`, "Worksheet.visibility");
      }
      const sheet = this.sheet.get();
      const book = this.context.book;
      const othersVisible = book.sheets.some((s) => s !== sheet && s.visibility === "Visible");
      if (value !== "Visible" && !othersVisible) {
        throw invalidArgument("a workbook must keep one visible sheet", "Worksheet.visibility");
      }
      sheet.visibility = value;
      // Excel shows another sheet when the active one is hidden.
      if (value !== "Visible" && book.activeSheet === sheet) {
        book.activate(book.sheets.find((s) => s.visibility === "Visible")!);
      }
      book.changed("sheets");
    });
  }

  get name(): string {
    return this.fetchedValue("name");
  }

  set name(value: string) {
    this.setProperty("name", value, () => {
      const sheet = this.sheet.get();
      const other = this.context.book.sheet(value);
      if (other && other !== sheet) throw invalidArgument(`a sheet named "${value}" exists`);
      sheet.name = value;
      this.context.book.changed("sheets");
    });
  }

  get id(): string {
    return this.fetchedValue("id");
  }

  get position(): number {
    return this.fetchedValue("position");
  }

  /** A range by A1 address on this sheet ("B2", "A1:C3"); the whole sheet without one. */
  getRange(address?: string): SimRange {
    return new SimRange(this.context, () => {
      const rect =
        address === undefined
          ? { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS }
          : parseRange(address);
      if (!rect) throw invalidArgument(`not an A1 range: "${address}"`, "Worksheet.getRange");
      return { sheet: this.sheet.get(), rect };
    });
  }

  /** A range by 0-based start row/column and size. */
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): SimRange {
    return new SimRange(this.context, () => {
      const ok =
        [startRow, startColumn, rowCount, columnCount].every(Number.isInteger) &&
        startRow >= 0 &&
        startColumn >= 0 &&
        rowCount > 0 &&
        columnCount > 0 &&
        startRow + rowCount <= MAX_ROWS &&
        startColumn + columnCount <= MAX_COLUMNS;
      if (!ok) {
        throw invalidArgument(
          `bad range indexes (${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`,
          "Worksheet.getRangeByIndexes"
        );
      }
      return {
        sheet: this.sheet.get(),
        rect: { row: startRow, column: startColumn, rowCount, columnCount },
      };
    });
  }

  /** The used range from A1 (the simulator counts values and formulas, not formatting). */
  getUsedRange(): SimRange {
    return new SimRange(this.context, () => {
      const sheet = this.sheet.get();
      return { sheet, rect: sheet.usedRect() };
    });
  }

  /**
   * The used range, or a null object when the sheet holds no value (`valuesOnly`: the simulator
   * counts values and formulas only in any case).
   */
  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    void valuesOnly;
    return new SimRange(this.context, () => {
      const sheet = this.sheet.get();
      return { sheet, rect: sheet.usedRect() };
    }).nullWhen(() => this.sheet.get().isEmpty());
  }

  /** Deletes the sheet (Excel refuses to delete the last visible one). */
  delete(): void {
    this.context.enqueue(() => {
      try {
        this.context.book.removeSheet(this.sheet.get());
      } catch (e) {
        throw invalidArgument((e as Error).message, "Worksheet.delete");
      }
    });
  }

  /** Makes this the active sheet. */
  activate(): void {
    this.context.enqueue(() => this.context.book.activate(this.sheet.get()));
  }
}

/** Excel.WorksheetFreezePanes (rows only). */
export class SimFreezePanes {
  constructor(
    private readonly context: SimRequestContext,
    private readonly sheet: () => SimSheet
  ) {}

  /** Freezes the top `count` rows. */
  freezeRows(count = 1): void {
    this.context.enqueue(() => {
      this.sheet().freezeRows = count;
      this.context.book.changed("cells", this.sheet());
    });
  }

  /** Removes frozen rows. */
  unfreeze(): void {
    this.freezeRows(0);
  }
}

/** Where a range proxy points: a sheet and a rectangle. */
