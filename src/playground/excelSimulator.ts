/**
 * An in-memory Excel JavaScript API: the subset of `Excel.run` the keyrate task pane uses, with
 * Office.js's request protocol. Proxy objects queue their work; `context.sync()` runs the queue
 * against the SimWorkbook in order and fills in what was loaded. As in office.js, reading a
 * property that was neither loaded (and synced) nor set throws PropertyNotLoaded, a failed
 * request rejects the sync and drops the rest of the batch, `Excel.run` syncs once more after the
 * batch, and a request or response above Excel on the web's payload limit (5 MB) fails.
 *
 * Supported: workbook.getSelectedRange, worksheets (getActiveWorksheet, getItem, add, load of
 * items/name), worksheet (name, position, getRange, getRangeByIndexes, getUsedRange, activate,
 * freezePanes.freezeRows), range (address, indexes, counts, values, formulas, numberFormat, text,
 * select, getCell, format.columnWidth, format.font.bold/italic/size/color, format.fill.color),
 * worksheet.charts (the calls simCharts.ts lists).
 */
import { MAX_COLUMNS, MAX_ROWS, Rect, addressText, parseRange } from "./a1";
import { showValue } from "./numberFormat";
import { CellLook, SimSheet, SimWorkbook, cellFromInput } from "./workbookModel";
import { SimOfficeError } from "./officeError";
import { SimChartCollection } from "./simCharts";

export { SimOfficeError };

/** Excel on the web's limit on a request's or a response's payload. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

function invalidArgument(message: string, location?: string): SimOfficeError {
  return new SimOfficeError("InvalidArgument", message, location);
}

export interface SimulatorOptions {
  /** Largest request or response, in characters of JSON; default PAYLOAD_LIMIT_BYTES. */
  payloadLimitBytes?: number;
  /** Milliseconds each sync waits, standing in for the round trip to Excel; default 0. */
  latencyMs?: number;
}

/** Approximate JSON size of a payload, as office.js would serialise it. */
function payloadSize(value: unknown): number {
  return value === undefined ? 0 : JSON.stringify(value).length;
}

/** The request context: the queue of pending work and the workbook it runs against. */
export class SimRequestContext {
  readonly workbook: SimWorkbookObject;
  private queue: (() => void)[] = [];
  private requestBytes = 0;
  private responseBytes = 0;
  private closed = false;

  constructor(
    readonly book: SimWorkbook,
    private readonly options: SimulatorOptions = {}
  ) {
    this.workbook = new SimWorkbookObject(this);
  }

  /** Queues an operation for the next sync; `bytes` is its share of the request payload. */
  enqueue(op: () => void, bytes = 0): void {
    if (this.closed) {
      throw new SimOfficeError(
        "InvalidObjectPath",
        'The object was used outside the ".run" batch that created it.'
      );
    }
    this.queue.push(op);
    this.requestBytes += bytes;
  }

  /** Counts a loaded value towards the response payload. */
  respond(value: unknown): void {
    this.responseBytes += payloadSize(value);
  }

  /** Runs the queued operations in order; rejects with the first failure (the rest are dropped). */
  async sync<T>(passThroughValue?: T): Promise<T> {
    const ops = this.queue;
    const requestBytes = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    this.responseBytes = 0;
    const limit = this.options.payloadLimitBytes ?? PAYLOAD_LIMIT_BYTES;
    await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs ?? 0));
    const stats = this.book.stats;
    stats.syncs++;
    stats.lastRequestBytes = requestBytes;
    stats.largestRequestBytes = Math.max(stats.largestRequestBytes, requestBytes);
    this.book.changed("requests");
    if (requestBytes > limit) {
      throw new SimOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${requestBytes} bytes) has exceeded the limit (${limit}).`
      );
    }
    for (const op of ops) op();
    if (this.responseBytes > limit) {
      throw new SimOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${this.responseBytes} bytes) has exceeded the limit (${limit}).`
      );
    }
    return passThroughValue as T;
  }

  /** Ends the context: its objects can no longer queue work. */
  close(): void {
    this.closed = true;
  }
}

type LoadOption = string | string[] | { select?: string | string[] };

/** Property paths of a load() argument; undefined for load() (every scalar property). */
function loadPaths(option?: LoadOption): string[] | undefined {
  if (option === undefined) return undefined;
  const list = typeof option === "object" && !Array.isArray(option) ? option.select : option;
  if (list === undefined) return undefined;
  return (Array.isArray(list) ? list : list.split(","))
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/** Common part of every proxy: load(), the fetched-property cache and the load-before-read rule. */
abstract class SimClientObject {
  /** Property values fetched by a synced load() or set locally, as office.js keeps them. */
  private readonly fetched = new Map<string, unknown>();
  /** The API type name used in error locations, e.g. "Range". */
  protected abstract readonly entity: string;
  /** Scalar properties load() can fetch. */
  protected abstract readonly scalars: readonly string[];

  constructor(readonly context: SimRequestContext) {}

  /** Queues a load of properties ("values", ["address", "rowCount"], "items/name"). */
  load(option?: LoadOption): this {
    const paths = loadPaths(option) ?? [...this.scalars];
    for (const path of paths) {
      const [head, ...rest] = path.split("/");
      if (rest.length === 0 && this.scalars.includes(head)) {
        this.context.enqueue(() => {
          const value = this.fetch(head);
          this.context.respond(value);
          this.fetched.set(head, value);
        });
      } else {
        this.loadNavigation(head, rest.join("/"));
      }
    }
    return this;
  }

  /** Loads a navigation path such as items/name; objects without collections reject it. */
  protected loadNavigation(head: string, rest: string): void {
    this.context.enqueue(() => {
      throw invalidArgument(
        `The property '${[head, rest].filter(Boolean).join("/")}' cannot be loaded on ${this.entity}.`,
        `${this.entity}.load`
      );
    });
  }

  /** Reads a scalar property's current value from the workbook (during a sync). */
  protected abstract fetch(name: string): unknown;

  /** A property's value, or PropertyNotLoaded when it was neither loaded nor set. */
  protected fetchedValue<T>(name: string): T {
    if (!this.fetched.has(name)) {
      throw new SimOfficeError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        `${this.entity}.${name}`
      );
    }
    return this.fetched.get(name) as T;
  }

  /** Records a value set locally (readable at once, as in office.js) and queues its write. */
  protected setProperty(name: string, value: unknown, write: () => void): void {
    this.fetched.set(name, value);
    this.context.enqueue(write, payloadSize(value));
  }

  /** Stores a fetched value directly (collections filling their items). */
  protected preset(name: string, value: unknown): void {
    this.fetched.set(name, value);
  }
}

/** Resolves lazily (inside a sync) and remembers what it resolved to, like an object path. */
class Lazy<T> {
  private value?: T;

  constructor(private readonly locate: () => T) {}

  get(): T {
    if (this.value === undefined) this.value = this.locate();
    return this.value;
  }
}

/** Excel.Workbook: the selection and the worksheets. */
export class SimWorkbookObject extends SimClientObject {
  protected readonly entity = "Workbook";
  protected readonly scalars: readonly string[] = [];
  readonly worksheets: SimWorksheetCollection;

  constructor(context: SimRequestContext) {
    super(context);
    this.worksheets = new SimWorksheetCollection(context);
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
    const book = this.context.book;
    const ws = new SimWorksheet(this.context, () => {
      const sheet = book.sheet(key);
      if (!sheet) {
        throw new SimOfficeError(
          "ItemNotFound",
          "The requested resource doesn't exist.",
          "WorksheetCollection.getItem"
        );
      }
      return sheet;
    });
    this.context.enqueue(() => ws.resolve());
    return ws;
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
  protected readonly scalars: readonly string[] = ["name", "id", "position"];
  private readonly sheet: Lazy<SimSheet>;
  /** Freeze panes of this sheet. */
  readonly freezePanes: SimFreezePanes;
  /** Charts of this sheet (simCharts.ts). */
  readonly charts: SimChartCollection;

  constructor(context: SimRequestContext, locate: () => SimSheet) {
    super(context);
    this.sheet = new Lazy(locate);
    this.freezePanes = new SimFreezePanes(context, () => this.sheet.get());
    this.charts = new SimChartCollection(context, () => this.sheet.get());
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
    return this.context.book.sheets.indexOf(sheet);
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
      this.context.book.changed("cells");
    });
  }

  /** Removes frozen rows. */
  unfreeze(): void {
    this.freezeRows(0);
  }
}

/** Where a range proxy points: a sheet and a rectangle. */
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
    }
    this.context.book.changed("cells");
  }
}

/** Excel.RangeFormat: column width, font and fill. */
export class SimRangeFormat extends SimClientObject {
  protected readonly entity = "RangeFormat";
  protected readonly scalars: readonly string[] = ["columnWidth"];
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

  protected fetch(): unknown {
    const { sheet, rect } = this.target();
    return sheet.columnWidths.get(rect.column) ?? 48;
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
      this.context.book.changed("cells");
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
  context.book.changed("cells");
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

/**
 * `Excel.run` over a simulated workbook: runs the batch with a fresh context, rejects a batch
 * that does not return a promise, syncs once more after it, and closes the context.
 */
export function simulatedExcelRun(book: SimWorkbook, options: SimulatorOptions = {}) {
  return async function run<T>(batch: (context: SimRequestContext) => Promise<T>): Promise<T> {
    const context = new SimRequestContext(book, options);
    try {
      const pending = batch(context);
      if (!pending || typeof (pending as Promise<T>).then !== "function") {
        throw new SimOfficeError(
          "RunMustReturnPromise",
          'The batch function passed to the ".run" method didn\'t return a promise.'
        );
      }
      const result = await pending;
      await context.sync();
      return result;
    } finally {
      context.close();
    }
  };
}

/** Compile-time: T's members have the types of U's (the simulator against @types/office-js). */
type Implements<T extends U, U> = T;
type RangeMembers = "address" | "rowIndex" | "columnIndex" | "rowCount" | "columnCount" | "values";
/** Fails to compile when a simulated member's type drifts from Office.js's. */
export type OfficeJsTypeChecks = [
  Implements<
    Pick<SimRange, RangeMembers | "formulas" | "numberFormat" | "text" | "select">,
    Pick<Excel.Range, RangeMembers | "formulas" | "numberFormat" | "text" | "select">
  >,
  Implements<
    Pick<SimWorksheet, "name" | "id" | "position" | "activate">,
    Pick<Excel.Worksheet, "name" | "id" | "position" | "activate">
  >,
  Implements<
    Pick<SimFreezePanes, "freezeRows" | "unfreeze">,
    Pick<Excel.WorksheetFreezePanes, "freezeRows" | "unfreeze">
  >,
  Implements<Pick<SimRangeFormat, "columnWidth">, Pick<Excel.RangeFormat, "columnWidth">>,
  Implements<
    Pick<SimRangeFont, "bold" | "italic" | "size" | "color">,
    Pick<Excel.RangeFont, "bold" | "italic" | "size" | "color">
  >,
  Implements<Pick<SimRangeFill, "color" | "clear">, Pick<Excel.RangeFill, "color" | "clear">>,
  Implements<Pick<SimRequestContext, "sync">, Pick<Excel.RequestContext, "sync">>,
];
