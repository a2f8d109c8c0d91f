/**
 * The simulated workbook's data: sheets of cells (value, formula, number format, look), column
 * widths, frozen rows, the active sheet, each sheet's selection and the document settings. It
 * knows nothing of Office.js's request/sync protocol (excelSimulator.ts adds that) nor of the DOM
 * (gridView.ts draws it); listeners hear about every change.
 */
import { daysInMonth, serialFromYmd } from "../core/dates";
import { MAX_COLUMNS, Rect, parseAddress } from "./a1";
import { Calculator } from "./calculator";

/** A cell value as Range.values gives it: "" for an empty cell. */
export type Scalar = number | string | boolean;

/** How a cell looks (the subset of Range.format the add-in sets). */
export interface CellLook {
  /** Text wraps (range.format.wrapText). */
  wrap?: boolean;
  /** Horizontal alignment (range.format.horizontalAlignment). */
  align?:
    | "General"
    | "Left"
    | "Center"
    | "Right"
    | "Fill"
    | "Justify"
    | "CenterAcrossSelection"
    | "Distributed";
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** Font colour, #RRGGBB. */
  color?: string;
  /** Fill colour, #RRGGBB. */
  fill?: string;
}

/**
 * One cell. A formula's value is FORMULA_VALUE until the workbook recalculates it; a cell inside a
 * formula's spill range holds a value and no formula (calculator.ts).
 */
export interface SimCell {
  value: Scalar;
  formula?: string;
  /** The message of an error value a custom function returned (Excel shows it on selection). */
  message?: string;
  numberFormat?: string;
  look?: CellLook;
}

/** What a formula cell shows before it is calculated (formulaEngine.ts). */
export const FORMULA_VALUE = "#N/A";

/** One sheet as the build-time converter (scripts/xlsx-json-loader.js) writes it. */
export interface SheetSnapshot {
  name: string;
  /** Rows of values from A1 as Range.values gives them ("" empty, dates as serial numbers). */
  values: Scalar[][];
  /** Number formats parallel to values ("General" where none). */
  numberFormats?: string[][];
  /** Looks keyed "row,column" (0-based). */
  looks?: Record<string, CellLook>;
  /** Column widths in points by 0-based column (0 or missing: default). */
  columnWidths?: number[];
  freezeRows?: number;
  /** Formulas keyed "row,column" (0-based); values hold what they showed. */
  formulas?: Record<string, string>;
  /** Hidden or very hidden (a sheet the add-in keeps to itself); missing: visible. */
  visibility?: SheetVisibility;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /** Office document settings, name → JSON text (saved with the workbook). */
  settings?: Record<string, string>;
}

/** Excel.SheetVisibility, as text. */
export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

/** What changed: cells, the list of sheets, the selection / active sheet, or request counters. */
export type ChangeKind = "cells" | "sheets" | "selection" | "requests";

const NUMBER_TEXT = /^([-+]?)\$?(\d{1,3}(,\d{3})+(\.\d*)?|\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?(%?)$/i;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * What Excel makes of typed text: a number ("1,000", "5%", "$3", "9128102E7"), a date serial
 * ("2026-01-15", "1/15/2026"), a boolean, or the text itself. (Excel knows more forms — times,
 * month names, fractions; the simulator stops here.)
 */
export function excelParse(text: string): Scalar {
  const t = text.trim();
  const n = NUMBER_TEXT.exec(t);
  if (n) {
    const x = Number(t.replace(/[$,%]/g, ""));
    return n[7] === "%" ? x / 100 : x;
  }
  if (/^(true|false)$/i.test(t)) return t.toUpperCase() === "TRUE";
  const iso = ISO_DATE.exec(t);
  const us = US_DATE.exec(t);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : [];
  if (y !== undefined && Number(m) >= 1 && Number(m) <= 12 && Number(d) >= 1) {
    if (Number(d) <= daysInMonth(Number(y), Number(m))) {
      return serialFromYmd(Number(y), Number(m), Number(d));
    }
  }
  return text;
}
const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

/**
 * What typing or writing `input` into a cell stores, as Excel does for Range.values/formulas:
 * null/undefined leaves the cell unchanged (undefined result); "=…" is a formula; a leading
 * apostrophe forces text; other text goes through excelParse.
 */
export function cellFromInput(input: unknown): Pick<SimCell, "value" | "formula"> | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new TypeError(`not a finite number: ${input}`);
    return { value: input };
  }
  if (typeof input === "boolean") return { value: input };
  if (typeof input !== "string") throw new TypeError(`not a cell value: ${typeof input}`);
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.startsWith("=") && input.length > 1) return { value: FORMULA_VALUE, formula: input };
  return { value: excelParse(input) };
}

/**
 * A chart as the add-in made it (simCharts.ts records the Office.js calls): ranges are A1 text,
 * without the sheet name when on the chart's own sheet. The simulator draws no charts.
 */
export interface SimChart {
  readonly name: string;
  /** Excel.ChartType's value, e.g. "ColumnClustered". */
  type: string;
  title: string;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  /** Excel.ChartAxisTickLabelPosition of the category axis ("NextToAxis" unless set). */
  categoryLabelPosition: string;
  legendPosition: string;
  series: { name: string; values: string; categories: string }[];
  /** The cells it covers, top-left and bottom-right ("L30", "S47"); undefined until placed. */
  position?: { start: string; end: string };
}

/** A sheet's print setup as the add-in set it (simPageLayout.ts); recorded, not drawn. */
export interface SimPrintSetup {
  orientation?: "Portrait" | "Landscape";
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printArea?: string;
  /** Rows repeated on each page, as set ("$1:$2"). */
  titleRows?: string;
  /** 0-based rows a page break sits above. */
  rowBreaks: number[];
}

/** An Excel table (ListObject) as the add-in made it (simTables.ts). */
export interface SimTable {
  name: string;
  readonly sheet: SimSheet;
  /** The table's cells, header row included. */
  readonly rect: Rect;
  style: string;
}

/** A worksheet: a sparse map of cells plus view state. */
export class SimSheet {
  /** Cells keyed row × MAX_COLUMNS + column. */
  readonly cells = new Map<number, SimCell>();
  /** Column widths in points by 0-based column. */
  readonly columnWidths = new Map<number, number>();
  freezeRows = 0;
  /** Charts on the sheet, in the order they were added. */
  readonly charts: SimChart[] = [];
  /** Tables on the sheet, in the order they were added. */
  readonly tables: SimTable[] = [];
  /** Row heights in points by 0-based row (set through range.format.rowHeight). */
  readonly rowHeights = new Map<number, number>();
  /** Merged blocks, in the order merged (range.merge; recorded, the grid draws them unmerged). */
  readonly merges: Rect[] = [];
  /** Print setup (worksheet.pageLayout, horizontalPageBreaks). */
  readonly print: SimPrintSetup = { rowBreaks: [] };
  /** The sheet's own selection, restored when it is activated (as in Excel). */
  selection: Rect = { row: 0, column: 0, rowCount: 1, columnCount: 1 };
  /** Shown in the tabs, hidden (the user may unhide it) or very hidden (only code can). */
  visibility: SheetVisibility = "Visible";

  constructor(
    readonly id: string,
    public name: string
  ) {}

  /** The cell at 0-based row and column, if it has ever been written. */
  cell(row: number, column: number): SimCell | undefined {
    return this.cells.get(row * MAX_COLUMNS + column);
  }

  /** The cell at row and column, created empty when missing. */
  cellForWrite(row: number, column: number): SimCell {
    const key = row * MAX_COLUMNS + column;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: "" };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** True when no cell holds a value or a formula (Excel's used range is then a null object). */
  isEmpty(): boolean {
    for (const cell of this.cells.values()) {
      if (cell.value !== "" || cell.formula !== undefined) return false;
    }
    return true;
  }

  /**
   * Clears the cells of a rectangle: their values and formulas ("Contents"), number formats and
   * looks ("Formats"), or both ("All"), as Range.clear does.
   */
  clear(rect: Rect, applyTo: "All" | "Contents" | "Formats" = "All"): void {
    for (const [key, cell] of this.cells) {
      const row = Math.floor(key / MAX_COLUMNS);
      const column = key % MAX_COLUMNS;
      const inside =
        row >= rect.row &&
        row < rect.row + rect.rowCount &&
        column >= rect.column &&
        column < rect.column + rect.columnCount;
      if (!inside) continue;
      if (applyTo !== "Formats") {
        cell.value = "";
        delete cell.formula;
        delete cell.message;
      }
      if (applyTo !== "Contents") {
        delete cell.numberFormat;
        delete cell.look;
      }
      if (cell.value === "" && !cell.numberFormat && !cell.look) this.cells.delete(key);
    }
  }

  /** The sheet as a saved file keeps it: cells, formats, widths, frozen rows and visibility. */
  toSnapshot(): SheetSnapshot {
    // Every cell ever written, formatted empty ones included (A1 at least).
    let rows = 1;
    let columns = 1;
    for (const key of this.cells.keys()) {
      rows = Math.max(rows, Math.floor(key / MAX_COLUMNS) + 1);
      columns = Math.max(columns, (key % MAX_COLUMNS) + 1);
    }
    const values = this.valuesIn({ row: 0, column: 0, rowCount: rows, columnCount: columns });
    const numberFormats = values.map((row) => row.map(() => "General"));
    const looks: Record<string, CellLook> = {};
    const formulas: Record<string, string> = {};
    for (const [key, cell] of this.cells) {
      const [r, c] = [Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS];
      if (cell.numberFormat) numberFormats[r][c] = cell.numberFormat;
      if (cell.look) looks[`${r},${c}`] = { ...cell.look };
      if (cell.formula !== undefined) formulas[`${r},${c}`] = cell.formula;
    }
    const columnWidths: number[] = [];
    for (const [c, w] of this.columnWidths) columnWidths[c] = w;
    return {
      name: this.name,
      values,
      numberFormats,
      looks,
      columnWidths: Array.from(columnWidths, (w) => w ?? 0),
      freezeRows: this.freezeRows,
      formulas,
      visibility: this.visibility,
    };
  }

  /** The smallest rectangle from A1 holding every non-empty cell (A1 alone when empty). */
  usedRect(): Rect {
    let rows = 1;
    let columns = 1;
    for (const [key, cell] of this.cells) {
      if (cell.value === "" && cell.formula === undefined) continue;
      rows = Math.max(rows, Math.floor(key / MAX_COLUMNS) + 1);
      columns = Math.max(columns, (key % MAX_COLUMNS) + 1);
    }
    return { row: 0, column: 0, rowCount: rows, columnCount: columns };
  }

  /** The values of a rectangle, row by row (copies, so callers cannot change the sheet). */
  valuesIn(rect: Rect): Scalar[][] {
    const out: Scalar[][] = [];
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      const row: Scalar[] = [];
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        row.push(this.cell(r, c)?.value ?? "");
      }
      out.push(row);
    }
    return out;
  }
}

/** #BUSY! formulas calculated per task (a slice of tens of milliseconds on a laptop). */
export const CUSTOM_SLICE = 2000;
/** Milliseconds without a request before #BUSY! formulas are calculated. */
export const CUSTOM_QUIET_MS = 50;

/** The whole workbook. */
export class SimWorkbook {
  readonly sheets: SimSheet[] = [];
  /** Office document settings, name → JSON text (Office stores them serialised). */
  readonly settings = new Map<string, string>();
  /** Request counters, for the page's status line, benchmarks and tests (bytes read: responses). */
  readonly stats = { syncs: 0, lastRequestBytes: 0, largestRequestBytes: 0, responseBytes: 0 };
  /** The calculation of formula cells; set `calc.functions` to call custom functions. */
  readonly calc = new Calculator((name) => this.sheet(name));
  /** Sheets whose cells changed since takeCellChanges() was last called. */
  private cellChanges: Set<SimSheet> | "all" = new Set();
  /** Cells written since the last recalculation. */
  private written: { sheet: SimSheet; rect: Rect }[] = [];
  private active!: SimSheet;
  private nextId = 1;
  private readonly listeners = new Set<(kinds: ReadonlySet<ChangeKind>) => void>();
  private pending = new Set<ChangeKind>();

  constructor(firstSheet = "Sheet1") {
    this.active = this.addSheet(firstSheet);
  }

  /** A workbook holding the snapshot's sheets, the first one active. */
  static fromSnapshot(snapshot: WorkbookSnapshot): SimWorkbook {
    const [first, ...rest] = snapshot.sheets;
    const book = new SimWorkbook(first?.name ?? "Sheet1");
    for (const s of rest) book.addSheet(s.name);
    snapshot.sheets.forEach((s, i) => book.loadSheet(book.sheets[i], s));
    for (const [name, json] of Object.entries(snapshot.settings ?? {}))
      book.settings.set(name, json);
    book.pending.clear();
    return book;
  }

  private loadSheet(sheet: SimSheet, s: SheetSnapshot): void {
    s.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const format = s.numberFormats?.[r]?.[c];
        const look = s.looks?.[`${r},${c}`];
        if (value === "" && (!format || format === "General") && !look) return;
        const cell = sheet.cellForWrite(r, c);
        cell.value = value;
        if (format && format !== "General") cell.numberFormat = format;
        if (look) cell.look = { ...look };
      })
    );
    for (const [key, formula] of Object.entries(s.formulas ?? {})) {
      const [r, c] = key.split(",").map(Number);
      sheet.cellForWrite(r, c).formula = formula;
    }
    s.columnWidths?.forEach((w, c) => w > 0 && sheet.columnWidths.set(c, w));
    sheet.freezeRows = s.freezeRows ?? 0;
    sheet.visibility = s.visibility ?? "Visible";
  }

  /**
   * The workbook as saving it to a file keeps it — cells, formulas, formats, widths, frozen rows,
   * sheet visibility and document settings — for {@link fromSnapshot} to reopen, formulas showing
   * the values they last calculated, as a saved file keeps them. (Charts, tables,
   * merges and print setup are not kept: the playground's save is for what the add-in reads back.)
   */
  toSnapshot(): WorkbookSnapshot {
    return {
      sheets: this.sheets.map((s) => s.toSnapshot()),
      settings: Object.fromEntries(this.settings),
    };
  }

  /** The active sheet. */
  get activeSheet(): SimSheet {
    return this.active;
  }

  /** The sheet of that name (case-insensitive, as Excel compares sheet names). */
  sheet(name: string): SimSheet | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  /**
   * Adds a sheet at the end, as Worksheets.add does: a fresh "SheetN" name when none is given.
   * @throws Error when the name is taken, too long or holds a character Excel forbids.
   */
  addSheet(name?: string): SimSheet {
    let chosen = name;
    if (chosen === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheet(`Sheet${n}`)) n++;
      chosen = `Sheet${n}`;
    }
    if (chosen.trim() === "" || chosen.length > 31 || BAD_SHEET_CHARS.test(chosen)) {
      throw new Error(`invalid sheet name "${chosen}"`);
    }
    if (this.sheet(chosen)) throw new Error(`a sheet named "${chosen}" already exists`);
    const sheet = new SimSheet(`{sheet-${this.nextId++}}`, chosen);
    this.sheets.push(sheet);
    this.changed("sheets");
    return sheet;
  }

  /**
   * Removes a sheet; the next one (or the previous, for the last) becomes active if it was.
   * @throws Error for the only sheet, which Excel never deletes.
   */
  removeSheet(sheet: SimSheet): void {
    const at = this.sheets.indexOf(sheet);
    if (at < 0) return;
    if (this.sheets.length === 1) throw new Error("a workbook must keep at least one sheet");
    this.sheets.splice(at, 1);
    this.calc.forget(sheet);
    if (this.active === sheet) this.active = this.sheets[Math.min(at, this.sheets.length - 1)];
    this.changed("sheets");
  }

  /** Makes the sheet active (its own selection comes with it). */
  activate(sheet: SimSheet): void {
    if (this.active === sheet) return;
    this.active = sheet;
    this.changed("selection");
  }

  /** Selects a rectangle on a sheet and activates the sheet, as Range.select does. */
  select(sheet: SimSheet, rect: Rect): void {
    sheet.selection = { ...rect };
    this.active = sheet;
    this.changed("selection");
  }

  /**
   * Selects by address, e.g. "Holdings!A1:L301" (without a sheet: on the active sheet).
   * @throws Error for a malformed address or an unknown sheet.
   */
  selectAddress(address: string): void {
    const { sheet, rect } = this.resolve(address);
    this.select(sheet, rect);
  }

  /**
   * Enters a value into one cell as a user typing it would ("=…" a formula, "'…" text), keeping
   * its format. For tests and the formula bar.
   */
  enter(address: string, input: Scalar): void {
    const { sheet, rect } = this.resolve(address);
    const parsed = cellFromInput(input);
    if (!parsed) return;
    const cell = sheet.cellForWrite(rect.row, rect.column);
    cell.value = parsed.value;
    cell.formula = parsed.formula;
    this.noteWrite(sheet, { ...rect, rowCount: 1, columnCount: 1 });
    this.recalculate();
    this.changed("cells", sheet);
  }

  /** The table of that name on any sheet (case-insensitive, as Excel compares them). */
  tableNamed(name: string): SimTable | undefined {
    const key = name.toLowerCase();
    return this.sheets.flatMap((s) => s.tables).find((t) => t.name.toLowerCase() === key);
  }

  /** Records cells written (values or formulas) for the next recalculation. */
  noteWrite(sheet: SimSheet, rect: Rect): void {
    this.written.push({ sheet, rect });
  }

  /**
   * Calculates the formulas written since the last call and every formula depending on them.
   * With `deferCustom`, formulas calling a custom function show #BUSY! and are calculated once
   * writing pauses, in slices of CUSTOM_SLICE formulas (as Excel calls custom functions after the
   * requests that wrote them).
   */
  recalculate(deferCustom = false): void {
    // Any request (a sync with deferCustom) postpones the custom functions' turn.
    if (deferCustom) this.lastRequestAt = performance.now();
    if (this.written.length === 0) return;
    const written = this.written;
    this.written = [];
    for (const sheet of this.calc.recalculate(written, deferCustom)) this.changed("cells", sheet);
    this.lastRequestAt = performance.now();
    if (this.calc.queuedCount > 0) this.scheduleQueued();
  }

  private queuedTimer?: ReturnType<typeof setTimeout>;
  private readonly calculatedWaiters: (() => void)[] = [];

  /** When the last request ended (performance-clock milliseconds). */
  private lastRequestAt = 0;

  /** Excel.run batches in progress (simulatedExcelRun counts them). */
  private runs = 0;

  /** An Excel.run batch starts (custom functions wait for it). */
  beginRun(): void {
    this.runs++;
  }

  /** An Excel.run batch ended: queued custom functions get their turn. */
  endRun(): void {
    this.runs = Math.max(0, this.runs - 1);
    if (this.runs === 0 && this.calc.queuedCount > 0) this.scheduleQueued();
  }

  /**
   * Calculates a slice of the queue once no Excel.run batch is in progress and requests have
   * paused for CUSTOM_QUIET_MS: the add-in's writes go first.
   */
  private scheduleQueued(): void {
    if (this.queuedTimer !== undefined) return;
    const wait = Math.max(0, this.lastRequestAt + CUSTOM_QUIET_MS - performance.now());
    this.queuedTimer = setTimeout(() => {
      this.queuedTimer = undefined;
      if (this.runs > 0) return; // endRun schedules again
      if (performance.now() - this.lastRequestAt < CUSTOM_QUIET_MS) this.scheduleQueued();
      else this.calculateQueued(CUSTOM_SLICE);
    }, wait);
  }

  /** Calculates up to `limit` #BUSY! formulas now; schedules the rest. */
  private calculateQueued(limit = Infinity): void {
    for (const sheet of this.calc.calculateQueued(limit)) this.changed("cells", sheet);
    if (this.calc.queuedCount > 0) this.scheduleQueued();
    else this.calculatedWaiters.splice(0).forEach((done) => done());
  }

  /** Resolves once no formula shows #BUSY! (at once when none does). */
  calculated(): Promise<void> {
    if (this.calc.queuedCount === 0) return Promise.resolve();
    return new Promise((resolve) => this.calculatedWaiters.push(resolve));
  }

  /** Calculates every #BUSY! formula now (for tests reading a sheet). */
  calculateNow(): void {
    if (this.calc.queuedCount > 0) this.calculateQueued();
  }

  /** The used values of a sheet from A1 ("" for empty cells), every #BUSY! formula calculated. */
  usedValues(name: string): Scalar[][] {
    this.calculateNow();
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet named "${name}"`);
    return sheet.valuesIn(sheet.usedRect());
  }

  /** The cell at an address (undefined when never written). */
  cellAt(address: string): SimCell | undefined {
    const { sheet, rect } = this.resolve(address);
    return sheet.cell(rect.row, rect.column);
  }

  /** Sheet and rectangle of an address; the active sheet when it names none. */
  resolve(address: string): { sheet: SimSheet; rect: Rect } {
    const parsed = parseAddress(address);
    if (!parsed) throw new Error(`not an A1 address: "${address}"`);
    const sheet = parsed.sheet === undefined ? this.active : this.sheet(parsed.sheet);
    if (!sheet) throw new Error(`no sheet named "${parsed.sheet}"`);
    return { sheet, rect: parsed.rect };
  }

  /** Subscribes to changes (coalesced per microtask); returns the unsubscribe function. */
  onChange(listener: (kinds: ReadonlySet<ChangeKind>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Sheets whose cells changed since the last call, for a view that redraws only the sheet it
   * shows ("all" when a change did not say which sheet).
   */
  takeCellChanges(): ReadonlySet<SimSheet> | "all" {
    const out = this.cellChanges;
    this.cellChanges = new Set();
    return out;
  }

  /**
   * Records a change (for "cells", on which sheet if known); listeners hear about all changes of
   * the current task together.
   */
  changed(kind: ChangeKind, sheet?: SimSheet): void {
    if (kind === "cells" && this.cellChanges !== "all") {
      if (sheet) this.cellChanges.add(sheet);
      else this.cellChanges = "all";
    }
    if (this.pending.size === 0) {
      queueMicrotask(() => {
        const kinds = this.pending;
        this.pending = new Set();
        if (kinds.size === 0) return;
        for (const listener of this.listeners) listener(kinds);
      });
    }
    this.pending.add(kind);
  }
}
