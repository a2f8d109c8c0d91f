/* global document, HTMLElement, HTMLInputElement, HTMLTableCellElement, MouseEvent, requestAnimationFrame */
/**
 * Draws the simulated workbook as a spreadsheet: a name box and formula bar, the active sheet's
 * grid (column letters, row numbers, number formats, bold/italic/colours/fills, column widths,
 * frozen rows) and sheet tabs. Click or drag to select (shift-click extends), type an address into
 * the name box, edit the active cell in the formula bar, click a tab to switch sheets. Redraws when
 * the workbook changes (at most once a frame).
 */
import { columnLetters } from "../core/holdings/cells";
import { Rect, addressText, contains, rangeText } from "./a1";
import { fitNumber } from "./cellWidth";
import { showValue } from "./numberFormat";
import { ChangeKind, SimSheet, SimWorkbook } from "./workbookModel";

/** The grid draws at most this many rows (the rest is summarised below it). */
export const MAX_DRAWN_ROWS = 500;
const MAX_DRAWN_COLUMNS = 52;
const DEFAULT_WIDTH_POINTS = 48;
const PX_PER_POINT = 4 / 3;
/** Row height in pixels; fixed, so that frozen rows can stick at known offsets. */
const ROW_PX = 20;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch] ?? ch
  );
}

/** The elements the view draws into (see playground.html). */
export interface GridElements {
  grid: HTMLElement;
  tabs: HTMLElement;
  nameBox: HTMLInputElement;
  formulaBar: HTMLInputElement;
  /** Where the active cell's error message shows (Excel's error tooltip); hidden when none. */
  message: HTMLElement;
  status: HTMLElement;
}

/** The spreadsheet view of one SimWorkbook. */
export class GridView {
  private drawnSheet?: SimSheet;
  private drawnRows = 0;
  private drawnColumns = 0;
  private anchor?: { row: number; column: number };
  private dragging = false;
  private frame = false;
  private pending = new Set<ChangeKind>();

  /**
   * @param book The workbook to draw.
   * @param el Where to draw.
   * @param originalSheets Names of the sheets the workbook started with; others are marked new.
   */
  constructor(
    private readonly book: SimWorkbook,
    private readonly el: GridElements,
    private readonly originalSheets: ReadonlySet<string>
  ) {
    book.onChange((kinds) => this.schedule(kinds));
    this.listen();
    this.draw(new Set(["sheets", "cells", "selection"]));
  }

  private schedule(kinds: ReadonlySet<ChangeKind>): void {
    kinds.forEach((k) => this.pending.add(k));
    if (this.frame) return;
    this.frame = true;
    requestAnimationFrame(() => {
      this.frame = false;
      const all = this.pending;
      this.pending = new Set();
      this.draw(all);
    });
  }

  private draw(kinds: ReadonlySet<ChangeKind>): void {
    const sheet = this.book.activeSheet;
    if (kinds.has("sheets") || sheet !== this.drawnSheet) this.drawTabs();
    // Writes to other sheets (the pane writing its new sheets) need no redraw of this one.
    const changed = this.book.takeCellChanges();
    const mine = kinds.has("cells") && (changed === "all" || changed.has(sheet));
    const redraw = mine || sheet !== this.drawnSheet;
    if (redraw) this.drawGrid(sheet);
    // Marking a large selection restyles thousands of cells: only when it or the grid changed
    // (not on every sync's request counters).
    if (redraw || kinds.has("selection")) this.drawSelection();
    const s = this.book.stats;
    this.el.status.textContent =
      `${this.book.sheets.length} sheets · ${s.syncs} context.sync() calls · largest request ` +
      `${(s.largestRequestBytes / 1024).toFixed(1)} KB`;
  }

  private drawTabs(): void {
    this.el.tabs.replaceChildren(
      // Hidden and very hidden sheets have no tab, as in Excel.
      ...this.book.sheets
        .filter((sheet) => sheet.visibility === "Visible")
        .map((sheet) => {
          const tab = document.createElement("button");
          tab.type = "button";
          tab.className = "pg-tab";
          tab.textContent = sheet.name;
          tab.dataset.sheet = sheet.name;
          tab.setAttribute("role", "tab");
          tab.setAttribute("aria-selected", String(sheet === this.book.activeSheet));
          if (!this.originalSheets.has(sheet.name)) {
            tab.classList.add("pg-tab-new");
            tab.title = "Written by the add-in";
          }
          tab.addEventListener("click", () => this.book.activate(sheet));
          return tab;
        })
    );
  }

  private drawGrid(sheet: SimSheet): void {
    const used = sheet.usedRect();
    const rows = Math.min(Math.max(used.rowCount + 10, 40), MAX_DRAWN_ROWS);
    const columns = Math.min(Math.max(used.columnCount + 2, 12), MAX_DRAWN_COLUMNS);
    const cols = ['<col style="width:44px">'];
    const head = ['<th class="pg-corner"></th>'];
    let tableWidth = 44;
    const widths: number[] = [];
    for (let c = 0; c < columns; c++) {
      const px = Math.round((sheet.columnWidths.get(c) ?? DEFAULT_WIDTH_POINTS) * PX_PER_POINT);
      widths.push(px);
      tableWidth += px;
      cols.push(`<col style="width:${px}px">`);
      head.push(`<th>${columnLetters(c)}</th>`);
    }
    const body: string[] = [];
    for (let r = 0; r < rows; r++) {
      const frozen = r < sheet.freezeRows;
      const rowStyle = frozen ? ` class="pg-frozen" style="top:${(r + 1) * ROW_PX}px"` : "";
      const cells = [`<th>${r + 1}</th>`];
      for (let c = 0; c < columns; c++) cells.push(this.cellHtml(sheet, r, c, widths[c]));
      body.push(`<tr${rowStyle}>${cells.join("")}</tr>`);
    }
    const more =
      used.rowCount > rows
        ? `<p class="pg-more">${used.rowCount - rows} more rows not drawn (the first ${rows} are shown).</p>`
        : "";
    this.el.grid.innerHTML =
      `<table class="pg-table" style="width:${tableWidth}px"><colgroup>${cols.join("")}</colgroup>` +
      `<thead><tr>${head.join("")}</tr></thead><tbody>${body.join("")}</tbody></table>${more}`;
    this.drawnSheet = sheet;
    this.drawnRows = rows;
    this.drawnColumns = columns;
  }

  private cellHtml(sheet: SimSheet, r: number, c: number, columnPx: number): string {
    const cell = sheet.cell(r, c);
    if (!cell) return `<td data-r="${r}" data-c="${c}"></td>`;
    const shown = showValue(cell.value, cell.numberFormat);
    const look = cell.look ?? {};
    // A formatted number too wide for its column shows ####, as in Excel (General ones Excel
    // shortens instead; not simulated).
    const general = !cell.numberFormat || /^general$/i.test(cell.numberFormat);
    if (typeof cell.value === "number" && !general) {
      shown.text = fitNumber(shown.text, columnPx, look.size ?? 11, look.bold);
    }
    const style: string[] = [];
    if (look.bold) style.push("font-weight:600");
    if (look.italic) style.push("font-style:italic");
    if (look.size) style.push(`font-size:${Math.round(look.size * PX_PER_POINT * 0.85)}px`);
    const color = shown.color ?? look.color;
    if (color) style.push(`color:${color}`);
    if (look.fill) style.push(`background:${look.fill}`);
    const kinds = [typeof cell.value === "number" ? "pg-num" : cell.formula ? "pg-formula" : ""];
    // Tables (ListObjects): a rule under the header, banded data rows.
    const table = sheet.tables.find((t) => contains(t.rect, r, c));
    if (table)
      kinds.push(
        r === table.rect.row ? "pg-table-head" : (r - table.rect.row) % 2 ? "" : "pg-band"
      );
    const kind = kinds.filter(Boolean).join(" ");
    return (
      `<td data-r="${r}" data-c="${c}" class="${kind}" style="${style.join(";")}"` +
      ` title="${escapeHtml(cell.message ?? cell.formula ?? shown.text)}">${escapeHtml(shown.text)}</td>`
    );
  }

  /** The table cell element at a 0-based row and column, if drawn. */
  private td(row: number, column: number): HTMLTableCellElement | undefined {
    if (row >= this.drawnRows || column >= this.drawnColumns) return undefined;
    const table = this.el.grid.querySelector("table");
    return table?.tBodies[0]?.rows[row]?.cells[column + 1];
  }

  private drawSelection(): void {
    const sheet = this.book.activeSheet;
    const rect = sheet.selection;
    this.el.grid.querySelectorAll(".pg-sel, .pg-active").forEach((el) => {
      el.classList.remove("pg-sel", "pg-active");
    });
    const lastRow = Math.min(rect.row + rect.rowCount, this.drawnRows);
    const lastColumn = Math.min(rect.column + rect.columnCount, this.drawnColumns);
    for (let r = rect.row; r < lastRow; r++) {
      for (let c = rect.column; c < lastColumn; c++) this.td(r, c)?.classList.add("pg-sel");
    }
    this.td(rect.row, rect.column)?.classList.add("pg-active");
    this.el.nameBox.value = rangeText(rect);
    this.el.nameBox.title = addressText(sheet.name, rect);
    const cell = sheet.cell(rect.row, rect.column);
    // A spilled cell shows its anchor's formula, greyed and read-only, as Excel does.
    const anchor = this.book.calc.spillAnchor(sheet, rect.row, rect.column);
    const source = anchor ? sheet.cell(anchor.row, anchor.column) : undefined;
    this.el.formulaBar.value =
      source?.formula ?? (cell ? (cell.formula ?? String(cell.value)) : "");
    this.el.formulaBar.readOnly = source !== undefined;
    this.el.formulaBar.classList.toggle("pg-spilled", source !== undefined);
    const message = cell?.message;
    this.el.message.hidden = message === undefined;
    this.el.message.textContent = message === undefined ? "" : `${String(cell?.value)}: ${message}`;
  }

  private cellOf(target: EventTarget | null): { row: number; column: number } | undefined {
    const td = (target as HTMLElement | null)?.closest?.("td[data-r]") as HTMLElement | null;
    if (!td) return undefined;
    return { row: Number(td.dataset.r), column: Number(td.dataset.c) };
  }

  private selectTo(to: { row: number; column: number }): void {
    const from = this.anchor ?? to;
    const rect: Rect = {
      row: Math.min(from.row, to.row),
      column: Math.min(from.column, to.column),
      rowCount: Math.abs(from.row - to.row) + 1,
      columnCount: Math.abs(from.column - to.column) + 1,
    };
    const current = this.book.activeSheet.selection;
    const same = (["row", "column", "rowCount", "columnCount"] as const).every(
      (k) => current[k] === rect[k]
    );
    if (!same) this.book.select(this.book.activeSheet, rect);
  }

  private listen(): void {
    this.el.grid.addEventListener("mousedown", (e: MouseEvent) => {
      const at = this.cellOf(e.target);
      if (!at || e.button !== 0) return;
      e.preventDefault();
      if (!e.shiftKey || !this.anchor) this.anchor = at;
      this.dragging = true;
      this.selectTo(at);
    });
    this.el.grid.addEventListener("mouseover", (e: MouseEvent) => {
      const at = this.dragging ? this.cellOf(e.target) : undefined;
      if (at) this.selectTo(at);
    });
    document.addEventListener("mouseup", () => (this.dragging = false));
    this.el.nameBox.addEventListener("keydown", (e) => {
      if (e.key !== "Enter") return;
      try {
        this.book.selectAddress(this.el.nameBox.value.trim());
        this.anchor = undefined;
        this.el.nameBox.classList.remove("pg-invalid");
      } catch {
        this.el.nameBox.classList.add("pg-invalid");
      }
    });
    this.el.formulaBar.addEventListener("keydown", (e) => {
      if (e.key !== "Enter") return;
      const sheet = this.book.activeSheet;
      const { row, column } = sheet.selection;
      const one = { row, column, rowCount: 1, columnCount: 1 };
      this.book.enter(addressText(sheet.name, one), this.el.formulaBar.value);
    });
  }
}
